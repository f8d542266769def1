package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/wallet/credential"
)

// sharePageOf returns the share page on screen.
func sharePageOn(t *testing.T, a *App) *widget.RadioGroup {
	t.Helper()
	return find(t, a, func(r *widget.RadioGroup) bool { return len(r.Options) == 4 })
}

func TestShareFiles(t *testing.T) {
	a := demoApp(t)
	openTitled(t, a, "Machine Learning in Practice")
	test.Tap(button(t, a, "Share"))
	if !hasText(a, "1 chosen") {
		t.Fatal("sharing from a credential's page does not choose it")
	}
	test.AssertRendersToMarkup(t, "share.xml", a.win.Canvas())
	shot(t, a, "share")

	dir := t.TempDir()
	a.saveHook = func(name string) string { return filepath.Join(dir, name) }
	for _, tc := range []struct {
		form, file string
		format     share.Format
	}{
		{"Presentation file (VP-JWT)", "presentation.jwt", share.FormatVPJWTV2},
		{"Presentation file (JSON-LD)", "presentation.json", share.FormatLDP},
	} {
		t.Run(tc.file, func(t *testing.T) {
			sharePageOn(t, a).SetSelected(tc.form)
			find(t, a, func(e *keyEntry) bool { return strings.HasPrefix(e.PlaceHolder, "The code the verifier") }).SetText("n-0S6_WzA2Mj")
			find(t, a, func(e *keyEntry) bool { return strings.HasPrefix(e.PlaceHolder, "For example: admissions") }).SetText("admissions.uni.example")
			test.Tap(button(t, a, "Sign and share"))
			a.jobs.Wait()
			if !hasText(a, "Presentation ready") || !hasText(a, "Addressed to admissions.uni.example") {
				t.Fatalf("no presentation: %v", labels(a))
			}
			test.Tap(button(t, a, "Save file…"))
			data, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			res, err := share.VerifyPresentation(context.Background(), data, share.VerifyOptions{Challenge: "n-0S6_WzA2Mj", Domain: "admissions.uni.example", Now: testNow.Add(time.Minute)})
			if err != nil || res.Format != tc.format || res.Verdict != credential.Verified {
				t.Fatalf("the saved presentation: %v, %+v", err, res)
			}
			test.Tap(button(t, a, "Back"))
			if !hasText(a, "1 chosen") {
				t.Fatal("Back from the presentation lost the choice")
			}
		})
	}
	log, _ := a.wallet.SharedLog("")
	if len(log) != 2 || log[0].Via != "file" || log[0].Audience != "admissions.uni.example" {
		t.Fatalf("the log: %+v", log)
	}
}

func TestShareRefusesWhatCannotGo(t *testing.T) {
	a := demoApp(t)
	importPaths(t, a, append(corpusPaths(t, 200, 10), fixturePaths(t)...))
	var sd, badge *credential.Credential
	for i := range a.lib.creds {
		c := &a.lib.creds[i]
		switch {
		case c.Format == credential.FormatSDJWT && sd == nil:
			sd = c
		case c.Format == credential.FormatOB2:
			badge = c
		}
	}
	if sd == nil || badge == nil {
		t.Fatal("the fixtures lack an SD-JWT or an Open Badge 2.0")
	}

	// An Open Badge 2.0 goes in no presentation; the page says why.
	p := newSharePage(a, []string{badge.ID}, "")
	a.shell.open(secShare, p.content())
	if p.problem.Text == "" || !p.makeB.Disabled() {
		t.Fatal("an Open Badge 2.0 can be put in a presentation")
	}

	// An SD-JWT shows its claims, to tick one by one, and needs the
	// verifier's challenge and domain.
	p = newSharePage(a, []string{sd.ID}, "")
	a.shell.open(secShare, p.content())
	p.form.SetSelected(p.form.Options[formSDJWT])
	if len(p.claims.Options) != len(sd.Disclosures) || len(p.claims.Options) == 0 {
		t.Fatalf("%d claims offered for %d disclosures", len(p.claims.Options), len(sd.Disclosures))
	}
	if !strings.Contains(p.problem.Text, "challenge and domain") {
		t.Fatalf("no word about the challenge: %q", p.problem.Text)
	}
	test.AssertRendersToMarkup(t, "share_sdjwt.xml", a.win.Canvas())
	shot(t, a, "share-sdjwt")
	p.challenge.SetText("abc")
	p.domain.SetText("verifier.example")
	p.claims.SetSelected(p.claims.Options[:1])
	test.Tap(p.makeB)
	a.jobs.Wait()
	// The corpus's SD-JWTs are bound to another wallet's key: Satchel
	// must say so rather than sign.
	if !strings.Contains(p.problem.Text, "key") {
		t.Fatalf("signing with the wrong key was not refused clearly: %q", p.problem.Text)
	}
}

func TestShareQRSaveAndCycle(t *testing.T) {
	a := demoApp(t)
	p := newSharePage(a, []string{a.lib.creds[0].ID, a.lib.creds[1].ID, a.lib.creds[2].ID}, "")
	a.shell.open(secShare, p.content())
	test.Tap(p.makeB)
	a.jobs.Wait()
	r := a.shared
	if r == nil || len(r.symbols) < 2 {
		t.Fatalf("want a multi-part QR set, got %v", r)
	}
	if !hasText(a, fmt.Sprintf("Part 1 of %d", len(r.symbols))) {
		t.Fatal("no “part i of n”")
	}
	test.Tap(find(t, a, func(b *widget.Button) bool { return b.Icon == theme.NavigateNextIcon() }))
	if !hasText(a, fmt.Sprintf("Part 2 of %d", len(r.symbols))) {
		t.Fatal("Next did not show part 2")
	}
	test.Tap(button(t, a, "Pause"))
	if !r.paused || !hasButton(a, "Play") {
		t.Fatal("Pause did not pause")
	}

	// Save the parts as PNGs: every one reads back.
	dir := t.TempDir()
	a.saveHook = func(name string) string { return filepath.Join(dir, name) }
	test.Tap(button(t, a, "Save PNG…"))
	var texts []string
	for i := range r.symbols {
		name := "presentation-qr.png"
		if i > 0 {
			name = fmt.Sprintf("presentation-qr-%d.png", i+1)
		}
		got, err := imageTexts(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		texts = append(texts, got...)
	}
	data, err := qr.Decode(texts...)
	if err != nil || !bytes.Equal(data, r.data) {
		t.Fatalf("the saved PNGs do not give the presentation back: %v", err)
	}
	test.Tap(button(t, a, "Save print sheet…"))
	if _, err := os.Stat(filepath.Join(dir, "presentation-sheet.png")); err != nil {
		t.Fatal("no print sheet saved")
	}
	if log, _ := a.wallet.SharedLog(""); len(log) != 2 || log[0].Via != "file" || log[1].Via != "qr" {
		t.Fatalf("the log: %+v", log)
	}
}
