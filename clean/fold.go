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

// rarestByte returns the index of w's rarest byte, as indexRare picks it.
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
