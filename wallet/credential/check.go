package credential

import (
	"bytes"
	"fmt"
	"sort"
	"sync"
	"text/template"
	"time"
)

// CheckName names one of the checks of a verification. They mirror the
// Europass verifier's.
type CheckName string

// The checks, in the order they are reported.
const (
	// CheckFormat: the input parses and has the fields its format requires.
	CheckFormat CheckName = "format"
	// CheckProof: the signature or seal is intact.
	CheckProof CheckName = "proof"
	// CheckHolder: the credential was issued to this wallet's holder.
	CheckHolder CheckName = "holder"
	// CheckValidity: the credential is within its validity period.
	CheckValidity CheckName = "validity"
	// CheckStatus: the issuer has not revoked or suspended it.
	CheckStatus CheckName = "status"
	// CheckIssuer: the issuer is one the learner's trust list knows.
	CheckIssuer CheckName = "issuer"
	// CheckAccreditation: an EDC's accreditation evidence is present and
	// consistent.
	CheckAccreditation CheckName = "accreditation"
)

// CheckNames lists the checks in report order.
func CheckNames() []CheckName {
	return []CheckName{CheckFormat, CheckProof, CheckHolder, CheckValidity, CheckStatus, CheckIssuer, CheckAccreditation}
}

// Status is the outcome of a check.
type Status string

// The outcomes of a check. Only Failed makes a credential not verified;
// a Warning is shown but never turns the verdict red.
const (
	OK      Status = "ok"
	Failed  Status = "failed"
	Warning Status = "warning"
	Skipped Status = "skipped"
)

// Check is one check of a verification: its outcome, a sentence a learner
// understands, and the technical detail behind it.
type Check struct {
	Check  CheckName `json:"check"`
	Status Status    `json:"status"`
	// Message is the plain sentence, in English.
	Message string `json:"message"`
	// Detail is the technical detail: the error, the key, the algorithm.
	Detail string `json:"detail,omitempty"`
	// Code is the stable key of the message, and Args its values, so that
	// the app can show the sentence in the learner's language.
	Code string            `json:"code"`
	Args map[string]string `json:"args,omitempty"`
}

// NewCheck makes a check whose message is the English template of code
// filled with args. Codes without a template (a bug) show the code itself.
func NewCheck(name CheckName, status Status, code string, args map[string]string, detail string) Check {
	return Check{Check: name, Status: status, Code: code, Args: args, Message: Render(code, args), Detail: detail}
}

// Render returns the English sentence of a check code with its arguments.
func Render(code string, args map[string]string) string {
	messagesMu.RLock()
	tmpl, ok := parsedMessages[code]
	messagesMu.RUnlock()
	if !ok {
		return code
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, args); err != nil {
		return code
	}
	return b.String()
}

// Verdict is the overall result of verifying a credential.
type Verdict string

// The verdicts.
const (
	// Verified: no check failed.
	Verified Verdict = "verified"
	// NotVerified: at least one check failed.
	NotVerified Verdict = "not verified"
	// Rejected: the input is not a credential at all, or breaks a limit.
	Rejected Verdict = "rejected"
)

// Verification is the result of verifying a credential.
type Verification struct {
	Verdict Verdict `json:"verdict"`
	Checks  []Check `json:"checks"`
	// CheckedAt is when the checks ran; validity depends on it.
	CheckedAt time.Time `json:"checkedAt,omitzero"`
	// Online says whether network checks were allowed.
	Online bool `json:"online,omitempty"`
	// Signer names who signed or sealed the credential, as the proof check
	// established it; SignedAt is when, if the proof says.
	Signer   string    `json:"signer,omitempty"`
	SignedAt time.Time `json:"signedAt,omitzero"`
}

// Decide sorts the checks into report order and sets the verdict: not
// verified if any check failed, or if the proof check is missing or was
// skipped (a credential whose signature could not be checked, offline or
// with an unsupported method, cannot be called verified); verified
// otherwise. A verification already marked Rejected stays rejected:
// rejection is decided where the input is refused (see Reject).
func (v *Verification) Decide() {
	order := map[CheckName]int{}
	for i, n := range CheckNames() {
		order[n] = i
	}
	sort.SliceStable(v.Checks, func(i, j int) bool { return order[v.Checks[i].Check] < order[v.Checks[j].Check] })
	if v.Verdict == Rejected {
		return
	}
	v.Verdict = Verified
	proved := false
	for _, c := range v.Checks {
		if c.Status == Failed {
			v.Verdict = NotVerified
		}
		if c.Check == CheckProof && (c.Status == OK || c.Status == Warning) {
			proved = true
		}
	}
	if !proved {
		v.Verdict = NotVerified
	}
}

// Reject marks the input as refused: it is not a credential at all, or it
// breaks a limit. The format check says why.
func (v *Verification) Reject(code string, args map[string]string, detail string) {
	v.Verdict = Rejected
	v.Checks = []Check{NewCheck(CheckFormat, Failed, code, args, detail)}
}

// Find returns the check called name, if there is one.
func (v *Verification) Find(name CheckName) (Check, bool) {
	for _, c := range v.Checks {
		if c.Check == name {
			return c, true
		}
	}
	return Check{}, false
}

var (
	messagesMu     sync.RWMutex
	parsedMessages = map[string]*template.Template{}
)

// RegisterMessages adds the English sentences of check codes: code ->
// text/template text over the check's args, e.g. "Sealed by {{.Org}}."
// Format packages call it from init for the codes they use. Registering a
// code twice, or a template that does not parse, panics: both are bugs.
func RegisterMessages(m map[string]string) {
	messagesMu.Lock()
	defer messagesMu.Unlock()
	for code, text := range m {
		if _, dup := parsedMessages[code]; dup {
			panic(fmt.Sprintf("credential: message %s registered twice", code))
		}
		t, err := template.New(code).Option("missingkey=zero").Parse(text)
		if err != nil {
			panic(fmt.Sprintf("credential: message %s: %v", code, err))
		}
		parsedMessages[code] = t
	}
}

// Messages returns every registered code with its English template, for
// translators and for tests that every code has a sentence.
func Messages() map[string]string {
	messagesMu.RLock()
	defer messagesMu.RUnlock()
	out := make(map[string]string, len(parsedMessages))
	for code, t := range parsedMessages {
		out[code] = t.Root.String()
	}
	return out
}

func init() { RegisterMessages(messages) }
