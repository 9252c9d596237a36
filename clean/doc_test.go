package clean

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/decruft/decruft/clean/lexicon"
)

// TestMaskKnown checks that no lexicon set uses the bit that marks a
// line's mask as computed.
func TestMaskKnown(t *testing.T) {
	for name := range lexicon.Sections {
		if lexicon.Get(name).Bit()&maskKnown != 0 {
			t.Errorf("set %s has the bit of maskKnown", name)
		}
	}
}

// TestBuiltinRules checks that a Doc has room for the results of All.
func TestBuiltinRules(t *testing.T) {
	if len(All) != builtinRules {
		t.Errorf("len(All) = %d, builtinRules = %d", len(All), builtinRules)
	}
}

// TestReparse checks that a Doc reparsed after serving other texts is the
// Doc Parse makes, and that the rules find the same in it.
func TestReparse(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	scratch := new(Doc)
	for range 3000 {
		const alphabet = "Advertisement We use cookies. Read more \n\n\t\r"
		src := make([]byte, r.IntN(300))
		for i := range src {
			src[i] = alphabet[r.IntN(len(alphabet))]
		}
		scratch.reparse(src)
		want := Parse(src)
		if !reflect.DeepEqual(scratch.Lines, want.Lines) && len(want.Lines) > 0 || !slices.Equal(scratch.Paras, want.Paras) ||
			scratch.BOM != want.BOM || len(scratch.masks) != 0 || len(scratch.results) != 0 || scratch.zoneKnown {
			t.Fatalf("reparse(%q) = %+v, want %+v", src, scratch, want)
		}
		for _, rule := range Defaults(All) {
			if got, want := scratch.run(rule), want.run(rule); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on reparsed %q: %v, want %v", rule.Name, src, got, want)
			}
		}
	}
}
