package core

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"sync"
	"text/template"
	"time"
)

// Languages are the languages the page speaks, English first: its own
// texts (verifier/web/messages.js) and the sentence of every check.
var Languages = []string{"en", "de", "fr", "es"}

// The sentences of the checks in the page's languages, by check code, as
// text/templates over the check's args like the English ones registered
// with [credential.RegisterMessages]. en.json holds only the English
// sentences the page words differently from the wallet: a recruiter has no
// trust list, and this page never uses the network.
//
//go:embed messages/*.json
var messageFiles embed.FS

// argPrefix marks an entry that translates not a code but a value the
// wallet puts into a check's args in English ("Reason": "the presentation
// does not read correctly"), so that a sentence does not switch language
// half-way.
const argPrefix = "arg:"

// catalog is one language's sentences by code and its args' words. It is
// read when a page first needs the language, and each sentence is parsed
// when first used: in the browser, parsing every template of every
// language up front costs about half a second before the first verdict.
type catalog struct {
	texts map[string]string
	args  map[string]string

	mu     sync.Mutex
	parsed map[string]*template.Template
}

var (
	catalogsMu sync.Mutex
	catalogs   = map[string]*catalog{}
)

// catalogOf returns the catalog of lang, one of Languages.
func catalogOf(lang string) (*catalog, error) {
	catalogsMu.Lock()
	defer catalogsMu.Unlock()
	if c, ok := catalogs[lang]; ok {
		return c, nil
	}
	data, err := messageFiles.ReadFile(path.Join("messages", lang+".json"))
	if err != nil {
		return nil, fmt.Errorf("translations: %w", err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("translations %s: %w", lang, err)
	}
	c := &catalog{texts: map[string]string{}, args: map[string]string{}, parsed: map[string]*template.Template{}}
	for code, text := range m {
		if english, ok := strings.CutPrefix(code, argPrefix); ok {
			c.args[english] = text
		} else {
			c.texts[code] = text
		}
	}
	catalogs[lang] = c
	return c, nil
}

// template returns the parsed sentence of code, or nil if the catalog has
// none.
func (c *catalog) template(code string) (*template.Template, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.parsed[code]; ok {
		return t, nil
	}
	text, ok := c.texts[code]
	if !ok {
		return nil, nil
	}
	t, err := template.New(code).Option("missingkey=zero").Parse(text)
	if err != nil {
		return nil, fmt.Errorf("translation of %s: %w", code, err)
	}
	c.parsed[code] = t
	return t, nil
}

// language returns the first of langs the page speaks, "de-AT" counting
// as German; English when there is none.
func language(langs []string) string {
	for _, l := range langs {
		base, _, _ := strings.Cut(strings.ToLower(l), "-")
		for _, have := range Languages {
			if base == have {
				return have
			}
		}
	}
	return "en"
}

// sentence returns the sentence of a check with code and args in lang, or
// english (the wallet's sentence) when lang has none for the code.
func sentence(lang, code string, args map[string]string, english string) string {
	c, err := catalogOf(lang)
	if err != nil {
		return english
	}
	t, err := c.template(code)
	if err != nil || t == nil {
		return english
	}
	local := make(map[string]string, len(args))
	for k, v := range args {
		if w, ok := c.args[v]; ok {
			local[k] = w
			continue
		}
		local[k] = localDate(lang, v)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, local); err != nil {
		return english
	}
	return b.String()
}

// The layouts in which the wallet puts dates into a check's args.
const (
	argDay  = "2 January 2006"
	argTime = "2 January 2006, 15:04 UTC"
)

var months = map[string][12]string{
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
}

// localDate says a date the wallet wrote in English (argDay, argTime) in
// lang's words; any other value is returned as it is.
func localDate(lang, v string) string {
	names, ok := months[lang]
	if !ok {
		return v
	}
	withTime := true
	t, err := time.Parse(argTime, v)
	if err != nil {
		withTime = false
		if t, err = time.Parse(argDay, v); err != nil {
			return v
		}
	}
	month := names[t.Month()-1]
	var day string
	switch lang {
	case "de":
		day = fmt.Sprintf("%d. %s %d", t.Day(), month, t.Year())
	case "fr":
		d := fmt.Sprint(t.Day())
		if t.Day() == 1 {
			d = "1er"
		}
		day = fmt.Sprintf("%s %s %d", d, month, t.Year())
	case "es":
		day = fmt.Sprintf("%d de %s de %d", t.Day(), month, t.Year())
	}
	if withTime {
		return day + t.Format(", 15:04 UTC")
	}
	return day
}
