package ui

import (
	"image/color"
	"io/fs"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/satchel-wallet/satchel/assets"
)

// Preferences of the user interface. They are settings of this computer,
// never secrets, and live in Fyne's preferences, not in the wallet.
const (
	prefLanguage = "language"     // "" follows the system; else en, de, fr, es
	prefTheme    = "theme"        // "", "light" or "dark"
	prefOnline   = "onlineChecks" // whether network checks may be offered
)

// uiLanguages are the languages Satchel's own texts are translated into,
// each named in itself.
var uiLanguages = []struct{ tag, name string }{
	{"en", "English"}, {"de", "Deutsch"}, {"fr", "Français"}, {"es", "Español"},
}

var (
	translationsOnce sync.Once
	systemEnv        map[string]*string // the locale variables as the app found them
)

// loadTranslations adds Satchel's translations to Fyne's and picks the
// language: tag, or the system's when tag is empty.
//
// Fyne's lang package chooses among its translations by the system
// locale and has no call to choose otherwise; it reads the locale from the
// environment (LANGUAGE, LC_ALL, LANG) on Linux and the BSDs. So a chosen
// language is put there and the translations are loaded again, which makes
// Fyne choose anew. On Windows and macOS, which Fyne asks through system
// calls, the setting still picks the language of credential values, and
// Satchel's own texts follow the system.
func loadTranslations(tag string) {
	first := false
	translationsOnce.Do(func() {
		first = true
		systemEnv = map[string]*string{}
		for _, k := range []string{"LANGUAGE", "LC_ALL"} {
			if v, ok := os.LookupEnv(k); ok {
				systemEnv[k] = &v
			} else {
				systemEnv[k] = nil
			}
		}
	})
	for k, v := range systemEnv {
		switch {
		case tag != "":
			os.Setenv(k, tag)
		case v != nil:
			os.Setenv(k, *v)
		default:
			os.Unsetenv(k)
		}
	}
	if first {
		if err := lang.AddTranslationsFS(assets.Translations(), "translations"); err != nil {
			fyne.LogError("Satchel's translations", err)
		}
		return
	}
	// Loading a file again makes Fyne pick the language from the
	// environment once more.
	if data, err := fs.ReadFile(assets.Translations(), "translations/en.json"); err == nil {
		_ = lang.AddTranslationsForLocale(data, "en")
	}
}

// languagePref is the chosen language, "" for the system's.
func (a *App) languagePref() string { return a.fyne.Preferences().String(prefLanguage) }

// language is the language credentials are shown in: the chosen one, or
// the system's. The list asks for every card it fills, so it is kept.
func (a *App) language() string {
	if a.lang == "" {
		a.lang = a.languagePref()
		if a.lang == "" {
			a.lang = systemLanguage()
		}
	}
	return a.lang
}

// systemLanguage is the system's language, English when the locale is
// the plain C one (which Fyne would log as an error).
func systemLanguage() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
				return "en"
			}
			break
		}
	}
	return lang.SystemLocale().LanguageString()
}

// setLanguage stores and applies a language choice.
func (a *App) setLanguage(tag string) {
	a.fyne.Preferences().SetString(prefLanguage, tag)
	loadTranslations(tag)
	a.lang = ""
}

// onlineAllowed reports whether the learner allows network checks to be
// offered (each is still an explicit action).
func (a *App) onlineAllowed() bool { return a.fyne.Preferences().Bool(prefOnline) }

// applyTheme sets the theme variant the learner chose. Following the
// system is Fyne's default, so at start it needs doing only for a fixed
// choice; after a change back to the system's, changed says so.
func (a *App) applyTheme(changed bool) {
	switch a.fyne.Preferences().String(prefTheme) {
	case "light":
		a.fyne.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.fyne.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantDark})
	default:
		if changed {
			a.fyne.Settings().SetTheme(theme.DefaultTheme())
		}
	}
}

// fixedVariant is a theme that is always light or always dark, whatever
// the system says.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
