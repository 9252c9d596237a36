package jsonl

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode/utf16"
	"unicode/utf8"
)

// unquote appends the decoded text of a raw JSON string (quotes included,
// already checked by the scanner) to dst. It decodes as encoding/json
// does: each invalid UTF-8 byte and each unpaired surrogate escape becomes
// U+FFFD. valid says raw is known to be valid UTF-8.
func unquote(dst, raw []byte, valid bool) []byte {
	s := raw[1 : len(raw)-1]
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			switch s[i+1] {
			case 'b':
				dst = append(dst, '\b')
			case 'f':
				dst = append(dst, '\f')
			case 'n':
				dst = append(dst, '\n')
			case 'r':
				dst = append(dst, '\r')
			case 't':
				dst = append(dst, '\t')
			case 'u':
				r := hex4(s[i+2:])
				i += 6
				if utf16.IsSurrogate(r) {
					if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
						if dec := utf16.DecodeRune(r, hex4(s[i+2:])); dec != utf8.RuneError {
							r = dec
							i += 6
						} else {
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				}
				dst = utf8.AppendRune(dst, r)
				continue
			default: // '"', '\\', '/'
				dst = append(dst, s[i+1])
			}
			i += 2
		default:
			// A run up to the next escape, copied whole when it is valid
			// UTF-8 (the common case), else rune by rune.
			j := bytes.IndexByte(s[i:], '\\')
			if j < 0 {
				j = len(s)
			} else {
				j += i
			}
			if run := s[i:j]; valid || utf8.Valid(run) {
				dst = append(dst, run...)
			} else {
				dst = appendValid(dst, run)
			}
			i = j
		}
	}
	return dst
}

// decodeValue returns the decoded text of the string value loc found in
// body: in place when it needs no decoding, else decoded into scratch,
// which it returns as it grew it.
func decodeValue(body []byte, loc located, scratch []byte) (text, newScratch []byte) {
	raw := body[loc.value.start:loc.value.end]
	text = raw[1 : len(raw)-1]
	valid := loc.ascii || utf8.Valid(text)
	if !loc.escaped && valid {
		return text, scratch
	}
	// The decoded text is rarely longer than the raw string: one
	// allocation, not a dozen, when the caller has no buffer to reuse.
	// Escapes are ASCII: the runs between them are valid when the whole is.
	scratch = unquote(slices.Grow(scratch[:0], len(raw)), raw, valid)
	return scratch, scratch
}

// appendValid appends b with each invalid UTF-8 byte replaced by U+FFFD.
func appendValid(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			dst = utf8.AppendRune(dst, r)
		} else {
			dst = append(dst, b[i:i+n]...)
		}
		i += n
	}
	return dst
}

func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

const hexDigits = "0123456789abcdef"

// quote appends s as a JSON string to dst, escaping as encoding/json does
// with HTML escaping off: quotes, backslashes, control characters, U+2028
// and U+2029 are escaped; invalid UTF-8 becomes \ufffd; "<", ">" and "&"
// stay as they are.
func quote(dst, s []byte) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while they need no escape.
		for i+8 <= len(s) {
			x := binary.LittleEndian.Uint64(s[i:])
			if stop := stringStops(x) | x&highs; stop != 0 {
				i += bits.TrailingZeros64(stop) / 8
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += n
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += n
			start = i
			continue
		}
		i += n
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
