package qr

import "rsc.io/qr/coding"

// capacityBits returns how many data bits a symbol of version v holds at
// level l, from ISO/IEC 18004 table 7 as the QR library has it.
func capacityBits(v int, l Level) int {
	return coding.Version(v).DataBytes(coding.Level(l-LevelL)) * 8
}

// alnumBits returns the bits of an alphanumeric-mode segment of n
// characters in a symbol of version v: the mode indicator, the character
// count, 11 bits per pair and 6 for an odd last character.
func alnumBits(n, v int) int {
	count := 9
	switch {
	case v >= 27:
		count = 13
	case v >= 10:
		count = 11
	}
	return 4 + count + n/2*11 + n%2*6
}

// byteBits returns the bits of a byte-mode segment of n bytes.
func byteBits(n, v int) int {
	count := 8
	if v >= 10 {
		count = 16
	}
	return 4 + count + 8*n
}

// textBits returns the bits that a payload text needs in version v: the
// URL prefix, if any, as a byte segment and the rest as one alphanumeric
// segment, exactly as NewSymbol splits it.
func textBits(prefixLen, payloadLen, v int) int {
	bits := alnumBits(payloadLen, v)
	if prefixLen > 0 {
		bits += byteBits(prefixLen, v)
	}
	return bits
}

// fits reports whether the text fits a symbol of at most version maxV.
func fits(prefixLen, payloadLen, maxV int, l Level) bool {
	return textBits(prefixLen, payloadLen, maxV) <= capacityBits(maxV, l)
}
