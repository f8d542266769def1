package qr

import (
	"fmt"
	"strings"
)

// Level is a QR error correction level: the share of a symbol that may be
// damaged or hidden and still read.
type Level int

// The error correction levels of ISO/IEC 18004. The zero value means the
// default, LevelM.
const (
	LevelDefault Level = iota
	LevelL             // about 7% recoverable
	LevelM             // about 15% recoverable
	LevelQ             // about 25% recoverable
	LevelH             // about 30% recoverable
)

// String returns the level's letter.
func (l Level) String() string {
	switch l {
	case LevelL:
		return "L"
	case LevelQ:
		return "Q"
	case LevelH:
		return "H"
	default:
		return "M"
	}
}

// Encoding is the text encoding of a payload's data.
type Encoding byte

// The encodings. Both use only characters of QR's alphanumeric mode.
const (
	// EncodingAuto picks Base45, or Base32 when the payload follows a URL
	// prefix.
	EncodingAuto Encoding = 0
	// EncodingBase45 is RFC 9285 Base45, the densest in alphanumeric
	// mode; its space and '%' make it unusable in a URL.
	EncodingBase45 Encoding = 'R'
	// EncodingBase32 is RFC 4648 Base32 in upper case without padding;
	// every character is safe in a URL fragment.
	EncodingBase32 Encoding = 'B'
)

// The defaults, and why they have these values.
const (
	// DefaultMaxVersion is the largest symbol the encoder makes: version
	// 25 is 117x117 modules, which a phone reads from a laptop screen at
	// 6 pixels per module; larger versions need a steadier hand and better
	// light, and are where scan failures start in practice.
	DefaultMaxVersion = 25
	// DefaultMaxParts caps the number of symbols of one set, when encoding
	// and decoding: 64 symbols of version 25 carry about 60 KB of
	// compressed presentation, far more than anyone scans in turn.
	DefaultMaxParts = 64
	// DefaultModulePixels is the side of one module in PNG and SVG output:
	// 6 pixels keeps a version-25 symbol at 750 pixels, big enough for a
	// phone camera at arm's length and small enough for a laptop screen.
	DefaultModulePixels = 6
	// DefaultMaxSize caps the decoded presentation: the same 4 MiB the
	// wallet accepts for any imported file.
	DefaultMaxSize = 4 << 20
	// DefaultMaxRatio caps decompressed size against compressed size.
	// Credentials compress 3-10 times with the dictionary; deflate can
	// reach 1032 times on crafted input, which this stops long before the
	// size limit is spent.
	DefaultMaxRatio = 100
	// maxURLPrefix caps a URL prefix: it is repeated in every symbol.
	maxURLPrefix = 256
)

// Options are the encoder's settings. The zero value gives the defaults:
// level M, no symbol above version 25, Base45, no URL prefix.
type Options struct {
	// Level is the error correction level (default M).
	Level Level
	// MaxVersion is the largest QR version a symbol may have, 1 to 40
	// (default 25). A presentation that does not fit one symbol of it is
	// split into parts.
	MaxVersion int
	// MaxParts caps the number of symbols (default 64). Decoders refuse
	// sets of more than their Limits.MaxParts, 64 by default.
	MaxParts int
	// Encoding selects the data encoding (default: EncodingAuto).
	Encoding Encoding
	// URLPrefix, when set, goes before each payload: a URL ending in '#',
	// such as "https://verifier.example/v#", so that a phone camera opens
	// the verifier with the payload in the URL fragment, which never
	// leaves the phone. It forces Base32.
	URLPrefix string
	// ModulePixels is the side of a module in images (default 6).
	ModulePixels int
}

func (o Options) withDefaults() (Options, error) {
	if o.Level == LevelDefault {
		o.Level = LevelM
	}
	if o.Level < LevelL || o.Level > LevelH {
		return o, fmt.Errorf("%w: error correction level %d", ErrOption, o.Level)
	}
	if o.MaxVersion == 0 {
		o.MaxVersion = DefaultMaxVersion
	}
	if o.MaxVersion < 1 || o.MaxVersion > 40 {
		return o, fmt.Errorf("%w: QR version %d is not between 1 and 40", ErrOption, o.MaxVersion)
	}
	if o.MaxParts == 0 {
		o.MaxParts = DefaultMaxParts
	}
	if o.MaxParts < 1 || o.MaxParts > 999 {
		return o, fmt.Errorf("%w: %d parts is not between 1 and 999", ErrOption, o.MaxParts)
	}
	if o.ModulePixels == 0 {
		o.ModulePixels = DefaultModulePixels
	}
	if o.ModulePixels < 1 || o.ModulePixels > 100 {
		return o, fmt.Errorf("%w: %d pixels per module", ErrOption, o.ModulePixels)
	}
	if o.URLPrefix != "" {
		if err := checkURLPrefix(o.URLPrefix); err != nil {
			return o, err
		}
		if o.Encoding == EncodingBase45 {
			return o, fmt.Errorf("%w: Base45 cannot follow a URL prefix (its space and %% break URLs); use Base32", ErrOption)
		}
		o.Encoding = EncodingBase32
	}
	switch o.Encoding {
	case EncodingAuto:
		o.Encoding = EncodingBase45
	case EncodingBase45, EncodingBase32:
	default:
		return o, fmt.Errorf("%w: encoding %q", ErrOption, o.Encoding)
	}
	return o, nil
}

func checkURLPrefix(p string) error {
	if len(p) > maxURLPrefix {
		return fmt.Errorf("%w: URL prefix longer than %d bytes", ErrOption, maxURLPrefix)
	}
	if strings.HasPrefix(p, Magic) {
		return fmt.Errorf("%w: URL prefix %q starts like a payload", ErrOption, p)
	}
	if !strings.HasSuffix(p, "#") || strings.Count(p, "#") != 1 {
		return fmt.Errorf("%w: URL prefix %q must end with its only '#'", ErrOption, p)
	}
	for i := 0; i < len(p); i++ {
		if p[i] <= ' ' || p[i] >= 0x7f {
			return fmt.Errorf("%w: URL prefix %q has a space, control or non-ASCII byte", ErrOption, p)
		}
	}
	return nil
}

// Limits bound the decoder's work on untrusted text. The zero value of a
// field means its default.
type Limits struct {
	// MaxSize caps the decoded presentation in bytes (default 4 MiB).
	MaxSize int
	// MaxRatio caps decoded size over compressed size (default 100).
	MaxRatio int
	// MaxParts caps the number of parts of a set (default 64).
	MaxParts int
}

func (l Limits) withDefaults() Limits {
	if l.MaxSize <= 0 {
		l.MaxSize = DefaultMaxSize
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	if l.MaxParts <= 0 {
		l.MaxParts = DefaultMaxParts
	}
	return l
}
