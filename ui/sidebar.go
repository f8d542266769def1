package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// maxSidebarIssuers caps the issuers offered as a filter; the search box
// finds any other by name.
const maxSidebarIssuers = 30

// sidebar is the left column of the credentials page: the collections (one
// at a time, or all), the learner's tags (all ticked must be present), and
// filters on level, verdict, issuer and expiry. Its options come from the
// index's facets over the whole wallet, so they do not jump about as the
// learner types.
type sidebar struct {
	page     *credentialsPage
	coll     *widget.RadioGroup
	collIDs  []string // per option after "All credentials"
	tags     *widget.CheckGroup
	tagNames map[string]string // option -> tag
	eqf      *widget.CheckGroup
	eqfOf    map[string]int // option -> level
	verdict  *widget.CheckGroup
	expired  *widget.Select
	issuer   *widget.Select
	issuers  []string // keys per option after "All issuers"
	collEdit *fyne.Container
	noTags   *widget.Label
	box      *fyne.Container
	updating bool
}

func newSidebar(p *credentialsPage) *sidebar {
	s := &sidebar{page: p, updating: true}
	defer func() { s.updating = false }()
	s.coll = widget.NewRadioGroup(nil, func(string) { s.changed() })
	s.coll.Required = true
	s.tags = widget.NewCheckGroup(nil, func([]string) { s.changed() })
	s.eqf = widget.NewCheckGroup(nil, func([]string) { s.changed() })
	s.verdict = widget.NewCheckGroup([]string{lang.L("Verified"), lang.L("Not verified")}, func([]string) { s.changed() })
	s.expired = widget.NewSelect([]string{lang.L("Any validity"), lang.L("Hide expired"), lang.L("Only expired")}, func(string) { s.changed() })
	s.expired.SetSelectedIndex(0)
	s.issuer = widget.NewSelect(nil, func(string) { s.changed() })
	s.collEdit = container.NewHBox()
	s.noTags = paragraph(lang.L("No tags yet. Add your own on a credential's page."))
	s.noTags.SizeName = theme.SizeNameCaptionText
	return s
}

func (s *sidebar) content() fyne.CanvasObject {
	newColl := widget.NewButtonWithIcon(lang.L("New collection"), theme.ContentAddIcon(), func() {
		s.page.app.touch()
		s.page.app.newCollection(nil)
	})
	newColl.Importance = widget.LowImportance
	s.box = container.NewVBox(
		heading(lang.L("Collections")), s.coll, s.collEdit, newColl,
		widget.NewSeparator(), heading(lang.L("Tags")), s.tags, s.noTags,
		widget.NewSeparator(), heading(lang.L("Verification")), s.verdict, s.expired,
		widget.NewSeparator(), helpHeading(s.page.app, lang.L("EQF level"), "eqf"), s.eqf,
		widget.NewSeparator(), heading(lang.L("Issuer")), s.issuer,
	)
	return container.NewVScroll(container.NewPadded(s.box))
}

// refresh rebuilds the options from the wallet, keeping what is selected
// where it still exists.
func (s *sidebar) refresh() {
	lib := s.page.app.lib
	s.updating = true
	defer func() { s.updating = false }()

	selColl := s.selectedCollection()
	opts := []string{lang.L("All credentials ({{.N}})", map[string]any{"N": lib.count()})}
	s.collIDs = s.collIDs[:0]
	sel := opts[0]
	for _, c := range lib.collections {
		o := fmt.Sprintf("%s (%d)", c.Name, len(c.Members))
		opts = append(opts, o)
		s.collIDs = append(s.collIDs, c.ID)
		if c.ID == selColl {
			sel = o
		}
	}
	s.coll.Options = opts
	s.coll.Selected = sel
	s.coll.Refresh()
	s.updateCollEdit()

	var f search.Facets
	if lib.index != nil {
		f = lib.index.Facets(search.Query{})
	}
	s.tagNames = map[string]string{}
	var tagOpts, tagSel []string
	for _, t := range f.Tags {
		o := fmt.Sprintf("%s (%d)", t.Tag, t.Count)
		s.tagNames[o] = t.Tag
		tagOpts = append(tagOpts, o)
		if slices.Contains(s.page.q.Tags, t.Tag) {
			tagSel = append(tagSel, o)
		}
	}
	s.tags.Options, s.tags.Selected = tagOpts, tagSel
	s.tags.Refresh()
	if len(tagOpts) == 0 {
		s.noTags.Show()
	} else {
		s.noTags.Hide()
	}

	s.eqfOf = map[string]int{}
	var eqfOpts, eqfSel []string
	for _, l := range f.EQF {
		o := lang.L("Level {{.N}} ({{.Count}})", map[string]any{"N": l.Level, "Count": l.Count})
		if l.Level == 0 {
			o = lang.L("No level stated ({{.Count}})", map[string]any{"Count": l.Count})
		}
		s.eqfOf[o] = l.Level
		eqfOpts = append(eqfOpts, o)
		if slices.Contains(s.page.q.EQF, l.Level) {
			eqfSel = append(eqfSel, o)
		}
	}
	s.eqf.Options, s.eqf.Selected = eqfOpts, eqfSel
	s.eqf.Refresh()

	issOpts := []string{lang.L("All issuers")}
	s.issuers = s.issuers[:0]
	issSel := issOpts[0]
	for i, is := range f.Issuers {
		if i == maxSidebarIssuers {
			break
		}
		o := fmt.Sprintf("%s (%d)", is.Name, is.Count)
		issOpts = append(issOpts, o)
		s.issuers = append(s.issuers, is.Key)
		if is.Key == s.page.q.Issuer {
			issSel = o
		}
	}
	s.issuer.Options = issOpts
	s.issuer.Selected = issSel
	s.issuer.Refresh()
	if s.box != nil {
		s.box.Refresh() // the groups changed height
	}
}

