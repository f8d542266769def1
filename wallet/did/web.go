package did

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/mr-tron/base58"
)

// WebPrefix starts every did:web.
const WebPrefix = "did:web:"

// maxWebDIDLength bounds the identifiers WebURL accepts: a host name is at
// most 253 characters, and a few path segments fit in the rest.
const maxWebDIDLength = 2048

// MaxDocumentSize is the default bound on a DID document read by
// [ParseDocument] and fetched through a [Fetcher]. Real documents hold a few
// keys and service entries, a few kilobytes; 256 KiB is far above that
// and small enough to hold in memory without thought.
const MaxDocumentSize = 256 << 10

// maxDocumentKeys bounds the verification methods read from one document;
// issuers publish one to a handful.
const maxDocumentKeys = 256

// WebURL returns the HTTPS address of a did:web's DID document, following
// the did:web method's Read operation: the colons of the method-specific
// identifier become slashes, a percent-encoded port colon ("%3A") is
// decoded, "/.well-known" is added when there is no path, and "/did.json"
// ends the address. A fragment or query on the DID is ignored.
//
// The host must be a DNS name (not an IP address), the port a number, and
// each path segment non-empty and free of "." and ".." and of encoded
// slashes, so that a DID cannot point outside its own path.
func WebURL(did string) (string, error) {
	if len(did) > maxWebDIDLength {
		return "", fmt.Errorf("did:web of %d characters: %w", len(did), ErrMalformed)
	}
	if !strings.HasPrefix(did, WebPrefix) {
		return "", fmt.Errorf("%q is not a did:web: %w", shorten(did), ErrMalformed)
	}
	id := strings.TrimPrefix(did, WebPrefix)
	if i := strings.IndexAny(id, "#?"); i >= 0 {
		id = id[:i]
	}
	segs := strings.Split(id, ":")
	host, port, err := webHost(segs[0])
	if err != nil {
		return "", fmt.Errorf("did:web %q: %w", shorten(did), err)
	}
	var b strings.Builder
	b.WriteString("https://")
	b.WriteString(host)
	if port != "" {
		b.WriteString(":" + port)
	}
	if len(segs) == 1 {
		b.WriteString("/.well-known")
	}
	for _, s := range segs[1:] {
		if err := webSegment(s); err != nil {
			return "", fmt.Errorf("did:web %q: %w", shorten(did), err)
		}
		b.WriteString("/" + s)
	}
	b.WriteString("/did.json")
	return b.String(), nil
}

// webHost splits and checks the domain part of a did:web.
func webHost(s string) (host, port string, err error) {
	host = s
	// Find "%3A" in either case on s itself: lower-casing first would
	// change the length of a string that is not UTF-8.
	i := strings.Index(s, "%3A")
	if j := strings.Index(s, "%3a"); i < 0 || j >= 0 && j < i {
		i = j
	}
	if i >= 0 {
		host, port = s[:i], s[i+3:]
		n, perr := strconv.Atoi(port)
		if perr != nil || n < 1 || n > 65535 || strconv.Itoa(n) != port {
			return "", "", fmt.Errorf("port %q: %w", port, ErrMalformed)
		}
	}
	if host == "" || len(host) > 253 {
		return "", "", fmt.Errorf("host of %d characters: %w", len(host), ErrMalformed)
	}
	if net.ParseIP(host) != nil {
		return "", "", fmt.Errorf("host %q is an IP address, not a domain name: %w", host, ErrMalformed)
	}
	for _, label := range strings.Split(host, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return "", "", fmt.Errorf("host %q is not a domain name: %w", host, ErrMalformed)
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
				return "", "", fmt.Errorf("host %q is not a domain name: %w", host, ErrMalformed)
			}
		}
	}
	return strings.ToLower(host), port, nil
}

