package vc

import (
	"strings"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// FromSDJWTClaims maps the processed claims of an SD-JWT VC (the issuer's
// claims with the disclosed ones in place) onto the credential model. It
// reads the claim names of the EU micro-credential SD-JWT VC type, and the
// registered JWT claims (iss, sub, iat, nbf, exp). It returns the subject
// identifiers for the holder check.
func FromSDJWTClaims(claims map[string]any) (credential.Credential, []string) {
	c := credential.Credential{
		SourceID: str(claims["jti"]),
		Profile:  "SD-JWT VC",
		Title:    first(text(claims["title"]), text(claims["name"])),
	}
	if vct := str(claims["vct"]); vct != "" {
		c.Types = []string{vct}
		if strings.Contains(vct, "microcredential") {
			c.Profile = "EU micro-credential (SD-JWT VC)"
		}
	}
	c.Description = text(claims["description"])
	c.Issuer = credential.Party{ID: str(claims["iss"])}
	switch ab := claims["awarding_body"].(type) {
	case string:
		c.Issuer.Name = credential.Plain(ab)
	case map[string]any:
		body := party(ab)
		if body.ID == "" || body.ID == c.Issuer.ID {
			c.Issuer.Name, c.Issuer.URL = body.Name, body.URL
		} else {
			c.AwardingBody = &body
		}
	}
	if cc := str(claims["issuer_country"]); cc != "" {
		c.Issuer.CountryCode = strings.ToUpper(cc)
	}
	c.Issued = firstTime(date(claims["issuance_date"]), date(claims["iat"]))
	c.ValidFrom = firstTime(date(claims["nbf"]), date(claims["valid_from"]))
	c.ValidUntil = firstTime(date(claims["exp"]), date(claims["valid_until"]))
	c.Learner = credential.Learner{ID: str(claims["sub"]), Name: text(claims["learner_name"])}
	if c.Learner.Name.IsZero() {
		c.Learner.Name = credential.Plain(strings.TrimSpace(str(claims["given_name"]) + " " + str(claims["family_name"])))
	}
	for _, o := range list(claims["learning_outcomes"]) {
		if m := obj(o); m != nil {
			c.LearningOutcomes = append(c.LearningOutcomes, credential.Outcome{ID: str(m["id"]), Title: first(text(m["title"]), text(m["name"]))})
		} else if t := text(o); !t.IsZero() {
			c.LearningOutcomes = append(c.LearningOutcomes, credential.Outcome{Title: t})
		}
	}
	if e, ok := number(claims["ects_credits"]); ok {
		c.ECTS = e
	}
	if h, ok := number(claims["workload_hours"]); ok {
		c.Hours = h
	}
	if n, ok := number(claims["eqf_level"]); ok && *n >= 1 && *n <= 8 {
		c.EQF = int(*n)
	}
	c.Assessment = text(claims["assessment_type"])
	c.Participation = text(claims["participation_form"])
	c.QualityAssurance = text(claims["quality_assurance"])
	c.Prerequisites = text(claims["prerequisites"])
	c.Supervision = text(claims["supervision_and_identity_verification"])
	c.Grade = text(claims["grade"])
	c.Stackability = text(claims["integration_stackability"])
	c.FurtherInformation = text(claims["further_information"])
	c.PartOf = partOf(c.Stackability)
	if f := str(claims["field_of_study"]); f != "" {
		c.FieldOfStudy = []credential.Concept{fieldOfStudy(f)}
	}
	for _, l := range list(claims["language"]) {
		if s := str(l); s != "" {
			c.Languages = append(c.Languages, s)
		}
	}
	var subjects []string
	if c.Learner.ID != "" {
		subjects = []string{c.Learner.ID}
	}
	return c, subjects
}
