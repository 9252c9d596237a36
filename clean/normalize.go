package clean

import (
	"unicode/utf8"
)

// normalize folds the differences that copies of the same text pick up on
// the way through scrapers: runs of white space, curly and straight quotes,
// and dash variants. Nothing looser: case and punctuation otherwise count.
// Invalid UTF-8 bytes are kept as they are, so they still compare exactly.
func normalize(b []byte) string { return normalizePrefix(b, len(b)) }

// normalizePrefix is normalize that stops once it has n bytes of output:
// comparing a line to a short teaser needs no more.
func normalizePrefix(b []byte, n int) string {
	// The output is no longer than b, and passes n by one rune and a space
	// at most. Most paragraphs fit in buf, and cost only the string.
	var buf [512]byte
	dst := buf[:0]
	if size := min(len(b), n+utf8.UTFMax); size > len(buf) {
		dst = make([]byte, 0, size)
	}
	return string(appendNormalized(dst, b, n))
}

// appendNormalized appends normalizePrefix(b, n) to dst: comparisons of
// short heads use a buffer on the stack and allocate nothing.
func appendNormalized(dst, b []byte, n int) []byte {
	n += len(dst)
	empty := len(dst)
	space := false
	for i := 0; i < len(b) && len(dst) < n; {
		if c := b[i]; c < utf8.RuneSelf {
			// ASCII, the common case, without decoding.
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				space = true
				continue
			}
			if space && len(dst) > empty {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if space && len(dst) > empty {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, b[i])
			i++
			continue
		}
		i += size
		switch r {
		case '\u00a0', '\u2009', '\u202f', '\u200b':
			space = true
			continue
		case '‘', '’', '‚', '‛', '′':
			r = '\''
		case '“', '”', '„', '‟', '″':
			r = '"'
		case '–', '—', '‒', '―', '−':
			r = '-'
		}
		if space && len(dst) > empty {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// hasPrefix reports whether s begins with p, without converting p.
func hasPrefix(s string, p []byte) bool { return len(s) >= len(p) && s[:len(p)] == string(p) }
