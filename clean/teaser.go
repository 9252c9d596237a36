package clean

import (
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
	Find: findTeaser,
}

const (
	teaserCandidates = 4   // paragraphs from the top that may be a teaser
	teaserMinLen     = 30  // shorter paragraphs are titles or bylines
	teaserLead       = 5   // lines allowed between the teaser and its copy
	teaserGaps       = 6   // short lines allowed inside the copy
	teaserGapLen     = 400 // bytes: longer unmatched lines end the search
	// An unmarked copy that ends mid-paragraph must be long or hold a
	// sentence end, so that a title starting the first sentence is not taken.
	teaserUnmarkedLen = 120
)

func findTeaser(d *Doc) []Span {
	for pi := 0; pi < len(d.Paras) && pi < teaserCandidates; pi++ {
		p := d.Paras[pi]
		t, marked := cutTruncation(normalize(d.ParaText(p)))
		if len(t) < teaserMinLen || strings.Count(t, " ") < 4 {
			continue
		}
		if copiedAfter(d, p.Last+1, t, marked) {
			return []Span{{p.Start, p.End}}
		}
	}
	return nil
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

// copiedAfter reports whether teaser t reappears in the lines from line
// index from on, as consecutive lines joined by spaces, allowing a few
// unrelated lines before and inside the copy.
func copiedAfter(d *Doc, from int, t string, marked bool) bool {
	pos, lead, gaps := 0, 0, 0
	for i := from; i < len(d.Lines); i++ {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		rest := t[pos:]
		// A short head rules out most lines before normalising more.
		u := normalizePrefix(d.Text(l), min(16, len(rest)+1))
		if strings.HasPrefix(rest, u) || strings.HasPrefix(u, rest) {
			u = normalizePrefix(d.Text(l), len(rest)+1)
		}
		switch {
		case strings.HasPrefix(rest, u) && (len(u) == len(rest) || rest[len(u)] == ' '):
			// The copy takes in this whole line.
			pos += len(u)
			if pos == len(t) {
				return true
			}
			pos++
			continue
		case pos+len(u) > len(t) && strings.HasPrefix(u, rest):
			// The teaser stops inside this line.
			next, _ := utf8.DecodeRuneInString(u[len(rest):])
			cutAtWord := !unicode.IsLetter(next) && !unicode.IsDigit(next)
			sentence := strings.ContainsAny(t[len(t)-1:], ".!?\"'") || strings.Contains(t, ". ")
			return marked || cutAtWord && (len(t) >= teaserUnmarkedLen || sentence)
		}
		if pos == 0 {
			if lead++; lead > teaserLead {
				return false
			}
			continue
		}
		if gaps++; gaps > teaserGaps || l.End-l.Start > teaserGapLen {
			return false
		}
	}
	return false
}
