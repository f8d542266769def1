package share

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/did"
)

// clockSkew is how far the holder's and the verifier's clocks may disagree:
// a presentation made a moment ago on a laptop whose clock runs a minute
// ahead must not be "not yet valid". Two minutes covers unsynchronised
// consumer clocks without stretching an expiry noticeably.
const clockSkew = 2 * time.Minute

// maxCredentials bounds the credentials of one presentation that are
// verified. An application for recognition of prior learning carries a
// few dozen; a few hundred tiny ones within the size limit would only
// cost seconds of JSON-LD work each time someone opens the file.
const maxCredentials = 200

// VerifyOptions say what the verifier expects of a presentation.
type VerifyOptions struct {
	// Challenge is the nonce the verifier gave the holder; empty leaves
	// replay protection unchecked (a warning).
	Challenge string
	// Domain is the verifier's identifier, the audience the presentation
	// must be addressed to; empty leaves it unchecked (a warning).
	Domain string
	// Now is the time validity is judged at; zero means the current time.
	Now time.Time
	// MaxAge, when set, fails a presentation made longer ago, even one
	// whose own expiry is later.
	MaxAge time.Duration
	// Checker verifies the credentials inside with the checks of import;
	// it supplies the trust list, the size limit and the network fetcher.
	// Its Holders are not used: each credential's subject is compared with
	// the presentation's holder instead. nil means an offline checker with
	// an empty trust list.
	Checker *wallet.Checker
	// Online allows network checks (did:web keys, status lists) with the
	// Checker's Fetcher, as if Checker.Online were set.
	Online bool
}

// Result is the outcome of verifying a presentation.
type Result struct {
	// Format is the presentation format; empty when the input was not
	// read as one.
	Format Format `json:"format,omitempty"`
	// Holder is the DID of the holder who presented it: the signer of a
	// VP, and for an SD-JWT the subject when it is the bound key's DID,
	// otherwise the did:key of the bound key.
	Holder string `json:"holder,omitempty"`
	// Verdict is verified when no check failed, the holder's signature
	// verified and every credential is verified; rejected when the input
	// is not a presentation at all.
	Verdict credential.Verdict `json:"verdict"`
	// Checks are the presentation's own checks: format, proof, challenge,
	// domain, validity and credentials, in that order.
	Checks []credential.Check `json:"checks"`
	// Credentials are the credentials inside, each with the checks of
	// import in its Verification.
	Credentials []CredentialResult `json:"credentials,omitempty"`
	// ID is the presentation's id (jti or id), if it has one.
	ID string `json:"id,omitempty"`
	// Challenge and Audience are what the presentation carries.
	Challenge string   `json:"challenge,omitempty"`
	Audience  []string `json:"audience,omitempty"`
	// Created and Expires are its validity period as it states it.
	Created time.Time `json:"created,omitzero"`
	Expires time.Time `json:"expires,omitzero"`
	// Summary is the stack summary the holder put in, if any.
	Summary *Summary `json:"summary,omitempty"`
	// Disclosed are the paths of the claims an SD-JWT reveals, in the
	// payload the verifier sees: an array counts its revealed elements
	// only, so "/learning_outcomes/0" is the first one revealed, which the
	// holder's [Record] may call "/learning_outcomes/2".
	Disclosed []string `json:"disclosed,omitempty"`
	// CheckedAt is when the checks ran.
	CheckedAt time.Time `json:"checkedAt"`
}

// CredentialResult is one credential of a presentation, verified.
type CredentialResult struct {
	// Credential is the normalised view, with its checks in Verification.
	Credential credential.Credential `json:"credential"`
	// Original is the credential as the presentation carries it.
	Original []byte `json:"-"`
}

// Find returns the presentation check called name, if there is one.
func (r *Result) Find(name credential.CheckName) (credential.Check, bool) {
	for _, c := range r.Checks {
		if c.Check == name {
			return c, true
		}
	}
	return credential.Check{}, false
}

// reading is what a format's reader makes of a presentation: everything
// but the credentials' verification.
type reading struct {
	format      Format
	holder      string
	formatCheck credential.Check // the format check
	proof       credential.Check
	challenge   string
	audience    []string  // what the presentation is addressed to
	from, till  time.Time // validity; zero when not stated
	unchecked   string    // why challenge, domain and validity were not checked
	embedded    [][]byte
	id          string
	summary     *Summary
	disclosed   []string
}

