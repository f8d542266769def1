package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The app's keyboard shortcuts: Ctrl+O imports, Ctrl+F searches, Ctrl+L
// locks (Cmd on macOS).
var (
	shortcutImport = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSearch = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutLock   = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
)

func (a *App) shortcuts() []*desktop.CustomShortcut {
	return []*desktop.CustomShortcut{shortcutImport, shortcutSearch, shortcutLock}
}

// shortcut runs the app shortcut s and reports whether s was one. While
// the wallet is locked only Lock means anything, and it does nothing.
func (a *App) shortcut(s fyne.Shortcut) bool {
	switch s.ShortcutName() {
	case shortcutLock.ShortcutName():
		a.Lock()
	case shortcutImport.ShortcutName():
		if a.shell != nil {
			a.touch()
			a.openImport()
		}
	case shortcutSearch.ShortcutName():
		if a.shell != nil {
			a.touch()
			a.shell.show(secCredentials)
			a.win.Canvas().Focus(a.shell.creds.search)
		}
	default:
		return false
	}
	return true
}

// keyEntry is an entry that lets the app's shortcuts through. Fyne gives
// a shortcut to the focused widget instead of the window when the widget
// handles shortcuts, as entries do (for copy and paste), so without this
// Ctrl+L would not lock while the search box has the focus. Typing in it
// counts as activity for the idle lock.
type keyEntry struct {
	widget.Entry
	app *App
}

func newKeyEntry(app *App) *keyEntry {
	e := &keyEntry{app: app}
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineKeyEntry(app *App) *keyEntry {
	e := newKeyEntry(app)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapBreak
	return e
}

// TypedShortcut runs the app's shortcuts and passes the others (copy,
// paste, select all) to the entry.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if e.app.shortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedRune records activity, then types.
func (e *keyEntry) TypedRune(r rune) {
	e.app.touch()
	e.Entry.TypedRune(r)
}
