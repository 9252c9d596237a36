package clean

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// Shape tests: what a piece of text looks like, whatever its words. The
// guard and the rules share them.

var (
	functionWords = lexicon.Get("function")
	continuers    = lexicon.Get("continue")
	auxiliaries   = lexicon.Get("aux")
)

// wordStats counts t's words (runs of letters and digits with their inner
// punctuation), and how many start with a lower-case or an upper-case
// letter. A word of a script without case counts as lower case: in such
// scripts prose is what any word is.
type wordStats struct {
	words, lower, upper, function int
}

func countWords(t []byte) wordStats {
	var ws wordStats
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRune(t[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < len(t) {
			r2, n2 := utf8.DecodeRune(t[j:])
			if unicode.IsSpace(r2) || r2 == '/' || r2 == '|' {
				break
			}
			j += n2
		}
		ws.words++
		switch {
		case unicode.IsUpper(r):
			ws.upper++
		case unicode.IsLower(r) || unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsTitle(r):
			ws.lower++
		}
		if w := trimWordEnd(t[i:j]); len(w) <= 8 && functionWords.HasBytes(w) {
			ws.function++
		}
		i = j
	}
	return ws
}

// wordsOver reports whether t holds more than n words as countWords
// counts them; it stops at word n+1 and reads no lexicon.
func wordsOver(t []byte, n int) bool {
	words := 0
	for i := 0; i < len(t); {
		if c := t[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) && !isDigit(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRune(t[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		if words++; words > n {
			return true
		}
		for i < len(t) {
			c := t[i]
			if c < utf8.RuneSelf {
				if c == ' ' || c == '/' || c == '|' || '\t' <= c && c <= '\r' {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRune(t[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += size
		}
	}
	return false
}

// trimWordEnd cuts the punctuation that may end a word: commas, full
// stops, quotes, brackets.
func trimWordEnd(w []byte) []byte {
	for len(w) > 0 {
		switch w[len(w)-1] {
		case ',', '.', ';', ':', '!', '?', '"', '\'', ')':
			w = w[:len(w)-1]
			continue
		}
		if r, n := utf8.DecodeLastRune(w); r == '”' || r == '’' {
			w = w[:len(w)-n]
			continue
		}
		return w
	}
	return w
}

// endsSentence reports whether t ends as a sentence does: in ".", "!", "?",
// "…" or "。", possibly followed by closing quotes or brackets.
func endsSentence(t []byte) bool {
	for len(t) > 0 {
		r, n := utf8.DecodeLastRune(t)
		switch r {
		case '"', '\'', '”', '’', '»', ')', ']', ' ':
			t = t[:len(t)-n]
			continue
		case '.', '!', '?', '…', '。', '！', '？':
			return true
		}
		return false
	}
	return false
}

// readsAsSentence reports whether t reads as a sentence of prose: five
// words or more, ending as a sentence ends, with function words or mostly
// lower-case words (a headline capitalises its words and has no full
// stop; a name list has neither).
func readsAsSentence(t []byte) bool {
	if !endsSentence(t) {
		return false
	}
	ws := countWords(t)
	if ws.words < 5 {
		return caselessProse(t)
	}
	return ws.function >= 2 || 2*ws.lower >= ws.words
}

// caselessProse reports whether t is a run of a script without spaces
// (Chinese, Japanese) long enough to be a sentence.
func caselessProse(t []byte) bool {
	n := 0
	for _, r := range string(t) {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) {
			n++
		}
	}
	return n >= 15
}

// tailRunsOn reports whether the text after a label turns the line into a
// sentence: "Follow us on Twitter" + " was his slogan." does, and so does
// "Comments are closed" + ", the sign on the door read."; " for the latest
// news.", ": Senate votes on budget" and " »" do not. A tail may start with
// a separator and then hold a headline, a name or a link, or continue the
// prompt with a word such as "to", "for", "and", "here" — as long as no
// auxiliary ("was", "is") makes the label the subject of a sentence.
func tailRunsOn(tail []byte) bool {
	t := bytes.TrimSpace(tail)
	sep, comma := false, false
	for len(t) > 0 {
		r, n := utf8.DecodeRune(t)
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' || r == '#' || r == '"' || r == '“' || r == '«' || r == '\'' || r == '‘' {
			break
		}
		switch r {
		case ',', ';':
			comma = true
		case ':', '|', '-', '–', '—', '»', '›', '>', '→', '(', '[', '•', '·', '/', '：':
			sep = true
		}
		t = bytes.TrimLeft(t[n:], " \t")
	}
	if len(t) == 0 || isLink(t) || t[0] == '@' || t[0] == '#' {
		return false
	}
	if linkArrowed(t) || endsInAddress(t) && !wordsOver(t, 10) {
		// "… How do you handle? »", "great articles here: http://…": a
		// link to follow, whatever its words.
		return false
	}
	if bytes.HasSuffix(bytes.TrimRight(t, "\"'”’) "), []byte("?")) {
		return true // a question: "Follow us on Instagram or Facebook?"
	}
	r, _ := utf8.DecodeRune(t)
	if unicode.IsLower(r) {
		if comma {
			return true // ", the sign on the door read."
		}
		if sep {
			// ": the day we met." is prose; ": democracy, impeachment"
			// is a list of tags.
			ws := countWords(t)
			return ws.function >= 2 || hasAuxiliary(t)
		}
		end := bytes.IndexAny(t, " \t,.;:!?")
		if end < 0 {
			end = len(t)
		}
		// A prompt goes on for a few words: "for the latest news", and
		// its site may add notices after it ("Prices may change.").
		first := t[:sentenceEnd(t, 0)]
		// A sentence of prose after it, not a short notice, makes the
		// line the article's: "at home, teachers tell parents. But many
		// parents say they do not know how."
		rest := bytes.TrimSpace(t[len(first):])
		return !continuers.HasBytes(t[:end]) || hasAuxiliary(first) || wordsOver(first, 14) || commaClause(first) ||
			readsAsSentence(rest) && wordsOver(rest, 5)
	}
	if sep {
		// A headline or a name after "Related:" or "Photo:"; a long
		// sentence there is prose.
		return readsAsSentence(t) && wordsOver(t, 11)
	}
	// "Share this article Facebook Twitter"; but "Follow us on Twitter
	// Bob said." runs on.
	return readsAsSentence(t) || hasAuxiliary(t)
}

// linkArrowed reports whether t ends in a link arrow: "… the romance »",
// not a closing guillemet.
func linkArrowed(t []byte) bool {
	t = bytes.TrimRight(t, " ")
	switch {
	case bytes.HasSuffix(t, []byte("»")):
		// « … » are quotation marks in French, Italian, Russian and Swiss
		// German: "Prix du Public: «Die Brücke»" quotes a title.
		return !bytes.Contains(t, []byte("«"))
	case bytes.HasSuffix(t, []byte("›")):
		return !bytes.Contains(t, []byte("‹"))
	}
	return bytes.HasSuffix(t, []byte("→"))
}

// endsInAddress reports whether t's last word is a web address or a
// site's domain: "http://…", "www.site.net", "HarveyOrganBlog.com".
func endsInAddress(t []byte) bool {
	t = bytes.TrimRight(t, " .)]")
	w := t
	if i := bytes.LastIndexAny(t, " \t"); i >= 0 {
		w = t[i+1:]
	}
	if isLink(w) {
		return true
	}
	if i := bytes.LastIndexByte(w, ':'); i >= 0 {
		w = w[i+1:] // "at:www.site.net"
	}
	return siteAddress(w)
}

// siteAddress reports whether w is a domain name: letters, digits, dots
// and hyphens, with a dot before a top-level part of two to six letters.
func siteAddress(w []byte) bool {
	if i := bytes.IndexByte(w, '/'); i > 0 {
		w = w[:i]
	}
	dot := bytes.LastIndexByte(w, '.')
	if dot <= 0 || len(w)-dot-1 < 2 || len(w)-dot-1 > 6 {
		return false
	}
	for _, c := range w[dot+1:] {
		if !isASCIILetter(c) {
			return false
		}
	}
	for _, c := range w[:dot] {
		if !isASCIILetter(c) && !isDigit(c) && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// afterComma reports whether test holds for a word that follows one of
// t's commas.
func afterComma(t []byte, test func(w []byte) bool) bool {
	for rest := t; ; {
		i := bytes.IndexByte(rest, ',')
		if i < 0 {
			return false
		}
		rest = rest[i+1:]
		w := bytes.TrimLeft(rest, " ")
		if j := bytes.IndexAny(w, " ,.;:!?"); j >= 0 {
			w = w[:j]
		}
		if len(w) > 0 && test(w) {
			return true
		}
	}
}

// hasAuxiliary reports whether t holds an auxiliary or copula as a word.
func hasAuxiliary(t []byte) bool {
	// A word is a run of letters and apostrophes, read in place.
	start := -1
	for i := 0; i < len(t); {
		c, size := rune(t[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRune(t[i:])
		}
		if unicode.IsLetter(c) || c == '\'' || c == '’' {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			if auxiliaryWord(t[start:i]) {
				return true
			}
			start = -1
		}
		i += size
	}
	return start >= 0 && auxiliaryWord(t[start:])
}

func auxiliaryWord(w []byte) bool { return len(w) <= 8 && auxiliaries.HasBytes(w) }

// isLink reports whether t starts with a web address.
func isLink(t []byte) bool {
	return bytes.HasPrefix(t, []byte("http://")) || bytes.HasPrefix(t, []byte("https://")) ||
		bytes.HasPrefix(t, []byte("www.")) || bytes.HasPrefix(t, []byte("WWW."))
}

// namesWork reports whether a label's tail names a work and its author,
// as a recommendation does ("The Remains of the Day, by Kazuo Ishiguro",
// "»Effi Briest« von Theodor Fontane", "« La Maison Tellier », de
// Maupassant", "„Dzieci z Bullerbyn” Astrid Lindgren"); a headline names no
// author.
func namesWork(tail []byte) bool {
	words := strings.Fields(string(tail))
	if len(words) < 2 {
		return false
	}
	for k := len(words) - 1; k >= 1 && len(words)-k <= 4; k-- {
		w := strings.ToLower(strings.Trim(words[k-1], ","))
		quoted := strings.ContainsAny(words[k-1], "”»«\"“")
		author := words[k:]
		if (byWords.Has(w) || w == "de" || w == "di" || w == "van" || quoted) && personNames(author, 4) {
			return true
		}
	}
	return false
}
