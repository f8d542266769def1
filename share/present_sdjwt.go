package share

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/sdjwt"
)

// presentSDJWT makes an SD-JWT presentation: the issuer-signed JWT, the
// disclosures the learner chose (with the ones they sit in), and a Key
// Binding JWT signed by the holder key, which must be the credential's
// cnf key.
func presentSDJWT(s wallet.Signer, creds []*prepared, opts Options, rec *Record) ([]byte, error) {
	if len(creds) != 1 {
		return nil, fmt.Errorf("an SD-JWT presentation carries one credential, %d were chosen; make one presentation each: %w", len(creds), ErrOptions)
	}
	if opts.Challenge == "" || opts.Domain == "" {
		return nil, fmt.Errorf("an SD-JWT presentation needs the verifier's challenge and domain, which its key binding signs: %w", ErrOptions)
	}
	tok, err := sdjwt.Parse(string(creds[0].raw), sdjwt.Limits{})
	if err != nil {
		return nil, fmt.Errorf("credential %s: %w", shortID(creds[0].item.Credential.ID), err)
	}
	pointers := make([]string, 0, len(opts.Disclose))
	for _, d := range opts.Disclose {
		p, err := claimPointer(d)
		if err != nil {
			return nil, err
		}
		pointers = append(pointers, p)
	}
	digests, err := tok.Select(pointers...)
	if errors.Is(err, sdjwt.ErrNotDisclosable) {
		return nil, fmt.Errorf("%w (disclosable: %s): %w", err, disclosable(tok), ErrNotDisclosable)
	}
	if err != nil {
		return nil, err
	}
	out, err := tok.Present(s, digests, sdjwt.PresentOptions{
		Audience: opts.Domain,
		Nonce:    opts.Challenge,
		IssuedAt: rec.Created,
		Expires:  rec.Expires,
	})
	switch {
	case errors.Is(err, sdjwt.ErrHolderKeyMismatch), errors.Is(err, sdjwt.ErrNoHolderKey):
		return nil, fmt.Errorf("credential %s: %w: %w", shortID(creds[0].item.Credential.ID), ErrHolderKey, err)
	case err != nil:
		return nil, fmt.Errorf("sign key binding: %w", err)
	}
	rec.Disclosed = revealed(tok, digests)
	return []byte(out), nil
}

// revealed lists the paths of the disclosures that go out: the chosen
// ones and those they sit in, in the issued order.
func revealed(tok *sdjwt.Token, digests []string) []string {
	byDigest := make(map[string]*sdjwt.Disclosure, len(tok.Disclosures))
	for _, d := range tok.Disclosures {
		byDigest[d.Digest] = d
	}
	chosen := map[string]bool{}
	for _, dg := range digests {
		for d := byDigest[dg]; d != nil && !chosen[d.Digest]; d = byDigest[d.Parent] {
			chosen[d.Digest] = true
		}
	}
	var out []string
	for _, d := range tok.Disclosures {
		if chosen[d.Digest] {
			out = append(out, d.Pointer)
		}
	}
	return out
}

// disclosable lists the paths a learner can choose from.
func disclosable(tok *sdjwt.Token) string {
	ps := make([]string, len(tok.Disclosures))
	for i, d := range tok.Disclosures {
		ps[i] = d.Pointer
	}
	return strings.Join(ps, ", ")
}

// claimPointer turns a claim name or path into a JSON Pointer: "grade" is
// "/grade", "learning_outcomes[1]" is "/learning_outcomes/1",
// "address.locality" is "/address/locality"; a JSON Pointer stays as it is.
func claimPointer(name string) (string, error) {
	name = strings.TrimSpace(name)
	if strings.HasPrefix(name, "/") {
		return name, nil
	}
	if name == "" {
		return "", fmt.Errorf("empty claim name: %w", ErrNotDisclosable)
	}
	var b strings.Builder
	for _, seg := range strings.Split(name, ".") {
		base, idx, _ := strings.Cut(seg, "[")
		if base == "" && idx == "" {
			return "", fmt.Errorf("claim path %q has an empty part: %w", name, ErrNotDisclosable)
		}
		if base != "" {
			b.WriteByte('/')
			b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(base))
		}
		for idx != "" {
			n, rest, ok := strings.Cut(idx, "]")
			if _, err := strconv.Atoi(n); !ok || err != nil {
				return "", fmt.Errorf("claim path %q: %q is not an array index: %w", name, n, ErrNotDisclosable)
			}
			b.WriteByte('/')
			b.WriteString(n)
			idx = strings.TrimPrefix(rest, "[")
			if rest != "" && !strings.HasPrefix(rest, "[") {
				return "", fmt.Errorf("claim path %q: text after an index: %w", name, ErrNotDisclosable)
			}
		}
	}
	return b.String(), nil
}
