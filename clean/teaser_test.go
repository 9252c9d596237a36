package clean

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestHeadFollowsRandom compares headFollows, which normalises a
// paragraph's head only when a line may start as it does, with the plain
// version on texts of a few words, curly quotes and odd spaces.
func TestHeadFollowsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	words := []string{"The", "the", "“The", "\u00a0The", "A", "a", " ", "\t", "\n", "\n\n", "\u2019", "-", "x", ""}
	follows := 0
	for range 50000 {
		var b []byte
		for range r.IntN(30) {
			b = append(b, words[r.IntN(len(words))]...)
		}
		d := Parse(b)
		for _, p := range d.Paras {
			if got, want := headFollows(d, p), plainHeadFollows(d, p); got != want {
				t.Fatalf("headFollows(%q, %v) = %v, want %v", b, p, got, want)
			} else if got {
				follows++
			}
		}
	}
	if follows < 1000 {
		t.Fatalf("a head follows in %d paragraphs only: the test shows little", follows)
	}
}

func plainHeadFollows(d *Doc, p Para) bool {
	var hb, ub [teaserHead + utf8.UTFMax + 1]byte
	head := normalizedHead(hb[:0], d.ParaText(p), teaserHead)
	seen := 0
	for i := p.Last + 1; i < len(d.Lines) && seen <= teaserLead; i++ {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		if c, ok := normalizedFirst(d, l); !ok || len(head) == 0 || c == head[0] {
			u := normalizedHead(ub[:0], d.Text(l), teaserHead)
			if bytes.HasPrefix(head, u) || bytes.HasPrefix(u, head) {
				return true
			}
		}
		seen++
	}
	return false
}
