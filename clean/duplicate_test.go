package clean

import (
	"fmt"
	"strings"
	"testing"
)

// TestPullQuotesManyOrFew checks that pull quotes are judged alike in a
// text with few of them and in one with many, which pullQuotes indexes
// before it searches: a quote whose first words stand elsewhere only in
// another form (a curly apostrophe for a straight one) stays either way.
func TestPullQuotesManyOrFew(t *testing.T) {
	for _, n := range []int{2, 12} {
		var b strings.Builder
		b.WriteString("The committee met on Tuesday evening to hear the plans, which had been drafted over the summer by officials who were given only a few weeks and little money to do the work.\n\n")
		for i := range n {
			apostrophe := "'"
			if i%2 == 1 {
				apostrophe = "’" // the quote's form; the body has the straight one
			}
			fmt.Fprintf(&b, "Plan %d of the council's finance committee was debated for hours by members of every party in the chamber\n\n", i)
			fmt.Fprintf(&b, "Plan %d of the council%ss finance committee was debated for hours by members of every party\n\n", i, apostrophe)
			fmt.Fprintf(&b, "Plan %d of the council's finance committee was debated for hours by members of every party. Nobody expected the vote to pass, and few of the members who spoke believed it would survive the second reading in the spring.\n\n", i)
		}
		res := Clean([]byte(b.String()), []*Rule{Duplicate})
		if len(res.Removals) != n/2 {
			t.Errorf("%d quotes: %d removals, want %d", n, len(res.Removals), n/2)
		}
		for _, r := range res.Removals {
			if got := string(res.Doc.Src[r.Start:r.End]); strings.Contains(got, "’") || !strings.Contains(got, "of the council's finance") {
				t.Errorf("%d quotes: removed %q", n, got)
			}
		}
	}
}
