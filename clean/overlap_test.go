package clean

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// dropCopiesByLoop is the plain loop that dropCopiesOfRemoved replaces:
// each copy is compared with every removal, as ok stands while compacted.
func dropCopiesByLoop(ok []Removal, vetoed []Veto) ([]Removal, []Veto) {
	kept := ok[:0]
	for _, r := range ok {
		overlaps := false
		if r.Kind == Copy && r.Copy.End > r.Copy.Start {
			for _, o := range ok {
				if o.Span != r.Span && o.Start < r.Copy.End && r.Copy.Start < o.End {
					overlaps = true
					break
				}
			}
		}
		if overlaps {
			vetoed = append(vetoed, Veto{Rule: r.Rule, Candidate: Candidate{r.Span, r.Evidence}, Reason: "its other copy is removed too"})
			continue
		}
		kept = append(kept, r)
	}
	return kept, vetoed
}

func TestDropCopiesOfRemovedMatchesLoop(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20000 {
		n := rng.IntN(12)
		rs := make([]Removal, n)
		for i := range rs {
			start := rng.IntN(60)
			rs[i] = Removal{Rule: "r", Span: Span{start, start + 1 + rng.IntN(10)}}
			if rng.IntN(2) == 0 {
				c := rng.IntN(60)
				rs[i].Kind = Copy
				rs[i].Copy = Span{c, c + rng.IntN(10)}
			}
			if i > 0 && rng.IntN(5) == 0 {
				rs[i].Span = rs[i-1].Span // two rules, one span
			}
		}
		slices.SortStableFunc(rs, func(a, b Removal) int { return a.Start - b.Start })
		wantKept, wantVetoed := dropCopiesByLoop(slices.Clone(rs), nil)
		gotKept, gotVetoed := dropCopiesOfRemoved(slices.Clone(rs), nil)
		if !slices.Equal(gotKept, wantKept) || !slices.EqualFunc(gotVetoed, wantVetoed, func(a, b Veto) bool { return a.Span == b.Span && a.Reason == b.Reason }) {
			t.Fatalf("round %d, %v:\nkept %v\nwant %v\nvetoed %v\nwant %v", round, rs, gotKept, wantKept, gotVetoed, wantVetoed)
		}
	}
}
