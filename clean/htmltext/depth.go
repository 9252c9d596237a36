package htmltext

import "bytes"

// maxDepth bounds how deeply a page may nest elements for Extract to build
// its tree. The HTML tree builder takes time quadratic in the number of
// open elements (100,000 nested divs take minutes), and readability time
// proportional to the page's size times its depth (a 680 KB page nested
// 511 deep takes 13 s), while real pages nest a few dozen deep: 51 at
// most on the extraction benchmark's pages.
const maxDepth = 256

// tooDeep reports whether src opens more than limit elements without
// closing them, by a scan far cheaper than tokenizing: it counts start and
// end tags of the elements that stay open until closed, skipping void
// elements, those whose end the parser implies (p, li, td, …), comments,
// self-closing tags and the content of script, style and the like. It
// overestimates on sloppy markup that leaves elements unclosed, which only
// errs towards refusing.
func tooDeep(src []byte, limit int) bool {
	depth := 0
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		if i >= len(src) {
			return false
		}
		switch c := src[i]; {
		case c == '!':
			if bytes.HasPrefix(src[i:], []byte("!--")) {
				k := bytes.Index(src[i+3:], []byte("-->"))
				if k < 0 {
					return false
				}
				i += 3 + k + 3
			}
		case c == '/':
			name := tagName(src[i+1:])
			if len(name) > 0 && counted(name) {
				depth = max(0, depth-1)
			}
		case isASCIILetter(c):
			name := tagName(src[i:])
			k := bytes.IndexByte(src[i:], '>')
			if k < 0 {
				return false
			}
			selfClosing := src[i+k-1] == '/'
			i += k + 1
			if raw := rawTextEnd(name); raw != nil {
				if i = skipTo(src, i, raw); i < 0 {
					return false
				}
				continue
			}
			if !selfClosing && counted(name) {
				if depth++; depth > limit {
					return true
				}
			}
		}
	}
	return false
}

// tagName returns the name at the start of b, as written.
func tagName(b []byte) []byte {
	n := 0
	for n < len(b) && n < 16 && (isASCIILetter(b[n]) || n > 0 && ('0' <= b[n] && b[n] <= '9' || b[n] == '-')) {
		n++
	}
	return b[:n]
}

// lower lower-cases an ASCII tag name into buf.
func lower(buf *[16]byte, name []byte) []byte {
	n := copy(buf[:], name)
	for i := range n {
		buf[i] |= 0x20
	}
	return buf[:n]
}

// counted reports whether an element stays open until its end tag.
func counted(name []byte) bool {
	var buf [16]byte
	switch string(lower(&buf, name)) {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
		"param", "source", "track", "wbr", "image",
		"p", "li", "dd", "dt", "option", "optgroup", "rb", "rp", "rt", "rtc",
		"tr", "td", "th", "tbody", "thead", "tfoot", "colgroup":
		return false
	}
	return true
}

// rawTextEnd returns the end tag that closes an element whose content is
// not markup, or nil.
func rawTextEnd(name []byte) []byte {
	var buf [16]byte
	switch n := string(lower(&buf, name)); n {
	case "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript":
		return []byte("</" + n)
	}
	return nil
}

// skipTo returns the index after the first case-insensitive occurrence of
// end in src at or after i, or -1.
func skipTo(src []byte, i int, end []byte) int {
	for {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if len(src)-i >= len(end) && bytes.EqualFold(src[i:i+len(end)], end) {
			return i + len(end)
		}
		i++
	}
}
