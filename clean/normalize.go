package clean

import (
	"strings"
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
	var sb strings.Builder
	sb.Grow(min(len(b), n))
	space := false
	for i := 0; i < len(b) && sb.Len() < n; {
		if c := b[i]; c < utf8.RuneSelf {
			// ASCII, the common case, without decoding.
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				space = true
				continue
			}
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteByte(c)
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteByte(b[i])
			i++
			continue
		}
		i += n
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
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}
