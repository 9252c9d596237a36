package clean

import (
	"slices"
	"strings"
	"testing"
)

// TestAuthorWidgetLength checks the bound isAuthorWidget relies on.
func TestAuthorWidgetLength(t *testing.T) {
	for w := range authorWidgets {
		if len(w) > len("see all articles by this author") {
			t.Errorf("author widget %q is longer than isAuthorWidget assumes", w)
		}
	}
}

func FuzzAppendFields(f *testing.F) {
	for _, s := range []string{"", " By  Jamelle\tBouie ", "a\u00a0b\u0085c\u2003d", "\xff \xfe", "x\v\fy\r\nz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendFields(nil, s), strings.Fields(s); !slices.Equal(got, want) {
			t.Fatalf("appendFields(%q) = %q, want %q", s, got, want)
		}
	})
}
