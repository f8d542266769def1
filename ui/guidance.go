package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// guide is a short explanation of an EU standard element or a check, one
// click away from where it is shown.
type guide struct{ title, text string }

// guideFor returns the explanation for key: an element ("eqf", "ects", ...)
// or a check ("check.proof", ...). The texts follow the Council
// Recommendation on micro-credentials (2022/C 243/02) and say what each
// thing proves and what it does not.
func guideFor(key string) guide {
	switch key {
	case "eqf":
		return guide{lang.L("EQF level"), lang.L("The European Qualifications Framework sorts learning into eight levels, from basic general knowledge (1) to the most advanced, doctoral level (8). A bachelor's degree is usually level 6 and a master's level 7. The level says how demanding the learning was, not how well you did.")}
	case "nqf":
		return guide{lang.L("National level"), lang.L("The level in the national qualifications framework of the issuer's country. Each national framework is referenced to the EQF, so the two levels can be compared.")}
	case "ects":
		return guide{lang.L("ECTS credits"), lang.L("ECTS credits measure the workload of the learning: one credit is 25 to 30 hours of study, including lectures, practice and self-study. A full academic year is 60 credits. Credits say how much you learnt, not how well; a university decides whether they count towards its own programme.")}
	case "hours":
		return guide{lang.L("Workload in hours"), lang.L("The notional learning time the issuer states in hours. Hours are not credits; a university may convert them, but Satchel never adds them to ECTS.")}
	case "learner":
		return guide{lang.L("Learner"), lang.L("The person the credential was issued to, as the issuer identifies them: a name, and often a DID or other identifier. The holder check compares it with your profiles.")}
	case "title":
		return guide{lang.L("Title"), lang.L("The name of the micro-credential, as the issuer gave it.")}
	case "country":
		return guide{lang.L("Country of the issuer"), lang.L("The country where the awarding body is established. Recognition rules differ between countries.")}
	case "awarding":
		return guide{lang.L("Awarding body"), lang.L("The organisation that awarded the credential and is responsible for it. When another organisation issued or sealed the file, both are shown.")}
	case "issued":
		return guide{lang.L("Date of issuing"), lang.L("When the credential was issued or awarded.")}
	case "outcomes":
		return guide{lang.L("Learning outcomes"), lang.L("What you know, understand and can do after the learning. Links to ESCO, the European classification of skills, let employers and universities find the same skill under one name in every language.")}
	case "assessment":
		return guide{lang.L("Type of assessment"), lang.L("How your learning was assessed: a test, a project, a demonstration of skills. It tells a reader how the outcomes were checked.")}
	case "participation":
		return guide{lang.L("Form of participation"), lang.L("Whether the learning took place online, on site or both (blended).")}
	case "qa":
		return guide{lang.L("Quality assurance"), lang.L("How the quality of the course and its assessment is assured, for example by a national agency or an internal review. It helps others judge whether to recognise the credential.")}
	case "prerequisites":
		return guide{lang.L("Prerequisites"), lang.L("What you needed to know or have done before enrolling.")}
	case "supervision":
		return guide{lang.L("Supervision and identity check"), lang.L("Whether the assessment was supervised and how your identity was verified during it: onsite with an identity document, online with proctoring, or not at all.")}
	case "grade":
		return guide{lang.L("Grade"), lang.L("The grade or result achieved, on the issuer's own scale.")}
	case "stackability":
		return guide{lang.L("Integration and stackability"), lang.L("Whether the credential can be combined with others into a larger credential, or counts towards a programme. Whether it does is for the receiving institution to decide.")}
	case "validity":
		return guide{lang.L("Validity"), lang.L("When the credential starts and stops being valid. Most learning credentials never expire; certifications of skills that change quickly often do.")}
	case "field":
		return guide{lang.L("Field of study"), lang.L("The subject area, usually coded in ISCED-F, the UNESCO classification of fields of education (for example 0613, software development).")}
	case "language":
		return guide{lang.L("Language"), lang.L("The language or languages of instruction and assessment.")}
	case "further":
		return guide{lang.L("Further information"), lang.L("Anything else the issuer wants readers to know.")}
	case "accreditation", "check.accreditation":
		return guide{lang.L("Accreditation"), lang.L("For European Digital Credentials: the accreditation of the awarding body or the qualification by a competent authority, which the credential names. It is evidence of quality, checked against what the credential itself states.")}
	case "seal", "check.proof":
		return guide{lang.L("Signature or seal"), lang.L("The issuer's digital signature or electronic seal proves two things: the credential was issued by the holder of the signing key, and not a character has changed since. It does not prove that the issuer is who they claim to be, or that they are accredited: that is what the issuer check and the trust list are for.")}
	case "check.format":
		return guide{lang.L("Format check"), lang.L("Satchel could read the file and it has the parts every credential of its kind must have.")}
	case "check.holder":
		return guide{lang.L("Holder check"), lang.L("Whether the credential was issued to you: to one of your profiles' DIDs, to your key, or at least to your name. A credential issued to someone else can still be genuine; it is just not evidence about you.")}
	case "check.validity":
		return guide{lang.L("Validity check"), lang.L("Whether the credential is valid today: not expired and not before its start date.")}
	case "check.status":
		return guide{lang.L("Revocation check"), lang.L("Whether the issuer has revoked or suspended the credential. Issuers publish this on the web, so the check needs the network; Satchel asks only when you choose to check online.")}
	case "check.issuer":
		return guide{lang.L("Issuer check"), lang.L("Whether the issuer is on your trust list. An issuer missing from the list is a note, not an error: it means Satchel cannot vouch for who the issuer is, not that the credential is false.")}
	case "check.challenge":
		return guide{lang.L("Challenge"), lang.L("A verifier gives a random challenge and the holder signs it into the presentation, which shows that the presentation was made just now, for this verifier, and is not a replayed copy.")}
	case "check.domain":
		return guide{lang.L("Domain"), lang.L("The verifier the presentation is addressed to. A presentation addressed to someone else should not be accepted.")}
	case "check.credentials":
		return guide{lang.L("Credentials inside"), lang.L("Every credential in the presentation is checked in its own right, as when it is imported.")}
	}
	return guide{lang.L("About this"), lang.L("No explanation is available.")}
}

// showGuide opens the explanation for key in a small dialog.
func (a *App) showGuide(key string) {
	a.touch()
	g := guideFor(key)
	body := paragraph(g.text)
	d := dialog.NewCustom(g.title, lang.L("Close"), container.New(readableWidth{width: 440}, body), a.win)
	d.Resize(fyne.NewSize(480, body.MinSize().Height+160))
	d.Show()
}

// guideButton is a small "?" that opens the explanation for key.
type guideButton struct {
	widget.Button
	key string
}

func helpButton(a *App, key string) *guideButton {
	b := &guideButton{key: key}
	b.Icon = theme.QuestionIcon()
	b.Importance = widget.LowImportance
	b.OnTapped = func() { a.showGuide(key) }
	b.ExtendBaseWidget(b)
	return b
}

// helpHeading is a heading with its "?" beside it.
func helpHeading(a *App, text, key string) fyne.CanvasObject {
	return container.NewHBox(heading(text), helpButton(a, key))
}
