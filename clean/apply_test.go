package clean

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestApplyRandom compares apply with plainApply, which cuts every line
// into pieces, on short texts and random removals: the same output, the
// same segments and the same fates.
func TestApplyRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 100000 {
		src := make([]byte, r.IntN(24))
		for i := range src {
			src[i] = "ab \t\r\n\n"[r.IntN(7)]
		}
		d := Parse(src)
		var rs []Removal
		for pos := 0; pos < len(src) && r.IntN(3) > 0; {
			start := pos + r.IntN(len(src)-pos)
			end := start + 1 + r.IntN(len(src)-start)
			rs = append(rs, Removal{Rule: "x", Span: Span{start, end}})
			pos = end
		}
		type fate struct {
			line int
			kept []Span
		}
		var segs, wantSegs []segment
		var fates, wantFates []fate
		out := apply(nil, d, rs, &segs, func(i int, kept []Span) { fates = append(fates, fate{i, slices.Clone(kept)}) })
		want := plainApply(d, rs, &wantSegs, func(i int, kept []Span) { wantFates = append(wantFates, fate{i, slices.Clone(kept)}) })
		if string(out) != string(want) || !slices.Equal(segs, wantSegs) || !reflect.DeepEqual(fates, wantFates) {
			t.Fatalf("apply(%q, %v) = %q %v %v, want %q %v %v", src, rs, out, segs, fates, want, wantSegs, wantFates)
		}
	}
}

// plainApply is apply as first written: each line in pieces, then its
// terminator.
func plainApply(d *Doc, rs []Removal, segs *[]segment, fate func(line int, kept []Span)) []byte {
	var out []byte
	copySrc := func(start, end int) {
		if start >= end {
			return
		}
		if k := len(*segs) - 1; k >= 0 && (*segs)[k].src+(*segs)[k].n == start && (*segs)[k].out+(*segs)[k].n == len(out) {
			(*segs)[k].n += end - start
		} else {
			*segs = append(*segs, segment{out: len(out), src: start, n: end - start})
		}
		out = append(out, d.Src[start:end]...)
	}
	copySrc(0, d.BOM)
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
		var pieces []Span
		if len(rs) == 0 || rs[0].Start >= l.End {
			pieces = []Span{{l.Start, l.End}}
		} else {
			pieces = keptPieces(d.Src, l, rs, nil)
		}
		if len(pieces) == 0 {
			continue
		}
		if pendingBlank >= 0 {
			b := d.Lines[pendingBlank]
			copySrc(b.Start, b.Next)
			fate(pendingBlank, []Span{{b.Start, b.End}})
			pendingBlank = -1
		}
		for _, p := range pieces {
			copySrc(p.Start, p.End)
		}
		fate(i, pieces)
		copySrc(l.End, l.Next)
		wrote, last = true, l
	}
	switch {
	case !wrote:
	case last.Next == last.End:
		out = append(out, d.newline()...)
	case d.Src[last.Next-1] == '\r':
		out = append(out, '\n')
	}
	return out
}
