package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/internal/fixture"
	"github.com/satchel-wallet/satchel/internal/interop"
	"github.com/satchel-wallet/satchel/wallet"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// testNow is the time the screens judge expiry at in tests, and the time
// records are pinned to, so that rendered screens are the same every day.
var testNow = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// memVaults is a Vaults over an in-memory store with a passphrase check,
// so that the screens can be tested without a file. The encrypted file is
// exercised by cmd/satchel's tests.
type memVaults struct {
	mu     sync.Mutex
	store  *wallet.MemStore
	pass   []byte
	open   bool
	opened int
	// changed counts passphrase changes; replaced keeps the wallets a
	// restore replaced.
	changed  int
	replaced []*memVaults
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

// backups are the "backup files" memVaults can restore: a file's
// contents name a store, with its passphrase.
var backups = struct {
	sync.Mutex
	m map[string]*memVaults
}{m: map[string]*memVaults{}}

// Restore makes m's wallet from a backup made by backupOf.
func (m *memVaults) Restore(r io.Reader, p []byte) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	backups.Lock()
	src := backups.m[string(data)]
	backups.Unlock()
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case m.store != nil:
		return wallet.ErrExists
	case src == nil:
		return fmt.Errorf("not a backup: %w", wallet.ErrInvalid)
	case !bytes.Equal(p, src.pass):
		return wallet.ErrWrongPassphrase
	}
	m.store, m.pass = src.store, bytes.Clone(p)
	return nil
}

