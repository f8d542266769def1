package edci

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"strings"
	"time"
)

// maxReferences bounds the references of one seal. XAdES seals have two
// or three (the document, the signed properties, sometimes the key
// info); each costs a canonicalisation of up to the whole document, so a
// hostile seal with thousands would cost seconds.
const maxReferences = 8

// maxTransforms bounds the transforms of one reference: a signature
// filter and a canonicalisation are all EDCI seals use.
const maxTransforms = 4

// sealState is the outcome of checking a seal.
type sealState int

const (
	sealOK sealState = iota
	sealFailed
	sealSkipped
)

// sealResult is what checking one XAdES seal established.
type sealResult struct {
	state sealState
	// problem says in words why the seal failed or was not checked.
	problem string
	// changed says the failure is a mismatch: the content or the
	// signature differs from what was sealed.
	changed bool
	// detail is the technical account, for the check's Detail.
	detail   string
	cert     *x509.Certificate
	signedAt time.Time
	value    []byte
	steps    []string
}

func (r *sealResult) fail(changed bool, format string, args ...any) *sealResult {
	r.state, r.changed, r.problem = sealFailed, changed, fmt.Sprintf(format, args...)
	return r
}

func (r *sealResult) skip(format string, args ...any) *sealResult {
	r.state, r.problem = sealSkipped, fmt.Sprintf(format, args...)
	return r
}

// verifier checks the seals of one document.
type verifier struct {
	doc *document
	now time.Time
	ids map[string][]*node
}

// verify checks the XAdES seal sig: every reference's digest, the
// signature value over the canonical SignedInfo with the certificate the
// seal names, and that certificate at the signing time.
func (v *verifier) verify(sig *node) *sealResult {
	r := &sealResult{}
	si := firstChild(sig, nsDSig, "SignedInfo")
	if si == nil || len(children(sig, nsDSig, "SignedInfo")) != 1 {
		return r.fail(false, "the seal has no single SignedInfo")
	}
	cm := firstChild(si, nsDSig, "CanonicalizationMethod")
	cmAlg, _ := cm.attrOr("", "Algorithm")
	method, ok := c14nFor(cmAlg, cm)
	if !ok {
		return r.skip("it uses a canonicalisation method Satchel does not implement (%s)", cmAlg)
	}
	smAlg, _ := firstChild(si, nsDSig, "SignatureMethod").attrOr("", "Algorithm")
	alg, ok := signatureAlgs[smAlg]
	if !ok {
		return r.skip("it uses a signature method Satchel does not check (%s)", smAlg)
	}
	value, err := decodeBase64(text(firstChild(sig, nsDSig, "SignatureValue")))
	if err != nil || len(value) == 0 {
		return r.fail(false, "its signature value is not base64")
	}
	r.value = value
	props := v.signedProperties(sig)
	cert, problem := v.signingCertificate(sig, props)
	if cert == nil {
		if strings.HasPrefix(problem, "!") {
			return r.fail(false, "%s", problem[1:])
		}
		return r.skip("%s", problem)
	}
	r.cert = cert
	signed := canonicalise(nodeSet{apex: si, comments: true}, method)
	if err := verifySignature(alg, cert.PublicKey, signed, value); err != nil {
		return r.fail(err == errBadSignature, "%v", err)
	}
	r.steps = append(r.steps, fmt.Sprintf("%s signature over SignedInfo (%s) verified", alg.name, methodName(method)))
	if res := v.references(r, sig, si, props); res != nil {
		return res
	}
	return v.judgeCertificate(r, props)
}

// references checks every Reference of si, and that the references cover
// the document (with the seal left out) and, when the seal has XAdES
// signed properties, those too.
func (v *verifier) references(r *sealResult, sig, si, props *node) *sealResult {
	refs := children(si, nsDSig, "Reference")
	if len(refs) == 0 || len(refs) > maxReferences {
		return r.fail(false, "the seal has %d references (1 to %d expected)", len(refs), maxReferences)
	}
	// Resolve every reference before computing any digest, so that an
	// ambiguous one (two elements with one Id) is reported as what it is.
	type resolved struct {
		ref, target *node
		uri         string
		set         nodeSet
		method      c14nMethod
	}
	var list []resolved
	for i, ref := range refs {
		uri, ok := ref.attr("", "URI")
		if !ok {
			return r.skip("reference %d has no URI", i+1)
		}
		target, res := v.resolve(r, uri)
		if res != nil {
			return res
		}
		set, method, res := v.transforms(r, ref, sig, target)
		if res != nil {
			return res
		}
		list = append(list, resolved{ref, target, uri, set, method})
	}
	coversDoc, coversProps := false, false
	for i, x := range list {
		dmAlg, _ := firstChild(x.ref, nsDSig, "DigestMethod").attrOr("", "Algorithm")
		hash, ok := digestAlgs[dmAlg]
		if !ok {
			return r.skip("reference %d uses a digest Satchel does not trust (%s)", i+1, dmAlg)
		}
		want, err := decodeBase64(text(firstChild(x.ref, nsDSig, "DigestValue")))
		if err != nil {
			return r.fail(false, "reference %d has a digest that is not base64", i+1)
		}
		h := hash.New()
		h.Write(canonicalise(x.set, x.method))
		if !bytes.Equal(h.Sum(nil), want) {
			return r.fail(true, "the digest of reference %d (%q) does not match", i+1, x.uri)
		}
		what := "element " + x.uri
		switch {
		case x.target.kind == documentNode || x.target == v.doc.root:
			if x.set.excluded != nil && x.set.excluded(sig) {
				coversDoc, what = true, "the document without its seal"
			}
		case props != nil && x.target == props:
			if t, _ := x.ref.attr("", "Type"); t == typeSignedProps {
				coversProps, what = true, "the XAdES signed properties"
			}
		}
		r.steps = append(r.steps, fmt.Sprintf("reference %d (%s, %s, %s) digest matches", i+1, what, methodName(x.method), hash))
	}
	if !coversDoc {
		return r.fail(false, "the seal does not cover the credential")
	}
	if props != nil && !coversProps {
		return r.fail(false, "the seal does not cover its own signing time and certificate (XAdES signed properties)")
	}
	return nil
}

