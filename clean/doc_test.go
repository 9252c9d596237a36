package clean

import (
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
