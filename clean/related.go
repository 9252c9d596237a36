package clean

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// Related removes links to other stories and the lists of them.
var Related = &Rule{
	Name:    "related",
	Default: true,
	Doc: `links and lists of other stories

Removes lines that link to another story with a label and a headline:
"Related: <headline>", "ALSO READ: …", "[Related: …]", "SEE MORE: …",
"More: …", "Sur le même sujet : …", "Mehr zum Thema: …". (The readmore rule
owns "Read more: <headline>".) Above or below the article (before its first
or after its last long paragraph) it also removes list headings such as
"Related Stories", "Most Read", "Trending", "Recent Articles", "You may also
like", "Related coverage from …:", "Les plus lus", "Meistgelesen", with the
headlines listed under them; below the article, WordPress's "Previous
Post" and "Next Post" alone on their lines with the titles they link to
("Previous post: Deputy head, Castle Hill School" is a career's); and, a headline link
ending in "»". A headline is a short line that is not a sentence. A list
without such a heading stays: tour dates, ingredients and the titles of
works are lists too. In the middle of the
article a heading of two words or more goes with its list of two
headlines or more; a one-word heading such as "More" or "Trending" may be
a subhead there and stays. A line whose text after the label is a
sentence ("Related: the senators traded blame all week.") stays.`,
	Needs: `a [related] label followed by a separator and a headline; or a heading that is
only such a label, at the article's edge (or of two words in its middle),
with the headlines below it; or, below the article, a headline ending in
"»".`,
	Example: bylineBody + "\n\nRelated: Senate leaders trade blame over budget\n",
	Find:    findRelated,
}

var (
	relatedLabels = lexicon.Get("related")
	postNav       = lexicon.Get("postnav")
)

const maxHeadline = 160

func findRelated(d *Doc) []Candidate {
	z := d.zone()
	var cs []Candidate
	for i := 0; i < len(d.Lines); i++ {
		l := d.Lines[i]
		if l.Blank || l.Width() > maxHeadline+20 {
			continue
		}
		t, off := d.trimmed(l)
		if k := labelAt(postNav, bytes.TrimLeft(t, "«‹←< ")); k > 0 && isArrows(bytes.TrimLeft(t, "«‹←< ")[k:]) && z.bottom(i) {
			// "Previous Post" over the title it links, alone on its line:
			// "Previous post: Deputy head, …" is a career's.
			end, _ := headlineList(d, i, z)
			cs = append(cs, Candidate{Span{l.Start, d.Lines[end].End}, Evidence{Kind: Shape, Why: "links to the posts before and after"}})
			i = end
			continue
		}
		n := labelIf(d, i, relatedLabels, t)
		if n > 0 {
			rest := bytes.TrimSpace(t[n:])
			switch {
			case len(rest) > 1 && (rest[0] == ':' || rest[0] == '|') || bytes.HasPrefix(rest, []byte("—")) || bytes.HasPrefix(rest, []byte(" - ")):
				head := bytes.TrimSpace(bytes.Trim(rest, ":|—-]"))
				if r, _ := utf8.DecodeRune(head); len(head) > 0 && !unicode.IsLower(r) && !namesWork(head) {
					// A headline follows; "Related: framing effect, decoy
					// pricing" is a glossary's cross-reference.
					cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Label, Why: "link to another story",
						Tail: tailAfter(t, off, n)}})
					continue
				}
			}
			if isArrows(rest) || headingOfName(t[:n], rest) {
				// A heading: with its list, at the edges, or of two words
				// or more with a list of two headlines or more.
				multi := bytes.IndexByte(t[:n], ' ') > 0
				end, listed := headlineList(d, i, z)
				colon := bytes.HasPrefix(bytes.TrimSpace(rest), []byte(":"))
				if weakHeading(t[:n]) && !otherStories(d, i, end, colon) {
					// "Recommended", "Editor's picks", "Further reading":
					// over the article's own list of books or wines they
					// stay; over other stories' headlines they go.
					continue
				}
				if z.edge(i) || multi && listed >= 2 {
					cs = append(cs, Candidate{Span{l.Start, d.Lines[end].End}, Evidence{Kind: Shape, Why: "list of other stories"}})
					i = end
				}
				continue
			}
		}
		if (d.mayStart(i, relatedLabels) || d.mayStart(i, relatedStarts)) && relatedHeading(t) {
			end, listed := headlineList(d, i, z)
			if z.edge(i) || listed >= 2 {
				cs = append(cs, Candidate{Span{l.Start, d.Lines[end].End}, Evidence{Kind: Shape, Why: "list of other stories"}})
				i = end
				continue
			}
		}
		if z.bottom(i) && linkArrowed(t) && isHeadline(bytes.TrimRight(t, " »›→")) {
			cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Shape, Why: `headline link ending in "»"`}})
		}
	}
	return cs
}

// headlineList returns the last line of the run of headlines after line
// i, and how many there are; blank lines may separate them. Above the
// article the run ends with its paragraph, where paragraphs are separated
// by blank lines: the article's title may follow it.
func headlineList(d *Doc, i int, z zone) (end, n int) {
	end = i
	top := z.first >= 0 && i < z.first
	for j := i + 1; j < len(d.Lines); j++ {
		l := d.Lines[j]
		if l.Blank {
			if top && n > 0 {
				break
			}
			continue
		}
		if top && j >= z.first {
			break
		}
		if t, _ := d.trimmed(l); !isHeadline(t) {
			break
		}
		end = j
		n++
	}
	return end, n
}

