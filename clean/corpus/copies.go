package corpus

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
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

// firstWordWeight is fnvPrime to the power shingleWords-1 (modulo 2^64):
// the weight of a shingle's first word in its hash.
const firstWordWeight = 0x9ffaac085635bc91

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
	// A shingle's hash is its words' in base fnvPrime, the first word
	// highest: each is the one before less its first word, shifted by a
	// word, plus its last.
	var sh uint64
	words := s.words
	for _, w := range words[:min(shingleWords, len(words))] {
		sh = sh*fnvPrime + w
	}
	for i := shingleWords; ; i++ {
		h := mix(sh)
		if j := h >> 61; h < mins[j] {
			mins[j] = h
		}
		if i >= len(words) {
			break
		}
		sh = (sh-words[i-shingleWords]*firstWordWeight)*fnvPrime + words[i]
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
			if line[i] < utf8.RuneSelf {
				end := i + asciiPrefix(line[i:])
				h, in = s.asciiWords(line[i:end], h, in)
				i = end
				continue
			}
			r, size := utf8.DecodeRune(line[i:])
			i += size
			if lower := wordRune(r); lower >= 0 {
				h = (h ^ uint64(lower)) * fnvPrime
				in = true
				continue
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

// asciiWords is wordsOf's loop over a run of ASCII text, given and
// returning the hash of the word in progress and whether there is one.
// It does not branch on the text: a branch per word boundary would be
// mispredicted about once a word, which costs more than the hashing. A
// long run is hashed as two halves in step, which the processor overlaps:
// each byte's hash waits on the previous one's multiplication.
func (s *shingler) asciiWords(run []byte, h uint64, in bool) (uint64, bool) {
	var wasWord uint64
	if in {
		wasWord = 1
	}
	words := slices.Grow(s.words, len(run)/2+4)
	n := len(words)
	words = words[:cap(words)]
	mid := len(run) / 2
	for len(run) >= 64 && mid < len(run) && asciiWordBit[run[mid]] != 0 {
		mid++
	}
	if len(run) < 64 || mid == len(run) {
		n, h, wasWord = hashASCII(words, n, run, h, wasWord)
		s.words = words[:n]
		return h, wasWord != 0
	}
	// The second half starts at a word's end: it starts a new word, and
	// its words, hashed into the room left after the first half's, follow
	// them.
	first, second := run[:mid], run[mid:]
	base2 := n + len(first)/2 + 2
	steps := min(len(first), len(second))
	n, n2, h, h2, wasWord, wasWord2 := hashASCIIPair(words, n, base2, first[:steps], second[:steps], h, wasWord)
	n, h, wasWord = hashASCII(words, n, first[steps:], h, wasWord)
	n2, h2, wasWord2 = hashASCII(words, n2, second[steps:], h2, wasWord2)
	words[n] = h
	n += int(wasWord) // ended by the second half's first byte
	n += copy(words[n:], words[base2:n2])
	s.words = words[:n]
	return h2, wasWord2 != 0
}

// hashASCIIPair is hashASCII over two runs of the same length in step,
// the second starting a new word, into words from n and from n2.
func hashASCIIPair(words []uint64, n, n2 int, run, run2 []byte, h, wasWord uint64) (int, int, uint64, uint64, uint64, uint64) {
	h2, wasWord2 := uint64(fnvOffset), uint64(0)
	run2 = run2[:len(run)]
	for i, c := range run {
		c2 := run2[i]
		words[n], words[n2] = h, h2
		isWord, isWord2 := uint64(asciiWordBit[c]), uint64(asciiWordBit[c2])
		n += int(wasWord &^ isWord)
		n2 += int(wasWord2 &^ isWord2)
		if isWord == 0 {
			h = fnvOffsetPreimage
		}
		if isWord2 == 0 {
			h2 = fnvOffsetPreimage
		}
		h = (h ^ uint64(asciiWord[c])) * fnvPrime
		h2 = (h2 ^ uint64(asciiWord[c2])) * fnvPrime
		wasWord, wasWord2 = isWord, isWord2
	}
	return n, n2, h, h2, wasWord, wasWord2
}

// hashASCII hashes run's words into words from n on, which has room for
// two more than half of run's length, and returns the new n, and the hash
// of the word in progress and 1 if there is one, given as h and wasWord.
func hashASCII(words []uint64, n int, run []byte, h, wasWord uint64) (int, uint64, uint64) {
	for _, c := range run {
		isWord := uint64(asciiWordBit[c])
		// Each byte stores h, and a byte that ends a word keeps it.
		words[n] = h
		n += int(wasWord &^ isWord)
		if isWord == 0 {
			h = fnvOffsetPreimage // becomes fnvOffset below, as asciiWord[c] is 0
		}
		h = (h ^ uint64(asciiWord[c])) * fnvPrime
		wasWord = isWord
	}
	return n, h, wasWord
}

// fnvOffsetPreimage times fnvPrime is fnvOffset (modulo 2^64): a non-word
// byte hashes it into the offset a new word starts from, without a branch.
const fnvOffsetPreimage = 2094230015291517895

// asciiPrefix returns the length of b's leading run of ASCII bytes.
func asciiPrefix(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if x := binary.LittleEndian.Uint64(b[i:]) & 0x8080808080808080; x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for ; i < len(b) && b[i] < utf8.RuneSelf; i++ {
	}
	return i
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

// wordRune returns r lower-cased if it is a letter or digit, else -1.
func wordRune(r rune) rune {
	if r < rune(len(twoByteWordRunes)) {
		return twoByteWordRunes[r]
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return unicode.ToLower(r)
	}
	return -1
}

// twoByteWordRunes is wordRune of the runes of one or two bytes of UTF-8
// (Latin, Greek, Cyrillic, Hebrew, Arabic...): Unicode's tables are
// searched once, not at every letter.
var twoByteWordRunes = func() (t [0x800]rune) {
	for r := range rune(len(t)) {
		t[r] = -1
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			t[r] = unicode.ToLower(r)
		}
	}
	return t
}()

// asciiWord maps an ASCII letter or digit to its lower case, and any other
// byte to 0; asciiWordBit maps them to 1 and 0.
var asciiWord, asciiWordBit = func() (t, bit [256]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	for c, lc := range t {
		if lc != 0 {
			bit[c] = 1
		}
	}
	return t, bit
}()
