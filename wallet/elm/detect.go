package elm

import "github.com/satchel-wallet/satchel/wallet/jsonld"

// Detect reports whether data looks like an EDC: a JAdES JSON
// serialization whose payload is an EuropeanDigitalCredential or a
// presentation, or an unsealed EuropeanDigitalCredential or
// EuropeanDigitalPresentation. It parses the JSON (and a sealed payload)
// but verifies nothing. A file that merely contains an EDC, such as the
// Europass issuing upload form ({"credential": {...}}), is not one.
func Detect(data []byte) bool {
	doc, err := jsonld.ParseObject(data, maxDetectBytes)
	if err != nil {
		return false
	}
	if !isEnvelope(doc) {
		return kindOf(doc, false) != kindNone
	}
	env, err := parseEnvelope(doc)
	if err != nil {
		return false
	}
	h, _ := parseHeader(env.sigs[0].protected, env.sigs[0].header, maxDetectBytes)
	content, err := sealedContent(env, []*header{h})
	if err != nil {
		return false
	}
	inner, err := jsonld.ParseObject(content, maxDetectBytes)
	return err == nil && kindOf(inner, isJAdES(h, env.sigs[0])) != kindNone
}
