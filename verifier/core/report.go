package core

import (
	"time"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// dateLayout is how dates go to the page: ISO 8601 calendar dates, which
// the page formats in the reader's locale.
const dateLayout = "2006-01-02"

// Report is what the page shows: the overall verdict, who presented, the
// presentation's own checks and every credential inside. It is the JSON the
// page receives.
type Report struct {
	// Verdict is "verified", "not verified" or "rejected" (not a
	// presentation at all), as [credential.Verdict].
	Verdict credential.Verdict `json:"verdict"`
	// Error says why the payload could not be read, when it could not
	// (then Verdict is rejected and there are no checks); ErrorCode is the
	// stable key of that sentence.
	Error     string `json:"error,omitempty"`
	ErrorCode string `json:"errorCode,omitempty"`
	// Format is the presentation format, e.g. "vp-jwt".
	Format string `json:"format,omitempty"`
	// Holder is the DID of whoever signed the presentation; HolderName is
	// the learner's name as the credentials issued to that holder state it.
	Holder     string `json:"holder,omitempty"`
	HolderName string `json:"holderName,omitempty"`
	// Created and Expires are the presentation's validity period, RFC 3339.
	Created string `json:"created,omitempty"`
	Expires string `json:"expires,omitempty"`
	// Audience is who the presentation is addressed to.
	Audience []string `json:"audience,omitempty"`
	// Checks are the presentation's own checks.
	Checks []Check `json:"checks"`
	// Credentials are the credentials inside.
	Credentials []Credential `json:"credentials"`
	// CheckedAt is when the checks ran, RFC 3339.
	CheckedAt string `json:"checkedAt,omitempty"`
	// Language is the language of the checks' sentences, one of
	// [Languages].
	Language string `json:"language"`
}

// Check is one check in plain words.
type Check struct {
	// Name is the check, e.g. "proof", "validity", "holder".
	Name string `json:"name"`
	// Status is "ok", "failed", "warning" or "skipped".
	Status string `json:"status"`
	// Message is the sentence in the report's Language (the wallet's
	// English where a code has no translation); Code and Args are the
	// stable key and values it was made from.
	Message string            `json:"message"`
	Code    string            `json:"code,omitempty"`
	Args    map[string]string `json:"args,omitempty"`
	// Detail is the technical detail behind it.
	Detail string `json:"detail,omitempty"`
}

// Credential is one credential of the presentation as a recruiter reads it.
type Credential struct {
	Title string `json:"title"`
	// AwardingBody awarded the achievement: the awarding body the
	// credential names, otherwise its issuer.
	AwardingBody string `json:"awardingBody,omitempty"`
	// Issuer signed the credential; IssuerID is its DID or URL.
	Issuer   string `json:"issuer,omitempty"`
	IssuerID string `json:"issuerId,omitempty"`
	// Learner is the name of the person it was issued to.
	Learner string `json:"learner,omitempty"`
	// Issued and ValidUntil are calendar dates (YYYY-MM-DD).
	Issued     string `json:"issued,omitempty"`
	ValidUntil string `json:"validUntil,omitempty"`
	// ECTS and Hours are the workload; nil when the credential does not say.
	ECTS  *float64 `json:"ects,omitempty"`
	Hours *float64 `json:"hours,omitempty"`
	// EQF is the EQF level, 1 to 8; 0 when not stated.
	EQF int `json:"eqf,omitempty"`
	// Outcomes are the titles of the learning outcomes.
	Outcomes []string `json:"outcomes,omitempty"`
	// Profile names the standard it follows, e.g. "Open Badges 3.0 (VC 2.0)".
	Profile string  `json:"profile,omitempty"`
	Verdict string  `json:"verdict"`
	Checks  []Check `json:"checks"`
}

// newReport makes the Report of a verified presentation, with texts in the
// first of langs each value has and the checks in the first of langs the
// page speaks.
func newReport(res *share.Result, langs []string) Report {
	lang := language(langs)
	r := Report{
		Language:    lang,
		Verdict:     res.Verdict,
		Format:      string(res.Format),
		Holder:      res.Holder,
		Audience:    res.Audience,
		Checks:      checks(res.Checks, lang),
		Credentials: make([]Credential, 0, len(res.Credentials)),
		Created:     stamp(res.Created),
		Expires:     stamp(res.Expires),
		CheckedAt:   stamp(res.CheckedAt),
	}
	for _, cr := range res.Credentials {
		c := newCredential(&cr.Credential, langs, lang)
		if r.HolderName == "" && c.Learner != "" && cr.Credential.Learner.ID == res.Holder {
			r.HolderName = c.Learner
		}
		r.Credentials = append(r.Credentials, c)
	}
	return r
}

func newCredential(c *credential.Credential, langs []string, lang string) Credential {
	out := Credential{
		Title:      c.Title.In(langs...),
		Issuer:     c.Issuer.Name.In(langs...),
		IssuerID:   c.Issuer.ID,
		Learner:    c.Learner.Name.In(langs...),
		Issued:     date(c.Issued),
		ValidUntil: date(c.ValidUntil),
		ECTS:       c.ECTS,
		Hours:      c.Hours,
		EQF:        c.EQF,
		Profile:    c.Profile,
		Verdict:    string(c.Verification.Verdict),
		Checks:     checks(c.Verification.Checks, lang),
	}
	out.AwardingBody = out.Issuer
	if c.AwardingBody != nil && !c.AwardingBody.Name.IsZero() {
		out.AwardingBody = c.AwardingBody.Name.In(langs...)
	}
	for _, o := range c.LearningOutcomes {
		if t := o.Title.In(langs...); t != "" {
			out.Outcomes = append(out.Outcomes, t)
		}
	}
	return out
}

func checks(in []credential.Check, lang string) []Check {
	out := make([]Check, 0, len(in))
	for _, c := range in {
		out = append(out, Check{
			Name: string(c.Check), Status: string(c.Status), Message: sentence(lang, c.Code, c.Args, c.Message),
			Code: c.Code, Args: c.Args, Detail: c.Detail,
		})
	}
	return out
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(dateLayout)
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// Find returns the presentation check called name, if there is one.
func (r *Report) Find(name string) (Check, bool) {
	return find(r.Checks, name)
}

// Find returns the credential's check called name, if there is one.
func (c *Credential) Find(name string) (Check, bool) {
	return find(c.Checks, name)
}

func find(cs []Check, name string) (Check, bool) {
	for _, c := range cs {
		if c.Name == name {
			return c, true
		}
	}
	return Check{}, false
}
