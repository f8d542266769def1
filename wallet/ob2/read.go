package ob2

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// bom is the UTF-8 byte order mark some editors write first.
var bom = []byte("\xef\xbb\xbf")

// Detect reports whether data looks like an Open Badges badge: a PNG or
// SVG image that mentions a badge keyword, the JSON of an assertion, or a
// compact JWS whose payload is one. It is cheap and may be wrong; [Read]
// decides.
func Detect(data []byte) bool {
	if bytes.HasPrefix(data, pngSignature) {
		return bytes.Contains(data, []byte("openbadge")) // both keywords
	}
	head := bytes.TrimSpace(bytes.TrimPrefix(data, bom))
	switch {
	case len(head) == 0:
		return false
	case head[0] == '<':
		return bytes.Contains(head, []byte("<svg")) && bytes.Contains(head, []byte("openbadges"))
	case head[0] == '{':
		return assertionLike(head)
	case isCompact(string(head)):
		payload := head[bytes.IndexByte(head, '.')+1:]
		payload = payload[:bytes.IndexByte(payload, '.')]
		p, err := base64.RawURLEncoding.DecodeString(string(payload))
		return err == nil && assertionLike(p)
	}
	return false
}

// assertionLike reports whether JSON text looks like an Open Badges
// assertion rather than a Verifiable Credential.
func assertionLike(j []byte) bool {
	for _, c := range vcContexts {
		if bytes.Contains(j, []byte(c)) {
			return false
		}
	}
	return bytes.Contains(j, []byte("w3id.org/openbadges")) ||
		(bytes.Contains(j, []byte(`"recipient"`)) && bytes.Contains(j, []byte(`"badge"`)))
}

// Read reads an Open Badges 2.0 (or 1.x) badge: a baked PNG or SVG image,
// a signed assertion (compact JWS) or a hosted one (JSON). It returns an
// error wrapping [ErrNotOB2], [ErrNotBaked], [ErrNotAssertion],
// [ErrMalformed], [ErrTooLarge], [ErrDTD] or [ErrRemote] only when data is
// not such a badge or cannot be read; an unverifiable or broken signature
// is a check in the reading. An image that carries an Open Badges 3.0
// credential gives a reading whose Embedded holds that credential (JSON
// or VC-JWT) for the reader of its format.
func Read(ctx context.Context, data []byte, opts Options) (*credential.Reading, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := opts.checkSize(len(data)); err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, pngSignature) {
		b, err := readPNG(data, opts)
		if err != nil {
			return nil, err
		}
		return fromImage(ctx, b, "image/png", "PNG", opts)
	}
	head := bytes.TrimSpace(bytes.TrimPrefix(data, bom))
	switch {
	case len(head) == 0:
		return nil, fmt.Errorf("an empty file: %w", ErrNotOB2)
	case head[0] == '<':
		b, err := readSVG(head)
		if err != nil {
			return nil, err
		}
		return fromImage(ctx, b, "image/svg+xml", "SVG", opts)
	case head[0] == '{', isCompact(string(head)):
		return readPayload(ctx, string(head), "", opts)
	}
	return nil, fmt.Errorf("neither an image nor JSON nor a JWS: %w", ErrNotOB2)
}

// fromImage reads the badge an image carries.
func fromImage(ctx context.Context, b *baked, mediaType, kind string, opts Options) (*credential.Reading, error) {
	if b.ob3 {
		return container(b, mediaType, kind)
	}
	payload := b.text
	switch {
	case isCompact(b.verify):
		// Open Badges 2.0 bakes a signed badge's JWS in the verify
		// attribute; the element may hold the JSON too, unsigned.
		payload = b.verify
	case payload == "" && isURL(b.verify):
		return nil, &RemoteError{URL: b.verify}
	case payload == "":
		return nil, fmt.Errorf("the %s image's badge element is empty: %w", kind, ErrMalformed)
	}
	r, err := readPayload(ctx, payload, kind, opts)
	if err != nil {
		return nil, err
	}
	r.Credential.MediaType = mediaType
	return r, nil
}

// container makes the reading of an image that carries an Open Badges 3.0
// credential: the image itself proves nothing, the credential goes to
// Embedded.
func container(b *baked, mediaType, kind string) (*credential.Reading, error) {
	payload := b.text
	if payload == "" {
		payload = b.verify // Open Badges 3.0 bakes a VC-JWT in the verify attribute
	}
	if !strings.HasPrefix(payload, "{") && !isCompact(payload) {
		return nil, fmt.Errorf("the %s image carries an Open Badges 3.0 credential that is neither JSON nor a JWS: %w", kind, ErrMalformed)
	}
	profile := "Open Badges 3.0 credential baked in a " + kind + " image"
	return &credential.Reading{
		Credential: credential.Credential{Format: credential.FormatOB2, MediaType: mediaType, Profile: profile},
		Checks: []credential.Check{
			credential.NewCheck(credential.CheckFormat, credential.OK, "format.ob2-baked-ob3", nil, profile),
			credential.NewCheck(credential.CheckProof, credential.Skipped, "proof.ob2-container", nil, ""),
		},
		Identity: []byte(payload),
		Embedded: [][]byte{[]byte(payload)},
	}, nil
}

// readPayload reads badge data: assertion JSON, a compact JWS whose payload
// is one, or (baked only) the URL of a hosted assertion. kind names the
// image it was baked in, if any.
func readPayload(ctx context.Context, text, kind string, opts Options) (*credential.Reading, error) {
	text = strings.TrimSpace(text)
	var sig *signed
	var m object
	var err error
	switch {
	case strings.HasPrefix(text, "{"):
		m, err = decodeJSON([]byte(text))
	case isCompact(text):
		if sig, err = parseSigned(text); err == nil {
			m, err = decodeJSON(sig.payload)
		}
	case kind != "" && isURL(text):
		return nil, &RemoteError{URL: text}
	case kind != "":
		return nil, fmt.Errorf("the %s image's badge is neither JSON, a JWS nor a URL: %w", kind, ErrMalformed)
	default:
		return nil, fmt.Errorf("neither JSON nor a JWS: %w", ErrNotOB2)
	}
	if err != nil {
		return nil, err
	}
	a, err := parseAssertion(m)
	if err != nil {
		return nil, err
	}
	return reading(ctx, a, sig, kind, opts), nil
}

// isURL reports whether s is an http or https address.
func isURL(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && !strings.ContainsAny(s, " \t\r\n")
}