// webSegment checks one path segment: DID idchars (letters, digits, ".",
// "-", "_") and percent-encoded octets other than "/", "\" and control
// characters.
func webSegment(s string) error {
	if s == "" || s == "." || s == ".." {
		return fmt.Errorf("path segment %q: %w", s, ErrMalformed)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '-', c == '_':
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if v < 0x20 || v == '/' || v == '\\' || v == 0x7f {
				return fmt.Errorf("path segment %q encodes %q: %w", s, rune(v), ErrMalformed)
			}
			i += 2
		default:
			return fmt.Errorf("path segment %q: %w", s, ErrMalformed)
		}
	}
	return nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// Verification relationships a key can be listed under.
const (
	// PurposeAssertion is "assertionMethod": keys that sign credentials.
	PurposeAssertion = "assertionMethod"
	// PurposeAuthentication is "authentication": keys that sign
	// presentations and prove control of the DID.
	PurposeAuthentication = "authentication"
)

// DocumentKey is a verification method read from a DID document.
type DocumentKey struct {
	// ID is the absolute verification method id (DID URL).
	ID string
	// Type is the verification method type, such as "Multikey",
	// "JsonWebKey2020" or "Ed25519VerificationKey2020".
	Type string
	// Controller is the DID that controls the key.
	Controller string
	// Key is the public key.
	Key crypto.PublicKey
	// Purposes lists the verification relationships the key is named in
	// ([PurposeAssertion], [PurposeAuthentication], ...).
	Purposes []string
}

// rawVM is a verification method as JSON; the key is in one of three
// members depending on the type.
type rawVM struct {
	ID                 string          `json:"id"`
	Type               string          `json:"type"`
	Controller         string          `json:"controller"`
	PublicKeyMultibase string          `json:"publicKeyMultibase"`
	PublicKeyJwk       json.RawMessage `json:"publicKeyJwk"`
	PublicKeyBase58    string          `json:"publicKeyBase58"`
}

// relationships are the DID document members that list keys, each entry a
// reference (a DID URL, possibly relative) or an embedded method.
var relationships = []string{
	"verificationMethod", PurposeAssertion, PurposeAuthentication,
	"capabilityInvocation", "capabilityDelegation", "keyAgreement",
}

// ParseDocument reads the verification methods of the DID document of did.
// The document's id must be did. Keys are read from "verificationMethod"
// and from methods embedded in the verification relationships; references
// (absolute or relative DID URLs) add purposes to the methods they name.
// Supported key forms: publicKeyMultibase (Multikey,
// Ed25519VerificationKey2020), publicKeyJwk (JsonWebKey2020, JsonWebKey)
// and publicKeyBase58 for Ed25519VerificationKey2018. Methods of other key
// types (X25519 key agreement, secp256k1, ...), and methods that belong
// to or are controlled by another DID, are skipped; a method whose key is
// malformed makes the document malformed.
func ParseDocument(did string, data []byte) ([]DocumentKey, error) {
	if len(data) > MaxDocumentSize {
		return nil, fmt.Errorf("DID document of %d bytes (limit %d): %w", len(data), MaxDocumentSize, ErrBadDocument)
	}
	if err := checkJSON(data); err != nil {
		return nil, fmt.Errorf("DID document: %v: %w", err, ErrBadDocument)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("DID document: %v: %w", err, ErrBadDocument)
	}
	var id string
	if err := json.Unmarshal(doc["id"], &id); err != nil || id != did {
		return nil, fmt.Errorf("DID document id %q is not %q: %w", shorten(id), shorten(did), ErrBadDocument)
	}
	lists := make(map[string][]json.RawMessage, len(relationships))
	for _, rel := range relationships {
		raw, ok := doc[rel]
		if !ok {
			continue
		}
		var entries []json.RawMessage
		if err := json.Unmarshal(raw, &entries); err != nil {
			return nil, fmt.Errorf("DID document %s: %v: %w", rel, err, ErrBadDocument)
		}
		lists[rel] = entries
	}
	// First the definitions, wherever they are embedded.
	var keys []DocumentKey
	index := map[string]int{}
	for _, rel := range relationships {
		for _, e := range lists[rel] {
			if _, ok := reference(did, e); ok {
				continue
			}
			k, err := readMethod(did, e)
			if err != nil {
				return nil, fmt.Errorf("DID document %s: %w", rel, err)
			}
			if k == nil {
				continue
			}
			if i, seen := index[k.ID]; seen {
				if !keys[i].Key.(interface{ Equal(crypto.PublicKey) bool }).Equal(k.Key) {
					return nil, fmt.Errorf("DID document defines %s twice with different keys: %w", shorten(k.ID), ErrBadDocument)
				}
				continue
			}
			if len(keys) == maxDocumentKeys {
				return nil, fmt.Errorf("DID document has over %d keys: %w", maxDocumentKeys, ErrBadDocument)
			}
			index[k.ID] = len(keys)
			keys = append(keys, *k)
		}
	}
	// Then the purposes, by reference or by embedding.
	for _, rel := range relationships[1:] {
		for _, e := range lists[rel] {
			ref, ok := reference(did, e)
			if !ok {
				var m struct {
					ID string `json:"id"`
				}
				_ = json.Unmarshal(e, &m)
				ref = absolute(did, m.ID)
			}
			if i, ok := index[ref]; ok && !contains(keys[i].Purposes, rel) {
				keys[i].Purposes = append(keys[i].Purposes, rel)
			}
		}
	}
	return keys, nil
}

