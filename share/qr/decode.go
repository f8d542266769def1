package qr

import (
	"bytes"
	"crypto/sha256"
	"fmt"
)

// Decode returns the presentation that the texts of a payload carry: one
// text, or every part of a set in any order (a part read twice is fine).
// It applies the default Limits. Errors wrap the package's sentinels:
// ErrPrefix, ErrVersion, ErrMalformed, ErrChecksum, ErrMissingParts (as a
// *MissingPartsError), ErrMixedSets, ErrConflict, ErrTooLarge.
func Decode(texts ...string) ([]byte, error) {
	return DecodeLimits(Limits{}, texts...)
}

// DecodeLimits is Decode with explicit limits.
func DecodeLimits(lim Limits, texts ...string) ([]byte, error) {
	a := NewAssembler(lim)
	for _, t := range texts {
		if err := a.Add(t); err != nil {
			return nil, err
		}
	}
	return a.Presentation()
}

// An Assembler collects the parts of one set as they are scanned, in any
// order, and decodes the presentation once all are there. A scanning screen
// adds each text it reads and shows Have and Total. The zero value is not
// usable; make one with NewAssembler.
type Assembler struct {
	lim   Limits
	first Part     // the first part added: the set every other must match
	parts [][]byte // by index-1; nil while missing
	have  int
}

// NewAssembler returns an empty Assembler with the given limits (zero
// fields mean the defaults).
func NewAssembler(lim Limits) *Assembler {
	return &Assembler{lim: lim.withDefaults()}
}

// Add parses one scanned text and keeps its part. It fails, keeping what it
// has, if the text is not a payload, belongs to another set than the parts
// before it (ErrMixedSets), or repeats a part number with other data
// (ErrConflict). Adding the same part again is not an error.
func (a *Assembler) Add(text string) error {
	p, err := ParsePart(text)
	if err != nil {
		return err
	}
	if p.Total > a.lim.MaxParts {
		return fmt.Errorf("%w: a set of %d parts (at most %d)", ErrTooLarge, p.Total, a.lim.MaxParts)
	}
	if a.parts == nil {
		a.first = p
		a.parts = make([][]byte, p.Total)
	} else if p.SetID != a.first.SetID || p.Total != a.first.Total || p.DictVersion != a.first.DictVersion {
		return fmt.Errorf("%w: part %d/%d of set %q after parts of set %q", ErrMixedSets, p.Index, p.Total, p.SetID, a.first.SetID)
	}
	if old := a.parts[p.Index-1]; old != nil {
		if p.Total == 1 && !bytes.Equal(old, p.Data) {
			return fmt.Errorf("%w: a second single-symbol payload with other data", ErrMixedSets)
		}
		if !bytes.Equal(old, p.Data) {
			return fmt.Errorf("%w: part %d of set %q was read before with other data", ErrConflict, p.Index, p.SetID)
		}
		return nil
	}
	a.parts[p.Index-1] = p.Data
	a.have++
	return nil
}

// Have returns how many distinct parts have been added.
func (a *Assembler) Have() int { return a.have }

// Total returns the number of parts of the set, or 0 before the first.
func (a *Assembler) Total() int { return len(a.parts) }

// Complete reports whether every part of the set is there.
func (a *Assembler) Complete() bool { return a.parts != nil && a.have == len(a.parts) }

// Missing returns the numbers of the parts not yet added, ascending.
func (a *Assembler) Missing() []int {
	var m []int
	for i, p := range a.parts {
		if p == nil {
			m = append(m, i+1)
		}
	}
	return m
}

// Presentation reassembles the message and returns the presentation. Before
// every part is there it returns a *MissingPartsError.
func (a *Assembler) Presentation() ([]byte, error) {
	if a.parts == nil {
		return nil, &MissingPartsError{Total: 0}
	}
	if !a.Complete() {
		return nil, &MissingPartsError{Have: a.have, Total: len(a.parts), Missing: a.Missing()}
	}
	msg := bytes.Join(a.parts, nil)
	if len(a.parts) > 1 {
		sum := sha256.Sum256(msg)
		if id := b32.EncodeToString(sum[:5]); id != a.first.SetID {
			return nil, fmt.Errorf("%w: the parts reassemble to set %q, not %q", ErrChecksum, id, a.first.SetID)
		}
	}
	return unpack(msg, dictionary(a.first.DictVersion), a.lim)
}
