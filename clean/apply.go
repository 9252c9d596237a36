package clean

import (
	"bytes"
	"cmp"
	"slices"
	"sync"
)

// A Result is the outcome of cleaning one document.
type Result struct {
	Doc *Doc
	// Removals are sorted and disjoint: where rules overlap, the bytes
	// are credited to the removal that starts first (then the earlier rule).
	Removals []Removal
	// Vetoed are the candidates the guard kept in the text, sorted.
	Vetoed []Veto
	// Output is the cleaned text.
	Output []byte
}

// Changed reports whether the output differs from the input.
func (r *Result) Changed() bool { return !bytes.Equal(r.Output, r.Doc.Src) }

// Text cleans src with the default rules.
func Text(src []byte) *Result { return Clean(src, Defaults(All)) }

// maxPasses bounds how often Clean runs the rules over its own output.
const maxPasses = 4

// Clean runs rules over src and applies what the guard lets through.
//
// Rules see each other's work: a teaser is easier to recognise once the
// credit line inside its copy is gone. So the rules run again over the
// output, and what they find there is mapped back to src, until a pass
// finds nothing. That makes cleaning idempotent: clean(clean(x)) equals
// clean(x), as every removal is still a span of src.
func Clean(src []byte, rules []*Rule) *Result { return CleanWith(src, rules, Options{}) }

// A Hint is a candidate found outside the rules, such as in a page's markup
// before it was flattened to src, credited to a rule by name.
type Hint struct {
	Rule string
	Candidate
}

// CleanHinted is Clean with extra candidates: spans of src that a front end
// (HTML, say) knows to be cruft. The guard judges them with the rules'
// candidates in the first pass, so they are kept when they read as prose.
func CleanHinted(src []byte, rules []*Rule, hints []Hint) *Result {
	return CleanWith(src, rules, Options{Hints: hints})
}

// Options give Clean what a front end knows beyond the text.
type Options struct {
	// Hints are candidates found outside the rules (see CleanHinted).
	Hints []Hint
	// Corpus is what a pass over the run's documents learned, for the
	// boilerplate rule; nil for none.
	Corpus Recurring
}

// CleanWith is Clean with what a front end knows beyond the text.
func CleanWith(src []byte, rules []*Rule, o Options) *Result {
	d := Parse(src)
	d.corpus = o.Corpus
	hints := o.Hints
	cands := find(d, rules)
	for _, h := range hints {
		if 0 <= h.Start && h.Start < h.End && h.End <= len(src) {
			cands = append(cands, ruleCandidate{h.Rule, h.Candidate})
		}
	}
	rs, vetoed := guard(d, cands)
	rs = disjoint(d, rs)
	var out []byte
	var od *Doc // the output's Doc, made again each pass
	for pass := 1; ; pass++ {
		// The last pass's output is parsed and mapped back by now: its
		// room takes the new output, so a large text needs one output's
		// memory, not two.
		if len(rs) == 0 || pass == maxPasses {
			out = apply(out[:0], d, rs, nil, nil)
			break
		}
		var segs []segment
		out = apply(out[:0], d, rs, &segs, nil)
		if od == nil {
			od = scratchDocs.Get().(*Doc)
			defer putScratch(od)
		}
		od.reparse(out)
		od.corpus = o.Corpus
		more, moreVetoed := guard(od, find(od, rules))
		for _, v := range moreVetoed {
			for _, s := range mapBack(segs, v.Span) {
				v.Span, v.Tail, v.Copy = s, hull(segs, v.Tail), hull(segs, v.Copy)
				vetoed = append(vetoed, v)
			}
		}
		if len(more) == 0 {
			break
		}
		n := len(rs)
		for _, r := range more {
			for _, s := range mapBack(segs, r.Span) {
				r.Tail, r.Copy = hull(segs, r.Tail), hull(segs, r.Copy)
				rs = append(rs, Removal{Rule: r.Rule, Span: s, Evidence: r.Evidence})
			}
		}
		if len(rs) == n {
			break
		}
		rs = disjoint(d, rs)
	}
	return &Result{Doc: d, Removals: rs, Vetoed: dedupeVetoes(vetoed), Output: out}
}

