package did

import (
	"crypto"
	"fmt"
)

// Document is a DID document with the fields Satchel produces and reads.
type Document struct {
	Context              []string             `json:"@context"`
	ID                   string               `json:"id"`
	VerificationMethod   []VerificationMethod `json:"verificationMethod"`
	Authentication       []string             `json:"authentication,omitempty"`
	AssertionMethod      []string             `json:"assertionMethod,omitempty"`
	CapabilityInvocation []string             `json:"capabilityInvocation,omitempty"`
	CapabilityDelegation []string             `json:"capabilityDelegation,omitempty"`
}

// VerificationMethod is one key of a DID document, in the Multikey form.
type VerificationMethod struct {
	ID                 string `json:"id"`
	Type               string `json:"type"`
	Controller         string `json:"controller"`
	PublicKeyMultibase string `json:"publicKeyMultibase,omitempty"`
}

// KeyDocument expands a did:key into its DID document, following the
// did:key method's Multikey representation.
func KeyDocument(did string) (*Document, error) {
	pub, err := ParseKey(did)
	if err != nil {
		return nil, err
	}
	return keyDocument(pub)
}

func keyDocument(pub crypto.PublicKey) (*Document, error) {
	mb, err := Multibase(pub)
	if err != nil {
		return nil, fmt.Errorf("did document: %w", err)
	}
	id := KeyPrefix + mb
	vm := id + "#" + mb
	ref := []string{vm}
	return &Document{
		Context: []string{"https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"},
		ID:      id,
		VerificationMethod: []VerificationMethod{{
			ID: vm, Type: "Multikey", Controller: id, PublicKeyMultibase: mb,
		}},
		Authentication:       ref,
		AssertionMethod:      ref,
		CapabilityInvocation: ref,
		CapabilityDelegation: ref,
	}, nil
}
