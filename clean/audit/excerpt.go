package audit

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/decruft/decruft/clean"
)

// Excerpts show removals and vetoed candidates among the lines around them.
// Blank lines are not shown; long lines and long removals are shortened
// around what was marked, so an excerpt stays small whatever the document.
const (
	contextLines = 2   // kept lines shown before and after
	contextReach = 8   // non-blank lines looked at for them
	spanHead     = 6   // lines shown from the start of a long span…
	spanTail     = 2   // …and from its end
	viewRows     = 120 // rows in a document's diff
	keptClip     = 80  // bytes of a kept piece beside a marked one
	lineClip     = 160 // bytes of a line with nothing marked
	markHead     = 200 // bytes from the start of a long marked piece…
	markTail     = 60  // …and from its end
	rowPieces    = 40  // pieces of a line shown, marked or not
)

// A sample is a removal or a vetoed candidate in its context.
type sample struct {
	Name  string // the document
	Where string // "line 7", "lines 3–5"
	Why   string // the evidence, or the guard's reason
	Rows  []row
}

// A docView is one of the documents that lost the most, with its diff.
type docView struct {
	Name             string
	In, Removed      int
	Share            float64
	Rules            []string
	Rows             []row
	MoreChanged      int // lines with marks past the rows shown
	Removals, Vetoed int
}

// A row is a line of an excerpt, or a gap of lines not shown.
type row struct {
	N     int    // 1-based line number; 0 in a gap row
	Gap   int    // non-blank lines not shown, in a gap row
	Mark  string // "−" removed, "±" removed in part, "◦" proposed and kept, "" neither
	Parts []part
	Note  string // the rules whose marks are on the line
}

// A part is a piece of a line: removed, proposed and kept, or neither.
type part struct {
	Text      string
	Cut, Kept bool
}

// A mark is a span an excerpt shows: removed by a rule, or vetoed.
type mark struct {
	clean.Span
	rule string
	kept bool
}

func marksOf(res *clean.Result) []mark {
	ms := make([]mark, 0, len(res.Removals)+len(res.Vetoed))
	for _, r := range res.Removals {
		ms = append(ms, mark{r.Span, r.Rule, false})
	}
	for _, v := range res.Vetoed {
		ms = append(ms, mark{v.Span, v.Rule, true})
	}
	slices.SortFunc(ms, func(a, b mark) int { return cmp.Compare(a.Start, b.Start) })
	return ms
}

func newSample(name string, res *clean.Result, s clean.Span, why string) *sample {
	d := res.Doc
	first, last := d.LineAt(s.Start), d.LineAt(max(s.Start, s.End-1))
	where := fmt.Sprintf("line %d", first+1)
	if last > first {
		where = fmt.Sprintf("lines %d–%d", first+1, last+1)
	}
	ms := marksOf(res)
	var inside []int
	for i := first; i <= last; i++ {
		if !d.Lines[i].Blank {
			inside = append(inside, i)
		}
	}
	gap := 0
	if len(inside) > spanHead+spanTail+1 {
		gap = len(inside) - spanHead - spanTail
		inside = append(inside[:spanHead:spanHead], inside[len(inside)-spanTail:]...)
	}
	var rows []row
	for _, i := range keptAround(d, ms, first, -1) {
		rows = append(rows, lineRow(d, i, ms))
	}
	for n, i := range inside {
		if gap > 0 && n == spanHead {
			rows = append(rows, row{Gap: gap})
		}
		rows = append(rows, lineRow(d, i, ms))
	}
	for _, i := range keptAround(d, ms, last, +1) {
		rows = append(rows, lineRow(d, i, ms))
	}
	return &sample{Name: name, Where: where, Why: clip([]byte(why), 400), Rows: rows}
}

func newDocView(name string, res *clean.Result, removed int) *docView {
	d := res.Doc
	v := &docView{Name: name, In: len(d.Src), Removed: removed,
		Share:    float64(removed) / float64(max(1, len(d.Src))),
		Removals: len(res.Removals), Vetoed: len(res.Vetoed)}
	for _, r := range res.Removals {
		if !slices.Contains(v.Rules, r.Rule) {
			v.Rules = append(v.Rules, r.Rule)
		}
	}
	ms := marksOf(res)
	// The lines with marks, and the non-blank lines around them.
	marked := make([]bool, len(d.Lines))
	for _, m := range ms {
		for i := d.LineAt(m.Start); i <= d.LineAt(max(m.Start, m.End-1)); i++ {
			marked[i] = !d.Lines[i].Blank
		}
	}
	show := make([]bool, len(d.Lines))
	for i, on := range marked {
		if !on {
			continue
		}
		show[i] = true
		for _, j := range nonBlankBefore(d, i, contextLines) {
			show[j] = true
		}
		for _, j := range nonBlankAfter(d, i, contextLines) {
			show[j] = true
		}
	}
	skipped := 0 // non-blank lines passed since the last row
	for i, l := range d.Lines {
		if !show[i] {
			if !l.Blank {
				skipped++
			}
			continue
		}
		if len(v.Rows) >= viewRows {
			if marked[i] {
				v.MoreChanged++
			}
			continue
		}
		if skipped > 0 && len(v.Rows) > 0 {
			v.Rows = append(v.Rows, row{Gap: skipped})
		}
		skipped = 0
		v.Rows = append(v.Rows, lineRow(d, i, ms))
	}
	return v
}