// selectedCollection is the id of the collection shown, "" for all.
func (s *sidebar) selectedCollection() string {
	if len(s.page.q.Collections) == 1 {
		return s.page.q.Collections[0]
	}
	return ""
}

// updateCollEdit offers Rename and Delete for the collection shown.
func (s *sidebar) updateCollEdit() {
	id := s.selectedCollection()
	c, ok := s.page.app.lib.collection(id)
	if !ok {
		s.collEdit.Objects = nil
		s.collEdit.Refresh()
		return
	}
	app := s.page.app
	rename := widget.NewButtonWithIcon(lang.L("Rename"), theme.DocumentCreateIcon(), func() { app.touch(); app.renameCollection(c) })
	del := widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() { app.touch(); app.deleteCollection(c) })
	export := widget.NewButtonWithIcon(lang.L("Export…"), theme.UploadIcon(), func() {
		app.touch()
		app.openExport(c.Members, lang.N("Export the {{.N}} credentials of the collection “{{.Name}}”.", len(c.Members), map[string]any{"N": len(c.Members), "Name": c.Name}))
	})
	rename.Importance, del.Importance, export.Importance = widget.LowImportance, widget.LowImportance, widget.LowImportance
	export.Alignment = widget.ButtonAlignLeading
	// Export goes on a row of its own: three buttons do not fit the column.
	s.collEdit.Objects = []fyne.CanvasObject{container.NewVBox(container.NewHBox(rename, del), export)}
	s.collEdit.Refresh()
	if s.box != nil {
		s.box.Refresh()
	}
}

// changed reads the widgets into the page's query and runs it.
func (s *sidebar) changed() {
	if s.updating {
		return
	}
	p := s.page
	p.app.touch()
	q := &p.q
	q.Collections = nil
	if i := slices.Index(s.coll.Options, s.coll.Selected); i > 0 && i-1 < len(s.collIDs) {
		q.Collections = []string{s.collIDs[i-1]}
	}
	q.Tags = nil
	for _, o := range s.tags.Selected {
		q.Tags = append(q.Tags, s.tagNames[o])
	}
	q.EQF = nil
	for _, o := range s.eqf.Selected {
		q.EQF = append(q.EQF, s.eqfOf[o])
	}
	q.Verdicts = nil
	for _, o := range s.verdict.Selected {
		if o == lang.L("Verified") {
			q.Verdicts = append(q.Verdicts, credential.Verified)
		} else {
			q.Verdicts = append(q.Verdicts, credential.NotVerified)
		}
	}
	q.Expired = nil
	switch s.expired.SelectedIndex() {
	case 1:
		q.Expired = new(false)
	case 2:
		q.Expired = new(true)
	}
	q.Issuer = ""
	if i := s.issuer.SelectedIndex(); i > 0 && i-1 < len(s.issuers) {
		q.Issuer = s.issuers[i-1]
	}
	s.updateCollEdit()
	p.run()
	p.list.ScrollToTop()
}

// reset clears every filter.
func (s *sidebar) reset() {
	s.updating = true
	if len(s.coll.Options) > 0 {
		s.coll.SetSelected(s.coll.Options[0])
	}
	s.tags.SetSelected(nil)
	s.eqf.SetSelected(nil)
	s.verdict.SetSelected(nil)
	s.expired.SetSelectedIndex(0)
	if len(s.issuer.Options) > 0 {
		s.issuer.SetSelectedIndex(0)
	}
	s.updating = false
	s.updateCollEdit()
}
