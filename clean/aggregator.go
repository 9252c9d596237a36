package clean

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// Aggregator removes what aggregators and syndication add to an article.
var Aggregator = &Rule{
	Name:    "aggregator",
	Default: true,
	Doc: `aggregator and syndication boilerplate

Removes the lines that news aggregators and syndication feeds add to an
article: the Hacker News feed's "Article URL: …", "Comments URL: …",
"Points: 412", "# Comments: 187"; NewsAPI's "Powered by NewsAPI , in <Category> on <date>." and
"news image"; WordPress feeds' "The post <title> appeared first on
<site>."; "This story originally appeared on …", "This article was
provided by …", "Republished with permission" and the other phrases of the
[syndication] lexicon, when they open a short line above or below the
article; and widgets injected
above the article: "% of readers think this story is Fact. Add your two
cents." and "Headline: <title>"; and the story's own address on a line of
its own, a link whose path spells the title (the first line). A sentence that mentions NewsAPI or syndication stays,
and so do links to other pages, the article's sources.`,
	Needs: `a line that is one of the templates above (the Hacker News feed's beside
another of its lines), or a short line whose first words
say where the story first appeared ([syndication] lexicon), or, above the
article, a "Headline:" label and a title; or a lone link whose longest path
segment has four words or more, four in five of them the first line's.`,
	Example: "Powered by NewsAPI , in Liberal Perspective on .\n\nnews image\n",
	Find:    findAggregator,
}

var (
	syndication = lexicon.Get("syndication")
	// postAppeared is WordPress's feed footer: "The post <title> appeared
	// first on <site>."
	postAppeared = regexp.MustCompile(`^The post .{1,300} appeared first on .{1,100}$`)
	readersPoll  = regexp.MustCompile(`^\d*% of readers think this story is \w+\.`)
)

var poweredByNewsAPI = []byte("Powered by NewsAPI")

// newsAPITail reports whether t, after "Powered by NewsAPI", ends its
// template: `\s*(?:,\s*in\b.{0,80}?\bon\b[^.]{0,40})?\s*\.?$`, by hand
// as the regexp cost a fifth of the rule's time.
func newsAPITail(t []byte) bool {
	t = trimLeftRESpace(t)
	if len(t) == 0 || len(t) == 1 && t[0] == '.' {
		return true
	}
	if t[0] != ',' {
		return false
	}
	t = trimLeftRESpace(t[1:])
	if !bytes.HasPrefix(t, []byte("in")) || len(t) > 2 && isREWord(t[2]) {
		return false
	}
	// "on" as a word at most 80 runes after "in" (a line holds no
	// newline, which "." would not match); then at most 40 runes without
	// a full stop, spaces and a full stop.
	for p, runes := 2, 0; p+2 <= len(t) && runes <= 80; runes++ {
		if t[p] == 'o' && t[p+1] == 'n' && !isREWord(t[p-1]) && (p+2 == len(t) || !isREWord(t[p+2])) {
			rest := bytes.TrimSuffix(t[p+2:], []byte("."))
			if bytes.IndexByte(rest, '.') < 0 && utf8.RuneCount(trimRightRESpace(rest)) <= 40 {
				return true
			}
		}
		_, n := utf8.DecodeRune(t[p:])
		p += n
	}
	return false
}

// isREWord is regexp's \w.
func isREWord(c byte) bool { return isASCIILetter(c) || isDigit(c) || c == '_' }

// trimLeftRESpace and trimRightRESpace trim regexp's \s.
func trimLeftRESpace(t []byte) []byte  { return bytes.TrimLeft(t, "\t\n\f\r ") }
func trimRightRESpace(t []byte) []byte { return bytes.TrimRight(t, "\t\n\f\r ") }

// newsAPINear reports whether a NewsAPI line stands within three lines
// of line i.
func newsAPINear(d *Doc, i int) bool {
	for j := max(0, i-6); j < len(d.Lines) && j <= i+6; j++ {
		if t, _ := d.trimmed(d.Lines[j]); j != i && bytes.HasPrefix(t, []byte("Powered by NewsAPI")) && abs(nonBlankBetween(d, i, j)) <= 3 {
			return true
		}
	}
	return false
}

