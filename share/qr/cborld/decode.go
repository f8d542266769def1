package cborld

import (
	"errors"
	"fmt"
	"sync"

	"github.com/fxamacker/cbor/v2"

	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// Options configure decoding and encoding. The zero value gives the
// bundled contexts (DefaultLoader) and the default limits.
type Options struct {
	// Loader serves the JSON-LD contexts; nil means DefaultLoader.
	Loader *jsonld.Loader
	// Limits bound the decoder's work.
	Limits Limits
}

// Limits bound the work of decoding untrusted CBOR-LD. A zero field means
// its default.
type Limits struct {
	// MaxBytes caps the CBOR-LD input (default 64 KiB). A QR symbol holds
	// at most 2,953 bytes, and vpqr's text of 4,296 characters carries
	// 2,680; the rest is room for CBOR-LD from files.
	MaxBytes int
	// MaxDepth caps the nesting of arrays and maps (default 100, the
	// wallet's limit for JSON).
	MaxDepth int
	// MaxItems caps the elements of one array or the pairs of one map
	// (default 4096): more than a QR symbol has bytes.
	MaxItems int
	// MaxContexts caps the contexts put into use while decoding, embedded,
	// type-scoped and property-scoped ones together (default 1024). A
	// one-credential presentation uses 12 to 23; each costs up to a
	// context's worth of terms.
	MaxContexts int
	// MaxOutput caps the decoded document, in bytes of JSON, roughly
	// (default 4 MiB, the wallet's limit for any imported file). CBOR-LD
	// expands at most about 30 times: a one-byte number becomes a 20-byte
	// date, a two-byte id a long term.
	MaxOutput int
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxBytes, 64<<10)
	def(&l.MaxDepth, jsonld.MaxDepth)
	def(&l.MaxItems, 4096)
	def(&l.MaxContexts, 1024)
	def(&l.MaxOutput, 4<<20)
	return l
}

// decMode returns the CBOR decoder for the limits: no tags (cborld's
// decoder has none and fails on them), no duplicate map keys, no NaN or
// infinity (JSON has neither), invalid UTF-8 refused, and no simple values
// but false, true and null: undefined would become null here, while
// JavaScript drops an object member that is undefined.
func (l Limits) decMode() (cbor.DecMode, error) {
	if l == defaultLimits {
		return defaultDecMode()
	}
	return decOptions(l).DecMode()
}

var defaultLimits = Limits{}.withDefaults()

var defaultDecMode = sync.OnceValues(func() (cbor.DecMode, error) { return decOptions(defaultLimits).DecMode() })

// simpleValues rejects every CBOR simple value but false, true and null.
var simpleValues = func() *cbor.SimpleValueRegistry {
	var fns []func(*cbor.SimpleValueRegistry) error
	for sv := range 256 {
		if sv < 20 || sv == 23 || sv >= 32 {
			fns = append(fns, cbor.WithRejectedSimpleValue(cbor.SimpleValue(sv)))
		}
	}
	r, err := cbor.NewSimpleValueRegistryFromDefaults(fns...)
	if err != nil {
		panic(err) // only reserved values 24-31 fail, and none is given
	}
	return r
}()

func decOptions(l Limits) cbor.DecOptions {
	return cbor.DecOptions{
		SimpleValues:     simpleValues,
		DupMapKey:        cbor.DupMapKeyEnforcedAPF,
		MaxNestedLevels:  min(max(l.MaxDepth, 4), 65535),
		MaxArrayElements: max(l.MaxItems, 16),
		MaxMapPairs:      max(l.MaxItems, 16),
		TagsMd:           cbor.TagsForbidden,
		UTF8:             cbor.UTF8RejectInvalid,
		NaN:              cbor.NaNDecodeForbidden,
		Inf:              cbor.InfDecodeForbidden,
	}
}

// Decode returns the JSON-LD document of CBOR-LD data (tag included), with
// the bundled contexts and the default limits: a map[string]any, or for
// CBOR-LD that holds several documents a []any of them, in the generic
// form of package wallet/jsonld (numbers are float64).
func Decode(data []byte) (any, error) { return Options{}.Decode(data) }

