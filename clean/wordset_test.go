package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// A wordSet must answer as its lexicon set does.
func TestWordSetHas(t *testing.T) {
	sets := []*wordSet{byWords, byVerbs, months, dateLabels, dateWordSet, bylineWeekdays, bylineFunctionWords, bylineParticles}
	var words []string
	for _, q := range sets {
		for _, e := range q.Entries() {
			words = append(words, e, strings.ToUpper(e), strings.ToUpper(e[:1])+e[1:], e+".", e[:len(e)/2], "K"+e, "\u0130"+e)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "B", "y", "É", "é", "\u212a", "\u0130", "i", ".", ":", "\xff", "ß", "ẞ", "Σ"}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		words = append(words, b.String())
	}
	for _, q := range sets {
		for _, w := range words {
			if got, want := q.Has(w), q.Set.Has(w); got != want {
				t.Fatalf("%q: Has says %v, the set %v", w, got, want)
			}
		}
	}
}