// resolve returns the node a same-document reference URI names: the
// document for "", the one element with that Id for "#Id". Anything else
// (another file, an XPointer) is not followed.
func (v *verifier) resolve(r *sealResult, uri string) (*node, *sealResult) {
	if uri == "" {
		return v.doc.top, nil
	}
	id, ok := strings.CutPrefix(uri, "#")
	if !ok || id == "" || strings.HasPrefix(id, "xpointer(") {
		return nil, r.skip("it refers to %q, which Satchel does not follow", uri)
	}
	found := v.byID(id)
	switch len(found) {
	case 0:
		return nil, r.fail(false, "it refers to %q, which is not in the file", uri)
	case 1:
		return found[0], nil
	}
	// Two elements with one Id is how signature-wrapping attacks make a
	// verifier check one element and show another.
	return nil, r.fail(false, "it refers to %q, which %d elements claim", uri, len(found))
}

// byID returns the elements whose Id (or ID, id, xml:id) is id.
func (v *verifier) byID(id string) []*node {
	if v.ids == nil {
		v.ids = map[string][]*node{}
		walk(v.doc.top, func(n *node) bool {
			for _, a := range n.attrs {
				if (a.space == "" && (a.local == "Id" || a.local == "ID" || a.local == "id")) || (a.space == nsXML && a.local == "id") {
					v.ids[a.value] = append(v.ids[a.value], n)
				}
			}
			return true
		})
	}
	return v.ids[id]
}

// transforms applies the Transforms of ref to target: signature filters
// (the enveloped-signature transform, and the two XPath forms EDCI
// issuers use to leave every signature out), then a canonicalisation. A
// node-set left without one is canonicalised with Canonical XML 1.0, as
// XML-DSig §4.3.3.2 says.
func (v *verifier) transforms(r *sealResult, ref, sig, target *node) (nodeSet, c14nMethod, *sealResult) {
	set := nodeSet{apex: target}
	method := c14nMethod{}
	envelope, allSigs, canon := false, false, false
	list := children(firstChild(ref, nsDSig, "Transforms"), nsDSig, "Transform")
	if len(list) > maxTransforms {
		return set, method, r.fail(false, "a reference has %d transforms (limit %d)", len(list), maxTransforms)
	}
	for _, t := range list {
		alg, _ := t.attr("", "Algorithm")
		if canon {
			return set, method, r.skip("it transforms data after canonicalising it (%s)", alg)
		}
		switch alg {
		case algEnveloped:
			envelope = true
		case algXPath:
			if !isNotSignatureXPath(firstChild(t, nsDSig, "XPath")) {
				return set, method, r.skip("it uses an XPath filter Satchel does not evaluate")
			}
			allSigs = true
		case algXPathFilter2:
			xp := children(t, nsXPathFilter2, "XPath")
			if len(xp) != 1 || !isSubtractSignatures(xp[0]) {
				return set, method, r.skip("it uses an XPath filter Satchel does not evaluate")
			}
			allSigs = true
		default:
			m, ok := c14nFor(alg, t)
			if !ok {
				return set, method, r.skip("it uses a transform Satchel does not implement (%s)", alg)
			}
			method, canon = m, true
		}
	}
	if envelope || allSigs {
		set.excluded = func(n *node) bool { return (envelope && n == sig) || (allSigs && isSignature(n)) }
	}
	return set, method, nil
}

// isNotSignatureXPath reports whether an XPath 1.0 filter is
// not(ancestor-or-self::P:Signature) with P bound to XML-DSig: the filter
// that keeps every node outside any signature.
func isNotSignatureXPath(xp *node) bool {
	if xp == nil {
		return false
	}
	expr := strings.Join(strings.Fields(text(xp)), "")
	rest, ok := strings.CutPrefix(expr, "not(ancestor-or-self::")
	if !ok {
		return false
	}
	prefix, ok := strings.CutSuffix(rest, ":Signature)")
	if !ok {
		return false
	}
	uri, bound := xp.lookup(prefix)
	return bound && uri == nsDSig
}

// isSubtractSignatures reports whether an XPath Filter 2.0 element
// subtracts /descendant::P:Signature with P bound to XML-DSig.
func isSubtractSignatures(xp *node) bool {
	if f, _ := xp.attr("", "Filter"); f != "subtract" {
		return false
	}
	prefix, ok := strings.CutSuffix(strings.TrimPrefix(strings.TrimSpace(text(xp)), "/descendant::"), ":Signature")
	if !ok || !strings.HasPrefix(strings.TrimSpace(text(xp)), "/descendant::") {
		return false
	}
	uri, bound := xp.lookup(prefix)
	return bound && uri == nsDSig
}

func methodName(m c14nMethod) string {
	name := "inclusive C14N 1.0"
	if m.exclusive {
		name = "exclusive C14N"
	}
	if m.comments {
		name += " with comments"
	}
	return name
}

// attrOr is attr on a node that may be nil.
func (n *node) attrOr(space, local string) (string, bool) {
	if n == nil {
		return "", false
	}
	return n.attr(space, local)
}
