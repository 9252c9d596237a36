// Package clean removes cruft from scraped article text.
//
// A Doc records where every line and paragraph of the input sits, byte for
// byte. Rules read a Doc and report Removals (a rule name and a byte span);
// they never edit text. Apply is the one place that turns removals into
// output, so previews, reports and the cleaned text always agree.
package clean

import (
	"bytes"
	"slices"

	"github.com/decruft/decruft/clean/lexicon"
)

// A Line is one line of the input. Start and End delimit its content
// without the line terminator; Next is where the following line starts.
type Line struct {
	Start, End, Next int
	Blank            bool // only spaces and tabs (or nothing)
	// trimStart and trimEnd delimit the content without surrounding
	// spaces and tabs, which is what rules read.
	trimStart, trimEnd int
}

// Width is the length of the line's content without surrounding spaces
// and tabs: indentation says nothing of what a line is.
func (l Line) Width() int { return l.trimEnd - l.trimStart }

// A Para is a paragraph: a run of non-blank lines, or a single line when the
// input separates paragraphs by single newlines.
type Para struct {
	First, Last int // line indices, inclusive
	Start, End  int // byte span from the first line's start to the last line's end
}

// A Doc is the input split into lines and paragraphs, with byte spans.
type Doc struct {
	Src   []byte
	BOM   int // length of a leading UTF-8 byte order mark (0 or 3)
	Lines []Line
	Paras []Para

	// corpus is what a corpus pass learned, for the boilerplate rule.
	corpus Recurring
	// results holds each rule's candidates once it ran on this document,
	// for the rules that require it (ResultOf): a slice, as a document
	// meets a dozen rules or so and a map would cost more to build.
	results []ruleResult
	// resultRoom holds results for the built-in rules, as the Doc is
	// allocated anyway.
	resultRoom [builtinRules]ruleResult
	// masks holds each line's lexicon.FirstMask and maskKnown, computed on
	// first use: rules read many word sets against each line, which a
	// line's first word rules out with one lookup. Long lines are seldom
	// asked.
	masks []uint64
	// zoneOf is the document's zone once a rule asked for it (zoneKnown).
	zoneOf    zone
	zoneKnown bool
}

// mayStart reports whether line i's first word starts an entry of set.
func (d *Doc) mayStart(i int, set *lexicon.Set) bool {
	if len(d.masks) != len(d.Lines) {
		// The first ask, maybe in a reused Doc (reparse).
		d.masks = slices.Grow(d.masks[:0], len(d.Lines))[:len(d.Lines)]
		clear(d.masks)
	}
	m := d.masks[i]
	if m&maskKnown == 0 {
		l := d.Lines[i]
		m = lexicon.FirstMask(d.Src[l.trimStart:l.trimEnd]) | maskKnown
		d.masks[i] = m
	}
	return m&set.Bit() != 0
}

// maskKnown marks a computed mask: no set has this bit (see the lexicon's
// tests).
const maskKnown = 1 << 63

// ResultOf returns the candidates that rule r proposed for d. A rule may
// read the results of the rules it Requires only: they are the ones the
// engine runs first.
func (d *Doc) ResultOf(r *Rule) []Candidate {
	res, ok := d.resultOf(r)
	if !ok {
		panic("clean: ResultOf(" + r.Name + ") before it ran: list it in Requires")
	}
	return res
}

// run returns r's candidates for d, running its requirements first, each
// rule once.
func (d *Doc) run(r *Rule) []Candidate {
	if res, ok := d.resultOf(r); ok {
		return res
	}
	if d.results == nil {
		d.results = d.resultRoom[:0]
	}
	for _, dep := range r.Requires {
		d.run(dep)
	}
	res := r.Find(d)
	d.results = append(d.results, ruleResult{r, res})
	return res
}

// builtinRules is len(All), which TestBuiltinRules checks.
const builtinRules = 16

type ruleResult struct {
	rule  *Rule
	cands []Candidate
}

// resultOf returns r's candidates if it ran on d.
func (d *Doc) resultOf(r *Rule) ([]Candidate, bool) {
	for _, rr := range d.results {
		if rr.rule == r {
			return rr.cands, true
		}
	}
	return nil, false
}

var bom = []byte("\xef\xbb\xbf")

// Parse splits src into lines and paragraphs. It never fails: any byte
// sequence is a document.
func Parse(src []byte) *Doc {
	d := new(Doc)
	d.reparse(src)
	return d
}

// reparse makes d the Doc of src as Parse does, reusing its arrays.
func (d *Doc) reparse(src []byte) {
	*d = Doc{Src: src, Lines: d.Lines[:0], Paras: d.Paras[:0], masks: d.masks[:0]}
	if bytes.HasPrefix(src, bom) {
		d.BOM = len(bom)
	}
	d.Lines = slices.Grow(d.Lines, bytes.Count(src, []byte{'\n'})+1)
	for pos := d.BOM; pos < len(src); {
		end := len(src)
		next := end
		if i := bytes.IndexByte(src[pos:], '\n'); i >= 0 {
			end, next = pos+i, pos+i+1
		}
		// A carriage return before the newline belongs to the terminator,
		// and so does one ending the input: Apply completes that one to
		// CRLF, and the rules must see the same content either way.
		content := end
		if content > pos && src[content-1] == '\r' {
			content--
		}
		ts, te := pos, content
		for ts < te && (src[ts] == ' ' || src[ts] == '\t') {
			ts++
		}
		for te > ts && (src[te-1] == ' ' || src[te-1] == '\t') {
			te--
		}
		d.Lines = append(d.Lines, Line{Start: pos, End: content, Next: next, Blank: ts == te, trimStart: ts, trimEnd: te})
		pos = next
	}
	d.Paras = paragraphs(d.Paras, d.Lines)
}

// paragraphs appends to paras the paragraphs of lines. When the text has no blank line
// between two non-blank lines, its scraper used single newlines as paragraph
// breaks, so each line is a paragraph of its own.
func paragraphs(paras []Para, lines []Line) []Para {
	blankSeparated := false
	for i := 1; i+1 < len(lines); i++ {
		if lines[i].Blank && !lines[i-1].Blank {
			blankSeparated = true
			break
		}
	}
	n := 0
	for i, l := range lines {
		if !l.Blank && (i == 0 || lines[i-1].Blank || !blankSeparated) {
			n++
		}
	}
	paras = slices.Grow(paras, n)
	for i := 0; i < len(lines); i++ {
		if lines[i].Blank {
			continue
		}
		j := i
		for blankSeparated && j+1 < len(lines) && !lines[j+1].Blank {
			j++
		}
		paras = append(paras, Para{First: i, Last: j, Start: lines[i].Start, End: lines[j].End})
		i = j
	}
	return paras
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// Text returns the bytes of a line's content.
func (d *Doc) Text(l Line) []byte { return d.Src[l.Start:l.End] }

// ParaText returns a paragraph's bytes, inner line breaks included.
func (d *Doc) ParaText(p Para) []byte { return d.Src[p.Start:p.End] }

// LineAt returns the index of the line holding byte offset off.
func (d *Doc) LineAt(off int) int {
	lo, hi := 0, len(d.Lines)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Lines[m].Next <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(d.Lines) && lo > 0 {
		return lo - 1
	}
	return lo
}

// newline is the document's own line terminator, used for the final line.
func (d *Doc) newline() string {
	for _, l := range d.Lines {
		if l.Next > l.End && d.Src[l.Next-1] == '\n' {
			return string(d.Src[l.End:l.Next])
		}
	}
	return "\n"
}