// scratchDocs holds Docs of later passes, which CleanWith drops once the
// pass is mapped back: their arrays serve another document's.
var scratchDocs = sync.Pool{New: func() any { return new(Doc) }}

// putScratch returns d to scratchDocs unless its arrays are large, which
// the pool would keep from the collector for a while.
func putScratch(d *Doc) {
	if cap(d.Lines) > maxScratchLines {
		return
	}
	d.reparse(nil) // drops the text and the results
	scratchDocs.Put(d)
}

const maxScratchLines = 4096

func find(d *Doc, rules []*Rule) []ruleCandidate {
	n := 0
	for _, r := range rules {
		n += len(d.run(r))
	}
	if n == 0 {
		return nil
	}
	cs := make([]ruleCandidate, 0, n)
	for _, r := range rules {
		for _, c := range d.ResultOf(r) {
			cs = append(cs, ruleCandidate{r.Name, c})
		}
	}
	return cs
}

// hull maps an output span back to the source span from its first byte's
// origin to its last's; an empty span stays empty.
func hull(segs []segment, s Span) Span {
	if s.End <= s.Start {
		return Span{}
	}
	src := mapBack(segs, s)
	if len(src) == 0 {
		return Span{}
	}
	return Span{src[0].Start, src[len(src)-1].End}
}

// dedupeVetoes sorts vetoes and drops those a later pass repeated.
func dedupeVetoes(vs []Veto) []Veto {
	slices.SortStableFunc(vs, func(a, b Veto) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Rule, b.Rule))
	})
	return slices.CompactFunc(vs, func(a, b Veto) bool { return a.Rule == b.Rule && a.Span == b.Span })
}

// A segment records that output bytes [out, out+n) are source bytes
// [src, src+n).
type segment struct{ out, src, n int }

// mapBack returns the source spans that output span s was copied from.
func mapBack(segs []segment, s Span) []Span {
	i, _ := slices.BinarySearchFunc(segs, s.Start, func(g segment, off int) int {
		return cmp.Compare(g.out+g.n, off+1)
	})
	var spans []Span
	for ; i < len(segs) && segs[i].out < s.End; i++ {
		g := segs[i]
		lo, hi := max(s.Start, g.out), min(s.End, g.out+g.n)
		if lo >= hi {
			continue
		}
		src := Span{g.src + lo - g.out, g.src + hi - g.out}
		if k := len(spans) - 1; k >= 0 && spans[k].End == src.Start {
			spans[k].End = src.End
		} else {
			spans = append(spans, src)
		}
	}
	return spans
}

// disjoint sorts removals by start and trims overlaps, so each byte is
// removed once and credited to one rule.
func disjoint(d *Doc, rs []Removal) []Removal {
	slices.SortStableFunc(rs, func(a, b Removal) int { return cmp.Compare(a.Start, b.Start) })
	out := rs[:0]
	end := d.BOM
	for _, r := range rs {
		r.Start = max(r.Start, end)
		r.End = min(r.End, len(d.Src))
		if r.Start >= r.End {
			continue
		}
		out = append(out, r)
		end = r.End
	}
	return out
}

// Apply returns d's text without the removed spans, which must be sorted
// and disjoint. Kept lines are copied byte for byte; a line left blank by
// removals goes entirely; runs of blank lines collapse to their first line;
// leading and trailing blank lines go; the last line ends in a newline.
func Apply(d *Doc, rs []Removal) []byte { return apply(nil, d, rs, nil, nil) }

