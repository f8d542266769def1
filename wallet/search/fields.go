package search

import "github.com/satchel-wallet/satchel/wallet/credential"

// eachValue calls fn with every text of c that search indexes, in every
// language it has, in no particular order. A phrase matches within one
// value, never across two.
func eachValue(c *credential.Credential, fn func(string)) {
	text := func(t credential.Text) {
		for _, l := range t {
			if l.Value != "" {
				fn(l.Value)
			}
		}
	}
	concepts := func(cs []credential.Concept, codes bool) {
		for i := range cs {
			text(cs[i].Label)
			if codes && cs[i].Code != "" {
				fn(cs[i].Code)
			}
		}
	}
	party := func(p *credential.Party) {
		text(p.Name)
		text(p.Country)
	}

	text(c.Title)
	text(c.Description)
	party(&c.Issuer)
	if c.AwardingBody != nil {
		party(c.AwardingBody)
	}
	text(c.Learner.Name)
	for i := range c.LearningOutcomes {
		o := &c.LearningOutcomes[i]
		text(o.Title)
		text(o.Description)
		for j := range o.Skills {
			text(o.Skills[j].Label)
			if o.Skills[j].ID != "" {
				fn(o.Skills[j].ID)
			}
		}
	}
	concepts(c.FieldOfStudy, true)
	text(c.Grade)
	text(c.Assessment)
	text(c.Participation)
	text(c.QualityAssurance)
	text(c.Prerequisites)
	text(c.Supervision)
	text(c.Stackability)
	concepts(c.PartOf, false)
	concepts(c.Alignments, false)
	concepts(c.Accreditation, false)
	text(c.FurtherInformation)
	if c.Profile != "" {
		fn(c.Profile)
	}
	if c.NQF != nil {
		text(c.NQF.Label)
	}
	for _, t := range c.Tags {
		fn(t)
	}
}
