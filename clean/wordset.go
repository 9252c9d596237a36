package clean

import (
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// A wordSet is a lexicon set that knows the first two bytes of its
// entries, in lower case: they rule out most words before Has lower-cases
// them and looks them up.
type wordSet struct {
	*lexicon.Set
	firsts [256]bool
	pairs  [1 << 16 / 64]uint64
}

func newWordSet(s *lexicon.Set) *wordSet {
	q := &wordSet{Set: s}
	for _, e := range s.Entries() {
		if e == "" {
			continue
		}
		// Entries are lower case; marking their bytes as they are too
		// keeps Has exact should one not be.
		q.firsts[e[0]] = true
		q.firsts[lowerByte(e[0])] = true
		if len(e) >= 2 {
			q.markPair(e[0], e[1])
			q.markPair(lowerByte(e[0]), lowerByte(e[1]))
		}
	}
	return q
}

func (q *wordSet) markPair(a, b byte) {
	k := uint(a)<<8 | uint(b)
	q.pairs[k/64] |= 1 << (k % 64)
}

// Has reports what q.Set.Has(w) does. A word that starts with ASCII keeps
// that start in lower case, so an entry must start with it too.
func (q *wordSet) Has(w string) bool {
	if len(w) > 0 && w[0] < utf8.RuneSelf {
		a := lowerByte(w[0])
		if !q.firsts[a] {
			return false
		}
		if len(w) >= 2 && w[1] < utf8.RuneSelf {
			k := uint(a)<<8 | uint(lowerByte(w[1]))
			if q.pairs[k/64]&(1<<(k%64)) == 0 {
				return false
			}
		}
	}
	return q.Set.Has(w)
}

// lowerByte lower-cases an ASCII letter.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}
