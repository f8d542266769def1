package qr

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/fxamacker/cbor/v2"
)

// VPQRPrefix starts a payload of the vpqr format of the Digital Credentials
// Consortium: "VP1-", then a multibase prefix ("B": Base32, RFC 4648 upper
// case without padding), then CBOR-LD.
const VPQRPrefix = "VP1-"

// ErrCBORLD means a VP1 payload uses CBOR-LD compression (mode 1, what
// vpqr writes), which this package does not decompress yet; see FORMAT.md,
// "Interop: VP1".
var ErrCBORLD = errors.New("CBOR-LD compression is not supported")

// The CBOR-LD tag of cborld 4.x: 0xd9 (a tag with a 16-bit number), 0x05,
// then the compression mode: 0 plain CBOR of the JSON-LD document, 1
// compressed with the term and value codecs of the document's contexts.
const (
	cborldTag0, cborldTag1 = 0xd9, 0x05
	cborldUncompressed     = 0
	cborldCompressed       = 1
)

// cborLimits bound the CBOR decoder on untrusted input: nesting as deep as
// a JSON document may be (the wallet's limit is 100), and no more array
// elements or map pairs than a QR symbol has bytes.
var cborLimits = func() cbor.DecMode {
	dm, err := cbor.DecOptions{
		MaxNestedLevels:  100,
		MaxArrayElements: 4096,
		MaxMapPairs:      4096,
	}.DecMode()
	if err != nil {
		panic(err)
	}
	return dm
}()

// VPQR is a parsed VP1 payload.
type VPQR struct {
	// Mode is the CBOR-LD compression mode: 0 plain, 1 compressed.
	Mode int
	// CBORLD is the whole CBOR-LD byte string, tag included.
	CBORLD []byte
}

// ParseVPQR parses the envelope of a VP1 payload: the prefix, the multibase
// Base32 text, the CBOR-LD tag and the well-formedness of the CBOR, within
// limits. It decompresses nothing.
func ParseVPQR(text string) (*VPQR, error) {
	text = strings.TrimRight(text, "\r\n")
	if len(text) > maxPartText {
		return nil, fmt.Errorf("%w: a payload of %d characters (at most %d)", ErrTooLarge, len(text), maxPartText)
	}
	rest, ok := strings.CutPrefix(text, VPQRPrefix)
	if !ok {
		return nil, fmt.Errorf("%w: no %s prefix", ErrPrefix, VPQRPrefix)
	}
	if !strings.HasPrefix(rest, "B") {
		return nil, fmt.Errorf("%w: multibase prefix %.1q (only B, Base32, is defined for VP1)", ErrVersion, rest)
	}
	data, err := decodeData(EncodingBase32, rest[1:])
	if err != nil {
		return nil, err
	}
	if len(data) < 4 || data[0] != cborldTag0 || data[1] != cborldTag1 {
		return nil, fmt.Errorf("%w: the data does not start with the CBOR-LD tag d9 05", ErrMalformed)
	}
	mode := int(data[2])
	if mode != cborldUncompressed && mode != cborldCompressed {
		return nil, fmt.Errorf("%w: CBOR-LD compression mode %d", ErrVersion, mode)
	}
	if err := cborLimits.Wellformed(data); err != nil {
		return nil, fmt.Errorf("%w: CBOR: %v", ErrMalformed, err)
	}
	return &VPQR{Mode: mode, CBORLD: data}, nil
}

// DecodeVPQR returns the JSON-LD presentation of a VP1 payload. It reads
// uncompressed CBOR-LD (mode 0); for compressed CBOR-LD, what vpqr writes,
// it returns the parsed envelope and an error wrapping ErrCBORLD.
func DecodeVPQR(text string) ([]byte, *VPQR, error) {
	v, err := ParseVPQR(text)
	if err != nil {
		return nil, nil, err
	}
	if v.Mode == cborldCompressed {
		return nil, v, fmt.Errorf("%w: the payload holds %d bytes of compressed CBOR-LD", ErrCBORLD, len(v.CBORLD))
	}
	var tagged cbor.RawTag
	if err := cborLimits.Unmarshal(v.CBORLD, &tagged); err != nil {
		return nil, v, fmt.Errorf("%w: CBOR: %v", ErrMalformed, err)
	}
	var doc any
	if err := cborLimits.Unmarshal(tagged.Content, &doc); err != nil {
		return nil, v, fmt.Errorf("%w: CBOR: %v", ErrMalformed, err)
	}
	doc, err = jsonValue(doc)
	if err != nil {
		return nil, v, fmt.Errorf("%w: the CBOR is not a JSON document: %v", ErrMalformed, err)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, v, fmt.Errorf("%w: the CBOR is not a JSON document: %v", ErrMalformed, err)
	}
	return out, v, nil
}

// jsonValue turns decoded CBOR into values encoding/json can write: maps
// keyed by anything become maps keyed by strings. A JSON-LD document has
// only string keys, so any other key is an error.
func jsonValue(v any) (any, error) {
	switch x := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, val := range x {
			ks, ok := k.(string)
			if !ok {
				return nil, fmt.Errorf("a map key of type %T", k)
			}
			var err error
			if m[ks], err = jsonValue(val); err != nil {
				return nil, err
			}
		}
		return m, nil
	case []any:
		for i := range x {
			var err error
			if x[i], err = jsonValue(x[i]); err != nil {
				return nil, err
			}
		}
		return x, nil
	default:
		return v, nil
	}
}