// nonBlankBetween counts the non-blank lines from i to j, j included,
// signed by direction.
func nonBlankBetween(d *Doc, i, j int) int {
	n, step := 0, 1
	if j < i {
		step = -1
	}
	for k := i + step; k != j+step; k += step {
		if !d.Lines[k].Blank {
			n += step
		}
	}
	return n
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func findAggregator(d *Doc) []Candidate {
	z := d.zone()
	var cs []Candidate
	for i, l := range d.Lines {
		if l.Blank || l.End-l.Start > 500 {
			continue
		}
		t, off := d.trimmed(l)
		line := Span{l.Start, l.End}
		switch {
		case len(t) <= 160 && bytes.HasPrefix(t, poweredByNewsAPI) && newsAPITail(t[len(poweredByNewsAPI):]):
			cs = append(cs, Candidate{line, Evidence{Kind: Marker, Why: "NewsAPI template"}})
		case len(t) <= 3*len("news image") && bytes.EqualFold(t, []byte("news image")) && newsAPINear(d, i):
			// The image placeholder comes with NewsAPI's line; alone it
			// may be quoted by an article about aggregators. (A rune
			// that folds to an ASCII letter has three bytes at most,
			// "K" the Kelvin sign: longer lines need no folding.)
			cs = append(cs, Candidate{line, Evidence{Kind: Marker, Why: "NewsAPI image placeholder"}})
		case bytes.HasPrefix(t, []byte("The post ")) && postAppeared.Match(t):
			cs = append(cs, Candidate{line, Evidence{Kind: Marker, Why: `feed's "appeared first on" line`}})
		case (t[0] == '%' || isDigit(t[0])) && readersPoll.Match(t):
			cs = append(cs, Candidate{line, Evidence{Kind: Marker, Why: "readers' poll widget"}})
		case z.top(i) && bytes.HasPrefix(t, []byte("Headline: ")) && len(t) <= 200 && wordsOver(t, 4):
			cs = append(cs, Candidate{line, Evidence{Kind: Label, Why: "headline widget above the article", Tail: tailAfter(t, off, len("Headline"))}})
		case (t[0] == 'A' || t[0] == 'C' || t[0] == 'P' || t[0] == '#') && hnFeedLine(t) && hnFeedNear(d, i):
			cs = append(cs, Candidate{line, Evidence{Kind: Marker, Why: "Hacker News feed's template"}})
		case len(t) <= 500 && isLink(t) && bytes.IndexByte(t, ' ') < 0:
			// Wherever it stands: a scraper copies the page's address
			// below the story, and a site its bio after it.
			if spellsTitle(t, titleWords(d)) {
				cs = append(cs, Candidate{line, Evidence{Kind: Shape, Why: "the story's own address: its path spells the title"}})
			}
		case len(t) <= 300 && z.edge(i):
			// Where a story first appeared is said above or below it.
			if s, e := syndication.IndexBefore(t[:min(len(t), 60)], 40); s >= 0 {
				cs = append(cs, Candidate{line, Evidence{Kind: Label, Why: "syndication line", Tail: tailAfter(t, off, e)}})
			}
		}
	}
	return cs
}

// titleWords returns the words of d's first line, the title of a scraped
// story, lower-cased, without apostrophes ("Wasn’t" is "wasnt", as in an
// address); nil when the first line is a link or has fewer than four
// words.
func titleWords(d *Doc) map[string]bool {
	f := nextNonBlank(d, -1)
	if f < 0 {
		return nil
	}
	t, _ := d.trimmed(d.Lines[f])
	if isLink(t) || len(t) > 300 {
		return nil
	}
	ws := addressWords(t)
	if len(ws) < 4 {
		return nil
	}
	// An address may join two words the title parts with a dash:
	// "Clinton–Obama" is "clintonobama".
	words := make(map[string]bool, 2*len(ws))
	for i, w := range ws {
		words[w] = true
		if i > 0 {
			words[ws[i-1]+w] = true
		}
	}
	return words
}

// spellsTitle reports whether link's longest path segment, the slug,
// spells the title: four of its words or more (of three letters or more,
// not ids with digits) and four in five of them title words. A link to a
// source has a title of its own.
func spellsTitle(link []byte, title map[string]bool) bool {
	if title == nil {
		return false
	}
	if i := bytes.Index(link, []byte("://")); i >= 0 {
		link = link[i+3:]
	}
	var slug []string
	for _, seg := range bytes.FieldsFunc(link, func(r rune) bool { return r == '/' || r == '?' || r == '#' }) {
		if ws := addressWords(seg); len(ws) > len(slug) {
			slug = ws
		}
	}
	n, hits := 0, 0
	for _, w := range slug {
		if len(w) < 3 || strings.ContainsAny(w, "0123456789") || fileExtensions[w] {
			continue
		}
		n++
		if title[w] {
			hits++
		}
	}
	return hits >= 4 && 5*hits >= 4*n
}

var fileExtensions = map[string]bool{"html": true, "htm": true, "shtml": true, "php": true, "asp": true, "aspx": true, "jsp": true}

// addressWords splits t into lower-case words of letters and digits, as
// an address spells them: apostrophes dropped, anything else a break.
func addressWords(t []byte) []string {
	var words []string
	var w []byte
	flush := func() {
		if len(w) > 0 {
			words = append(words, string(w))
			w = w[:0]
		}
	}
	for _, r := range string(t) {
		switch {
		case r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w = utf8.AppendRune(w, unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return words
}

// hnFeedLine reports whether t is a line of the Hacker News feed's
// template: "Article URL: <link>", "Comments URL: <link>", "Points: 412",
// "# Comments: 187".
func hnFeedLine(t []byte) bool {
	for _, f := range [...]struct {
		label string
		link  bool
	}{{"Article URL: ", true}, {"Comments URL: ", true}, {"Points: ", false}, {"# Comments: ", false}} {
		rest, ok := bytes.CutPrefix(t, []byte(f.label))
		if !ok {
			continue
		}
		if f.link {
			return isLink(rest) && bytes.IndexByte(rest, ' ') < 0
		}
		return len(rest) > 0 && len(rest) <= 7 && bytes.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' }) < 0
	}
	return false
}

// hnFeedNear reports whether another line of the template stands within
// two lines of line i: "Points: 3" alone is a match report's.
func hnFeedNear(d *Doc, i int) bool {
	for _, j := range []int{prevNonBlank(d, i), nextNonBlank(d, i)} {
		if j >= 0 {
			if t, _ := d.trimmed(d.Lines[j]); len(t) > 0 && hnFeedLine(t) {
				return true
			}
		}
	}
	return false
}