// reference returns the absolute DID URL an entry refers to, if the entry
// is a string.
func reference(did string, e json.RawMessage) (string, bool) {
	var s string
	if len(e) == 0 || e[0] != '"' || json.Unmarshal(e, &s) != nil {
		return "", false
	}
	return absolute(did, s), true
}

// readMethod reads an embedded verification method. Methods of key types
// Satchel cannot read come back nil, without an error.
func readMethod(did string, e json.RawMessage) (*DocumentKey, error) {
	var vm rawVM
	if err := json.Unmarshal(e, &vm); err != nil {
		return nil, fmt.Errorf("verification method: %v: %w", err, ErrBadDocument)
	}
	if vm.ID == "" {
		return nil, fmt.Errorf("verification method without id: %w", ErrBadDocument)
	}
	id := absolute(did, vm.ID)
	if base, _, _ := strings.Cut(id, "#"); base != did || vm.Controller != "" && vm.Controller != did {
		// A key of another DID, or controlled by one: never the DID's own.
		return nil, nil
	}
	key, err := vm.key()
	if errors.Is(err, ErrUnsupportedKey) {
		return nil, nil // an X25519 key-agreement key, say
	}
	if err != nil {
		return nil, fmt.Errorf("verification method %s: %w", shorten(id), err)
	}
	if key == nil {
		return nil, nil
	}
	return &DocumentKey{ID: id, Type: vm.Type, Controller: did, Key: key}, nil
}

// key reads the public key of a verification method; nil without error
// means a type Satchel does not read.
func (vm *rawVM) key() (crypto.PublicKey, error) {
	switch {
	case len(vm.PublicKeyJwk) > 0 && !bytes.Equal(vm.PublicKeyJwk, []byte("null")):
		k, err := ParsePublicJWK(vm.PublicKeyJwk)
		if err != nil {
			return nil, err
		}
		return k.Key, nil
	case vm.PublicKeyMultibase != "":
		return ParseMultibase(vm.PublicKeyMultibase)
	case vm.PublicKeyBase58 != "" && vm.Type == "Ed25519VerificationKey2018":
		b, err := base58.Decode(vm.PublicKeyBase58)
		if err != nil || len(b) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("publicKeyBase58: %w", ErrMalformed)
		}
		return ed25519.PublicKey(b), nil
	}
	return nil, nil
}

// absolute turns a relative DID URL ("#key-1") into an absolute one.
func absolute(did, ref string) string {
	if strings.HasPrefix(ref, "#") {
		return did + ref
	}
	return ref
}
