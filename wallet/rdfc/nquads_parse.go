package rdfc

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Default parse limits, used where a [ParseOptions] field is zero.
const (
	// DefaultMaxInputBytes bounds a whole N-Quads document. Satchel refuses
	// credential files over 4 MiB; their N-Quads, with every IRI spelled out,
	// run to a few times the JSON size, so 16 MiB leaves room without
	// letting one document take unbounded memory.
	DefaultMaxInputBytes = 16 << 20

	// DefaultMaxLineBytes bounds one line, and so every term on it. Badge
	// images travel inside credentials as data: URLs, which become a single
	// IRI or literal; a 4 MiB credential cannot hold a larger one.
	DefaultMaxLineBytes = 4 << 20

	// DefaultMaxQuads bounds the number of quads. A credential has about a
	// hundred; 100 000 is a thousand times that and keeps memory for the
	// parsed dataset in the tens of megabytes.
	DefaultMaxQuads = 100_000
)

// ParseOptions bounds what [ParseOptions.Parse] accepts. The zero value
// uses the defaults above; a negative field means no limit.
type ParseOptions struct {
	// MaxInputBytes bounds the whole input.
	MaxInputBytes int64
	// MaxLineBytes bounds each line, not counting its line break.
	MaxLineBytes int
	// MaxQuads bounds the number of quads.
	MaxQuads int
}

// ParseNQuads reads an N-Quads document from r with the default limits.
// See [ParseOptions.Parse].
func ParseNQuads(r io.Reader) (Dataset, error) {
	return ParseOptions{}.Parse(r)
}

// Parse reads an N-Quads document (RDF 1.1, plus RDF 1.2 base directions
// on language tags) from r and returns its quads in order, duplicates
// included. Escapes in IRIs and literals are decoded; blank node labels are
// kept. Errors match [ErrSyntax] or [ErrTooLarge]; those about a line are
// [*ParseError] values that say where. A failure to read r is returned
// wrapped.
func (o ParseOptions) Parse(r io.Reader) (Dataset, error) {
	maxInput := limit64(o.MaxInputBytes, DefaultMaxInputBytes)
	maxLine := limit(o.MaxLineBytes, DefaultMaxLineBytes)
	maxQuads := limit(o.MaxQuads, DefaultMaxQuads)

	data, err := readBounded(r, maxInput)
	if err != nil {
		return nil, err
	}
	// One string for the whole input: terms without escapes are substrings
	// of it and cost no further allocation.
	src := string(data)

	var ds Dataset
	line := 0
	for len(src) > 0 {
		line++
		text := src
		if end := strings.IndexAny(src, "\r\n"); end >= 0 {
			text = src[:end]
			if strings.HasPrefix(src[end:], "\r\n") {
				end++
			}
			src = src[end+1:]
		} else {
			src = ""
		}
		if len(text) > maxLine {
			return nil, &ParseError{Line: line, Msg: "line longer than " + strconv.Itoa(maxLine) + " bytes", Err: ErrTooLarge}
		}
		if !utf8.ValidString(text) {
			return nil, &ParseError{Line: line, Column: invalidUTF8At(text) + 1, Msg: "invalid UTF-8", Err: ErrSyntax}
		}
		lp := lineParser{s: text}
		q, ok, err := lp.statement()
		if err != nil {
			err.Line = line
			return nil, err
		}
		if !ok {
			continue
		}
		if len(ds) >= maxQuads {
			return nil, &ParseError{Line: line, Msg: "more than " + strconv.Itoa(maxQuads) + " quads", Err: ErrTooLarge}
		}
		ds = append(ds, q)
	}
	return ds, nil
}

// readBounded reads all of r, refusing more than max bytes.
func readBounded(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("rdfc: reading n-quads: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("rdfc: n-quads input longer than %d bytes: %w", max, ErrTooLarge)
	}
	return data, nil
}

// invalidUTF8At returns the offset of the first invalid UTF-8 in s.
func invalidUTF8At(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				return i
			}
		}
	}
	return len(s)
}

// limit returns v, def when v is zero, or no limit when v is negative.
func limit(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return int(^uint(0) >> 1)
	}
	return v
}

func limit64(v, def int64) int64 {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 1<<63 - 2 // leaves room for the +1 in readBounded
	}
	return v
}
