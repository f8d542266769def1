package ob2

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Namespaces of baked SVGs.
const (
	nsSVG = "http://www.w3.org/2000/svg"
	// nsOB2 is the namespace of <openbadges:assertion> (Open Badges 2.0
	// baking).
	nsOB2 = "http://openbadges.org"
	// nsOB3 is the namespace of <openbadges:credential> (Open Badges 3.0
	// baking).
	nsOB3 = "https://purl.imsglobal.org/ob/v3p0"
)

// readSVG finds the badge in an SVG image: the one <openbadges:assertion>
// (or Open Badges 3.0 <openbadges:credential>) element, its verify
// attribute and its text. Nothing is rendered, executed or fetched: the
// SVG is only tokenised, within the package limits. A document type
// declaration is accepted only as an external identifier with no
// internal subset (drawing programs write the SVG 1.1 DOCTYPE);
// encoding/xml never fetches it, and without an internal subset no
// entity can be declared.
func readSVG(data []byte) (*baked, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var (
		found          *baked
		inBadge        bool
		content        strings.Builder
		depth, tokens  int
		seenRoot, open bool
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if !seenRoot {
				return nil, fmt.Errorf("not XML: %v: %w", err, ErrNotOB2)
			}
			return nil, fmt.Errorf("the SVG is not well-formed: %v: %w", err, ErrMalformed)
		}
		if tokens++; tokens > maxTokens {
			return nil, fmt.Errorf("more than %d XML tokens: %w", maxTokens, ErrTooLarge)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !seenRoot && (t.Name.Local != "svg" || (t.Name.Space != nsSVG && t.Name.Space != "")) {
				return nil, fmt.Errorf("root element {%s}%s is not an SVG image: %w", t.Name.Space, t.Name.Local, ErrNotOB2)
			}
			seenRoot, open = true, true
			if depth++; depth > maxDepth {
				return nil, fmt.Errorf("elements nested over %d levels: %w", maxDepth, ErrTooLarge)
			}
			if len(t.Attr) > maxAttrs {
				return nil, fmt.Errorf("<%s> has %d attributes (limit %d): %w", t.Name.Local, len(t.Attr), maxAttrs, ErrTooLarge)
			}
			if ob3, ok := badgeElement(t.Name); ok {
				if found != nil {
					return nil, fmt.Errorf("the SVG carries two badges: %w", ErrMalformed)
				}
				found, inBadge = &baked{ob3: ob3}, true
				for _, a := range t.Attr {
					if a.Name.Space == "" && a.Name.Local == "verify" {
						found.verify = strings.TrimSpace(a.Value)
					}
				}
			}
		case xml.EndElement:
			depth--
			if _, ok := badgeElement(t.Name); ok && inBadge {
				inBadge = false
				found.text = strings.TrimSpace(content.String())
			}
			if depth == 0 {
				open = false
			}
		case xml.CharData:
			if inBadge {
				content.Write(t)
			}
		case xml.Directive:
			if seenRoot || !bytes.HasPrefix(t, []byte("DOCTYPE")) || bytes.ContainsAny(t, "[<") {
				return nil, fmt.Errorf("<!%.30s...>: %w", t, ErrDTD)
			}
		}
	}
	if !seenRoot {
		return nil, fmt.Errorf("no XML element: %w", ErrNotOB2)
	}
	if open {
		return nil, fmt.Errorf("the SVG ends before its root element is closed: %w", ErrMalformed)
	}
	if found == nil {
		return nil, fmt.Errorf("an SVG without an openbadges element: %w", ErrNotBaked)
	}
	return found, nil
}

// badgeElement reports whether name is a baked-badge element, and whether
// it holds an Open Badges 3.0 credential. A prefix left undeclared by a
// careless baker (encoding/xml then reports the prefix as the namespace)
// is accepted too.
func badgeElement(name xml.Name) (ob3, ok bool) {
	switch {
	case name.Local == "assertion" && (name.Space == nsOB2 || name.Space == "openbadges"):
		return false, true
	case name.Local == "credential" && (name.Space == nsOB3 || name.Space == "openbadges"):
		return true, true
	}
	return false, false
}
