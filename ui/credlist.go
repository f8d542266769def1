package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
	"github.com/satchel-wallet/satchel/wallet/search"
)

// sortChoice is one entry of the sort menu: a key and a direction, named
// in words so that nobody has to guess what an arrow means.
type sortChoice struct {
	label   string
	key     search.SortKey
	reverse bool
}

func sortChoices() []sortChoice {
	return []sortChoice{
		{lang.L("Newest first"), search.SortIssued, false},
		{lang.L("Oldest first"), search.SortIssued, true},
		{lang.L("Recently added"), search.SortAdded, false},
		{lang.L("Title A–Z"), search.SortTitle, false},
		{lang.L("Title Z–A"), search.SortTitle, true},
		{lang.L("Issuer A–Z"), search.SortIssuer, false},
		{lang.L("Most ECTS first"), search.SortECTS, false},
		{lang.L("Fewest ECTS first"), search.SortECTS, true},
	}
}

// credentialsPage is the list of credentials: a search box that filters
// as the learner types, a sort menu, the sidebar of collections, tags and
// filters, and the cards. The list is a widget.List, which makes only the
// cards that are visible, so ten thousand credentials scroll smoothly.
type credentialsPage struct {
	app        *App
	search     *keyEntry
	sort       *widget.Select
	sorts      []sortChoice
	count      *widget.Label
	list       *widget.List
	empty      *fyne.Container
	emptyTitle *widget.Label
	emptyText  *widget.Label
	emptyBtns  *fyne.Container
	side       *sidebar
	q          search.Query
	shown      []*credential.Credential // from the index
	raw        *wallet.Listing          // before the index, every credential
	now        time.Time
	body       fyne.CanvasObject
	// onShown is called after the list has been filled with what a
	// change asked for; the performance tests time it.
	onShown func()
}

func newCredentialsPage(app *App) *credentialsPage {
	p := &credentialsPage{app: app, now: app.now(), sorts: sortChoices()}
	p.search = newKeyEntry(app)
	p.search.SetPlaceHolder(lang.L("Search titles, issuers, skills, tags…"))
	p.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	p.search.OnChanged = p.onSearch
	labels := make([]string, len(p.sorts))
	for i, s := range p.sorts {
		labels[i] = s.label
	}
	p.sort = widget.NewSelect(labels, nil)
	p.sort.SetSelectedIndex(0)
	p.sort.OnChanged = func(string) { p.onSort() }
	p.count = widget.NewLabel("")
	p.list = widget.NewList(
		p.length,
		func() fyne.CanvasObject { return newCredCard() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < p.length() {
				o.(*credCard).set(p.at(id), p.app.language(), p.now)
			}
		})
	p.list.OnSelected = p.onSelected
	p.emptyTitle = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.emptyText = paragraph("")
	p.emptyText.Alignment = fyne.TextAlignCenter
	p.emptyBtns = container.NewHBox()
	p.empty = container.New(readableWidth{width: 460, middle: true},
		container.NewVBox(p.emptyTitle, p.emptyText, container.NewCenter(p.emptyBtns)))
	p.empty.Hide()
	p.side = newSidebar(p)
	app.lib.onRead = p.onRead
	app.lib.onIndexed = p.onIndexed
	p.count.SetText(lang.L("Opening the wallet…"))
	return p
}

func (p *credentialsPage) content() fyne.CanvasObject {
	if p.body != nil {
		return p.body
	}
	bar := container.NewBorder(nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(190, p.sort.MinSize().Height), p.sort), p.search)
	listArea := container.NewBorder(container.NewVBox(bar, p.count), nil, nil, nil,
		container.NewStack(p.list, p.empty))
	split := container.NewHSplit(p.side.content(), container.NewPadded(listArea))
	split.Offset = 0.28
	p.body = split
	return p.body
}

// onRead shows the credentials as soon as they are read; the index
// follows.
func (p *credentialsPage) onRead() {
	p.side.refresh()
	p.run()
}

// onIndexed runs the learner's query on the new index.
func (p *credentialsPage) onIndexed() {
	p.side.refresh()
	p.run()
}

func (p *credentialsPage) onSearch(text string) {
	p.q.Text = text
	p.run()
	p.list.ScrollToTop()
}

