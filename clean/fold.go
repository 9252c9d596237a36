package clean

import "bytes"

// isASCII reports whether b holds only ASCII bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// rarestByte returns the index of w's rarest byte (see byteRank): a search
// for w steps from each place of that byte.
func rarestByte(w []byte) int {
	k := 0
	for i, c := range w {
		if byteRank[c] > byteRank[w[k]] {
			k = i
		}
	}
	return k
}

// indexFoldASCII returns where s first holds lower-case ASCII word w up to
// the case of ASCII letters, or -1, trying only the places where s holds
// w's byte k in either case.
func indexFoldASCII(s, w []byte, k int) int {
	lo, up := w[k], w[k]
	if 'a' <= lo && lo <= 'z' {
		up = lo - ('a' - 'A')
	}
	nextLo, nextUp := -1, -1 // the next places of lo and up, len(s) for none
	for i := k; i < len(s); i++ {
		if nextLo < i {
			nextLo = indexByteFrom(s, i, lo)
		}
		if nextUp < i {
			nextUp = nextLo
			if up != lo {
				nextUp = indexByteFrom(s, i, up)
			}
		}
		i = min(nextLo, nextUp)
		if i == len(s) {
			return -1
		}
		if start := i - k; start+len(w) <= len(s) && equalFoldASCII(s[start:start+len(w)], w) {
			return start
		}
	}
	return -1
}

// indexByteFrom returns the index of the first c in s from i on, or len(s).
func indexByteFrom(s []byte, i int, c byte) int {
	if j := bytes.IndexByte(s[i:], c); j >= 0 {
		return i + j
	}
	return len(s)
}

// equalFoldASCII reports whether s is lower-case ASCII word w up to the
// case of ASCII letters.
func equalFoldASCII(s, w []byte) bool {
	for i, c := range s {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// hasPrefixFoldASCII reports whether t starts with lower-case ASCII word w
// up to the case of ASCII letters.
func hasPrefixFoldASCII(t, w []byte) bool {
	return len(t) >= len(w) && equalFoldASCII(t[:len(w)], w)
}

// containsFold reports whether t holds word, lower-case ASCII, in any case.
func containsFold(t []byte, word string) bool {
	w := []byte(word)
	return indexFoldASCII(t, w, rarestByte(w)) >= 0
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		c -= 'a' - 'A'
	}
	return c
}

// lowersToASCII are the runes beyond ASCII that lower-case to ASCII, and
// what they become (the Kelvin sign "k").
var lowersToASCII = [...]struct {
	from string
	to   byte
}{{"\u0130", 'i'}, {"\u212a", 'k'}}

// foldsAsASCII reports whether lower-case word w is ASCII and text holds
// none of lowersToASCII that w's letters could come from: then w stands
// in text lower-cased just where it stands in text with its ASCII letters
// lower-cased, as other runes lower-case to letters just when they are
// letters.
func foldsAsASCII(text, w []byte) bool {
	if !isASCII(w) {
		return false
	}
	for _, r := range lowersToASCII {
		if bytes.IndexByte(w, r.to) >= 0 && bytes.Contains(text, []byte(r.from)) {
			return false
		}
	}
	return true
}
