package ui

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/wallet"
)

// memVaults is a Vaults over an in-memory store with a passphrase check,
// so that the screens can be tested without a file. The encrypted file is
// exercised by cmd/satchel's tests.
type memVaults struct {
	mu     sync.Mutex
	store  *wallet.MemStore
	pass   []byte
	open   bool
	opened int
}

func (m *memVaults) Path() string { return "/home/learner/.config/satchel/wallet.satchel" }

func (m *memVaults) Exists() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.store != nil
}

func (m *memVaults) Create(p []byte) (Vault, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.store != nil {
		return nil, wallet.ErrExists
	}
	m.store, m.pass, m.open = wallet.NewMemStore(), bytes.Clone(p), true
	return &memVault{m: m, MemStore: m.store}, nil
}

func (m *memVaults) Open(p []byte) (Vault, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case m.store == nil:
		return nil, wallet.ErrNotFound
	case !bytes.Equal(p, m.pass):
		return nil, wallet.ErrWrongPassphrase
	case m.open:
		return nil, wallet.ErrInUse
	}
	m.open = true
	m.opened++
	return &memVault{m: m, MemStore: m.store}, nil
}

func (m *memVaults) isOpen() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.open
}

type memVault struct {
	m *memVaults
	*wallet.MemStore
}

func (v *memVault) Close() error {
	v.m.mu.Lock()
	defer v.m.mu.Unlock()
	v.m.open = false
	return nil
}

const goodPass = "meadow tractor silent orange"

// fixedHolder makes an existing wallet whose holder is the did:key test
// vector key, so that rendered screens are the same on every run.
func fixedHolder(t *testing.T) *memVaults {
	t.Helper()
	m := &memVaults{}
	v, err := m.Create([]byte(goodPass))
	if err != nil {
		t.Fatal(err)
	}
	jwk := `{"kty":"EC","crv":"P-256","x":"igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns","y":"efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM","d":"gPh-VvVS8MbvKQ9LSVVmfnxnKjHn4Tqj0bmbpehRlpc"}`
	if _, err := wallet.New(v).ImportHolderKey("Elena", []byte(jwk)); err != nil {
		t.Fatal(err)
	}
	v.Close()
	return m
}

const fixedDID = "did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv"

func newTestApp(t *testing.T, m *memVaults) *App {
	t.Helper()
	a := New(test.NewTempApp(t), m)
	a.inline = true
	a.win.Resize(fyne.NewSize(960, 640))
	a.Start()
	t.Cleanup(func() {
		a.jobs.Wait()
		a.closeVault()
	})
	return a
}

// findAll returns every object of type T in the window, in tree order.
func findAll[T fyne.CanvasObject](a *App) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if v, is := o.(T); is {
			out = append(out, v)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, child := range c.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(c).Objects() {
				walk(child)
			}
		}
	}
	walk(a.win.Content())
	return out
}

// find returns the first object of type T in the window for which match
// is true.
func find[T fyne.CanvasObject](t *testing.T, a *App, match func(T) bool) T {
	t.Helper()
	for _, o := range findAll[T](a) {
		if match(o) {
			return o
		}
	}
	var zero T
	t.Fatalf("no %T matching in the window", zero)
	return zero
}

func button(t *testing.T, a *App, text string) *widget.Button {
	t.Helper()
	return find(t, a, func(b *widget.Button) bool { return b.Text == text })
}

