package wallet

import (
	"context"
	"errors"
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// readJSON tells the JSON formats apart by what the document declares and
// reads it.
func (c *Checker) readJSON(ctx context.Context, data []byte) (*credential.Reading, error) {
	doc, err := jsonld.ParseObject(data, c.maxBytes())
	if err != nil {
		return nil, jsonReject(err)
	}
	switch {
	case isEDC(doc):
		return c.readEDC(ctx, data)
	case isOB2(doc):
		return c.readOB2(ctx, data)
	case hasType(doc, "VerifiablePresentation"):
		return c.readLDPPresentation(ctx, doc, data)
	case hasType(doc, "VerifiableCredential"):
		return c.readLDP(ctx, doc, data)
	}
	return nil, reject("format.unknown", nil, "a JSON document that is neither a Verifiable Credential, a presentation, a European Digital Credential nor an Open Badge")
}

// jsonReject explains why JSON could not be read.
func jsonReject(err error) error {
	switch {
	case errors.Is(err, jsonld.ErrTooLarge):
		return reject("format.too-large", map[string]string{"Size": "", "Limit": ""}, err.Error())
	case errors.Is(err, jsonld.ErrTooDeep):
		return reject("format.too-deep", map[string]string{"Limit": fmt.Sprint(jsonld.MaxDepth)}, err.Error())
	case errors.Is(err, jsonld.ErrInvalidUTF8):
		return reject("format.not-utf8", nil, err.Error())
	}
	return reject("format.malformed", map[string]string{"Profile": "JSON document", "Problem": err.Error()}, err.Error())
}

func hasType(doc map[string]any, want string) bool {
	switch t := doc["type"].(type) {
	case string:
		return t == want
	case []any:
		for _, e := range t {
			if e == want {
				return true
			}
		}
	}
	return false
}

// isEDC reports whether doc is a European Digital Credential, sealed
// (a JAdES JSON serialization) or not.
func isEDC(doc map[string]any) bool {
	if _, ok := doc["payload"].(string); ok {
		if _, sigs := doc["signatures"]; sigs {
			return true
		}
		if _, prot := doc["protected"]; prot {
			return true
		}
	}
	return hasType(doc, "EuropeanDigitalCredential") || hasType(doc, "EuropeanDigitalPresentation")
}

// isOB2 reports whether doc is an Open Badges 2.0 assertion.
func isOB2(doc map[string]any) bool {
	if hasType(doc, "Assertion") {
		return true
	}
	ctx := doc["@context"]
	if s, ok := ctx.(string); ok {
		return s == "https://w3id.org/openbadges/v2" || s == "https://openbadgespec.org/v2/context.json"
	}
	return false
}