// keptAround returns the non-blank lines from line i on in direction dir
// (-1 before, +1 after), in document order, up to and including the
// contextLines-th that no mark touches: context is kept text, and the marks
// on the way are shown with it. It looks at most contextReach lines.
func keptAround(d *clean.Doc, ms []mark, i, dir int) []int {
	var out []int
	kept := 0
	for j := i + dir; j >= 0 && j < len(d.Lines) && kept < contextLines && len(out) < contextReach; j += dir {
		if d.Lines[j].Blank {
			continue
		}
		out = append(out, j)
		if !touched(d.Lines[j], ms) {
			kept++
		}
	}
	if dir < 0 {
		slices.Reverse(out)
	}
	return out
}

// touched reports whether a mark reaches into line l's content.
func touched(l clean.Line, ms []mark) bool {
	for _, m := range ms {
		if m.Start >= l.End {
			break
		}
		if m.End > l.Start {
			return true
		}
	}
	return false
}

func nonBlankBefore(d *clean.Doc, i, n int) []int {
	var out []int
	for j := i - 1; j >= 0 && len(out) < n; j-- {
		if !d.Lines[j].Blank {
			out = append(out, j)
		}
	}
	slices.Reverse(out)
	return out
}

func nonBlankAfter(d *clean.Doc, i, n int) []int {
	var out []int
	for j := i + 1; j < len(d.Lines) && len(out) < n; j++ {
		if !d.Lines[j].Blank {
			out = append(out, j)
		}
	}
	return out
}

// lineRow splits line i's content by the marks on it (ms sorted by start):
// removed bytes, bytes proposed and kept, and the rest.
func lineRow(d *clean.Doc, i int, ms []mark) row {
	l := d.Lines[i]
	r := row{N: i + 1}
	cuts := []int{l.Start, l.End}
	var on []mark
	for _, m := range ms {
		if m.Start >= l.End {
			break
		}
		if m.End <= l.Start {
			continue
		}
		on = append(on, m)
		cuts = append(cuts, max(m.Start, l.Start), min(m.End, l.End))
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var pieces []piece
	var rules []string
	for k := 0; k+1 < len(cuts); k++ {
		lo, hi := cuts[k], cuts[k+1]
		var p piece
		for _, m := range on {
			if m.Start <= lo && hi <= m.End {
				p.cut = p.cut || !m.kept
				p.kept = p.kept || m.kept
			}
		}
		p.kept = p.kept && !p.cut
		p.text = d.Src[lo:hi]
		for _, m := range on {
			// A candidate kept shows only where another did not remove it.
			if m.Start < hi && lo < m.End && (!m.kept || p.kept) {
				name := m.rule
				if m.kept {
					name += " (kept)"
				}
				if !slices.Contains(rules, name) {
					rules = append(rules, name)
				}
			}
		}
		if n := len(pieces) - 1; n >= 0 && pieces[n].cut == p.cut && pieces[n].kept == p.kept {
			pieces[n].text = d.Src[hi-len(pieces[n].text)-len(p.text) : hi]
			continue
		}
		pieces = append(pieces, p)
	}
	r.Note = strings.Join(rules, ", ")
	cut, kept, rest := false, false, false
	for _, p := range pieces {
		cut = cut || p.cut
		kept = kept || p.kept
		rest = rest || !p.cut && len(bytes.TrimSpace(p.text)) > 0
	}
	switch {
	case cut && !rest:
		r.Mark = "−"
	case cut:
		r.Mark = "±"
	case kept:
		r.Mark = "◦"
	}
	if len(pieces) > rowPieces {
		more := len(pieces) - rowPieces
		pieces = append(pieces[:rowPieces:rowPieces], piece{text: fmt.Appendf(nil, " [… %d more pieces]", more)})
	}
	r.Parts = shorten(pieces)
	return r
}

// A piece is a part of a line before it is shortened.
type piece struct {
	text      []byte
	cut, kept bool
}

// shorten clips long pieces: marked ones keep their start and end, plain
// ones the bytes beside the marks, a line with no marks its start.
func shorten(ps []piece) []part {
	parts := make([]part, len(ps))
	for i, p := range ps {
		t := p.text
		var s string
		switch {
		case p.cut || p.kept:
			s = string(t)
			if len(t) > markHead+markTail+40 {
				s = head(t, markHead) + fmt.Sprintf(" [… %d bytes …] ", len(t)-markHead-markTail) + tail(t, markTail)
			}
		case len(ps) == 1:
			s = head(t, lineClip)
			if len(t) > lineClip {
				s += "…"
			}
		case i == 0 && len(t) > keptClip:
			s = "…" + tail(t, keptClip)
		case i == len(ps)-1 && len(t) > keptClip:
			s = head(t, keptClip) + "…"
		case len(t) > 2*keptClip:
			s = head(t, keptClip) + " … " + tail(t, keptClip)
		default:
			s = string(t)
		}
		parts[i] = part{Text: strings.ToValidUTF8(s, "\uFFFD"), Cut: p.cut, Kept: p.kept}
	}
	return parts
}

// head is t's first n bytes or fewer, cut at a character.
func head(t []byte, n int) string {
	if len(t) <= n {
		return string(t)
	}
	for n > 0 && !utf8.RuneStart(t[n]) {
		n--
	}
	return string(t[:n])
}

// tail is t's last n bytes or fewer, cut at a character.
func tail(t []byte, n int) string {
	if len(t) <= n {
		return string(t)
	}
	i := len(t) - n
	for i < len(t) && !utf8.RuneStart(t[i]) {
		i++
	}
	return string(t[i:])
}
