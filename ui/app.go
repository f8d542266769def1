package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
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
	lang   string // the language of credential values; see language

	vault  Vault          // nil while locked
	wallet *wallet.Wallet // nil while locked
	lib    *library       // nil while locked
	shell  *shell         // nil while locked
	detail *detailPage    // the credential last opened
	shared *sharedPage    // the presentation last made
	idle   *idleLock
	jobs   sync.WaitGroup // background work under way
	// inline runs background work on the calling goroutine. Unit tests set
	// it: Fyne's test driver runs fyne.Do on the calling goroutine, which
	// would race with the test's own goroutine.
	inline bool
	// saveHook and openHook, when set, stand in for the file dialogs:
	// saveHook returns the path to save a file suggested as name, openHook
	// the paths the learner picked. Tests set them.
	saveHook func(name string) string
	openHook func() []string
	// running is the import under way, if any; progressHook, when set,
	// is called with its progress (tests cancel imports with it).
	running      *importRun
	progressHook func(done int)
	// onUnlockedHook, when set, sees the credentials page before the
	// wallet is read (the performance tests time it).
	onUnlockedHook func(*credentialsPage)
	// clock gives the time expiry is judged at on screen; tests fix it.
	clock func() time.Time
}

// now is the time on the app's clock.
func (a *App) now() time.Time {
	if a.clock != nil {
		return a.clock()
	}
	return time.Now()
}

// New makes the app's window over vaults. Call Start (or ShowAndRun) to
// show the first screen.
func New(a fyne.App, vaults Vaults) *App {
	app := &App{fyne: a, vaults: vaults}
	loadTranslations(app.languagePref())
	app.applyTheme(false)
	a.SetIcon(fyne.NewStaticResource("satchel.png", assets.IconPNG()))
	app.win = a.NewWindow("Satchel")
	app.win.Resize(fyne.NewSize(1024, 700))
	app.win.SetOnClosed(app.closeVault)
	app.win.SetOnDropped(app.onDropped)
	app.idle = newIdleLock(func() { fyne.DoAndWait(app.Lock) })
	for _, sc := range app.shortcuts() {
		app.win.Canvas().AddShortcut(sc, func(s fyne.Shortcut) { app.shortcut(s) })
	}
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
	a.lib = newLibrary(a)
	a.shell = newShell(a)
	if h, err := a.wallet.Holder(""); err == nil {
		a.shell.setHolder(h.Name)
	}
	a.shell.show(secCredentials)
	a.show(a.shell.content())
	if a.onUnlockedHook != nil {
		a.onUnlockedHook(a.shell.creds)
	}
	a.lib.load()
}

// rebuild makes the main screen again, as after a change of language, and
// shows section sec.
func (a *App) rebuild(sec section) {
	if a.wallet == nil {
		return
	}
	a.shell = newShell(a)
	if h, err := a.wallet.Holder(""); err == nil {
		a.shell.setHolder(h.Name)
	}
	a.shell.show(sec)
	a.show(a.shell.content())
	a.lib.load() // titles and names sort by language
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
	a.vault, a.wallet, a.lib, a.shell, a.detail, a.shared = nil, nil, nil, nil, nil, nil
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
