package clean

import (
	"slices"
	"sort"
)

// dropCopiesOfRemoved vetoes each copy candidate in ok whose other copy
// overlaps another removal of ok, and returns the removals kept. It
// compacts ok in place; a copy is compared with the removals kept so far
// and with those of ok not yet passed, as they stand in ok while it is
// compacted. ok is sorted by start, so each question costs a search in two
// trees rather than a pass over ok: a text with thousands of copies (a
// page printed many times over) would otherwise take quadratic time.
func dropCopiesOfRemoved(ok []Removal, vetoed []Veto) ([]Removal, []Veto) {
	if !slices.ContainsFunc(ok, func(r Removal) bool { return r.Kind == Copy }) {
		return ok, vetoed
	}
	rest := newEndTree(ok) // ok[len(kept):] as it stands
	var keptEnds endTree   // the kept removals' ends, filled as they are kept
	keptEnds.init(len(ok))
	kept := ok[:0]
	for _, r := range ok {
		if r.Kind == Copy && r.Copy.End > r.Copy.Start {
			k := len(kept)
			other := func(i int) bool { return ok[i].Span != r.Span }
			bound := func(lo, hi int) int {
				return lo + sort.Search(hi-lo, func(i int) bool { return ok[lo+i].Start >= r.Copy.End })
			}
			if keptEnds.find(0, bound(0, k), r.Copy.Start, other) || rest.find(k, bound(k, len(ok)), r.Copy.Start, other) {
				vetoed = append(vetoed, Veto{Rule: r.Rule, Candidate: Candidate{r.Span, r.Evidence},
					Reason: "its other copy is removed too"})
				continue
			}
		}
		keptEnds.set(len(kept), r.End)
		kept = append(kept, r)
	}
	return kept, vetoed
}

// An endTree holds the ends of a list of spans, for finding one that ends
// after a given offset among a range of them.
type endTree struct {
	size int   // leaves: a power of two
	max  []int // max[1] is the root; max[size+i] is span i's end, or -1
}

func (t *endTree) init(n int) {
	t.size = 1
	for t.size < n {
		t.size *= 2
	}
	t.max = make([]int, 2*t.size)
	for i := range t.max {
		t.max[i] = -1
	}
}

func newEndTree(rs []Removal) *endTree {
	t := &endTree{}
	t.init(len(rs))
	for i, r := range rs {
		t.max[t.size+i] = r.End
	}
	for i := t.size - 1; i >= 1; i-- {
		t.max[i] = max(t.max[2*i], t.max[2*i+1])
	}
	return t
}

// set records end for span i.
func (t *endTree) set(i, end int) {
	i += t.size
	t.max[i] = end
	for i /= 2; i >= 1; i /= 2 {
		t.max[i] = max(t.max[2*i], t.max[2*i+1])
	}
}

// find reports whether a span i in [lo, hi) ends after a and has ok(i).
func (t *endTree) find(lo, hi, a int, ok func(int) bool) bool {
	return lo < hi && t.findIn(1, 0, t.size, lo, hi, a, ok)
}

func (t *endTree) findIn(node, from, to, lo, hi, a int, ok func(int) bool) bool {
	if to <= lo || hi <= from || t.max[node] <= a {
		return false
	}
	if to-from == 1 {
		return ok(from)
	}
	mid := (from + to) / 2
	return t.findIn(2*node, from, mid, lo, hi, a, ok) || t.findIn(2*node+1, mid, to, lo, hi, a, ok)
}
