package clean

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Teaser removes a duplicated teaser: a paragraph near the top that repeats
// the opening of the article that follows it.
var Teaser = &Rule{
	Name:    "teaser",
	Default: true,
	Doc: `duplicated teaser paragraphs near the top

Removes a paragraph among the first few that is a copy of the article's
opening as it follows a few lines later: the first paragraph repeated
verbatim, a copy cut off mid-sentence at a word, a copy ending in "…",
"..." or a NewsAPI marker like "[+2481 chars]", or one that runs across
the article's first paragraphs joined by spaces. Copies are compared after
folding white space, curly quotes and dashes, nothing looser. Short lines
between the copies (aggregator lines, captions, credits) are allowed. A
summary that is not a copy of the opening is article content and stays; so
does a title that merely starts the first sentence.`,
	Example: "Inside, the space reflects geopolitical realities. The delegation from Iceland\n\n" +
		"news image\n\n" +
		"Inside, the space reflects geopolitical realities. The delegation from Iceland, the alliance’s only member without a standing army, occupies a half-dozen offices.\n",
	Find: func(d *Doc) []Candidate {
		t := findTeaser(d)
		if t == nil {
			return nil
		}
		return []Candidate{*t}
	},
}

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
)

func findTeaser(d *Doc) *Candidate {
	if !d.teaserDone {
		d.teaser, d.teaserDone = searchTeaser(d), true
	}
	return d.teaser
}

func searchTeaser(d *Doc) *Candidate {
	for pi := 0; pi < len(d.Paras) && pi < teaserCandidates; pi++ {
		p := d.Paras[pi]
		copyAt := teaserCopy(d, p)
		if copyAt < 0 {
			continue
		}
		// A copy that is itself copied again is a run of repeats: which
		// one is the article's own is unclear, so all stay. (Removing one
		// per run would also make cleaning the output remove another.)
		if q := paraStartingAt(d, copyAt); q >= 0 && teaserCopy(d, d.Paras[q]) >= 0 {
			return nil
		}
		c := d.Lines[copyAt]
		return &Candidate{Span{p.Start, p.End}, Evidence{Kind: Copy,
			Why: fmt.Sprintf("copy of the opening at line %d", copyAt+1), Copy: Span{c.Start, c.End}}}
	}
	return nil
}

// teaserCopy returns the line where a copy of paragraph p starts, if p
// qualifies as a teaser and one follows it; else -1.
func teaserCopy(d *Doc, p Para) int {
	if !headFollows(d, p) {
		return -1
	}
	t, marked := cutTruncation(normalize(d.ParaText(p)))
	if len(t) < teaserMinLen || strings.Count(t, " ") < 4 {
		return -1
	}
	return copiedAfter(d, p.Last+1, t, marked)
}

// headFollows reports whether a line within reach after p starts as p
// does: a cheap test that spares normalising p whole, as most paragraphs
// are no teaser.
func headFollows(d *Doc, p Para) bool {
	head := normalizePrefix(d.ParaText(p), teaserHead)
	seen := 0
	for i := p.Last + 1; i < len(d.Lines) && seen <= teaserLead; i++ {
		if d.Lines[i].Blank {
			continue
		}
		u := normalizePrefix(d.Text(d.Lines[i]), teaserHead)
		if strings.HasPrefix(head, u) || strings.HasPrefix(u, head) {
			return true
		}
		seen++
	}
	return false
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

// copiedAfter returns the line where teaser t reappears in the lines from
// line index from on, as consecutive lines joined by spaces, allowing a few
// unrelated lines before and inside the copy; or -1.
func copiedAfter(d *Doc, from int, t string, marked bool) int {
	pos, lead, gaps, start := 0, 0, 0, -1
	for i := from; i < len(d.Lines); i++ {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		rest := t[pos:]
		// A short head rules out most lines before normalising more.
		u := normalizePrefix(d.Text(l), min(teaserHead, len(rest)+1))
		if strings.HasPrefix(rest, u) || strings.HasPrefix(u, rest) {
			u = normalizePrefix(d.Text(l), len(rest)+1)
		}
		switch {
		case strings.HasPrefix(rest, u) && (len(u) == len(rest) || rest[len(u)] == ' '):
			// The copy takes in this whole line.
			if pos == 0 {
				start = i
			}
			pos += len(u)
			if pos == len(t) {
				return start
			}
			pos++
			continue
		case pos+len(u) > len(t) && strings.HasPrefix(u, rest):
			// The teaser stops inside this line.
			next, _ := utf8.DecodeRuneInString(u[len(rest):])
			cutAtWord := !unicode.IsLetter(next) && !unicode.IsDigit(next)
			sentence := strings.ContainsAny(t[len(t)-1:], ".!?\"'") || strings.Contains(t, ". ")
			if pos == 0 {
				start = i
			}
			if marked || cutAtWord && (len(t) >= teaserUnmarkedLen || sentence) {
				return start
			}
			return -1
		}
		if pos == 0 {
			if lead++; lead > teaserLead {
				return -1
			}
			continue
		}
		if gaps++; gaps > teaserGaps || l.End-l.Start > teaserGapLen {
			return -1
		}
	}
	return -1
}
