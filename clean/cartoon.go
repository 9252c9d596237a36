package clean

import (
	"bytes"
	"regexp"
	"unicode/utf8"
)

// Cartoon removes inline cartoon inserts: a quoted caption followed by a
// "Cartoon by NAME" credit, as magazine pages carry between paragraphs.
var Cartoon = &Rule{
	Name:    "cartoon",
	Default: true,
	Doc: `inline cartoon inserts (quoted caption + "Cartoon by NAME")

Removes a "Cartoon by NAME" credit line together with the short quoted
caption paragraph just before it and, before that, an image-link line left
by markdown scrapers ("[](https://…/cartoon/a26615)"). The caption goes only
when it directly precedes the credit; quoted dialogue elsewhere stays, and so
does prose such as "the cartoon by Osvaldo Cavandoli ran for years".`,
	Example: "“I like your style, kid.”\n\nCartoon by Jerald Lewis\n",
	Find: func(d *Doc) []Candidate {
		return spansAs(findCartoons(d), Evidence{Kind: Marker, Why: "caption and cartoon credit"})
	},
}

var (
	// A credit names one to five capitalised words: "P. C. Vey", "John O’Brien".
	cartoonCredit = regexp.MustCompile(`^Cartoon by (?:\p{Lu}[\p{L}.’'\-]*\s*){1,5}$`)
	imageLinkLine = regexp.MustCompile(`^(?:!?\[[^\]]*\]\([^)\s]*\)|\[!\[[^\]]*\]\([^)\s]*\)\]\([^)\s]*\))$`)
)

const maxCaptionLen = 400

func findCartoons(d *Doc) []Span {
	var spans []Span
	for pi, p := range d.Paras {
		if p.First != p.Last || p.End-p.Start > 120 {
			continue
		}
		credit, _ := d.trimmed(d.Lines[p.First])
		if !bytes.HasPrefix(credit, []byte("Cartoon by ")) || !cartoonCredit.Match(credit) {
			continue
		}
		start := p.Start
		if pi > 0 && isCaption(d, d.Paras[pi-1]) {
			start = d.Paras[pi-1].Start
			if pi > 1 && isImageLink(d, d.Paras[pi-2]) {
				start = d.Paras[pi-2].Start
			}
		}
		spans = append(spans, Span{start, p.End})
	}
	return spans
}

// isCaption reports whether p is one short line wrapped in quotes.
func isCaption(d *Doc, p Para) bool {
	if p.First != p.Last || p.End-p.Start > maxCaptionLen {
		return false
	}
	t, _ := d.trimmed(d.Lines[p.First])
	first, _ := utf8.DecodeRune(t)
	last, _ := utf8.DecodeLastRune(t)
	return (first == '“' || first == '"') && (last == '”' || last == '"') && len(t) > 2
}

func isImageLink(d *Doc, p Para) bool {
	if p.First != p.Last {
		return false
	}
	t, _ := d.trimmed(d.Lines[p.First])
	return imageLinkLine.Match(t)
}
