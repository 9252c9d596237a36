package clean

import (
	"bytes"
	"strings"
)

// Navigation removes a site's menu left above the article.
var Navigation = &Rule{
	Name:    "navigation",
	Default: true,
	Doc: `site menus above the article

Removes, above the article (before its first long paragraph), a run of
menu entries: short lines such as "Home", "News", "Sports", "Real Estate",
"Sign In", "Subscribe", "Order Reprints" or "Text size", one a line, with
blank lines or other short entries between them ("Local Professional
Services"). A run needs at least three known menu words, which must make
up at least half of its lines, and it starts and ends with one: a short
headline or a section name just before or after the menu stays. A menu
word alone stays too, and so does every line below the first long
paragraph, where "News" or "Business" may be a subhead.`,
	Example: "Home\nNews\nSports\nBusiness\n\n" + bylineBody + "\n",
	Find: func(d *Doc) []Candidate {
		return spansAs(findNavigation(d), Evidence{Kind: Shape, Why: "run of menu words above the article"})
	},
}

const (
	maxMenuEntry = 32 // bytes
	minMenuWords = 3
)

func findNavigation(d *Doc) []Span {
	z := d.zone()
	var spans []Span
	// A run is the lines from the first to the last menu word of a block
	// of menu-like lines.
	first, last, words := -1, -1, 0
	flush := func() {
		if words >= minMenuWords && 2*words >= nonBlank(d, first, last) {
			spans = append(spans, Span{d.Lines[first].Start, d.Lines[last].End})
		}
		first, last, words = -1, -1, 0
	}
	for i := 0; i < len(d.Lines) && z.top(i); i++ {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
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
		}
	}
	if first >= 0 {
		flush()
	}
	return spans
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
	if len(t) == 0 || len(t) > maxMenuEntry || hasDigit(t) || bytes.Count(t, []byte(" ")) > 3 {
		return false
	}
	switch t[len(t)-1] {
	case '.', '!', '?', ':', ',', ';', '"', '\'':
		return false
	}
	return true
}

func isMenuWord(t []byte) bool {
	if !isMenuLike(t) {
		return false
	}
	return menuWords[strings.ToLower(string(t))]
}

// menuWords are the entries of news sites' menus and page tools.
var menuWords = setOf("home", "homepage", "news", "latest", "latest news", "breaking news", "local", "local news",
	"us", "u.s.", "world", "nation", "national", "politics", "business", "economy", "markets", "money",
	"finance", "tech", "technology", "science", "health", "sports", "sport", "entertainment", "a&e",
	"arts", "culture", "music", "movies", "tv", "books", "food", "eat + drink", "living", "lifestyle", "life",
	"style", "fashion", "travel", "opinion", "opinions", "editorials", "letters", "obits", "obituaries",
	"cars", "autos", "jobs", "careers", "classifieds", "real estate", "homes", "weather", "traffic", "crime",
	"education", "religion", "environment", "blogs", "photos", "video", "videos", "podcasts", "newsletters",
	"events", "games", "puzzles", "comics", "horoscopes", "shop", "deals", "subscribe", "subscriber services",
	"sign in", "sign up", "log in", "login", "register", "my account", "search", "menu", "e-paper", "epaper",
	"e-edition", "contact", "contact us", "about", "about us", "advertise", "order reprints", "reprints",
	"print article", "text size", "skip to content", "skip to main content")
