package clean

import (
	"fmt"
	"strings"
	"testing"

	"github.com/decruft/decruft/clean/corpus"
)

// story is one of many distinct articles of a site.
func story(i int) string {
	var b strings.Builder
	for p := 0; p < 3; p++ {
		fmt.Fprintf(&b, "Paragraph %d of story %d says that the council of town %d voted on item %d, which residents of ward %d had raised at every meeting this year.\n\n", p, i, i*7+p, i*13+p, i*3+p)
	}
	return b.String()
}

const quoted = "The statement, which every paper printed in full, said the company would answer all questions from the inquiry and keep its records open to the public until the end of the year."

// sitePage is a page of the site: its article between the site's chrome,
// and in the middle a paragraph of wire copy that every article quotes.
func sitePage(i int) string {
	return "Skip to content\nDaily Planet\n\n" + story(i) + quoted + "\n\nWhat happened next\n\n" + story(i+1000) +
		"Subscribe to the Daily Planet for unlimited access\n\n© Daily Planet Media\n"
}

func TestBoilerplate(t *testing.T) {
	c := corpus.NewCounter(corpus.Options{})
	for i := range 12 {
		c.Add([]byte(sitePage(i)))
	}
	k := c.Known()
	src := sitePage(3)
	res := CleanWith([]byte(src), []*Rule{Boilerplate}, Options{Corpus: k})
	var gone []string
	for _, r := range res.Removals {
		gone = append(gone, strings.TrimSpace(src[r.Start:r.End]))
		if r.Why != "in 12 of 12 documents" {
			t.Errorf("evidence %q, want in 12 of 12 documents", r.Why)
		}
	}
	want := []string{"Skip to content", "Daily Planet", "Subscribe to the Daily Planet for unlimited access", "© Daily Planet Media"}
	if strings.Join(gone, "|") != strings.Join(want, "|") {
		t.Errorf("removed %q, want %q", gone, want)
	}
	// The quoted paragraph recurs in every page, beside the same subhead,
	// but reads as a sentence of the article: the guard keeps it.
	if !strings.Contains(string(res.Output), quoted) {
		t.Error("the recurring paragraph of the article was removed")
	}
	vetoed := false
	for _, v := range res.Vetoed {
		vetoed = vetoed || strings.Contains(src[v.Start:v.End], quoted)
	}
	if !vetoed {
		t.Error("no veto for the recurring paragraph")
	}
	// Without a corpus, the rule finds nothing.
	if res := CleanWith([]byte(src), []*Rule{Boilerplate}, Options{}); len(res.Removals) != 0 {
		t.Errorf("without a corpus: %d removals", len(res.Removals))
	}
}
