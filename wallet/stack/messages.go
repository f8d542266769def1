package stack

import "github.com/satchel-wallet/satchel/wallet/credential"

// messages are the English sentences of flags, requirements and reasons.
var messages = map[string]string{
	"stack.expired":        "Expired on {{.Date}}.",
	"stack.not-verified":   "Not verified ({{.Verdict}}): a receiving institution cannot rely on it.",
	"stack.below-level":    "At EQF level {{.Level}}, below the level {{.Min}} the goal asks for.",
	"stack.level-unknown":  "States no EQF level, so it cannot count towards a goal of level {{.Min}}.",
	"stack.outside-field":  "Not in the fields of study the goal asks for ({{.Fields}}).",
	"stack.outside-window": "{{if .Issued}}Issued on {{.Issued}}{{else}}States no date of issue{{end}}, outside the window of the last {{.Period}} (since {{.Since}}).",
	"stack.no-ects":        "States no ECTS credits{{if .Hours}} ({{.Hours}} hours instead){{end}}, so it adds nothing to the ECTS total.",
	"stack.duplicate":      "{{if eq .Same \"credential\"}}The same credential is in the stack {{.Count}} more time(s){{else}}The same achievement from the same awarding body is in the stack {{.Count}} more time(s){{end}}{{if .First}}; only the earliest, {{.First}} [{{.FirstID}}], counts{{else}}; this is the one that counts{{end}}.",
	"stack.overlap":        "{{.Count}} learning outcome(s) repeat in other members: {{.Outcomes}}.",

	"stack.req-ects":       "{{.Have}} of {{.Need}} ECTS{{if ne .Left \"0\"}}: {{.Left}} to go{{end}}.",
	"stack.req-eqf":        "Every member at EQF level {{.Level}} or above.",
	"stack.req-field":      "Every member in the fields {{.Fields}}.",
	"stack.req-window":     "Every member issued in the last {{.Period}} (since {{.Since}}).",
	"stack.req-outcome":    "Learning outcome {{printf \"%q\" .Outcome}} covered.",
	"stack.req-credential": "Credential {{.ID}}{{if .Title}} ({{.Title}}){{end}} in the stack.",

	"stack.suggest-required":    "The goal requires this credential.",
	"stack.suggest-outcome":     "Covers the required learning outcome {{printf \"%q\" .Outcome}}.",
	"stack.suggest-duplicate":   "Duplicates {{.Title}}, already in the stack.",
	"stack.suggest-part-of":     "Part of the same programme or larger credential as a member: {{.Programme}}.",
	"stack.suggest-names-stack": "Says it can be integrated into {{.Stack}}.",
	"stack.suggest-fits":        "Fits the goal and adds {{.ECTS}} ECTS.",
	"stack.suggest-framework":   "Aligned to the same framework as a member: {{.Framework}}.",
	"stack.suggest-same-body":   "From the same awarding body as a member: {{.Body}}.",
}

func init() { credential.RegisterMessages(messages) }