// VerifyPresentation verifies a presentation: a VP-JWT (VC 1.1 or VC 2.0
// JOSE), a JSON-LD presentation with a Data Integrity proof, or an SD-JWT
// with a Key Binding JWT. It checks the holder's signature (and that the
// signer is the holder the presentation names), the challenge, the domain,
// the validity period, and every credential inside with the checks of
// import, where the holder check compares each credential's subject with
// the presenting holder. It is offline unless opts ask otherwise. The
// error is only for a Checker that cannot be built; a refused input is a
// Result with the verdict rejected.
func VerifyPresentation(ctx context.Context, data []byte, opts VerifyOptions) (*Result, error) {
	base := opts.Checker
	if base == nil {
		var err error
		if base, err = wallet.NewChecker(nil); err != nil {
			return nil, fmt.Errorf("verify presentation: %w", err)
		}
	}
	now := opts.Now
	if now.IsZero() {
		now = base.Now
	}
	if now.IsZero() {
		now = time.Now()
	}
	res := &Result{CheckedAt: now.UTC()}
	limit := base.MaxBytes
	if limit <= 0 {
		limit = wallet.DefaultMaxBytes
	}
	online := opts.Online || base.Online
	keys := &did.Resolver{}
	if online && base.Fetcher != nil {
		keys = did.NewResolver(base.Fetcher)
	}
	if len(data) > limit {
		return res.reject("vp.too-large", map[string]string{"Size": strconv.Itoa(len(data)), "Limit": strconv.Itoa(limit)}, ""), nil
	}
	in := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	var rd *reading
	var rej *rejection
	switch {
	case !utf8.Valid(in):
		return res.reject("format.not-utf8", nil, "invalid UTF-8"), nil
	case len(in) > 0 && in[0] == '{':
		rd, rej = readLDP(ctx, in, limit, keys)
	case bytes.Count(in, []byte(".")) == 2 && !bytes.Contains(in, []byte("~")):
		rd, rej = readJWT(ctx, in, limit, keys)
	case bytes.Contains(in, []byte("~")):
		rd, rej = readSDJWT(in, limit)
	default:
		rej = notPresentation("neither JSON, a JWT nor an SD-JWT")
	}
	if rej == nil && len(rd.embedded) > maxCredentials {
		n := strconv.Itoa(len(rd.embedded))
		rej = &rejection{code: "vp.too-many", args: map[string]string{"Count": n, "Limit": strconv.Itoa(maxCredentials)}, detail: n + " credentials"}
	}
	if rej != nil {
		return res.reject(rej.code, rej.args, rej.detail), nil
	}
	res.Format, res.Holder, res.ID = rd.format, rd.holder, rd.id
	res.Summary, res.Disclosed, res.Audience = rd.summary, rd.disclosed, rd.audience
	res.Created, res.Expires = rd.from, rd.till
	res.Challenge = rd.challenge
	res.Checks = []credential.Check{rd.formatCheck, rd.proof}
	res.Checks = append(res.Checks, timeChecks(rd, opts, now)...)
	ch, err := holderChecker(base, rd.holder, online, now)
	if err != nil {
		return nil, fmt.Errorf("verify presentation: %w", err)
	}
	res.Credentials = verifyCredentials(ctx, ch, rd.embedded, rd.holder)
	res.Checks = append(res.Checks, credentialsCheck(res.Credentials))
	res.decide()
	return res, nil
}

// holderChecker returns a checker like base whose one profile is the
// presenting holder, so that its holder check compares each credential's
// subject with that holder.
func holderChecker(base *wallet.Checker, holder string, online bool, now time.Time) (*wallet.Checker, error) {
	var hs []wallet.Holder
	if holder != "" {
		hs = []wallet.Holder{{Name: holder, DID: holder}}
	}
	ch, err := wallet.NewChecker(hs)
	if err != nil {
		return nil, err
	}
	ch.Trust, ch.Fetcher, ch.MaxBytes = base.Trust, base.Fetcher, base.MaxBytes
	ch.Online, ch.Now = online, now
	return ch, nil
}

// verifyCredentials verifies the credentials of a presentation, on as
// many cores as there are (a JSON-LD credential costs milliseconds of
// canonicalisation), and replaces each one's holder check with the
// subject check.
func verifyCredentials(ctx context.Context, ch *wallet.Checker, embedded [][]byte, holder string) []CredentialResult {
	out := make([]CredentialResult, len(embedded))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(embedded)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				c := ch.Verify(ctx, embedded[i]).Credential
				for j, chk := range c.Verification.Checks {
					if chk.Check == credential.CheckHolder {
						c.Verification.Checks[j] = subjectCheck(chk, holder)
					}
				}
				c.Verification.Decide()
				out[i] = CredentialResult{Credential: c, Original: embedded[i]}
			}
		}()
	}
	for i := range embedded {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// decide sets the verdict (see [Result.Verdict]).
func (r *Result) decide() {
	r.Verdict = credential.Verified
	proved := false
	for _, c := range r.Checks {
		if c.Status == credential.Failed {
			r.Verdict = credential.NotVerified
		}
		if c.Check == credential.CheckProof && c.Status == credential.OK {
			proved = true
		}
	}
	for _, c := range r.Credentials {
		if c.Credential.Verification.Verdict != credential.Verified {
			r.Verdict = credential.NotVerified
		}
	}
	if !proved {
		r.Verdict = credential.NotVerified
	}
}

// rejection is why an input was refused before any check.
type rejection struct {
	code   string
	args   map[string]string
	detail string
}

func notPresentation(problem string) *rejection {
	return &rejection{code: "vp.not-presentation", args: map[string]string{"Problem": problem}, detail: problem}
}

func malformed(profile string, err error) *rejection {
	return &rejection{code: "format.malformed", args: map[string]string{"Profile": profile, "Problem": err.Error()}, detail: err.Error()}
}

func (r *Result) reject(code string, args map[string]string, detail string) *Result {
	r.Verdict = credential.Rejected
	r.Checks = []credential.Check{credential.NewCheck(credential.CheckFormat, credential.Failed, code, args, detail)}
	return r
}
