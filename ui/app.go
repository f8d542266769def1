package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/satchel-wallet/satchel/assets"
	"github.com/satchel-wallet/satchel/wallet"
)

// prefAutoLock is the preference holding the idle time before the wallet
// locks itself, in minutes (0 = never). It is a UI setting, not a secret.
const prefAutoLock = "autoLockMinutes"

// defaultAutoLock is ten minutes: long enough not to interrupt reading a
// credential, short enough that a laptop left open does not stay unlocked.
const defaultAutoLock = 10

// App is the Satchel window and the wallet session behind it.
type App struct {
	fyne   fyne.App
	win    fyne.Window
	vaults Vaults

	vault  Vault          // nil while locked
	wallet *wallet.Wallet // nil while locked
	idle   *idleLock
	jobs   sync.WaitGroup // background work under way
	// inline runs background work on the calling goroutine. Unit tests set
	// it: Fyne's test driver runs fyne.Do on the calling goroutine, which
	// would race with the test's own goroutine.
	inline bool
}

// New makes the app's window over vaults. Call Start (or ShowAndRun) to
// show the first screen.
func New(a fyne.App, vaults Vaults) *App {
	app := &App{fyne: a, vaults: vaults}
	a.SetIcon(fyne.NewStaticResource("satchel.png", assets.IconPNG()))
	app.win = a.NewWindow("Satchel")
	app.win.Resize(fyne.NewSize(960, 640))
	app.win.SetOnClosed(app.closeVault)
	app.idle = newIdleLock(func() { fyne.DoAndWait(app.Lock) })
	app.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		app.Lock()
	})
	return app
}

// Window returns the main window.
func (a *App) Window() fyne.Window { return a.win }

// Start shows the first screen: create a wallet if there is none, unlock
// it otherwise.
func (a *App) Start() {
	if a.vaults.Exists() {
		a.showUnlock("")
	} else {
		s := newCreateScreen(a)
		a.show(s.content())
		a.win.Canvas().Focus(s.pass)
	}
}

// ShowAndRun starts the app and runs it until the window closes.
func (a *App) ShowAndRun() {
	a.Start()
	a.win.ShowAndRun()
}

func (a *App) show(c fyne.CanvasObject) {
	a.win.SetContent(c)
}

func (a *App) showUnlock(notice string) {
	s := newUnlockScreen(a, notice)
	a.show(s.content())
	a.win.Canvas().Focus(s.pass)
}

// unlocked takes over an unlocked vault and shows the main screen.
func (a *App) unlocked(v Vault) {
	a.vault = v
	a.wallet = wallet.New(v)
	a.idle.set(a.autoLock())
	a.show(newHomeScreen(a).content())
}

// Lock closes the vault, forgetting its keys, and shows the unlock screen.
// Locking a locked wallet does nothing.
func (a *App) Lock() {
	if a.vault == nil {
		return
	}
	a.closeVault()
	a.showUnlock(lang.L("Satchel locked the wallet. Enter your passphrase to go on."))
}

func (a *App) closeVault() {
	a.idle.stop()
	if a.vault != nil {
		_ = a.vault.Close()
	}
	a.vault, a.wallet = nil, nil
}

// background runs work off the UI goroutine, then the function it returns
// on the UI goroutine. Unlocking runs a deliberately slow key derivation;
// the window stays responsive meanwhile.
func (a *App) background(work func() (done func())) {
	if a.inline {
		work()()
		return
	}
	a.jobs.Add(1)
	go func() {
		defer a.jobs.Done()
		done := work()
		fyne.DoAndWait(done)
	}()
}

// touch reports that the learner did something, postponing the idle lock.
func (a *App) touch() { a.idle.touch() }

// autoLock returns the idle time after which the wallet locks.
func (a *App) autoLock() time.Duration {
	return time.Duration(a.fyne.Preferences().IntWithFallback(prefAutoLock, defaultAutoLock)) * time.Minute
}

// setAutoLock stores and applies the idle time, in minutes (0 = never).
func (a *App) setAutoLock(minutes int) {
	a.fyne.Preferences().SetInt(prefAutoLock, minutes)
	a.idle.set(a.autoLock())
}