// isHeadline reports whether trimmed line t reads as a headline or a link
// to one: two words or more, at most 160 bytes, not a sentence.
func isHeadline(t []byte) bool {
	if len(t) == 0 || len(t) > maxHeadline {
		return false
	}
	if isLink(t) {
		return true
	}
	ws := countWords(t)
	if ws.words < 2 || ws.words > 25 {
		return false
	}
	last, _ := utf8.DecodeLastRune(t)
	shortQuestion := last == '?' && ws.words <= 15
	if readsAsSentence(t) && !shortQuestion {
		return false
	}
	if last == ':' || last == ',' || last == ';' || last == '.' && !bytes.HasSuffix(t, []byte("...")) {
		return false
	}
	first, _ := utf8.DecodeRune(t)
	return unicode.IsUpper(first) || unicode.IsDigit(first) || first == '‘' || first == '\'' || first == '"' || first == '“'
}

var (
	relatedStarts = lexicon.Get("relatedstarts")
	relatedEnds   = lexicon.Get("relatedends")
)

// relatedHeading reports whether t is a heading over other stories that
// the lexicon does not list whole: a [related] word first, a word such as
// "Stories" or "News" last, six words at most: "More Great WIRED Stories".
func relatedHeading(t []byte) bool {
	t = bytes.TrimRight(t, ":.…")
	// The words as bytes.Fields splits them, counted in place.
	n := 0
	var first, last []byte
	for i := 0; i < len(t); {
		for i < len(t) && isSpaceAt(t, i) {
			i += runeLen(t, i)
		}
		j := i
		for j < len(t) && !isSpaceAt(t, j) {
			j += runeLen(t, j)
		}
		if j > i {
			if n++; n == 1 {
				first = t[i:j]
			}
			last = t[i:j]
		}
		i = j
	}
	if n < 2 || n > 6 || endsSentence(t) {
		return false
	}
	return (relatedLabels.HasBytes(first) || relatedStarts.HasBytes(first)) && relatedEnds.HasBytes(last)
}

// isSpaceAt reports whether the rune at t[i] is a space (unicode.IsSpace).
func isSpaceAt(t []byte, i int) bool {
	if c := t[i]; c < utf8.RuneSelf {
		return asciiSpace[c]
	}
	r, _ := utf8.DecodeRune(t[i:])
	return unicode.IsSpace(r)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// runeLen is the length of the rune at t[i], 1 for an invalid one.
func runeLen(t []byte, i int) int {
	if t[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRune(t[i:])
	return n
}

var weakHeadings = lexicon.Get("relatedweak")

// weakHeading reports whether a heading's label is one that an article's
// own list may have too.
func weakHeading(label []byte) bool { return weakHeadings.HasBytes(label) }

// otherStories reports whether the lines after heading i up to end read as
// other stories' headlines: most of them five words or more (three after
// a heading that ends in a colon, "More:"), without a digit-led or
// bracketed detail, a price or a descriptor after a comma ("The Loop, on
// cycling in cities").
func otherStories(d *Doc, i, end int, colon bool) bool {
	minWords := 5
	if colon {
		minWords = 3
	}
	n, ok := 0, 0
	for j := i + 1; j <= end; j++ {
		if d.Lines[j].Blank {
			continue
		}
		t, _ := d.trimmed(d.Lines[j])
		n++
		if isLink(t) {
			ok++
			continue
		}
		if wordsOver(t, minWords-1) && !commaDescriptor(t) && !bytes.ContainsAny(t, "£$€(") && !listDetail(t) {
			ok++
		}
	}
	return n >= 2 && 3*ok >= 2*n
}

// listDetail reports whether t reads as an item of the article's own list
// rather than a headline: it opens with a digit or a weekday ("Sat 14 Oct:
// Harriers v Bedford Town"), or ends by naming an author ("The Black Death
// by Philip Ziegler", "Veiller sur elle, Jean-Baptiste Andrea").
func listDetail(t []byte) bool {
	first, _, _ := bytes.Cut(t, []byte(" "))
	if r, _ := utf8.DecodeRune(t); unicode.IsDigit(r) || weekdays.HasBytes(bytes.Trim(first, ",.:")) {
		return true
	}
	if i := bytes.LastIndex(t, []byte(" by ")); i > 0 {
		return personNames(strings.Fields(string(t[i+4:])), 4)
	}
	// A title and its author after a comma: "Veiller sur elle, Jean-Baptiste
	// Andrea", "„Wiedźmin”, Andrzej Sapkowski".
	if i := bytes.LastIndex(t, []byte(", ")); i > 0 {
		return personNames(strings.Fields(string(t[i+2:])), 4)
	}
	return false
}

// commaDescriptor reports whether t holds a comma followed by a lower-case
// word: a list item's description rather than a headline.
func commaDescriptor(t []byte) bool {
	return afterComma(t, func(w []byte) bool {
		r, _ := utf8.DecodeRune(w)
		return unicode.IsLower(r)
	})
}

func isPreposition(w []byte) bool {
	switch string(bytes.ToLower(w)) {
	case "from", "on", "in", "about":
		return true
	}
	return false
}

// headingOfName reports whether a label that ends in a preposition is
// followed by a short name, as in "More from Local News" or "Related
// coverage from How to Do Everything: Money:".
func headingOfName(label, rest []byte) bool {
	i := bytes.LastIndexByte(label, ' ')
	prep := label[i+1:]
	if r := bytes.TrimLeft(rest, " "); !isPreposition(prep) {
		// "Related coverage" + " from How to Do Everything: Money:"
		w, after, _ := bytes.Cut(r, []byte(" "))
		if !isPreposition(w) {
			return false
		}
		rest = after
	}
	rest = bytes.TrimRight(rest, ":.…")
	ws := countWords(rest)
	return ws.words >= 1 && ws.words <= 6 && ws.upper*2 >= ws.words
}
