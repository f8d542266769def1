package europass

// CountryAlpha3 exposes the country table to the external tests.
var CountryAlpha3 = countryAlpha3

// LanguageCode3 exposes the EU language table to the external tests.
func LanguageCode3(tag string) string { return euLanguageCodes[tag] }
