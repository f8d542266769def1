package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/satchel-wallet/satchel/share/qr"
)

// sharingTab is the Sharing tab: how the share screen makes QR codes. The
// error correction level, the largest symbol, and the address of a
// verifier page to put before each payload, so that a phone camera opens
// the page with the presentation.
func (p *settingsPage) sharingTab() fyne.CanvasObject {
	pref := p.app.fyne.Preferences()
	opts := p.app.qrOptions()

	levels := []string{
		lang.L("Low: survives 7% damage, smallest codes"),
		lang.L("Medium: survives 15% damage (recommended)"),
		lang.L("Quartile: survives 25% damage"),
		lang.L("High: survives 30% damage, for printing"),
	}
	level := widget.NewSelect(levels, nil)
	cur := opts.Level
	if cur == qr.LevelDefault {
		cur = qr.LevelM
	}
	level.SetSelectedIndex(max(slices.Index(qrLevels, cur), 0))
	level.OnChanged = func(string) {
		p.app.touch()
		pref.SetString(prefQRLevel, qrLevels[max(level.SelectedIndex(), 0)].String())
	}

	versions := make([]string, len(qrVersions))
	for i, v := range qrVersions {
		versions[i] = lang.N("Version {{.V}}: up to {{.N}}×{{.N}} modules", 17+4*v, map[string]any{"V": v, "N": 17 + 4*v})
		if v == qr.DefaultMaxVersion {
			versions[i] = lang.L("{{.Choice}} (recommended)", map[string]any{"Choice": versions[i]})
		}
	}
	version := widget.NewSelect(versions, nil)
	version.SetSelectedIndex(max(slices.Index(qrVersions, opts.MaxVersion), 0))
	version.OnChanged = func(string) {
		p.app.touch()
		pref.SetInt(prefQRMaxVersion, qrVersions[max(version.SelectedIndex(), 0)])
	}

	url := newKeyEntry(p.app)
	url.SetPlaceHolder("http://127.0.0.1:8787/#")
	url.SetText(pref.String(prefQRURL))
	urlStatus := note("")
	url.OnChanged = func(s string) {
		s = strings.TrimSpace(s)
		if err := checkVerifierURL(s); err != nil {
			urlStatus.Importance = widget.DangerImportance
			urlStatus.SetText(lang.L("Not saved yet: {{.Problem}}", map[string]any{"Problem": verifierURLProblem(s)}))
			return
		}
		pref.SetString(prefQRURL, s)
		urlStatus.Importance = widget.MediumImportance
		urlStatus.SetText(urlNote(s))
	}
	urlStatus.SetText(urlNote(pref.String(prefQRURL)))

	return container.NewVBox(
		heading(lang.L("QR codes")),
		paragraph(lang.L("These are the defaults the Share screen makes QR codes with. A presentation that does not fit one code is split over several, shown in turn.")),
		widget.NewForm(
			widget.NewFormItem(lang.L("Error correction"), container.NewVBox(level,
				note(lang.L("More correction reads better from a scratched print or a glossy screen, but makes each code carry less.")))),
			widget.NewFormItem(lang.L("Largest code"), container.NewVBox(version,
				note(lang.L("Smaller codes scan from further away and with older phones; larger ones need fewer codes per presentation.")))),
			widget.NewFormItem(lang.L("Verifier page address"), container.NewVBox(url, urlStatus)),
		),
	)
}

// urlNote says what the verifier page address does, or that there is
// none.
func urlNote(u string) string {
	if u == "" {
		return lang.L("None: the QR codes hold only the presentation, for Satchel or another verifier app to read. Enter the address of a verifier page, such as the one “satchel-cli serve-verifier” serves (http://127.0.0.1:8787/#), to let a phone camera open it.")
	}
	return lang.L("A phone camera opens {{.URL}} with the presentation. The presentation stays after the #, which the phone never sends to the page's server. The codes get a little larger.", map[string]any{"URL": u})
}