// apply is Apply that writes into dst's room when it is large enough;
// when segs is not nil, it records where each output byte came from, and
// when fate is not nil, calls it for each line written with the pieces of
// its content kept.
func apply(dst []byte, d *Doc, rs []Removal, segs *[]segment, fate func(line int, kept []Span)) []byte {
	out := dst[:0]
	if cap(out) < len(d.Src)+2 {
		out = make([]byte, 0, len(d.Src)+2)
	}
	if segs != nil && *segs == nil {
		// A removal breaks a run of copies, and so may a collapsed blank.
		*segs = make([]segment, 0, 2*len(rs)+2)
	}
	copySrc := func(start, end int) {
		if start >= end {
			return
		}
		if segs != nil {
			// Contiguous copies make one segment: few segments per removal.
			if k := len(*segs) - 1; k >= 0 && (*segs)[k].src+(*segs)[k].n == start && (*segs)[k].out+(*segs)[k].n == len(out) {
				(*segs)[k].n += end - start
			} else {
				*segs = append(*segs, segment{out: len(out), src: start, n: end - start})
			}
		}
		out = append(out, d.Src[start:end]...)
	}
	copySrc(0, d.BOM)
	pendingBlank := -1
	wrote := false
	var last Line
	var pieces []Span // made when a line is cut or fate asks
	for i, l := range d.Lines {
		if l.Blank {
			if wrote && pendingBlank < 0 {
				pendingBlank = i
			}
			continue
		}
		for len(rs) > 0 && rs[0].End <= l.Start {
			rs = rs[1:]
		}
		whole := len(rs) == 0 || rs[0].Start >= l.End
		if !whole {
			pieces = keptPieces(d.Src, l, rs, pieces[:0])
			if len(pieces) == 0 {
				continue
			}
		}
		if pendingBlank >= 0 {
			b := d.Lines[pendingBlank]
			copySrc(b.Start, b.Next)
			if fate != nil {
				fate(pendingBlank, []Span{{b.Start, b.End}})
			}
			pendingBlank = -1
		}
		if whole {
			// Content and terminator in one copy.
			copySrc(l.Start, l.Next)
			if fate != nil {
				pieces = append(pieces[:0], Span{l.Start, l.End})
				fate(i, pieces)
			}
		} else {
			for _, p := range pieces {
				copySrc(p.Start, p.End)
			}
			if fate != nil {
				fate(i, pieces)
			}
			copySrc(l.End, l.Next)
		}
		wrote, last = true, l
	}
	switch {
	case !wrote:
	case last.Next == last.End:
		out = append(out, d.newline()...)
	case d.Src[last.Next-1] == '\r':
		out = append(out, '\n') // a final CR without its LF
	}
	return out
}

// keptPieces appends to pieces the spans of line l's content that
// removals leave, the first of which overlaps l, and returns none when
// only blanks would be left.
func keptPieces(src []byte, l Line, rs []Removal, pieces []Span) []Span {
	pos := l.Start
	for _, r := range rs {
		if r.Start >= l.End {
			break
		}
		if r.Start > pos {
			pieces = append(pieces, Span{pos, r.Start})
		}
		pos = max(pos, r.End)
	}
	if pos < l.End {
		pieces = append(pieces, Span{pos, l.End})
	}
	for _, p := range pieces {
		if !isBlank(src[p.Start:p.End]) {
			return pieces
		}
	}
	return pieces[:0]
}

// Fates returns what became of each input line: the pieces of its content
// that the output holds, in order, or nil for a line dropped (removed
// whole, or a blank line that collapsed). The output writes each kept
// line's pieces and then its terminator; terminated reports whether the
// output also completed the terminator of the last line written, which the
// input lacked. A diff built from this shows exactly what was removed.
func (r *Result) Fates() (kept [][]Span, terminated bool) {
	d := r.Doc
	kept = make([][]Span, len(d.Lines))
	last := -1
	apply(nil, d, r.Removals, nil, func(i int, pieces []Span) {
		kept[i] = slices.Clone(pieces)
		last = i
	})
	if last >= 0 {
		l := d.Lines[last]
		terminated = l.Next == l.End || d.Src[l.Next-1] == '\r'
	}
	return kept, terminated
}
