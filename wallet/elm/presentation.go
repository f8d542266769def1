package elm

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// presentationReading describes a presentation of EDCs (a sealed
// VerifiablePresentation, or a EuropeanDigitalPresentation) and takes out
// the credentials it carries, each as its own bytes exactly as they stand
// in content, so that the wallet can read and import them in turn (a
// credential sealed on its own keeps a verifiable seal). The caller adds
// the proof check.
func presentationReading(doc map[string]any, content []byte, sealed bool) (*credential.Reading, error) {
	holder := id(doc["holder"])
	state, media := "unsealed", MediaTypeUnsealed
	if sealed {
		state, media = "sealed", MediaTypeSealed
	}
	cred := credential.Credential{
		Format:    credential.FormatEDC,
		MediaType: media,
		Profile:   "Presentation of European Digital Credentials (" + state + ")",
		Types:     types(doc),
		SourceID:  str(doc["id"]),
		Learner:   credential.Learner{ID: holder},
		Title:     credential.TextOf("en", "Presentation"),
		Issued:    firstTime(parseTime(doc["issued"]), parseTime(doc["issuanceDate"]), parseTime(doc["validFrom"])),
	}
	r := &credential.Reading{Credential: cred}
	if holder != "" {
		r.Subjects = []string{holder}
	}
	embedded, err := embeddedCredentials(content)
	if err != nil {
		return nil, err
	}
	r.Embedded = embedded
	r.Checks = append(r.Checks, credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok",
		map[string]string{"Profile": cred.Profile}, fmt.Sprintf("%d credentials inside", len(embedded))))
	return r, nil
}

// bom is the UTF-8 byte order mark, which wallet/jsonld's parser skips and
// encoding/json does not.
var bom = []byte("\xef\xbb\xbf")

// embeddedCredentials returns the entries of the presentation's
// verifiableCredential member, each as the bytes it has in content: an
// object (an unsealed EDC, or a sealed one as a JAdES JSON serialization)
// as it is written there, a string (a compact JWS, or a serialised
// document) as its value. content has passed wallet/jsonld's parser, so
// its depth is bounded and no member is named twice; encoding/json is used
// here only to find the raw bytes of each entry, with the member name
// matched exactly.
func embeddedCredentials(content []byte) ([][]byte, error) {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(bytes.TrimPrefix(content, bom), &members); err != nil {
		return nil, fmt.Errorf("elm: presentation: %w: %w", ErrMalformed, err)
	}
	raw := bytes.TrimSpace(members["verifiableCredential"])
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	entries := []json.RawMessage{raw}
	if raw[0] == '[' {
		entries = nil
		if err := json.Unmarshal(raw, &entries); err != nil {
			return nil, fmt.Errorf("elm: presentation credentials: %w: %w", ErrMalformed, err)
		}
	}
	if len(entries) > maxEmbedded {
		return nil, fmt.Errorf("elm: a presentation of %d credentials, more than %d: %w", len(entries), maxEmbedded, ErrLimit)
	}
	var out [][]byte
	for _, e := range entries {
		e = bytes.TrimSpace(e)
		switch {
		case len(e) > 0 && e[0] == '"':
			var s string
			if err := json.Unmarshal(e, &s); err == nil && s != "" {
				out = append(out, []byte(s))
			}
		case len(e) > 0 && e[0] == '{':
			out = append(out, bytes.Clone(e))
		}
	}
	return out, nil
}
