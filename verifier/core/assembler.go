package core

import (
	"context"
	"errors"
	"fmt"

	"github.com/satchel-wallet/satchel/share/qr"
)

// Progress is how far the scanning of a multi-part set has come, the JSON
// the page receives after each scan.
type Progress struct {
	// Have and Total count the parts read and the parts of the set.
	Have  int `json:"have"`
	Total int `json:"total"`
	// Missing are the numbers of the parts still to scan, 1-based.
	Missing []int `json:"missing"`
	// Part is the number of the part the last text carried, 1-based; 0
	// when it was not taken.
	Part int `json:"part,omitempty"`
	// Complete says every part is there: the set can be verified.
	Complete bool `json:"complete"`
	// Restarted says the text began another set, so the parts read
	// before were dropped.
	Restarted bool `json:"restarted,omitempty"`
	// Error says why the last text was not taken, and ErrorCode is its
	// stable key; the parts read before are kept.
	Error     string `json:"error,omitempty"`
	ErrorCode string `json:"errorCode,omitempty"`
}

// An Assembler collects the parts of a Satchel QR set one scan at a time, in
// any order, as [qr.Assembler] does, for a scanning page: a text of another
// set starts over with that set, since the reader has moved on to another
// learner's code. A VP1- payload or a pasted presentation is complete on
// its own. The zero value is ready to use; it is not safe for concurrent use.
type Assembler struct {
	qa    *qr.Assembler
	texts []string
}

// Add takes one scanned text and reports the progress.
func (a *Assembler) Add(text string) Progress {
	var p Progress
	if a.qa == nil {
		a.qa = qr.NewAssembler(qr.Limits{})
	}
	if !qr.IsPart(text) {
		// A VP1- payload or a presentation as it is: one piece.
		a.Reset()
		a.texts = []string{text}
		return Progress{Have: 1, Total: 1, Part: 1, Missing: []int{}, Complete: true}
	}
	if len(a.texts) > 0 && a.qa.Total() == 0 {
		a.Reset() // drop a one-piece text read before
		a.qa = qr.NewAssembler(qr.Limits{})
	}
	before := a.qa.Have()
	err := a.qa.Add(text)
	if errors.Is(err, qr.ErrMixedSets) {
		a.Reset()
		a.qa = qr.NewAssembler(qr.Limits{})
		before = 0
		err = a.qa.Add(text)
		p.Restarted = true
	}
	if err != nil {
		return a.progress(fmt.Errorf("add part: %w", err))
	}
	if a.qa.Have() > before { // a part read again is kept once
		a.texts = append(a.texts, text)
	}
	q := a.progress(nil)
	q.Restarted = p.Restarted
	if part, err := qr.ParsePart(text); err == nil { // Add parsed it already
		q.Part = part.Index
	}
	return q
}

// Progress reports the progress so far.
func (a *Assembler) Progress() Progress { return a.progress(nil) }

func (a *Assembler) progress(err error) Progress {
	p := Progress{Missing: []int{}}
	switch {
	case a.qa != nil && a.qa.Total() > 0:
		p.Have, p.Total, p.Complete = a.qa.Have(), a.qa.Total(), a.qa.Complete()
		if m := a.qa.Missing(); m != nil {
			p.Missing = m
		}
	case len(a.texts) == 1:
		p.Have, p.Total, p.Complete = 1, 1, true
	}
	if err != nil {
		p.Error, p.ErrorCode = err.Error(), errorCode(err)
	}
	return p
}

// Texts returns the texts taken so far, in the order read.
func (a *Assembler) Texts() []string { return append([]string(nil), a.texts...) }

// Verify verifies what has been collected, as [Verify] does; before every
// part is there the Report says which are missing.
func (a *Assembler) Verify(ctx context.Context, opts Options) Report {
	return Verify(ctx, a.texts, opts)
}

// Reset drops everything collected.
func (a *Assembler) Reset() {
	a.qa = nil
	a.texts = nil
}
