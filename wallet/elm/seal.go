package elm

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// Signature algorithms of EDC seals. The EDC software seals with RS256;
// PS256 and ES256 are the other algorithms JAdES baseline signatures use
// with keys of the same strength. Others are reported as unsupported.
const (
	algRS256 = "RS256"
	algPS256 = "PS256"
	algES256 = "ES256"
)

var (
	errBadSignature = errors.New("the signature does not verify")
	errUnsupported  = errors.New("unsupported")
)

// sealResult is the outcome of checking one signature of a seal.
type sealResult struct {
	status credential.Status
	code   string
	args   map[string]string
	detail string
	// signer and signedAt are set when the seal verified.
	signer   signerInfo
	signedAt time.Time
	// sig is the decoded signature, the seal's identity.
	sig []byte
	// chain is set when the certificate could be read.
	chain *chainReport
}

func (r *sealResult) check() credential.Check {
	return credential.NewCheck(credential.CheckProof, r.status, r.code, r.args, r.detail)
}

// sealContext is what checking a signature needs beyond the signature.
type sealContext struct {
	payload      string // the envelope's payload member, as stored
	now          time.Time
	presentation bool
	// issuerEIDAS is the eIDAS identifier the credential gives its
	// issuer, compared with the certificate's organizationIdentifier.
	issuerEIDAS string
	maxBytes    int
}

// checkSeal checks one signature: the header rules, the algorithm, the
// certificate, the signature over ASCII(protected) || "." || payload with
// both exactly as stored (never re-serialised), the certificate's validity
// at the signing time sigT, its key usage, and the x5c chain.
func checkSeal(sc *sealContext, s jwsSig, h *header, herr error) sealResult {
	var r sealResult
	args := map[string]string{}
	if sc.presentation {
		args["Presentation"] = "yes"
	}
	fail := func(status credential.Status, code, detail string) sealResult {
		r.status, r.code, r.args, r.detail = status, code, args, detail
		return r
	}
	if sig, err := base64.RawURLEncoding.Strict().DecodeString(s.signature); err == nil {
		r.sig = sig
	}
	var he *headerError
	if errors.As(herr, &he) {
		args["Problem"] = he.problem
		return fail(credential.Failed, "proof.elm-header", herr.Error())
	}
	args["Algorithm"] = h.alg
	if h.sigD {
		args["Method"] = "a detached JAdES seal (sigD), whose sealed documents are not in the file"
		return fail(credential.Skipped, "proof.unsupported", "sigD present")
	}
	if h.alg != algRS256 && h.alg != algPS256 && h.alg != algES256 {
		args["Method"] = "JAdES with " + h.alg
		return fail(credential.Skipped, "proof.unsupported", "algorithm "+h.alg+" is not one of RS256, PS256, ES256")
	}
	if len(h.x5c) == 0 {
		args["Key"] = "the seal's certificate (x5c)"
		return fail(credential.Failed, "proof.key-not-found", "the header has no x5c certificate")
	}
	certs := make([]*x509.Certificate, len(h.x5c))
	for i, der := range h.x5c {
		c, err := x509.ParseCertificate(der)
		if err != nil {
			args["Problem"] = fmt.Sprintf("certificate %d in x5c cannot be read", i+1)
			return fail(credential.Failed, "proof.elm-header", err.Error())
		}
		certs[i] = c
	}
	leaf := certs[0]
	if h.x5tS256 != "" {
		sum := sha256.Sum256(h.x5c[0])
		if h.x5tS256 != base64.RawURLEncoding.EncodeToString(sum[:]) {
			args["Problem"] = "its certificate reference (x5t#S256) does not match its certificate"
			return fail(credential.Failed, "proof.elm-header", "x5t#S256 mismatch")
		}
	}
	r.signer = signerOf(leaf)
	args["Signer"] = r.signer.name()
	args["OrgID"] = r.signer.orgID
	args["Certificate"] = r.signer.dn
	if r.sig == nil {
		return fail(credential.Failed, "proof.failed", "the signature is not base64url")
	}
	if err := verifySignature(h.alg, leaf.PublicKey, []byte(s.protected+"."+sc.payload), r.sig); err != nil {
		if errors.Is(err, errUnsupported) {
			args["Method"] = err.Error()
			return fail(credential.Skipped, "proof.unsupported", err.Error())
		}
		return fail(credential.Failed, "proof.failed", h.alg+" over the protected header and the payload as stored: "+err.Error()+", with the key of "+r.signer.dn)
	}

	at, dated := h.sigT, !h.sigT.IsZero()
	if !dated {
		at = sc.now
	}
	if at.After(sc.now.Add(futureLeeway)) {
		args["Problem"] = "it says it was made on " + at.UTC().Format(time.RFC3339) + ", which is still to come"
		return fail(credential.Failed, "proof.elm-header", "sigT in the future")
	}
	validity := fmt.Sprintf("certificate valid %s to %s", leaf.NotBefore.UTC().Format(time.RFC3339), leaf.NotAfter.UTC().Format(time.RFC3339))
	args["ValidFrom"], args["ValidUntil"] = day(leaf.NotBefore), day(leaf.NotAfter)
	args["From"], args["Until"] = args["ValidFrom"], args["ValidUntil"]
	if dated {
		args["Date"] = at.UTC().Format("2 January 2006, 15:04 UTC")
		args["SignedAt"] = at.UTC().Format(time.RFC3339)
	}
	if at.Before(leaf.NotBefore) || at.After(leaf.NotAfter) {
		when := "now, " + at.UTC().Format(time.RFC3339) + " (the seal states no signing time)"
		if dated {
			when = "at the signing time " + at.UTC().Format(time.RFC3339) + " (sigT)"
		}
		return fail(credential.Failed, "proof.elm-cert-time", validity+"; judged "+when)
	}
	if leaf.KeyUsage != 0 && leaf.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		args["Problem"] = "its key usage allows neither digital signatures nor non-repudiation"
		return fail(credential.Failed, "proof.elm-cert-use", fmt.Sprintf("key usage %#x", leaf.KeyUsage))
	}
	chain := checkChain(certs, validationCerts(h.unprotected, sc.maxBytes), at)
	r.chain = &chain
	if chain.broken != "" {
		args["Problem"] = chain.broken
		return fail(credential.Failed, "proof.elm-chain", strings.Join(chain.steps, "; "))
	}

	q := qualificationOf(leaf)
	args["Level"] = q.level()
	args["Qualified"] = "no"
	if q.level() != levelNone {
		args["Qualified"] = "yes"
	}
	judged := "judged at the signing time " + at.UTC().Format(time.RFC3339) + " (sigT, as the seal states it; its time-stamp tokens are not verified)"
	if !dated {
		judged = "judged now, " + at.UTC().Format(time.RFC3339) + ", as the seal states no signing time"
	}
	if dated && sc.now.After(leaf.NotAfter) {
		args["ExpiredOn"] = day(leaf.NotAfter)
		judged += "; the certificate has expired since, which does not affect a seal made while it was valid"
	}
	if sc.issuerEIDAS != "" && r.signer.orgID != "" && !strings.EqualFold(sc.issuerEIDAS, r.signer.orgID) {
		args["IssuerID"] = sc.issuerEIDAS
	}
	r.signedAt = h.sigT
	r.status, r.code, r.args = credential.OK, "proof.elm-sealed", args
	r.detail = fmt.Sprintf("%s over ASCII(protected) || '.' || payload, verified with the x5c certificate %s; %s, %s; %s; qualified status as the certificate states it: %s",
		h.alg, r.signer.dn, validity, judged, strings.Join(chain.steps, "; "), q.describe())
	return r
}

