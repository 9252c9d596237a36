package clean

import (
	"fmt"
	"math/rand/v2"
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

// TestRepeatedBlockAfterManyParagraphs checks that a block printed twice
// is found past the paragraphs that paraIndex holds in its array.
func TestRepeatedBlockAfterManyParagraphs(t *testing.T) {
	for _, n := range []int{3, 31, 32, 33, 80} {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "Paragraph %d of the report sets out, at some length and with figures, what the council spent on roads, bridges and schools, and why.\n\n", i)
		}
		first := b.Len()
		for i := range 3 {
			fmt.Fprintf(&b, "Paragraph %d of the report sets out, at some length and with figures, what the council spent on roads, bridges and schools, and why.\n\n", i)
		}
		res := Clean([]byte(b.String()), []*Rule{Duplicate})
		if len(res.Removals) != 1 || res.Removals[0].Start != first {
			t.Errorf("%d paragraphs: removals %v, want one from %d", n, res.Removals, first)
		}
	}
}

// TestRepeatedBlocksLengthTest checks that the test of lengths that spares
// repeatedBlocks its hashing never skips a copy: on texts built from a few
// paragraphs, some of them of one length, blockCopies finds nothing where
// longLengthRepeats says no two long paragraphs have the same length.
func TestRepeatedBlocksLengthTest(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var pool []string
	for _, n := range []int{119, 120, 121, 150, 150, 150, 300, 120 + 1024, 40} {
		b := make([]byte, n)
		for i := range b {
			b[i] = "ab  ."[r.IntN(5)]
		}
		b[0], b[n-1] = 'x', 'y'
		pool = append(pool, string(b))
	}
	found := 0
	for range 20000 {
		var paras []string
		for range r.IntN(12) {
			paras = append(paras, pool[r.IntN(len(pool))])
		}
		d := Parse([]byte(strings.Join(paras, "\n\n") + "\n"))
		got := blockCopies(d)
		if !longLengthRepeats(d) && len(got) > 0 {
			t.Fatalf("length test skips %v in %q", got, d.Src)
		}
		if len(got) > 0 {
			found++
		}
	}
	if found < 100 {
		t.Fatalf("only %d texts with a repeated block: the test shows little", found)
	}
}
