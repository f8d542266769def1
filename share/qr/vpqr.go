package qr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/fxamacker/cbor/v2"

	"github.com/satchel-wallet/satchel/share/qr/cborld"
	"github.com/satchel-wallet/satchel/wallet/jsonld"
)

// VPQRPrefix starts a payload of the vpqr format of the Digital Credentials
// Consortium: "VP1-", then a multibase prefix ("B": Base32, RFC 4648 upper
// case without padding), then CBOR-LD.
const VPQRPrefix = "VP1-"

// ErrCBORLD means a VP1 payload's CBOR-LD cannot be read offline: it
// names a JSON-LD context Satchel does not bundle, whose terms it needs to
// rebuild the presentation. From EncodeVPQR it means the presentation
// cannot be written as CBOR-LD. The wrapped error of package cborld says
// which context or term.
var ErrCBORLD = errors.New("CBOR-LD cannot be processed offline")

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

// DecodeVPQR returns the JSON-LD presentation of a VP1 payload, compressed
// (mode 1, what vpqr writes) or not, with the parsed envelope. The
// presentation is the one vpqr encoded, member for member (its key order
// aside), so its proofs verify. Errors wrap ErrPrefix, ErrVersion,
// ErrMalformed, ErrTooLarge, or ErrCBORLD for a context that is not
// bundled, and the error of package cborld.
func DecodeVPQR(text string) ([]byte, *VPQR, error) {
	v, err := ParseVPQR(text)
	if err != nil {
		return nil, nil, err
	}
	doc, err := cborld.Decode(v.CBORLD)
	if err != nil {
		switch {
		case errors.Is(err, cborld.ErrTooLarge):
			return nil, v, fmt.Errorf("%w: %w", ErrTooLarge, err)
		case errors.Is(err, cborld.ErrUnknownContext):
			return nil, v, fmt.Errorf("%w: %w", ErrCBORLD, err)
		}
		return nil, v, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	if _, ok := doc.(map[string]any); !ok {
		return nil, v, fmt.Errorf("%w: the CBOR-LD holds a %T, not one presentation", ErrMalformed, doc)
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, v, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return bytes.TrimSuffix(out.Bytes(), []byte("\n")), v, nil
}

// EncodeVPQR returns the VP1 text of a JSON-LD presentation, as the DCC's
// vpqr writes it ("VP1-B", then the Base32 of its CBOR-LD: the same bytes
// vpqr writes for it), for verifiers and wallets that read only that
// format. The text must fit one QR symbol of opt.MaxVersion at opt.Level,
// else the error wraps ErrTooLarge: VP1 has no parts, and CBOR-LD of a
// presentation is about half its JSON, so only small presentations fit
// (vpqr itself draws at level L up to version 40: Options{Level: LevelL,
// MaxVersion: 40}). Draw the text with NewSymbol. A presentation with a
// context Satchel does not bundle, or with terms no context defines,
// cannot be written: the error then wraps ErrCBORLD.
func EncodeVPQR(vp []byte, opt Options) (string, error) {
	o, err := opt.withDefaults()
	if err != nil {
		return "", err
	}
	doc, err := jsonld.ParseObject(vp, DefaultMaxSize)
	if err != nil {
		return "", fmt.Errorf("%w: the presentation is not a JSON object: %w", ErrCBORLD, err)
	}
	data, err := cborld.Encode(doc)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrCBORLD, err)
	}
	text := VPQRPrefix + "B" + b32.EncodeToString(data)
	if !fits(0, len(text), o.MaxVersion, o.Level) {
		return "", fmt.Errorf("%w: the VP1 text of %d characters does not fit a QR symbol of version %d at level %s", ErrTooLarge, len(text), o.MaxVersion, o.Level)
	}
	return text, nil
}
