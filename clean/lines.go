package clean

import (
	"bytes"
	"regexp"
	"strings"
)

// trimmed returns line l's content without surrounding spaces and tabs,
// and the offset of that trimmed content in d.Src.
func (d *Doc) trimmed(l Line) ([]byte, int) {
	b := d.Src[l.Start:l.End]
	lead := len(b) - len(bytes.TrimLeft(b, " \t"))
	return bytes.TrimRight(b[lead:], " \t"), l.Start + lead
}

// wholeLines returns the spans of every non-blank line no longer than
// maxLen bytes, starting with one of the bytes in first, whose trimmed text
// matches re. The length cap and first bytes keep regexps, which are slow,
// off article paragraphs, which are long and never line-level cruft.
func wholeLines(d *Doc, re *regexp.Regexp, maxLen int, first string) []Span {
	var spans []Span
	for _, l := range d.Lines {
		if l.Blank || l.End-l.Start > maxLen {
			continue
		}
		if t, _ := d.trimmed(l); strings.IndexByte(first, t[0]) >= 0 && re.Match(t) {
			spans = append(spans, Span{l.Start, l.End})
		}
	}
	return spans
}
