package assets

import "embed"

//go:embed translations
var translations embed.FS

// Translations returns the app's translations: one JSON file per language
// in the folder "translations" (en.json, de.json, fr.json, es.json), each
// mapping the English text of a message to its translation, in the form
// Fyne's lang package reads (go-i18n message files). English is the source
// language: a message missing from a file is shown in English.
func Translations() embed.FS { return translations }
