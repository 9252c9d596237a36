// Package htmltext turns HTML pages into the paragraphs of text that
// decruft's rules read: the article that go-readability finds in a page
// (Article), or all its text (Whole), with hints from its markup (a
// figcaption, a share bar, a list of links) for the engine's guard to
// judge beside the rules' own candidates.
//
// It is a front end of package clean: the rules never see markup, and the
// engine imports no HTML code.
package htmltext

import (
	"bytes"

	"golang.org/x/net/html/atom"
)

// bom is the UTF-8 byte order mark.
var bom = []byte("\xef\xbb\xbf")

// LooksLikeHTML reports whether src is markup rather than text: after an
// optional byte order mark and white space it starts with a doctype, a
// comment, or the start tag of a document or block element (html, head,
// body, article, div, p, h1, table, …) or a link or span, and more markup
// follows before the first blank line. It is a guess
// for choosing a default: plain text starting with "<3" or a "<b>"-style
// inline tag is taken as text, and callers should let users say which
// format they mean.
func LooksLikeHTML(src []byte) bool {
	src = bytes.TrimPrefix(src, bom)
	src = bytes.TrimLeft(src, " \t\r\n\f")
	if len(src) < 3 || src[0] != '<' {
		return false
	}
	if src[1] == '!' {
		return bytes.HasPrefix(src, []byte("<!--")) ||
			len(src) >= 9 && bytes.EqualFold(src[2:9], []byte("doctype"))
	}
	n := 1
	for n < len(src) && n < 16 && (isASCIILetter(src[n]) || n > 1 && '0' <= src[n] && src[n] <= '9') {
		n++
	}
	if n == 1 || n == len(src) {
		return false
	}
	if c := src[n]; c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
		return false
	}
	switch a := atom.Lookup(bytes.ToLower(src[1:n])); {
	case a == atom.Html || a == atom.Head || a == atom.Body:
		return true
	case a == atom.A || a == atom.Span || a == atom.Meta || a == atom.Link ||
		a == atom.Img || a == atom.Script || a == atom.Style || a == atom.Title ||
		isBlock(a) && a != atom.Br:
		return moreMarkup(src[n:])
	}
	return false
}

// moreMarkup reports whether another tag follows the first one before the
// text's first blank line, if it has one: markup goes on (a closing tag,
// the next element), while an article that opens with a tag's name ("<div>
// soup is back: …") goes on in words and then a blank line.
func moreMarkup(rest []byte) bool {
	for i := 0; i+1 < len(rest) && i < 64<<10; i++ {
		switch c := rest[i]; {
		case c == '\n' && blankLineAt(rest[i+1:]):
			return false
		case c == '<' && (isASCIILetter(rest[i+1]) || rest[i+1] == '/' || rest[i+1] == '!'):
			return true
		}
	}
	return true
}

// blankLineAt reports whether b starts with a blank line.
func blankLineAt(b []byte) bool {
	for _, c := range b {
		switch c {
		case '\n':
			return true
		case ' ', '\t', '\r', '\f':
		default:
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
