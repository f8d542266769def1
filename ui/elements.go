package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/credential"
)

// elementTable builds the two-column table of a credential's elements:
// a name on the left, the value on the right with its "?" beside it.
type elementTable struct {
	app  *App
	rows []fyne.CanvasObject
}

// add adds a row; an empty value shows as "Not stated" when required,
// and is left out otherwise.
func (t *elementTable) add(name, value, guideKey string, required bool) {
	if value == "" && !required {
		return
	}
	v := paragraph(value)
	if value == "" {
		v.SetText(lang.L("Not stated"))
		v.TextStyle.Italic = true
		v.Importance = widget.LowImportance
	}
	t.addObject(name, v, guideKey)
}

// addObject adds a row whose value is any object.
func (t *elementTable) addObject(name string, value fyne.CanvasObject, guideKey string) {
	label := widget.NewLabelWithStyle(name, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	var right fyne.CanvasObject = value
	if guideKey != "" {
		right = container.NewBorder(nil, nil, nil, container.NewVBox(helpButton(t.app, guideKey)), value)
	}
	t.rows = append(t.rows, label, right)
}

func (t *elementTable) object() fyne.CanvasObject {
	return container.New(layout.NewFormLayout(), t.rows...)
}

// elements is the Details tab: the EU standard elements, mandatory ones
// always (saying when the credential does not state them), optional ones
// when present, then what Satchel knows about the file.
func (p *detailPage) elements() fyne.CanvasObject {
	c, l := &p.cred, p.lang
	t := &elementTable{app: p.app}
	learner := in(c.Learner.Name, l)
	if c.Learner.ID != "" {
		learner = joinNonEmpty(learner, c.Learner.ID)
	}
	t.add(lang.L("Learner"), learner, "learner", true)
	t.add(lang.L("Title"), credTitle(c, l), "title", true)
	t.add(lang.X("element.description", "Description"), in(c.Description, l), "", false)
	t.add(lang.L("Awarding body"), awardedBy(c, l), "awarding", true)
	if c.AwardingBody != nil && !c.AwardingBody.IsZero() {
		t.add(lang.L("Issued by"), joinNonEmpty(in(c.Issuer.Name, l), c.Issuer.ID), "awarding", false)
	}
	t.add(lang.L("Country"), country(c, l), "country", true)
	t.add(lang.L("Date of issuing"), day(c.Issued), "issued", true)
	t.add(lang.L("Learning outcomes"), outcomeSummary(c, l), "outcomes", true)
	t.add(lang.L("Workload"), joinNonEmpty(ects(c, l), hours(c, l)), "ects", true)
	level := eqf(c.EQF)
	if c.NQF != nil {
		level = joinNonEmpty(level, lang.L("national level {{.L}}", map[string]any{"L": joinNonEmpty(in(c.NQF.Label, l), c.NQF.Code)}))
	}
	t.add(lang.L("Level"), level, "eqf", true)
	t.add(lang.L("Type of assessment"), in(c.Assessment, l), "assessment", true)
	t.add(lang.L("Form of participation"), in(c.Participation, l), "participation", true)
	t.add(lang.L("Quality assurance"), in(c.QualityAssurance, l), "qa", true)
	t.add(lang.L("Prerequisites"), in(c.Prerequisites, l), "prerequisites", false)
	t.add(lang.L("Supervision and identity check"), in(c.Supervision, l), "supervision", false)
	t.add(lang.L("Grade"), in(c.Grade, l), "grade", false)
	t.add(lang.L("Integration and stackability"), joinNonEmpty(in(c.Stackability, l), concepts(c.PartOf, l)), "stackability", false)
	t.add(lang.L("Further information"), in(c.FurtherInformation, l), "further", false)
	t.add(lang.L("Field of study"), concepts(c.FieldOfStudy, l), "field", false)
	t.add(lang.L("Language"), strings.Join(c.Languages, ", "), "language", false)
	t.add(lang.L("Valid"), validity(c), "validity", false)
	t.add(lang.L("Accreditation"), concepts(c.Accreditation, l), "accreditation", false)
	t.addObject(lang.L("Your tags"), p.tagEditor(), "")
	t.add(lang.L("Collections"), p.collectionNames(), "", false)
	t.add(lang.L("Format"), joinNonEmpty(c.Profile, string(c.Format)), "", true)
	t.add(lang.L("Added"), dayTime(c.Added), "", false)
	t.add(lang.L("Wallet id"), shortID(c.ID), "", true)
	return container.NewPadded(t.object())
}

// country is the awarding body's country, or the issuer's.
func country(c *credential.Credential, l string) string {
	for _, p := range []*credential.Party{c.AwardingBody, &c.Issuer} {
		if p == nil {
			continue
		}
		if s := in(p.Country, l); s != "" {
			return s
		}
		if p.CountryCode != "" {
			return p.CountryCode
		}
	}
	return ""
}

// concepts lists coded values by label, with the code where there is one.
func concepts(cs []credential.Concept, l string) string {
	var out []string
	for _, c := range cs {
		label := in(c.Label, l)
		switch {
		case label != "" && c.Code != "" && !strings.Contains(label, c.Code):
			out = append(out, c.Code+" "+label)
		case label != "":
			out = append(out, label)
		case c.Code != "":
			out = append(out, c.Code)
		default:
			out = append(out, c.ID)
		}
	}
	return strings.Join(out, "; ")
}

// validity writes the validity period.
func validity(c *credential.Credential) string {
	switch {
	case !c.ValidFrom.IsZero() && !c.ValidUntil.IsZero():
		return lang.L("from {{.From}} until {{.Until}}", map[string]any{"From": day(c.ValidFrom), "Until": day(c.ValidUntil)})
	case !c.ValidUntil.IsZero():
		return lang.L("until {{.Until}}", map[string]any{"Until": day(c.ValidUntil)})
	case !c.ValidFrom.IsZero():
		return lang.L("from {{.From}}, with no end", map[string]any{"From": day(c.ValidFrom)})
	}
	return ""
}

// outcomeSummary names how many outcomes there are; the tab lists them.
func outcomeSummary(c *credential.Credential, l string) string {
	switch n := len(c.LearningOutcomes); n {
	case 0:
		return ""
	case 1:
		return in(c.LearningOutcomes[0].Title, l)
	default:
		return lang.N("{{.N}} outcomes, listed under Learning outcomes", n, map[string]any{"N": n})
	}
}

// collectionNames lists the collections holding the credential.
func (p *detailPage) collectionNames() string {
	var names []string
	for _, c := range p.app.lib.collectionsOf(p.cred.ID) {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

// outcomes is the Learning outcomes tab: each outcome with its
// description and its skills, linked where they have a web address.
func (p *detailPage) outcomes() fyne.CanvasObject {
	c, l := &p.cred, p.lang
	if len(c.LearningOutcomes) == 0 {
		return container.NewPadded(paragraph(lang.L("The credential states no learning outcomes.")))
	}
	box := container.NewVBox(container.NewHBox(layout.NewSpacer(), helpButton(p.app, "outcomes")))
	for i, o := range c.LearningOutcomes {
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		t := paragraph(in(o.Title, l))
		t.TextStyle.Bold = true
		box.Add(t)
		if d := in(o.Description, l); d != "" && d != t.Text {
			box.Add(paragraph(d))
		}
		for _, s := range o.Skills {
			box.Add(skillLink(s, l))
		}
	}
	return container.NewPadded(box)
}

// skillLink shows a skill with a link to its definition (ESCO and other
// web URIs); other identifiers are shown as text.
func skillLink(s credential.Concept, l string) fyne.CanvasObject {
	label := in(s.Label, l)
	if label == "" {
		label = s.ID
	}
	icon := widget.NewIcon(theme.RadioButtonCheckedIcon())
	if u, err := url.Parse(s.ID); err == nil && (u.Scheme == "https" || u.Scheme == "http") {
		link := widget.NewHyperlink(label, u)
		link.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, icon, nil, link)
	}
	return container.NewBorder(nil, nil, icon, nil, paragraph(label))
}
