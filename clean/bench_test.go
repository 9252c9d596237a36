package clean

import (
	"os"
	"strings"
	"testing"
)

// benchInputs are the shapes that stress rules differently: long
// paragraphs (the common case), and hard-wrapped text whose every line is
// short enough for the line rules' regexps.
func benchInputs(b *testing.B) map[string][]byte {
	sample, err := os.ReadFile("../testdata/newyorker-nato.txt")
	if err != nil {
		b.Fatal(err)
	}
	wrapped := strings.Repeat("The committee met on Tuesday to discuss the budget, and\nmembers said that photos by the press were welcome.\n\n", 200)
	return map[string][]byte{
		"paragraphs": []byte(strings.Repeat(string(sample), 20)),
		"wrapped":    []byte(strings.Repeat(wrapped, 10)),
	}
}

func BenchmarkText(b *testing.B) {
	for name, src := range benchInputs(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Text(src)
			}
		})
	}
}

// TestDuplicateLinear guards against a quadratic duplicate search: many
// long paragraphs, all copies of each other.
func TestDuplicateLinear(t *testing.T) {
	para := strings.Repeat("word ", 40)
	src := strings.Repeat(para+"\n\n", 20000)
	res := Clean([]byte(src), []*Rule{Duplicate})
	// The first copy is a teaser, left to the teaser rule; the second is
	// then the article's own and stays.
	if len(res.Removals) != 19998 {
		t.Fatalf("got %d removals, want 19998", len(res.Removals))
	}
}
