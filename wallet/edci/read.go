package edci

import (
	"bytes"
	"context"
	"fmt"
	"strconv"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// detectWindow is how far into a file Detect looks for the ELM namespace
// and root name: the root start tag of every real EDCI file is within its
// first kilobyte, after the XML declaration.
const detectWindow = 4096

// bom is the UTF-8 byte order mark, which some editors write first.
var bom = []byte("\xef\xbb\xbf")

// Detect reports whether data looks like an EDCI XML credential or
// presentation: markup whose first few kilobytes name the ELM v2
// namespace and a europassCredential or verifiablePresentation element.
// It is cheap and may be wrong; [Read] decides.
func Detect(data []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	head = head[:min(len(head), detectWindow)]
	return bytes.Contains(head, []byte(nsELM)) &&
		(bytes.Contains(head, []byte("europassCredential")) || bytes.Contains(head, []byte("verifiablePresentation")))
}

// Read reads an EDCI XML credential or presentation and checks its seal.
// It returns an error (wrapping [ErrNotEDCI], [ErrMalformed],
// [ErrTooLarge] or [ErrDTD]) only when data is not such a document or
// cannot be read; a broken or uncheckable seal is a check in the reading.
// A presentation's credentials are returned in Reading.Embedded, each as
// a document of its own.
func Read(ctx context.Context, data []byte, opts Options) (*credential.Reading, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := opts.checkSize(len(data)); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, bom)
	if head := bytes.TrimLeft(data, " \t\r\n"); len(head) == 0 || head[0] != '<' {
		return nil, fmt.Errorf("not XML: %w", ErrNotEDCI)
	}
	doc, err := parseXML(data)
	if err != nil {
		return nil, err
	}
	switch root := doc.root; {
	case root.is(nsELM, "europassCredential"):
		return readCredential(doc, opts), nil
	case root.is(nsVP, "verifiablePresentation"):
		return readPresentation(doc, opts)
	default:
		return nil, fmt.Errorf("root element {%s}%s: %w", root.space, root.local, ErrNotEDCI)
	}
}

// readCredential reads a document whose root is a europassCredential.
func readCredential(doc *document, opts Options) *credential.Reading {
	n := normalise(doc.root)
	seal := checkSeal(doc, doc.root, opts.now())
	r := &credential.Reading{
		Credential:  n.cred,
		Subjects:    n.subjects,
		Signer:      seal.signer,
		SignerNames: seal.names,
		Identity:    identity(doc, seal),
	}
	r.Checks = []credential.Check{
		credential.NewCheck(credential.CheckFormat, credential.OK, "format.ok", map[string]string{"Profile": n.cred.Profile}, ""),
		seal.check,
		accreditationCheck(n),
	}
	return r
}

// readPresentation reads a document whose root is a verifiablePresentation:
// its seal, and its credentials as documents of their own.
func readPresentation(doc *document, opts Options) (*credential.Reading, error) {
	root := doc.root
	creds := presented(root)
	if len(creds) == 0 {
		return nil, fmt.Errorf("a presentation without credentials: %w", ErrMalformed)
	}
	seal := checkSeal(doc, root, opts.now())
	z := &normaliser{elm: newELM(root), seen: map[*node]bool{}}
	c := credential.Credential{
		Format:    credential.FormatEDCIXML,
		MediaType: "application/xml",
		Profile:   "Europass presentation (EDCI XML, ELM v2)",
		SourceID:  credentialID(root),
	}
	if t := firstChild(root, nsVP, "type"); t != nil {
		if uri, _ := t.attr("", "uri"); uri != "" {
			c.Types = append(c.Types, uri)
		}
	}
	if iss := z.deref(firstChild(root, nsVP, "issuer")); iss != nil {
		c.Issuer = z.party(iss)
	}
	c.ValidUntil, _ = parseDateTime(text(firstChild(root, nsVP, "expirationDate")))
	r := &credential.Reading{Signer: seal.signer, SignerNames: seal.names, Identity: identity(doc, seal)}
	unsealed := 0
	var titles []credential.Text
	for _, k := range creds {
		n := normalise(k)
		if c.Learner.Name.IsZero() {
			c.Learner = n.cred.Learner
		}
		titles = append(titles, n.cred.Title)
		r.Subjects = append(r.Subjects, n.subjects...)
		if len(seals(k)) == 0 {
			unsealed++
		}
		r.Embedded = append(r.Embedded, extract(doc, k))
	}
	c.Title = join("; ", titles[:min(len(titles), maxJoined)]...)
	r.Subjects = uniq(r.Subjects)
	c.Issued = seal.signedAt
	r.Credential = c
	count := map[string]string{"Count": strconv.Itoa(len(creds))}
	r.Checks = []credential.Check{
		credential.NewCheck(credential.CheckFormat, credential.OK, "format.edci-presentation", count, c.Profile),
		seal.check,
	}
	if seal.sealed && unsealed > 0 {
		r.Checks = append(r.Checks, credential.NewCheck(credential.CheckProof, credential.Warning, "proof.edci-embedded",
			map[string]string{"Count": strconv.Itoa(unsealed)}, "the extracted credentials are the presentation's sub-trees with their inherited namespace declarations; the presentation's seal does not carry over"))
	}
	return r, nil
}

// identity is what makes the document this document: its signature value
// when sealed, its exclusive canonical form otherwise (so that two copies
// differing only in formatting are one credential).
func identity(doc *document, seal sealOutcome) []byte {
	if len(seal.value) > 0 {
		return seal.value
	}
	return canonicalise(nodeSet{apex: doc.top}, c14nMethod{exclusive: true})
}
