package clean

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// Navigation removes a site's menu left above the article.
var Navigation = &Rule{
	Name:    "navigation",
	Default: true,
	Doc: `site menus and breadcrumbs above the article

Removes, above the article (before its first long paragraph), a run of
menu entries: short lines such as "Home", "News", "Sports", "Real Estate",
"Sign In", "Subscribe", "Order Reprints", "Accueil", "Startseite", one a
line, with blank lines or other short entries between them ("Local
Professional Services"); and breadcrumb lines ("Home > News > Politics",
"Home / World") and menu bars ("News | UK | World | Business | Climate").
A run needs at least three known menu words ([menu]
lexicon), which must make up at least half of its lines, and it starts and
ends with one: a short headline or a section name just before or after the
menu stays. A menu word alone stays too, and so does every line below the
first long paragraph, where "News" or "Business" may be a subhead. A list
that the text introduces ("The paper will have four sections:") stays.`,
	Needs: `above the article, a run of short lines with three [menu] words or more making
up half of it; a line of [menu] words joined by ">", "/", "|" or "»"; or
four short capitalised names joined by "|" or "·", two of them [menu] words.`,
	Example: "Home\nNews\nSports\nBusiness\n\n" + bylineBody + "\n",
	Find:    findNavigation,
}

var menuWords = lexicon.Get("menu")

const (
	maxMenuEntry = 32 // bytes
	minMenuWords = 3
)

func findNavigation(d *Doc) []Candidate {
	z := d.zone()
	var cs []Candidate
	// A run is the lines from the first to the last menu word of a block
	// of menu-like lines.
	first, last, words := -1, -1, 0
	flush := func() {
		if words >= minMenuWords && 2*words >= nonBlank(d, first, last) {
			cs = append(cs, Candidate{Span{d.Lines[first].Start, d.Lines[last].End}, Evidence{Kind: Shape, Why: "run of menu entries above the article"}})
		}
		first, last, words = -1, -1, 0
	}
	seen := 0 // non-blank lines up to line i
	for i := 0; i < len(d.Lines) && z.top(i); i++ {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		seen++
		t, _ := d.trimmed(l)
		switch {
		case isMenuWord(t):
			if first < 0 {
				first = i
			}
			last = i
			words++
		case first >= 0 && isMenuLike(t):
		default:
			if first >= 0 {
				flush()
			}
			switch {
			case seen <= 2 && breadcrumb(t):
				// A breadcrumb opens the page; further down, "Home >
				// Settings > Privacy" is the article's instruction.
				cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Shape, Why: "breadcrumb above the article"}})
			case menuBar(t):
				cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Shape, Why: "menu bar above the article"}})
			}
		}
	}
	if first >= 0 {
		flush()
	}
	return cs
}

// nonBlank counts the non-blank lines from first to last, inclusive.
func nonBlank(d *Doc, first, last int) int {
	n := 0
	for j := first; j <= last; j++ {
		if !d.Lines[j].Blank {
			n++
		}
	}
	return n
}

// isMenuLike reports whether t could be a menu entry: a few words, no
// sentence punctuation and no digits.
func isMenuLike(t []byte) bool {
	if len(t) == 0 || len(t) > maxMenuEntry || bytes.IndexFunc(t, unicode.IsDigit) >= 0 || bytes.Count(t, []byte(" ")) > 3 {
		return false
	}
	switch t[len(t)-1] {
	case '.', '!', '?', ':', ',', ';', '"', '\'':
		return false
	}
	return true
}

func isMenuWord(t []byte) bool { return isMenuLike(t) && menuWords.HasBytes(t) }

// breadcrumb reports whether t is two menu entries or more joined by
// ">", "›", "»", "/" or "|", the first a menu word: "Home > News".
func breadcrumb(t []byte) bool {
	if len(t) > 120 {
		return false
	}
	parts := bytes.FieldsFunc(t, func(r rune) bool { return r == '>' || r == '›' || r == '»' || r == '/' || r == '|' })
	if len(parts) < 2 || !menuWords.HasBytes(bytes.TrimSpace(parts[0])) || !menuWords.HasBytes(bytes.TrimSpace(parts[1])) {
		// "Home > Settings > Privacy" is a path in an app's menus.
		return false
	}
	for _, p := range parts {
		if p = bytes.TrimSpace(p); len(p) == 0 || len(p) > 60 || readsAsSentence(p) {
			return false
		}
	}
	return true
}

// menuBar reports whether t is a site's menu on one line: four sections
// or more set apart by bars or middle dots, each a short name, two of
// them [menu] words ("News | UK | World | Business | Climate"). Five
// places, bands or a table's columns are a list the article is about.
func menuBar(t []byte) bool {
	if len(t) > 160 || !hasBarOrDot(t) {
		return false
	}
	parts := bytes.FieldsFunc(t, func(r rune) bool { return r == '|' || r == '·' || r == '•' })
	if len(parts) < 4 || !sectionNames(parts) {
		return false
	}
	known := 0
	for _, p := range parts {
		if menuWords.HasBytes(bytes.TrimSpace(p)) {
			known++
		}
	}
	return known >= 2
}

// hasBarOrDot reports whether t holds "|", "·" or "•", with byte searches
// rather than bytes.ContainsAny, which decodes every rune of t.
func hasBarOrDot(t []byte) bool {
	return bytes.IndexByte(t, '|') >= 0 || bytes.Contains(t, []byte("·")) || bytes.Contains(t, []byte("•"))
}

// sectionNames reports whether every part is a section's name: one to
// three capitalised words with a letter each, without sentence
// punctuation.
func sectionNames(parts [][]byte) bool {
	for _, p := range parts {
		p = bytes.TrimSpace(p)
		if len(p) == 0 || len(p) > 25 || bytes.Count(p, []byte(" ")) > 2 || bytes.ContainsAny(p, ".,:;!?\"") {
			return false
		}
		if r, _ := utf8.DecodeRune(p); !unicode.IsUpper(r) {
			return false
		}
		for _, w := range bytes.Fields(p) {
			if !bytes.ContainsFunc(w, unicode.IsLetter) {
				return false
			}
		}
	}
	return true
}
