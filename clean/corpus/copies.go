package corpus

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Copies are found with MinHash: two documents' signatures agree in a
// place with a probability equal to the Jaccard similarity of their sets
// of word shingles. Signatures are cut into bands; two documents that
// agree on a whole band are copies (locality-sensitive hashing). With 4
// bands of 2, documents sharing half their shingles are found 68% of the
// time, 80% of them 98%, a fifth of them 15%.
const (
	shingleWords = 5
	bands        = 4
	bandRows     = 2
	// copyLineLen is the length from which a line is prose that tells
	// one article from another; short lines (menus, credits, headings)
	// are what a site's pages share.
	copyLineLen = 80
)

// A shingler computes documents' band fingerprints, reusing its buffers.
type shingler struct {
	words []uint64
	bands [bands]uint32
}

// signature returns doc's band fingerprints, from the words of its long
// lines (four shingles are enough to tell two articles apart), or of all
// its lines when it has fewer.
func (s *shingler) signature(doc []byte) []uint32 {
	s.words = s.words[:0]
	s.wordsOf(doc, copyLineLen)
	if len(s.words) < shingleWords+3 {
		s.words = s.words[:0]
		s.wordsOf(doc, 0)
	}
	// One permutation hashing: each shingle's hash picks a place by its
	// top bits and competes for that place's minimum, one hash a shingle
	// instead of one a place. Empty places borrow from the next full one.
	const places = bands * bandRows
	var mins [places]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
	}
	n := max(1, len(s.words)-shingleWords+1)
	for i := 0; i < n; i++ {
		var sh uint64
		for _, w := range s.words[i:min(i+shingleWords, len(s.words))] {
			sh = sh*fnvPrime + w
		}
		h := mix(sh)
		if j := h >> 61; h < mins[j] {
			mins[j] = h
		}
	}
	for j := range mins {
		for k := 1; mins[j] == ^uint64(0) && k < places; k++ {
			if m := mins[(j+k)%places]; m != ^uint64(0) {
				mins[j] = mix(m + uint64(k))
			}
		}
	}
	for b := range s.bands {
		s.bands[b] = uint32(mix(mins[2*b]*fnvPrime^mins[2*b+1]^uint64(b)) >> 32)
	}
	return s.bands[:]
}

// wordsOf appends the hashes of the lower-cased words (runs of letters
// and digits) of doc's lines of at least minLen bytes.
func (s *shingler) wordsOf(doc []byte, minLen int) {
	eachLine(doc, func(line []byte) {
		if len(bytes.TrimSpace(line)) < minLen {
			return
		}
		h, in := uint64(fnvOffset), false
		for i := 0; i < len(line); {
			c := line[i]
			if c < utf8.RuneSelf {
				i++
				if lc := asciiWord[c]; lc != 0 {
					h = (h ^ uint64(lc)) * fnvPrime
					in = true
					continue
				}
			} else {
				r, size := utf8.DecodeRune(line[i:])
				i += size
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
					in = true
					continue
				}
			}
			if in {
				s.words = append(s.words, h)
				h, in = fnvOffset, false
			}
		}
		if in {
			s.words = append(s.words, h)
		}
	})
}

// fingerprints is a set of band fingerprints in open addressing, cleared
// when it holds max of them.
type fingerprints struct {
	slots []uint32 // 0 is empty
	n     int
	max   int
}

func newFingerprints(max int) *fingerprints {
	return &fingerprints{slots: make([]uint32, 1<<12), max: max}
}

// seenBefore reports whether any of sig's bands was added before, and
// adds them.
func (f *fingerprints) seenBefore(sig []uint32) bool {
	seen := false
	for _, b := range sig {
		if b == 0 {
			b = 1
		}
		if !f.insert(b) {
			seen = true
		}
	}
	return seen
}

// has reports whether any of sig's bands was added before, without adding.
func (f *fingerprints) has(sig []uint32) bool {
	mask := uint32(len(f.slots) - 1)
	for _, b := range sig {
		if b == 0 {
			b = 1
		}
		for i := b & mask; f.slots[i] != 0; i = (i + 1) & mask {
			if f.slots[i] == b {
				return true
			}
		}
	}
	return false
}

// insert adds b and reports whether it was new.
func (f *fingerprints) insert(b uint32) bool {
	if f.n >= f.max {
		clear(f.slots)
		f.n = 0
	} else if 2*(f.n+1) > len(f.slots) {
		old := f.slots
		f.slots, f.n = make([]uint32, 2*len(old)), 0
		for _, x := range old {
			if x != 0 {
				f.insert(x)
			}
		}
	}
	mask := uint32(len(f.slots) - 1)
	for i := b & mask; ; i = (i + 1) & mask {
		switch f.slots[i] {
		case b:
			return false
		case 0:
			f.slots[i] = b
			f.n++
			return true
		}
	}
}

// asciiWord maps an ASCII letter or digit to its lower case, and any other
// byte to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()
