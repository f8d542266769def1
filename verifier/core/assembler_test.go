package core_test

import (
	"context"
	"slices"
	"testing"

	"github.com/satchel-wallet/satchel/share"
	"github.com/satchel-wallet/satchel/share/qr"
	"github.com/satchel-wallet/satchel/verifier/core"
)

// TestAssembler scans a 3-part set in shuffled order, as a phone would,
// with a repeat and a part of another set in between.
func TestAssembler(t *testing.T) {
	c := loadCorpus(t)
	hw := newHolderWallet(t, c)
	vp := present(t, hw.signer, hw.items(t, c.files(t, "vc2-ldp-eddsa-rdfc-2022", 3)...), share.Options{Format: share.FormatLDP})
	set := encodeParts(t, vp, 3, "https://verifier.example/v#")
	other := encode(t, present(t, hw.signer, hw.items(t, c.files(t, "vc1-jwt-eddsa", 1)...), share.Options{Format: share.FormatVPJWT}), qr.Options{})

	var a core.Assembler
	if p := a.Progress(); p.Total != 0 || p.Complete {
		t.Fatalf("empty assembler: %+v", p)
	}
	if r := a.Verify(context.Background(), core.Options{}); r.ErrorCode != "payload.empty" {
		t.Fatalf("verify with nothing: %+v", r)
	}
	steps := []struct {
		text      string
		have      int
		missing   []int
		complete  bool
		restarted bool
		errCode   string
	}{
		{other[0], 1, seq(2, len(other)), false, false, ""},
		{set[2], 1, []int{1, 2}, false, true, ""},
		{set[2], 1, []int{1, 2}, false, false, ""},
		{"SAT1.R1:not base45 ~", 1, []int{1, 2}, false, false, "payload.damaged"},
		{set[0], 2, []int{2}, false, false, ""},
		{set[1], 3, []int{}, true, false, ""},
	}
	for i, s := range steps {
		p := a.Add(s.text)
		if wantPart := partOf(t, s.text); s.errCode == "" && p.Part != wantPart {
			t.Fatalf("step %d: part %d, want %d", i, p.Part, wantPart)
		}
		if p.Have != s.have || !slices.Equal(p.Missing, s.missing) || p.Complete != s.complete || p.Restarted != s.restarted || p.ErrorCode != s.errCode {
			t.Fatalf("step %d: %+v, want have %d missing %v complete %v restarted %v error %q", i, p, s.have, s.missing, s.complete, s.restarted, s.errCode)
		}
	}
	r := a.Verify(context.Background(), core.Options{Challenge: challenge, Domain: domain})
	if r.Verdict != "verified" || len(r.Credentials) != 3 {
		t.Fatalf("verdict %s\n%s", r.Verdict, dump(r))
	}
	if got := len(a.Texts()); got != 3 {
		t.Errorf("%d texts kept, want 3", got)
	}
	a.Reset()
	if p := a.Add(string(vp)); !p.Complete || p.Total != 1 {
		t.Errorf("a pasted presentation: %+v, want complete", p)
	}
}

// partOf returns the number of the part text carries.
func partOf(t *testing.T, text string) int {
	t.Helper()
	p, err := qr.ParsePart(text)
	if err != nil {
		return 0
	}
	return p.Index
}

func seq(from, to int) []int {
	var out []int
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	if out == nil {
		return []int{}
	}
	return out
}
