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

// TestBoilerplateKeepsSpokenLines: lines that many of a site's articles
// share at their edges but that are the articles' own, from a second
// stranger's test: sentences (an interview's "Thank you." with no footer
// below, a wire story's closing background paragraph), lines that
// introduce what follows (a dateline, a letter's salutation), and a block's
// last line that heads a list or a figure.
func TestBoilerplateKeepsSpokenLines(t *testing.T) {
	const background = "The war, which began with the full-scale invasion in February 2022, has killed tens of thousands of people and driven millions from their homes, according to United Nations figures."
	pages := map[string]func(i int) string{
		"wire": func(i int) string {
			return "KYIV, Ukraine (AP) —\n\n" + story(i) + background + "\n"
		},
		"interview": func(i int) string {
			return story(i+100) + "Q: Any regrets?\n\nA: None at all.\n\nThank you.\n"
		},
		"advice": func(i int) string {
			return "The Morning Ledger\nAdvice\nDear Annie:\n\n" + story(i+200)
		},
		"recipe": func(i int) string {
			return "Kitchen Table\nIngredients\n" + fmt.Sprintf("- %dg flour\n- %d eggs\n\n", 100+50*i, 1+i) + story(i+300)
		},
		"markets": func(i int) string {
			return "Ledger Money\nFTSE 100\n" + fmt.Sprintf("%d.0", 7000+i) + "\n\n" + story(i+400)
		},
		// A letters page: a seventh stranger found "Dear editor," taken.
		"letters": func(i int) string {
			return "Dear editor,\n\n" + story(i+500) + "Yours,\n"
		},
	}
	docs, k := learnPages(pages, 6)
	keep := []string{"KYIV, Ukraine (AP) —", background, "Thank you.", "A: None at all.", "Dear Annie:", "Ingredients", "FTSE 100", "Dear editor,", "Yours,"}
	for _, d := range docs {
		out := string(CleanWith([]byte(d), []*Rule{Boilerplate}, Options{Corpus: k}).Output)
		for _, line := range keep {
			if strings.Contains(d, line) && !strings.Contains(out, line) {
				t.Errorf("%q removed from:\n%s", line, d)
			}
		}
		for _, gone := range []string{"The Morning Ledger\n", "Ledger Money\n", "Kitchen Table\n"} {
			if strings.Contains(out, gone) {
				t.Errorf("the site's %q is left in:\n%s", strings.TrimSpace(gone), out)
			}
		}
	}
}

// TestBoilerplateKeepsListingsAndStatements: from a third stranger's test,
// a TV page that ends with its last channel's listing, a daily schedule
// that ends "12.00am BBC News" / "Close", and an obituary column's closing
// statement without its full stop, in pages with no chrome at all.
func TestBoilerplateKeepsListingsAndStatements(t *testing.T) {
	pages := map[string]func(i int) string{
		"tv": func(i int) string {
			return story(i+700) + fmt.Sprintf("BBC One\n%d.00pm News\n\nChannel 4\n9.00pm Gogglebox\n", 6+i%3)
		},
		"schedule": func(i int) string {
			return story(i+800) + fmt.Sprintf("%d.30pm Film\n12.00am BBC News\nClose\n", 9+i%2)
		},
		"obituary": func(i int) string {
			return story(i+900) + "Funeral arrangements are yet to be announced\n"
		},
	}
	docs, k := learnPages(pages, 6)
	for _, d := range docs {
		if res := CleanWith([]byte(d), []*Rule{Boilerplate}, Options{Corpus: k}); len(res.Removals) > 0 {
			t.Errorf("removed %q from:\n%s", d[res.Removals[0].Start:res.Removals[0].End], d)
		}
	}
}

// learnPages makes n pages of each kind and learns them as one corpus.
func learnPages(pages map[string]func(i int) string, n int) ([]string, *corpus.Known) {
	c := corpus.NewCounter(corpus.Options{})
	var docs []string
	for _, page := range pages {
		for i := range n {
			docs = append(docs, page(i))
		}
	}
	for _, d := range docs {
		c.Add([]byte(d))
	}
	return docs, c.Known()
}