// backupOf writes a "backup" of m to a file and returns its path.
func backupOf(t *testing.T, m *memVaults) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "wallet.backup")
	if err := os.WriteFile(path, []byte(registerBackup(m)), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// registerBackup records m as a backup and returns the backup's contents.
func registerBackup(m *memVaults) string {
	name := fmt.Sprintf("backup-%p", m)
	backups.Lock()
	backups.m[name] = m
	backups.Unlock()
	return name
}

// backupSource returns the wallet a backup's contents name, if any.
func backupSource(r io.Reader) (*memVaults, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	backups.Lock()
	defer backups.Unlock()
	return backups.m[string(data)], nil
}

// CheckBackup checks a backup made by backupOf or memVault.Backup.
func (m *memVaults) CheckBackup(r io.Reader, p []byte) (BackupSummary, error) {
	src, err := backupSource(r)
	switch {
	case err != nil:
		return BackupSummary{}, err
	case src == nil:
		return BackupSummary{}, fmt.Errorf("not a backup: %w", wallet.ErrInvalid)
	case !bytes.Equal(p, src.pass):
		return BackupSummary{}, wallet.ErrWrongPassphrase
	}
	return BackupSummary{Created: testNow, Records: 1}, nil
}

// Replace restores a backup over m's wallet, which must be closed.
func (m *memVaults) Replace(r io.Reader, p []byte) (string, error) {
	src, err := backupSource(r)
	if err != nil {
		return "", err
	}
	if src == nil {
		return "", fmt.Errorf("not a backup: %w", wallet.ErrInvalid)
	}
	src.mu.Lock()
	right := bytes.Equal(p, src.pass)
	src.mu.Unlock()
	if !right {
		return "", wallet.ErrWrongPassphrase
	}
	restored := src.snapshot()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.open {
		return "", wallet.ErrInUse
	}
	kept := &memVaults{store: m.store, pass: m.pass}
	m.replaced = append(m.replaced, kept)
	m.store, m.pass = restored, bytes.Clone(p)
	return m.Path() + ".before-restore", nil
}

// snapshot copies the store, as a backup file would be a copy.
func (m *memVaults) snapshot() *wallet.MemStore {
	m.mu.Lock()
	defer m.mu.Unlock()
	cp := wallet.NewMemStore()
	err := m.store.View(func(tx wallet.Tx) error {
		return cp.Update(func(out wallet.Tx) error {
			for _, b := range wallet.Buckets() {
				if err := tx.ForEach(b, func(id string, v []byte) error { return out.Put(b, id, bytes.Clone(v)) }); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		panic(err)
	}
	return cp
}

type memVault struct {
	m *memVaults
	*wallet.MemStore
}

// ChangePassphrase checks the current passphrase and sets the next.
func (v *memVault) ChangePassphrase(current, next []byte) error {
	v.m.mu.Lock()
	defer v.m.mu.Unlock()
	if !bytes.Equal(current, v.m.pass) {
		return wallet.ErrWrongPassphrase
	}
	v.m.pass = bytes.Clone(next)
	v.m.changed++
	return nil
}

// Backup writes a "backup" naming a copy of the wallet as it is now.
func (v *memVault) Backup(w io.Writer, p []byte) (int, error) {
	v.m.mu.Lock()
	ok := bytes.Equal(p, v.m.pass)
	v.m.mu.Unlock()
	if !ok {
		return 0, wallet.ErrWrongPassphrase
	}
	cp := &memVaults{store: v.m.snapshot(), pass: bytes.Clone(p)}
	_, err := io.WriteString(w, registerBackup(cp))
	return 1, err
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
	a.clock = func() time.Time { return testNow }
	a.win.Resize(fyne.NewSize(960, 640))
	a.Start()
	t.Cleanup(func() {
		a.jobs.Wait()
		a.closeVault()
	})
	return a
}

// findAll returns every object of type T in the window, the dialogs and
// pop-ups over it included, in tree order.
func findAll[T fyne.CanvasObject](a *App) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
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
	for _, o := range a.win.Canvas().Overlays().List() {
		walk(o)
	}
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

// unlocked starts the app on m and unlocks it with goodPass.
func unlocked(t *testing.T, m *memVaults) *App {
	t.Helper()
	a := newTestApp(t, m)
	test.Type(a.win.Canvas().Focused().(*widget.Entry), goodPass)
	test.Tap(button(t, a, "Unlock"))
	a.jobs.Wait()
	if a.wallet == nil {
		t.Fatal("unlock failed")
	}
	return a
}

// fixtureFiles are credentials of every format from ../shared/fixtures,
// one that is not a credential among them.
var fixtureFiles = []string{
	"edc/elm-v3/Sample-MC-Annex1-signed.jsonld",
	"edc/elm-v2-xml/EDC_DiplomaSupplement_AA.xml",
	"vectors/ob3/spec-ldp-testvector/signed.json",
	"vectors/ob3/1edtech-validator/clr20/simple.jwt",
	"vectors/ob2-baked/1edtech-validator/ob20/simple-badge.png",
	"edc/elm-v3/Sample-MC-Annex1-unsigned-uploadable.json",
}

// fixturePaths returns the absolute paths of fixtureFiles.
func fixturePaths(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, f := range fixtureFiles {
		out = append(out, fixture.Path(t, f))
	}
	return out
}

// corpusPaths returns the first n credentials of the interop corpus of
// size, without its negative cases.
func corpusPaths(t testing.TB, size, n int) []string {
	t.Helper()
	dir := interop.Corpus(t, size)
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), "cred-") && len(out) < n {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// importPaths imports files straight through the wallet, pins their
// times and reloads the list: a quick way to fill the wallet for a test
// of another screen.
func importPaths(t testing.TB, a *App, paths []string) []wallet.ImportResult {
	t.Helper()
	var in []wallet.Input
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, wallet.Input{Name: filepath.Base(p), Data: data})
	}
	ch, err := a.wallet.Checker()
	if err != nil {
		t.Fatal(err)
	}
	ch.Now = testNow
	res, err := a.wallet.Import(context.Background(), ch, in, nil)
	if err != nil {
		t.Fatal(err)
	}
	pinTimes(t, a.wallet.Store())
	a.lib.load()
	a.jobs.Wait()
	return res
}

// pinTimes sets every credential's import and check times to testNow,
// so that screens showing them render the same on every run.
func pinTimes(t testing.TB, s wallet.Store) {
	t.Helper()
	err := s.Update(func(tx wallet.Tx) error {
		updates := map[string][]byte{}
		err := tx.ForEach(wallet.BucketCredentials, func(id string, v []byte) error {
			var c credential.Credential
			if err := json.Unmarshal(v, &c); err != nil {
				return err
			}
			c.Added, c.Verification.CheckedAt = testNow, testNow
			b, err := json.Marshal(c)
			updates[id] = b
			return err
		})
		if err != nil {
			return err
		}
		for id, b := range updates {
			if err := tx.Put(wallet.BucketCredentials, id, b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// typeShortcut sends a keyboard shortcut to the window, as Fyne does when
// no entry has the focus.
func typeShortcut(a *App, s fyne.Shortcut) {
	if f, ok := a.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	a.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// label returns the first label whose text contains text.
func label(t *testing.T, a *App, text string) *widget.Label {
	t.Helper()
	return find(t, a, func(l *widget.Label) bool { return strings.Contains(l.Text, text) })
}

var _ = bytes.Clone

func TestMain(m *testing.M) {
	// Dates of things that happened on this computer are shown in local
	// time; rendered screens must not depend on where the tests run.
	time.Local = time.UTC
	os.Exit(m.Run())
}

// shot saves the window as a PNG in $SATCHEL_UI_SHOTS, when set, for
// people to look at: Fyne's test driver draws it with its software
// painter and test theme. The real window is photographed by
// cmd/satchel's Xvfb test.
func shot(t *testing.T, a *App, name string) {
	t.Helper()
	dir := os.Getenv("SATCHEL_UI_SHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, a.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
