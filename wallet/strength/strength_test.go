package strength

import (
	"strings"
	"testing"
)

func TestOf(t *testing.T) {
	for _, c := range []struct {
		pass   string
		strong bool
	}{
		{"password", false},
		{"12345678", false},
		{"elena1990", false},
		{"correct horse battery staple", true},
		{"Tq7#vLm2!xPz9@wR", true},
		{strings.Repeat("long enough on length alone ", 3), true},
	} {
		if got := Of([]byte(c.pass), "Elena"); got.Strong() != c.strong {
			t.Errorf("%q: %+v, strong %v", c.pass, got, c.strong)
		}
	}
	if Of([]byte("elena2024"), "elena").Score >= Of([]byte("elena2024")).Score+1 {
		t.Error("the learner's own name does not weaken the estimate")
	}
}