// Decode is the package's Decode with these options.
func (o Options) Decode(data []byte) (any, error) {
	lim := o.Limits.withDefaults()
	if len(data) > lim.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes of CBOR-LD (at most %d)", ErrTooLarge, len(data), lim.MaxBytes)
	}
	if len(data) < 3 || data[0] != tagByte0 || data[1] != tagByte1 {
		return nil, fmt.Errorf("%w: the data does not start with the tag d9 05", ErrNotCBORLD)
	}
	mode := data[2]
	if mode != ModeUncompressed && mode != ModeCompressed {
		return nil, fmt.Errorf("%w: compression mode %d", ErrNotCBORLD, mode)
	}
	dm, err := lim.decMode()
	if err != nil {
		return nil, fmt.Errorf("cborld: decoder: %w", err)
	}
	var v any
	if err := dm.Unmarshal(data[3:], &v); err != nil {
		var nest *cbor.MaxNestedLevelError
		var arr *cbor.MaxArrayElementsError
		var pairs *cbor.MaxMapPairsError
		if errors.As(err, &nest) || errors.As(err, &arr) || errors.As(err, &pairs) {
			return nil, fmt.Errorf("%w: %w", ErrTooLarge, err)
		}
		return nil, fmt.Errorf("%w: CBOR: %w", ErrMalformed, err)
	}
	l, shared, err := o.loaderFor()
	if err != nil {
		return nil, err
	}
	s := newState(l, shared, lim, ErrMalformed)
	if mode == ModeUncompressed {
		return s.plain(v, true)
	}
	switch top := v.(type) {
	case map[any]any:
		return s.decodeObject(top, &stack{}, 0)
	case []any:
		docs := make([]any, len(top))
		for i, e := range top {
			m, ok := e.(map[any]any)
			if !ok {
				return nil, s.fail("document %d is a %T, not a map", i, e)
			}
			if docs[i], err = s.decodeObject(m, &stack{}, 0); err != nil {
				return nil, err
			}
		}
		return docs, nil
	}
	return nil, s.fail("the CBOR is a %T, not a map", v)
}

// emit counts n bytes of output against MaxOutput.
func (s *state) emit(n int) error {
	s.out += n
	if s.out > s.lim.MaxOutput {
		return fmt.Errorf("%w: the decoded document exceeds %d bytes", ErrTooLarge, s.lim.MaxOutput)
	}
	return nil
}

// plain converts decoded CBOR to JSON as it is: what cborld keeps when no
// codec applies, inline contexts, and mode 0 documents. Maps need text
// keys when objects is set, and are refused otherwise (cborld would write
// a JavaScript Map, which JSON renders as {}); byte strings are refused
// (JSON has none).
func (s *state) plain(v any, objects bool) (any, error) {
	switch x := v.(type) {
	case nil, bool:
		return x, s.emit(5)
	case string:
		return x, s.emit(len(x) + 2)
	case uint64, int64, float64:
		f, ok := jsNumber(x)
		if !ok {
			return nil, s.fail("the integer %v is beyond JSON's exact range", x)
		}
		return f, s.emit(8)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			var err error
			if out[i], err = s.plain(e, objects); err != nil {
				return nil, err
			}
		}
		return out, nil
	case map[any]any:
		if !objects {
			return nil, s.fail("a map where a plain value belongs")
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			ks, ok := k.(string)
			if !ok {
				return nil, s.fail("an object key of type %T", k)
			}
			var err error
			if out[ks], err = s.plain(e, objects); err != nil {
				return nil, err
			}
			if err := s.emit(len(ks) + 3); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return nil, s.fail("a CBOR value of type %T, which JSON cannot hold", v)
}

// jsNumber returns a decoded CBOR number as JavaScript has it, or false
// for a non-number or an integer beyond ±(2^53-1) (cborg makes a BigInt of
// it, which JSON cannot hold).
func jsNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case uint64:
		return float64(x), x <= maxSafeInteger
	case int64:
		return float64(x), x >= -maxSafeInteger && x <= maxSafeInteger
	case float64:
		return x, true
	}
	return 0, false
}
