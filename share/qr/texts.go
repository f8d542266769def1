package qr

import (
	"errors"
	"fmt"
	"image"
	"strings"
)

// The functions here take what a reader of QR codes has in hand — texts a
// camera or an image gave, or that someone pasted — to the presentations
// they carry, the same way in the app, the command line and the verifier
// page.

// vpqrText returns the VP1 payload in text, which may follow a verifier
// page's URL and '#', as a Satchel payload may (partText).
func vpqrText(text string) (string, bool) { return after(text, VPQRPrefix) }

// after returns text from prefix on, when text starts with prefix or has
// it right after a '#' (a URL prefix).
func after(text, prefix string) (string, bool) {
	if strings.HasPrefix(text, prefix) {
		return text, true
	}
	if i := strings.IndexByte(text, '#'); i >= 0 && strings.HasPrefix(text[i+1:], prefix) {
		return text[i+1:], true
	}
	return "", false
}

// IsPayload reports whether text is meant as the text of a QR code Satchel
// reads: one of its own payloads or a vpqr VP1- payload, either possibly
// after a URL ending in '#'. It looks at the prefix only, so that a damaged
// payload is reported as one (by Decode) rather than taken for something
// else; a JWT, which may contain "SAT1" in its Base64url, is not a payload.
func IsPayload(text string) bool {
	text = strings.TrimRight(text, "\r\n")
	_, ok := vpqrText(text)
	return ok || IsPart(text)
}

// IsPart reports whether text is meant as one of Satchel's own payloads
// (a single symbol or a part of a set), possibly after a URL ending in
// '#'; a VP1 payload is not one. Like IsPayload, it looks at the prefix.
func IsPart(text string) bool {
	_, ok := partText(strings.TrimRight(text, "\r\n"))
	return ok
}

// Lines returns the payload texts in text, one a line, when every
// non-empty line is a payload (the parts of a set pasted together), and nil
// otherwise. Line breaks and the blanks a paste puts before a line are
// trimmed, nothing else: a space is a Base45 character.
func Lines(text string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimRight(strings.TrimLeft(line, " \t"), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !IsPayload(line) {
			return nil
		}
		out = append(out, line)
	}
	return out
}

// DecodePresentation returns the one presentation texts carry: a VP1
// payload, or the parts of one Satchel set in any order. Texts of two
// presentations are an error wrapping ErrMixedSets; other errors are
// Decode's and DecodeVPQR's.
func DecodePresentation(texts ...string) ([]byte, error) {
	for _, t := range texts {
		if v, ok := vpqrText(strings.TrimRight(t, "\r\n")); ok {
			if len(texts) > 1 {
				return nil, fmt.Errorf("%w: a %s payload is a presentation in one symbol; it came with %d other texts", ErrMixedSets, VPQRPrefix, len(texts)-1)
			}
			vp, _, err := DecodeVPQR(v)
			return vp, err
		}
	}
	return Decode(texts...)
}

// DecodeSets returns every presentation texts carry, in the order of each
// one's first text: any number of Satchel sets with their parts in any
// order (a part read twice is fine), and VP1 payloads. What cannot be
// decoded — a set with parts missing, a damaged text — is left out and
// reported in the joined error, each saying why.
func DecodeSets(texts []string) ([][]byte, error) {
	type set struct {
		texts []string
		vpqr  bool
	}
	var sets []*set
	byID := map[string]*set{}
	var errs []error
	for _, t := range texts {
		t = strings.TrimRight(t, "\r\n")
		if v, ok := vpqrText(t); ok {
			sets = append(sets, &set{texts: []string{v}, vpqr: true})
			continue
		}
		p, err := ParsePart(t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s := byID[p.SetID]
		if s == nil || p.SetID == "" { // each single symbol is its own
			s = &set{}
			sets = append(sets, s)
			if p.SetID != "" {
				byID[p.SetID] = s
			}
		}
		s.texts = append(s.texts, t)
	}
	var out [][]byte
	for _, s := range sets {
		var vp []byte
		var err error
		if s.vpqr {
			vp, _, err = DecodeVPQR(s.texts[0])
		} else {
			vp, err = Decode(s.texts...)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, vp)
	}
	return out, errors.Join(errs...)
}

// ReadCodes returns the texts of every QR code in img: one symbol, a
// printed sheet of parts, a photo. A single symbol that the detector of
// several misses is looked for again on its own. Finding none is an error
// wrapping ErrImage.
func ReadCodes(img image.Image) ([]string, error) {
	if texts, err := DecodeImageAll(img); err == nil && len(texts) > 0 {
		return texts, nil
	}
	one, err := DecodeImage(img)
	if err != nil {
		return nil, err
	}
	return []string{one}, nil
}