func (p *credentialsPage) onSort() {
	p.app.touch()
	if i := p.sort.SelectedIndex(); i >= 0 {
		p.q.Sort, p.q.Reverse = p.sorts[i].key, p.sorts[i].reverse
	}
	p.run()
	p.list.ScrollToTop()
}

// filtered reports whether the query narrows the list at all.
func (p *credentialsPage) filtered() bool {
	q := p.q
	q.Sort, q.Reverse, q.Now = 0, false, time.Time{}
	return q.Text != "" || q.Issuer != "" || len(q.EQF) > 0 || len(q.Verdicts) > 0 ||
		len(q.Collections) > 0 || len(q.Tags) > 0 || q.Expired != nil || q.ECTSMin != nil
}

// run fills the list from the query: from the index when it is ready,
// otherwise every credential as read.
func (p *credentialsPage) run() {
	lib := p.app.lib
	if lib == nil {
		return
	}
	total := lib.count()
	p.raw = nil
	switch {
	case lib.index != nil:
		p.q.Now = p.now
		res := lib.index.Search(p.q)
		p.shown = res.Credentials
		if p.filtered() {
			p.count.SetText(lang.N("{{.N}} of {{.Total}} credentials", total, map[string]any{"N": res.Total, "Total": total}))
		} else {
			p.count.SetText(countOf(total))
		}
	case lib.loaded:
		p.shown, p.raw = nil, lib.raw
		if p.filtered() {
			p.count.SetText(lang.L("Preparing the search…"))
		} else {
			p.count.SetText(countOf(total))
		}
	}
	if lib.err != nil {
		p.count.SetText(explain(lib.err))
	} else if lib.damaged != nil {
		p.count.SetText(p.count.Text + " — " + explain(lib.damaged))
	}
	p.updateEmpty(total)
	p.list.Refresh()
	if p.onShown != nil {
		p.onShown()
	}
}

// updateEmpty says what to do when the list is empty.
func (p *credentialsPage) updateEmpty(total int) {
	switch {
	case !p.app.lib.loaded || p.length() > 0:
		p.empty.Hide()
		return
	case total == 0:
		p.emptyTitle.SetText(lang.L("No credentials yet"))
		p.emptyText.SetText(lang.L("Credentials you import from universities, training providers and employers will be listed here. Drop files onto this window, or press Ctrl+O."))
		p.emptyBtns.Objects = []fyne.CanvasObject{
			widget.NewButtonWithIcon(lang.L("Import…"), theme.ContentAddIcon(), p.app.openImport),
			widget.NewButtonWithIcon(lang.L("Load demo credentials"), theme.DownloadIcon(), p.app.loadDemo),
		}
	case p.app.lib.index == nil:
		p.empty.Hide()
		return
	default:
		p.emptyTitle.SetText(lang.L("Nothing matches"))
		p.emptyText.SetText(lang.L("No credential matches the search and the filters. Words match the start of words; try fewer words or clear the filters."))
		p.emptyBtns.Objects = []fyne.CanvasObject{widget.NewButtonWithIcon(lang.L("Clear search and filters"), theme.ContentClearIcon(), p.clear)}
	}
	p.emptyBtns.Refresh()
	p.empty.Show()
	p.empty.Refresh() // lay the new buttons out
}

// clear empties the search box and resets every filter.
func (p *credentialsPage) clear() {
	p.app.touch()
	sort, rev := p.q.Sort, p.q.Reverse
	p.q = search.Query{Sort: sort, Reverse: rev}
	p.side.reset()
	p.search.SetText("") // runs the query
}

func (p *credentialsPage) onSelected(id widget.ListItemID) {
	p.list.Unselect(id)
	if id >= p.length() {
		return
	}
	p.app.touch()
	p.app.openCredential(p.at(id).ID)
}

// length is the number of cards in the list.
func (p *credentialsPage) length() int {
	if p.raw != nil {
		return p.raw.Len()
	}
	return len(p.shown)
}

// at is the credential of card i.
func (p *credentialsPage) at(i int) *credential.Credential {
	if p.raw != nil {
		return p.raw.At(i)
	}
	return p.shown[i]
}
