package htmltext

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// decode returns src as UTF-8, without a byte order mark, and the name of
// the encoding it was read in: "utf-8", a declared charset such as
// "windows-1252" or "shift_jis", or "" when src is not UTF-8 and declares
// nothing, in which case its bytes are returned as they are.
//
// A byte order mark decides first. Then valid UTF-8 holding non-ASCII
// text is read as UTF-8 whatever a <meta> says: saved and re-encoded
// pages often keep a stale declaration, and text in a legacy encoding is
// almost never valid UTF-8 by chance. Otherwise the charset a <meta>
// declares in the first 1024 bytes is used, as browsers do.
func decode(src []byte) ([]byte, string) {
	switch {
	case bytes.HasPrefix(src, bom):
		return src[len(bom):], "utf-8"
	case bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		return decodeAs(src[2:], "utf-16be")
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}):
		return decodeAs(src[2:], "utf-16le")
	}
	ascii := isASCII(src)
	if !ascii && utf8.Valid(src) {
		return src, "utf-8"
	}
	if name := declared(src[:min(len(src), 1024)]); name != "" && name != "utf-8" {
		return decodeAs(src, name)
	}
	if ascii {
		return src, "utf-8"
	}
	return src, ""
}

// decodeAs decodes src from the named encoding; bytes that are invalid in
// it become U+FFFD.
func decodeAs(src []byte, name string) ([]byte, string) {
	e, canonical := charset.Lookup(name)
	if e == nil {
		return src, ""
	}
	out, err := e.NewDecoder().Bytes(src)
	if err != nil {
		return src, ""
	}
	return out, canonical
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// declared returns the canonical name of the charset that a <meta charset>
// or <meta http-equiv="Content-Type" content="…; charset=…"> in head
// declares, or "". A declared UTF-16 means UTF-8, as the HTML standard
// says: a page that could be read this far is not UTF-16.
func declared(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var label, content string
			pragma := false
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					label = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					pragma = strings.EqualFold(string(v), "content-type")
				}
			}
			if label == "" && pragma {
				label = charsetParam(content)
			}
			if label == "" {
				continue
			}
			if _, name := charset.Lookup(label); name != "" {
				if strings.HasPrefix(name, "utf-16") {
					return "utf-8"
				}
				return name
			}
		}
	}
}

// charsetParam returns the charset named in a Content-Type value, "" if none.
func charsetParam(content string) string {
	i := strings.Index(strings.ToLower(content), "charset")
	if i < 0 {
		return ""
	}
	s := strings.TrimLeft(content[i+len("charset"):], " \t\n\f\r")
	s, ok := strings.CutPrefix(s, "=")
	if !ok {
		return ""
	}
	s = strings.Trim(strings.TrimLeft(s, " \t\n\f\r"), `"'`)
	if end := strings.IndexAny(s, "; \t\n\f\r\"'"); end >= 0 {
		s = s[:end]
	}
	return s
}
