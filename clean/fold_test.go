package clean

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLowersToASCII(t *testing.T) {
	var got, want []string
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l < utf8.RuneSelf {
			got = append(got, string(r)+string(l))
		}
	}
	for _, r := range lowersToASCII {
		want = append(want, r.from+string(r.to))
	}
	if !slices.Equal(got, want) {
		t.Errorf("runes that lower-case to ASCII: %q, want lowersToASCII to hold them", got)
	}
}

// spokenASCII must answer as searching the lower-cased text does, for
// the words that foldsAsASCII lets it take.
func TestSpokenASCIIAsLowered(t *testing.T) {
	pieces := []string{"ad", "Ad", "AD", "advert", "Advertisement", " ", " ", "  ", "x", "é", "É", "\xe2\x80", "\xff",
		"ß", "Σ", "ǅ", "-", ":", "ad ad", "aD a", "\u2160", "1", "a", "A", "\t", "kid", "\u0130", "\u212a", "\r"}
	words := []string{"ad", "advert", "ad ad", "a", "advertisement", "a a", "ad:", "x-ad", "1a", "kid", "k", "ki", "d\ra"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		if rng.IntN(8) == 0 {
			b.WriteString("\ufeff")
		}
		for range 1 + rng.IntN(4) {
			line, size := strings.Repeat(" ", rng.IntN(2)), bodyLen-10+rng.IntN(40)
			if rng.IntN(3) == 0 {
				size = rng.IntN(bodyLen) // a short line, which the search passes over
			}
			for len(line) < size {
				line += pieces[rng.IntN(len(pieces))]
			}
			b.WriteString(line + []string{"\n", "\r\n", "\r", ""}[rng.IntN(4)])
		}
		d := Parse([]byte(b.String()))
		for _, w := range words {
			p := proseWords{found: map[string]bool{}}
			if !foldsAsASCII(d.Src, []byte(w)) {
				continue
			}
			if got, want := spokenASCII(d, []byte(w)), p.spokenLowered(d, []byte(w)); got != want {
				t.Fatalf("%q in %q: %v, want %v", w, b.String(), got, want)
			}
		}
	}
}