func hasText(a *App, text string) bool {
	for _, l := range findAll[*widget.Label](a) {
		if strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

func TestCreateWallet(t *testing.T) {
	m := &memVaults{}
	a := newTestApp(t, m)
	test.AssertRendersToMarkup(t, "create.xml", a.win.Canvas())
	create := button(t, a, "Create wallet")
	entries := findAll[*widget.Entry](a)
	if len(entries) != 2 {
		t.Fatalf("%d entries on the create screen, want 2", len(entries))
	}
	pass, again := entries[0], entries[1]
	if a.win.Canvas().Focused() != pass {
		t.Fatal("the passphrase entry is not focused at start")
	}

	test.Type(pass, "short")
	if !create.Disabled() || !hasText(a, "Too short") {
		t.Fatal("a short passphrase is accepted")
	}
	test.Type(pass, " but now long enough")
	test.Type(again, "something else")
	if !create.Disabled() || !hasText(a, "not the same") {
		t.Fatal("different passphrases are accepted")
	}
	again.SetText("")
	test.Type(again, "short but now long enough")
	if create.Disabled() {
		t.Fatal("Create stays disabled for a good passphrase")
	}
	if !hasText(a, "Weak") && !hasText(a, "Fair") && !hasText(a, "Strong") && !hasText(a, "Very strong") {
		t.Fatal("no strength hint in words")
	}
	test.Tap(create)
	a.jobs.Wait()
	if a.wallet == nil {
		t.Fatal("no wallet after Create")
	}
	h, err := a.wallet.Holder("")
	if err != nil {
		t.Fatal(err)
	}
	if !hasText(a, h.DID) || !strings.HasPrefix(h.DID, "did:key:z6Mk") {
		t.Fatalf("the main screen does not show the holder DID %s", h.DID)
	}
	if !bytes.Equal(m.pass, []byte("short but now long enough")) {
		t.Fatal("the wallet was created with another passphrase")
	}
}

func TestUnlockAndLock(t *testing.T) {
	m := fixedHolder(t)
	a := newTestApp(t, m)
	test.AssertRendersToMarkup(t, "unlock.xml", a.win.Canvas())
	pass := a.win.Canvas().Focused().(*widget.Entry)

	test.Type(pass, "not it")
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.vault != nil || !hasText(a, "does not open this wallet") || pass.Text != "" {
		t.Fatal("a wrong passphrase did not give the one clear message")
	}

	test.Type(pass, goodPass)
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	a.jobs.Wait()
	if a.vault == nil || !hasText(a, fixedDID) {
		t.Fatal("the right passphrase did not unlock")
	}
	test.AssertRendersToMarkup(t, "home.xml", a.win.Canvas())

	test.Tap(button(t, a, "Copy"))
	if got := fyne.CurrentApp().Clipboard().Content(); got != fixedDID {
		t.Fatalf("clipboard holds %q", got)
	}

	test.Tap(button(t, a, "Lock"))
	if a.vault != nil || m.isOpen() || !hasText(a, "Satchel locked the wallet") {
		t.Fatal("Lock did not close the vault and return to the unlock screen")
	}

	// Ctrl+L locks too.
	pass = a.win.Canvas().Focused().(*widget.Entry)
	test.Type(pass, goodPass)
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.vault == nil {
		t.Fatal("second unlock failed")
	}
	a.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault})
	if a.vault != nil || m.isOpen() {
		t.Fatal("Ctrl+L did not lock")
	}
}

func TestWalletInUse(t *testing.T) {
	m := fixedHolder(t)
	held, err := m.Open([]byte(goodPass))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	a := newTestApp(t, m)
	test.Type(a.win.Canvas().Focused().(*widget.Entry), goodPass)
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.vault != nil || !hasText(a, "open in another Satchel window") {
		t.Fatal("no clear message for a wallet open elsewhere")
	}
}

func TestIdleLock(t *testing.T) {
	m := fixedHolder(t)
	a := newTestApp(t, m)
	locked := make(chan struct{})
	a.idle = newIdleLock(func() {
		fyne.DoAndWait(a.Lock)
		close(locked)
	})
	test.Type(a.win.Canvas().Focused().(*widget.Entry), goodPass)
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.vault == nil {
		t.Fatal("unlock failed")
	}
	a.idle.set(50 * time.Millisecond)
	select {
	case <-locked:
	case <-time.After(5 * time.Second):
		t.Fatal("the wallet did not lock itself when idle")
	}
	if a.vault != nil || m.isOpen() || !hasText(a, "Satchel locked the wallet") {
		t.Fatal("idle lock left the wallet open")
	}
}

func TestIdleActivityPostpones(t *testing.T) {
	fired := make(chan struct{}, 1)
	l := newIdleLock(func() { fired <- struct{}{} })
	l.set(80 * time.Millisecond)
	for range 5 {
		time.Sleep(30 * time.Millisecond)
		l.touch()
	}
	select {
	case <-fired:
		t.Fatal("locked although there was activity")
	default:
	}
	select {
	case <-fired:
	case <-time.After(2 * time.Second):
		t.Fatal("did not lock after activity stopped")
	}
	l.set(0)
	time.Sleep(120 * time.Millisecond)
	select {
	case <-fired:
		t.Fatal("locked with auto-lock off")
	default:
	}
}

func TestAutoLockSetting(t *testing.T) {
	m := fixedHolder(t)
	a := newTestApp(t, m)
	test.Type(a.win.Canvas().Focused().(*widget.Entry), goodPass)
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	sel := find(t, a, func(*widget.Select) bool { return true })
	if sel.Selected != "After 10 minutes" {
		t.Fatalf("default auto-lock shows %q", sel.Selected)
	}
	sel.SetSelected("After 30 minutes")
	if got := a.fyne.Preferences().Int(prefAutoLock); got != 30 {
		t.Fatalf("preference holds %d", got)
	}
	if a.autoLock() != 30*time.Minute {
		t.Fatalf("auto-lock is %v", a.autoLock())
	}
	sel.SetSelected("Never")
	if a.autoLock() != 0 {
		t.Fatal("Never did not turn auto-lock off")
	}
}

func TestExplain(t *testing.T) {
	for err, want := range map[error]string{
		wallet.ErrWrongPassphrase: "does not open",
		wallet.ErrInUse:           "another Satchel window",
		errors.Join(errors.New("x"), wallet.ErrIntegrity): "damaged",
		errors.New("disk full"):                           "disk full",
	} {
		if got := explain(err); !strings.Contains(got, want) {
			t.Errorf("explain(%v) = %q", err, got)
		}
	}
}
