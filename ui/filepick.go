package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// prefLastFolder remembers the folder files were last picked from.
const prefLastFolder = "lastFolder"

// filePicker chooses several files and folders at once, which Fyne's own
// file dialog cannot: a folder's entries with tick boxes, folders opened
// by their name, and the path above to go up or type a place.
type filePicker struct {
	app      *App
	dir      string
	images   bool // only PNG and JPEG files
	entries  []os.DirEntry
	picked   map[string]bool
	path     *keyEntry
	list     *widget.List
	count    *widget.Label
	onPicked func([]string)
	visible  bool // the list is on screen and can scroll
}

// pickFiles asks for files and folders and calls picked with their paths.
// Tests set App.openHook to answer without the dialog.
func (a *App) pickFiles(heading string, images bool, picked func([]string)) {
	if a.openHook != nil {
		picked(a.openHook())
		return
	}
	p := &filePicker{app: a, images: images, picked: map[string]bool{}, onPicked: picked}
	dir := a.fyne.Preferences().String(prefLastFolder)
	if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
		dir, _ = os.UserHomeDir()
	}
	p.build()
	p.open(dir)
	d := dialog.NewCustomConfirm(heading, lang.L("Import selected"), lang.L("Cancel"), p.content(), func(ok bool) {
		if !ok {
			return
		}
		a.touch()
		a.fyne.Preferences().SetString(prefLastFolder, p.dir)
		picked(p.selected())
	}, a.win)
	d.Resize(dialogSize(a.win))
	d.Show()
	p.visible = true
}

func (p *filePicker) build() {
	p.path = newKeyEntry(p.app)
	p.path.OnSubmitted = func(s string) { p.open(s) }
	p.count = widget.NewLabel("")
	p.list = widget.NewList(
		func() int { return len(p.entries) },
		func() fyne.CanvasObject {
			check := widget.NewCheck("", nil)
			name := widget.NewButtonWithIcon("", theme.FolderIcon(), nil)
			name.Alignment = widget.ButtonAlignLeading
			name.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, check, nil, name)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			e := p.entries[id]
			full := filepath.Join(p.dir, e.Name())
			c := o.(*fyne.Container)
			name := c.Objects[0].(*widget.Button)
			check := c.Objects[1].(*widget.Check)
			check.OnChanged = nil
			check.SetChecked(p.picked[full])
			check.OnChanged = func(on bool) { p.toggle(full, on) }
			name.SetText(e.Name())
			if e.IsDir() {
				name.SetIcon(theme.FolderIcon())
				name.OnTapped = func() { p.open(full) }
			} else {
				name.SetIcon(theme.FileIcon())
				name.OnTapped = func() { p.toggle(full, !p.picked[full]); p.list.RefreshItem(id) }
			}
		})
}

func (p *filePicker) content() fyne.CanvasObject {
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.open(filepath.Dir(p.dir)) })
	all := widget.NewButton(lang.L("Select all"), func() {
		for _, e := range p.entries {
			p.picked[filepath.Join(p.dir, e.Name())] = true
		}
		p.refresh()
	})
	top := container.NewBorder(nil, nil, up, nil, p.path)
	bottom := container.NewBorder(nil, nil, nil, all, p.count)
	return container.NewBorder(top, bottom, nil, nil, p.list)
}

// open shows the folder dir.
func (p *filePicker) open(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		p.count.SetText(explain(err))
		return
	}
	p.dir = dir
	p.entries = slices.DeleteFunc(entries, func(e os.DirEntry) bool {
		return strings.HasPrefix(e.Name(), ".") || (p.images && !e.IsDir() && !isImage(e.Name()))
	})
	slices.SortFunc(p.entries, func(a, b os.DirEntry) int {
		if a.IsDir() != b.IsDir() {
			if a.IsDir() {
				return -1
			}
			return 1
		}
		return strings.Compare(strings.ToLower(a.Name()), strings.ToLower(b.Name()))
	})
	p.path.SetText(dir)
	if p.visible {
		p.list.ScrollToTop()
	}
	p.refresh()
}

func (p *filePicker) toggle(path string, on bool) {
	p.app.touch()
	if on {
		p.picked[path] = true
	} else {
		delete(p.picked, path)
	}
	p.updateCount()
}

func (p *filePicker) refresh() {
	p.list.Refresh()
	p.updateCount()
}

func (p *filePicker) updateCount() {
	p.count.SetText(lang.N("{{.N}} selected. A selected folder imports every file in it.", len(p.picked), map[string]any{"N": len(p.picked)}))
}

// selected returns the picked paths, sorted.
func (p *filePicker) selected() []string {
	var out []string
	for path := range p.picked {
		out = append(out, path)
	}
	slices.Sort(out)
	return out
}
