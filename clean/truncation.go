package clean

import (
	"bytes"
	"regexp"
)

// Truncation removes the NewsAPI truncation marker at the end of a text.
var Truncation = &Rule{
	Name:    "truncation",
	Default: true,
	Doc: `NewsAPI truncation markers ("… [+1234 chars]")

Removes the "[+1234 chars]" marker that NewsAPI puts after the cut-off
content of an article, when it ends the text. Only the marker and the space
before it go: the text before it stays, and so does its "…", which tells
the reader that the text was cut. A marker in the middle of the text is
left alone (the teaser rule handles teasers that carry one).`,
	Example: "The minister said the talks would resume next week, but gave no … [+2481 chars]\n",
	Find: func(d *Doc) []Candidate {
		return spansAs(findTruncation(d), Evidence{Kind: Marker, Why: "NewsAPI truncation marker"})
	},
}

var charsMarker = regexp.MustCompile(`\s*\[\+\d{1,7} chars\]$`)

func findTruncation(d *Doc) []Span {
	for i := len(d.Lines) - 1; i >= 0; i-- {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		t, off := d.trimmed(l)
		tail := t[max(0, len(t)-24):]
		if !bytes.HasSuffix(tail, []byte(" chars]")) {
			return nil
		}
		m := charsMarker.FindIndex(tail)
		if m == nil {
			return nil
		}
		base := off + len(t) - len(tail)
		return []Span{{base + m[0], base + m[1]}}
	}
	return nil
}
