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
	// but in the middle of the article, not in a block at its edge.
	if !strings.Contains(string(res.Output), quoted) || !strings.Contains(string(res.Output), "What happened next") {
		t.Error("the recurring paragraph of the article, or its subhead, was removed")
	}
	// Without a corpus, the rule finds nothing.
	if res := CleanWith([]byte(src), []*Rule{Boilerplate}, Options{}); len(res.Removals) != 0 {
		t.Errorf("without a corpus: %d removals", len(res.Removals))
	}
}

// TestBoilerplateKeepsRecurringContent: lines that recur across a site's
// articles but are the articles' own stay, as a stranger's test found them
// removed: a recipe column's ingredients and its "Serves 4" beside the
// column's footer, an interview's closing "Thank you." above the share
// prompt, a Q&A column's question under its masthead.
func TestBoilerplateKeepsRecurringContent(t *testing.T) {
	recipe := func(i int) string {
		serves := []string{"Serves 4", "Serves 6"}[i%2]
		if i%3 == 0 {
			serves = "Serves 2"
		}
		return "Courier Food\n\n" + story(i) + "Ingredients\n- 200g beef skirt\n- 1 onion, chopped\n- Salt and pepper to taste\n\nMethod\n\n" + story(i+500) +
			serves + "\n\nFollow Courier Food on Instagram\n© Courier Media\n"
	}
	interview := func(i int) string {
		end := "Thank you.\n\nThank you.\n\n"
		if i%3 != 0 {
			end = ""
		}
		return "Courier Money\nAsk the Expert\nQ: Can my landlord keep my deposit?\n\n" + story(i+900) + end + "Share this article\n© Courier Media\n"
	}
	c := corpus.NewCounter(corpus.Options{})
	var pages []string
	for i := range 9 {
		pages = append(pages, recipe(i), interview(i))
	}
	for _, p := range pages {
		c.Add([]byte(p))
	}
	k := c.Known()
	for i, p := range pages {
		res := CleanWith([]byte(p), []*Rule{Boilerplate}, Options{Corpus: k})
		out := string(res.Output)
		for _, keep := range []string{"- 1 onion, chopped", "- Salt and pepper to taste", "Method", "Serves", "Thank you.", "Q: Can my landlord keep my deposit?"} {
			if strings.Contains(p, keep) && !strings.Contains(out, keep) {
				t.Errorf("page %d: %q removed", i, keep)
			}
		}
		// The site's footer goes; a section's line above it ("Share this
		// article", on half the site's pages) stays with the content: in
		// too few of the footer's documents to be part of it.
		for _, gone := range []string{"© Courier Media"} {
			if strings.Contains(out, gone) {
				t.Errorf("page %d: the site's %q is left", i, gone)
			}
		}
	}
}
