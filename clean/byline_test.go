package clean

import (
	"slices"
	"strings"
	"testing"
	"unicode"
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

// The byline rule's fast word tests must answer as the library does.
func FuzzBylineWordTests(f *testing.F) {
	for _, s := range []string{"", "(Updated:", "“O’Neil,”", "\xe2\x80\x9d\x9d", "12:30", "١٢", "x\u0130", "View Author Archive", "\u212a", "E-MAIL THE AUTHOR", "\xff9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimDateWord(s), strings.Trim(s, ",;|.()[]:"); got != want {
			t.Errorf("trimDateWord(%q) = %q, want %q", s, got, want)
		}
		if got, want := hasDigitString(s), strings.IndexFunc(s, unicode.IsDigit) >= 0; got != want {
			t.Errorf("hasDigitString(%q) = %v, want %v", s, got, want)
		}
		if got, want := trimNamePunct(s), strings.Trim(s, ".,;:()'\"’‘“”"); got != want {
			t.Errorf("trimNamePunct(%q) = %q, want %q", s, got, want)
		}
		if got, want := isAuthorWidget(s), authorWidgets[strings.ToLower(s)]; got != want {
			t.Errorf("isAuthorWidget(%q) = %v, want %v", s, got, want)
		}
	})
}