// verifySignature checks sig over input with the certificate's key, for
// the algorithm the header names. The key must suit the algorithm: RSA of
// minRSABits to maxRSABits for RS256 and PS256 (PSS with a salt as long
// as the hash, RFC 7518 section 3.5), P-256 for ES256 (r || s, 64 bytes,
// RFC 7518 section 3.4).
func verifySignature(alg string, pub crypto.PublicKey, input, sig []byte) error {
	digest := sha256.Sum256(input)
	switch alg {
	case algRS256, algPS256:
		k, ok := pub.(*rsa.PublicKey)
		if !ok {
			return fmt.Errorf("%s with a %T key: %w", alg, pub, errBadSignature)
		}
		if bits := k.N.BitLen(); bits < minRSABits || bits > maxRSABits {
			return fmt.Errorf("a seal with an RSA key of %d bits: %w", bits, errUnsupported)
		}
		var err error
		if alg == algRS256 {
			err = rsa.VerifyPKCS1v15(k, crypto.SHA256, digest[:], sig)
		} else {
			err = rsa.VerifyPSS(k, crypto.SHA256, digest[:], sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
		}
		if err != nil {
			return errBadSignature
		}
		return nil
	case algES256:
		k, ok := pub.(*ecdsa.PublicKey)
		if !ok || k.Curve != elliptic.P256() {
			return fmt.Errorf("ES256 with a key that is not P-256: %w", errBadSignature)
		}
		if len(sig) != 64 {
			return errBadSignature
		}
		rr, ss := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])
		if !ecdsa.Verify(k, digest[:], rr, ss) {
			return errBadSignature
		}
		return nil
	}
	return fmt.Errorf("algorithm %s: %w", alg, errUnsupported)
}
