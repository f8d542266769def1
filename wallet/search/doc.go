// Package search is the wallet's in-memory search index: full-text search
// over every text of the learner's credentials, filters on the standard
// elements, and sorting, fast enough to run on every keystroke.
//
// [Build] turns the credentials (each with the collections holding it, as a
// [Doc]) into an immutable [Index]; [Index.Search] answers a [Query] with a
// [Result]; [Index.Facets] counts issuers, tags and EQF levels for a
// sidebar. The package is pure: it reads credentials and never changes
// them, and an Index is safe for concurrent use. When the wallet changes,
// build a new index (10,000 credentials take about half a second).
//
// # Folding
//
// Text is compared in a folded form ([Fold]): compatibility decomposition
// (NFKD, which also expands ligatures and full-width letters), Unicode full
// case folding, combining marks removed, and the Latin letters that have no
// decomposition written with plain ones (ł→l, ø→o, đ→d, æ→ae, œ→oe, ß→ss).
// So "Łódź" is found by "lodz", "Straße" by "strasse", "Πληροφορική" by
// "πληροφορικη" and "ИНФОРМАТИКА" by "информатика". Folding is the same
// for every language: it is what a learner typing without accents expects,
// at the price of identifying words a language keeps apart (Turkish ı and
// i, Russian е and ё).
//
// # Tokens
//
// A folded text splits into tokens: maximal runs of letters, digits and
// marks (Unicode categories L, N and M); everything else separates.
// Indexed are the title, description, issuer and awarding body (names and
// countries), learner's name, learning outcomes (titles, descriptions,
// skill labels and skill ids), fields of study (labels and codes), grade,
// assessment, participation, quality assurance, prerequisites, supervision,
// stackability, part-of, alignment and accreditation labels, further
// information, profile, NQF label and tags, each in every language it has.
// Scripts written without spaces (Chinese, Japanese, Thai) make a token of
// a whole run, so a word inside such a run is found only if it is 4 letters
// or longer.
//
// # Matching
//
// The query text splits at white space into words; a credential matches
// when every word matches (AND). A word matches a token it begins ("data"
// finds "database": search as you type); a word of 4 letters or more also
// matches inside tokens ("informatik" finds "Wirtschaftsinformatik"). Text
// in double quotes (also “…”, „…“, «…») is a phrase: its words must be
// consecutive tokens of one value, each whole except the last, which may
// begin a token. A piece without spaces that folds to several tokens
// ("e-learning", a skill URI) is a phrase too. Queries are bounded by
// [MaxWords] and [MaxWordBytes]; see there why.
//
// The filters of a Query (issuer, EQF levels, ECTS range, dates, verdicts,
// formats, collections, tags, expiry) combine with AND, each list matching
// any of its values (tags: all of them). A credential that lacks the
// element a bound asks about (no ECTS, no date of issuing) never matches
// that bound.
//
// # Order
//
// Results are sorted by a [SortKey] in its natural direction (dates newest
// first, titles and issuers A to Z by their folded words in the index's
// language, ECTS largest first) or reversed. Credentials without the key
// come last in both directions, and equal keys are ordered by credential
// ID, so the same query always gives the same list.
//
// # Complexity and memory
//
// The index holds a sorted vocabulary of distinct tokens, stored as one
// NUL-separated string, with a posting list (ascending document slots,
// 4 bytes each) per token; small per-document arrays of the filtered
// fields; and, per sort key and direction, a precomputed permutation of the
// documents. A query word costs a binary search of the vocabulary (prefix
// match) or one substring scan of it (infix match; the vocabulary, not the
// documents), then a union of the matching posting lists into a bitset of
// n bits. Words intersect bitset by bitset; filters narrow the set with
// a pass over the per-document arrays; the results are read off the sort
// permutation, stopping at the Limit. A query is thus O(V + P + n) for a
// vocabulary of V bytes, P postings of the matched tokens and n documents,
// with no sorting at query time. Phrases, last, are looked up in a stored
// sequence of token numbers (uvarints) of each credential that still
// matches.
//
// For 10,000 synthetic credentials with multilingual titles, descriptions
// and a few learning outcomes each (25,000 distinct tokens, a million
// postings), the index holds about 10 MB besides the credentials: 4 MB of
// posting lists, 4 MB of phrase streams, 0.4 MB of sort permutations. It
// takes about 0.6 s of CPU to build; a query of text, two filters and a
// sort takes about 0.1 ms, and the dearest queries (a single letter, a
// common phrase) under 1 ms (see the benchmarks).
package search
