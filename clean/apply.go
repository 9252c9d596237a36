package clean

import (
	"bytes"
	"cmp"
	"slices"
)

// A Result is the outcome of cleaning one document.
type Result struct {
	Doc *Doc
	// Removals are sorted and disjoint: where rules overlap, the bytes
	// are credited to the removal that starts first (then the earlier rule).
	Removals []Removal
	// Output is the cleaned text.
	Output []byte
}

// Changed reports whether the output differs from the input.
func (r *Result) Changed() bool { return !bytes.Equal(r.Output, r.Doc.Src) }

// Text cleans src with the default rules.
func Text(src []byte) *Result { return Clean(src, Defaults(All)) }

// Clean runs rules over src and applies what they find.
func Clean(src []byte, rules []*Rule) *Result {
	d := Parse(src)
	var rs []Removal
	for _, r := range rules {
		for _, s := range r.Find(d) {
			rs = append(rs, Removal{Rule: r.Name, Span: s})
		}
	}
	rs = disjoint(d, rs)
	return &Result{Doc: d, Removals: rs, Output: Apply(d, rs)}
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
func Apply(d *Doc, rs []Removal) []byte {
	out := make([]byte, 0, len(d.Src)+2)
	out = append(out, d.Src[:d.BOM]...)
	pendingBlank := -1
	wrote := false
	var last Line
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
		kept := keptParts(d.Src, l, rs)
		if kept == nil {
			continue
		}
		if pendingBlank >= 0 {
			b := d.Lines[pendingBlank]
			out = append(out, d.Src[b.Start:b.Next]...)
			pendingBlank = -1
		}
		out = append(out, kept...)
		out = append(out, d.Src[l.End:l.Next]...)
		wrote, last = true, l
	}
	if wrote && last.Next == last.End {
		out = append(out, d.newline()...)
	}
	return out
}

// keptParts returns what removals leave of line l's content, or nil when
// nothing but blanks is left.
func keptParts(src []byte, l Line, rs []Removal) []byte {
	if len(rs) == 0 || rs[0].Start >= l.End {
		return src[l.Start:l.End]
	}
	var kept []byte
	pos := l.Start
	for _, r := range rs {
		if r.Start >= l.End {
			break
		}
		if r.Start > pos {
			kept = append(kept, src[pos:r.Start]...)
		}
		pos = max(pos, r.End)
	}
	if pos < l.End {
		kept = append(kept, src[pos:l.End]...)
	}
	if isBlank(kept) {
		return nil
	}
	return kept
}
