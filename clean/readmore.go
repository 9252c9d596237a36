package clean

import (
	"bytes"
	"regexp"
)

// ReadMore removes "Read More" link lines left behind by scrapers.
var ReadMore = &Rule{
	Name:    "readmore",
	Default: true,
	Doc: `"Read More" link lines

Removes lines that are only a link to more text: "Read More", "Read more »",
"READ MORE", "Continue reading", "Read full article", "Read the full story",
and "Read more: <headline>" lines pointing to another story. A "Read More"
glued to the end of the last paragraph (after its final punctuation) is cut
from that line. Sentences that merely contain the words, such as "Voters want
to read more about it.", stay.`,
	Example: "The summit ends on Friday.\n\nRead More\n",
	Find: func(d *Doc) []Candidate {
		cs := shortLines(d, 200, Evidence{Kind: Label, Why: "read-more link"}, func(_ int, t []byte) bool {
			return readMoreFirstWords[firstWord(t)] && readMoreLine.Match(t) && !proseAfterLabel(t)
		})
		if s, ok := gluedReadMore(d); ok {
			cs = append(cs, Candidate{s, Evidence{Kind: Marker, Why: "read-more link glued to the last line"}})
		}
		return cs
	},
}

var (
	readMoreFirstWords = setOf("read", "continue", "keep")
	readMoreLine       = regexp.MustCompile(`^(?i:read\s+more|continue\s+reading|keep\s+reading|read\s+(?:the\s+)?full\s+(?:article|story))` +
		`(?:\s*(?:»|›|→|>>?|\.\.\.|…))?$|^(?i:read\s+more)\s*:\s+\S.{0,150}$`)
	// gluedTail is "Read More" after a paragraph's closing punctuation.
	gluedTail = regexp.MustCompile(`[.!?…"”’)]([ \t]+(?:Read [Mm]ore|READ MORE)(?:\s*(?:»|›|→|\.\.\.|…))?)[ \t]*$`)
)

// gluedReadMore finds a "Read More" glued to the end of the last line.
func gluedReadMore(d *Doc) (Span, bool) {
	for i := len(d.Lines) - 1; i >= 0; i-- {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		text := d.Text(l)
		tail := text[max(0, len(text)-32):]
		if !bytes.Contains(tail, []byte("ead")) && !bytes.Contains(tail, []byte("EAD")) {
			return Span{}, false
		}
		m := gluedTail.FindSubmatchIndex(tail)
		if m == nil {
			return Span{}, false
		}
		base := l.End - len(tail)
		return Span{base + m[2], l.End}, true
	}
	return Span{}, false
}
