package search

// IndexStats reports the sizes behind an index's memory, for the benchmarks:
// distinct tokens, postings, and bytes of phrase streams.
func IndexStats(ix *Index) (tokens, postings, streamBytes int) {
	return ix.words.len(), len(ix.words.post), len(ix.phrases.data)
}
