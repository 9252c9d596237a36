package clean

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Teaser removes a teaser: a cut-off or marked copy of the article's
// opening that stands before it.
var Teaser = &Rule{
	Name:    "teaser",
	Default: true,
	Doc: `teasers: cut-off copies of the article's opening before it

Removes a paragraph among the first few that copies the article's opening
as it follows a few lines later, when the copy is a scraper's: cut off
mid-sentence at a word, ending in "…", "..." or a NewsAPI marker like
"[+2481 chars]", running across the article's first paragraphs joined by
spaces — or repeated whole with site inserts between the two (an
aggregator line, an image placeholder, an ad marker) that other rules
recognise. Copies are compared after folding white space, curly quotes and
dashes, nothing looser. Repeated text is article content by default: a
paragraph repeated whole with prose between, or right after itself (a
chorus), a question asked again, a summary that is not a copy, and a title
that merely starts the first sentence all stay.`,
	Needs: `a copy of the paragraph's text within a few lines after it, and one of: a
truncation marker at its end; an end mid-sentence inside the copy's line;
or, for a whole copy, only lines that other rules propose between the two.
The copy itself stays.`,
	Example: "Inside, the space reflects geopolitical realities. The delegation from Iceland\n\n" +
		"news image\n\n" +
		"Inside, the space reflects geopolitical realities. The delegation from Iceland, the alliance’s only member without a standing army, occupies a half-dozen offices.\n",
	Requires: teaserInserts,
	Find:     findTeaser,
}

// teaserInserts are the rules that know the site inserts a whole copy and
// the opening may have between them.
var teaserInserts = []*Rule{Aggregator, Cartoon, Credit, Ads, Media, Social, ReadMore}

const (
	teaserCandidates = 4   // paragraphs from the top that may be a teaser
	teaserMinLen     = 30  // shorter paragraphs are titles or bylines
	teaserLead       = 5   // lines allowed between the teaser and its copy
	teaserGaps       = 6   // short lines allowed inside the copy
	teaserGapLen     = 400 // bytes: longer unmatched lines end the search
	teaserHead       = 16  // bytes compared before normalising more
	// An unmarked copy that ends mid-paragraph must be long or hold a
	// sentence end, so that a title starting the first sentence is not taken.
	teaserUnmarkedLen = 120
	// A marked copy is an aggregator's description of the article, not a
	// headline quoting its first words.
	teaserMarkedLen = 100
)

// A teaserCopy says where and how a teaser's copy stands.
type teaserCopy struct {
	start, end int  // its first line, and its last line's index
	whole      bool // the copy ends with a line end: the teaser is no cut-off
}

// chromeLines marks the lines that the rules of teaserInserts propose whole.
func chromeLines(d *Doc) []bool {
	chrome := make([]bool, len(d.Lines))
	for _, r := range teaserInserts {
		for _, c := range d.ResultOf(r) {
			for i := d.LineAt(c.Start); i <= d.LineAt(c.End-1) && i < len(d.Lines); i++ {
				if covers(d, c.Span, i) {
					chrome[i] = true
				}
			}
		}
	}
	return chrome
}

func findTeaser(d *Doc) []Candidate {
	var chrome []bool // chromeLines, made when first asked: most texts have no teaser
	for pi := 0; pi < len(d.Paras) && pi < teaserCandidates; pi++ {
		p := d.Paras[pi]
		cp, marked, ok := findCopy(d, p)
		if !ok {
			continue
		}
		// A copy that is itself copied again is a run of repeats: which
		// one is the article's own is unclear, so all stay. (Removing one
		// per run would also make cleaning the output remove another.)
		if q := paraStartingAt(d, cp.start); q >= 0 {
			if _, _, again := findCopy(d, d.Paras[q]); again {
				return nil
			}
		}
		if cp.whole && !marked {
			if chrome == nil {
				chrome = chromeLines(d)
			}
			if !insertsBetween(d, p.Last, cp.start, chrome) {
				// Repeated whole with prose between, or right after
				// itself: a question asked again, a chorus. Content.
				continue
			}
		}
		// The copy's first line must stay; inserts inside the copy may go.
		c := d.Lines[cp.start]
		return []Candidate{{Span{p.Start, p.End}, Evidence{Kind: Copy,
			Why: "cut-off copy of the opening that follows it", Copy: Span{c.Start, c.End}}}}
	}
	return nil
}

// insertsBetween reports whether the lines strictly between line a and
// line b are one or more site inserts, each proposed by another rule.
func insertsBetween(d *Doc, a, b int, chrome []bool) bool {
	n := 0
	for i := a + 1; i < b; i++ {
		if d.Lines[i].Blank {
			continue
		}
		if !chrome[i] {
			return false
		}
		n++
	}
	return n > 0
}

// findCopy finds a copy of paragraph p after it, if p qualifies as a
// teaser; marked says whether p ends in a truncation marker.
func findCopy(d *Doc, p Para) (cp teaserCopy, marked, ok bool) {
	if !headFollows(d, p) {
		return cp, false, false
	}
	t, marked := cutTruncation(normalize(d.ParaText(p)))
	if len(t) < teaserMinLen || strings.Count(t, " ") < 4 || marked && len(t) < teaserMarkedLen {
		// A letters page heads a letter with its first words and "...".
		return cp, false, false
	}
	cp, ok = copiedAfter(d, p.Last+1, t, marked)
	return cp, marked, ok
}

// headFollows reports whether a line within reach after p starts as p
// does: a cheap test that spares normalising p whole, as most paragraphs
// are no teaser.
func headFollows(d *Doc, p Para) bool {
	var hb, ub [teaserHead + utf8.UTFMax + 1]byte
	// p's head is normalised once a line may start as it does: when p's
	// first byte tells the head's, most lines are ruled out by theirs.
	first, told := normalizedFirst(d, d.Lines[p.First])
	var head []byte
	headKnown := false
	seen := 0
	for i := p.Last + 1; i < len(d.Lines) && seen <= teaserLead; i++ {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		c, ok := normalizedFirst(d, l)
		if ok && told && c != first {
			seen++
			continue
		}
		if !headKnown {
			head, headKnown = normalizedHead(hb[:0], d.ParaText(p), teaserHead), true
		}
		if !ok || len(head) == 0 || c == head[0] {
			u := normalizedHead(ub[:0], d.Text(l), teaserHead)
			if bytes.HasPrefix(head, u) || bytes.HasPrefix(u, head) {
				return true
			}
		}
		seen++
	}
	return false
}

// normalizedFirst returns the first byte of non-blank line l's normalised
// text when its first byte tells it: printable ASCII stays as it is. Most
// lines differ from a teaser there, and need no normalising.
func normalizedFirst(d *Doc, l Line) (byte, bool) {
	c := d.Src[l.trimStart]
	return c, '!' <= c && c <= '~'
}

// paraStartingAt returns the index of the paragraph whose first line is
// line, or -1.
func paraStartingAt(d *Doc, line int) int {
	i, ok := slices.BinarySearchFunc(d.Paras, line, func(p Para, l int) int { return cmp.Compare(p.First, l) })
	if !ok {
		return -1
	}
	return i
}

// cutTruncation removes a trailing truncation marker from normalised text:
// "…", "..." or NewsAPI's "[+1234 chars]", or both.
func cutTruncation(t string) (string, bool) {
	s := t
	if rest, ok := strings.CutSuffix(s, " chars]"); ok {
		if i := strings.LastIndex(rest, "[+"); i >= 0 && isDigits(rest[i+2:]) {
			s = strings.TrimSuffix(rest[:i], " ")
		}
	}
	for _, mark := range []string{"…", "..."} {
		if rest, ok := strings.CutSuffix(s, mark); ok {
			s = strings.TrimSuffix(rest, " ")
			break
		}
	}
	return s, len(s) < len(t)
}

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// copiedAfter finds where teaser t reappears in the lines from line index
// from on, as consecutive lines joined by spaces, allowing a few unrelated
// lines before and inside the copy.
func copiedAfter(d *Doc, from int, t string, marked bool) (teaserCopy, bool) {
	pos, lead, gaps, start := 0, 0, 0, -1
	var ub [teaserHead + utf8.UTFMax + 1]byte
	var lb [256]byte
	lineBuf := lb[:0] // a matched line's normalised text, its room reused
	for i := from; i < len(d.Lines); i++ {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		rest := t[pos:]
		// A short head rules out most lines before normalising more: a
		// line whose head is no prefix of rest, nor rest of it, is no
		// part of the copy.
		matched := false
		if c, ok := normalizedFirst(d, l); !ok || len(rest) == 0 || c == rest[0] {
			head := normalizedHead(ub[:0], d.Text(l), min(teaserHead, len(rest)+1))
			matched = hasPrefix(rest, head) || len(head) >= len(rest) && string(head[:len(rest)]) == rest
		}
		var u []byte
		if matched {
			text := d.Text(l)
			lineBuf = appendNormalized(slices.Grow(lineBuf[:0], min(len(text), len(rest)+1+utf8.UTFMax)), text, len(rest)+1)
			u = lineBuf
		}
		switch {
		case !matched:
		case hasPrefix(rest, u) && (len(u) == len(rest) || rest[len(u)] == ' '):
			// The copy takes in this whole line.
			if pos == 0 {
				start = i
			}
			pos += len(u)
			if pos == len(t) {
				return teaserCopy{start: start, end: i, whole: true}, true
			}
			pos++
			continue
		case pos+len(u) > len(t) && string(u[:len(rest)]) == rest:
			// The teaser stops inside this line.
			next, _ := utf8.DecodeRune(u[len(rest):])
			cutAtWord := !unicode.IsLetter(next) && !unicode.IsDigit(next)
			last, _ := utf8.DecodeLastRuneInString(t)
			midSentence := !isSentenceEnd(last)
			if pos == 0 {
				start = i
			}
			if marked || cutAtWord && midSentence && (len(t) >= teaserUnmarkedLen || strings.Contains(t, ". ")) {
				return teaserCopy{start: start, end: i}, true
			}
			if cutAtWord && !midSentence {
				// Cut at a sentence's end: a whole sentence repeated, as
				// an essay may repeat its opening line.
				return teaserCopy{start: start, end: i, whole: true}, true
			}
			return teaserCopy{}, false
		}
		if pos == 0 {
			if lead++; lead > teaserLead {
				return teaserCopy{}, false
			}
			continue
		}
		if gaps++; gaps > teaserGaps || l.End-l.Start > teaserGapLen {
			return teaserCopy{}, false
		}
	}
	return teaserCopy{}, false
}
