package htmltext

import (
	"bytes"
	"unicode/utf8"

	"github.com/decruft/decruft/clean"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// flatten extracts the text of a whole HTML page or fragment as paragraphs
// that the text rules can then clean, and the hints its markup gives.
//
// Block elements (p, div, h1–h6, li, blockquote, figure, figcaption, pre,
// table rows, section, br, …) end a paragraph, and paragraphs are separated
// by one blank line; inline elements join. Entities are decoded. Text in
// script, style, noscript, template, title and comments is dropped, as a
// browser does not show it. White space collapses to single spaces as a
// browser renders it (a no-break space counts as white space here, so that
// rules see "Read More" whatever space the page used); pre keeps its lines.
// Table cells are separated by a space.
//
// Two structures are kept apart so that the rules recognise them: a link
// whose whole text is a "Read More" link (as the readmore rule defines it)
// goes on a line of its own, and a "Cartoon by NAME" credit inside a
// figcaption starts a paragraph of its own.
//
// flatten uses the x/net/html tokenizer, not the tree builder, so that
// time is linear in the input however deep it nests. The text is built
// with a few counters; the signals follow a stack of the elements open,
// where an end tag closes the innermost open element of its name and those
// inside it, and an end tag with none open is ignored. Malformed markup
// (unclosed tags, stray end tags) is read the way the tokenizer reads it.
// An unclosed pre, template or figcaption lasts to the end of the input.
// The input is taken to be UTF-8 (Extract decodes other charsets).
//
// The result is text, not HTML: removals found in it are offsets into the
// extracted text. It ends in a newline unless it is empty.
func flatten(src []byte) ([]byte, []clean.Hint) {
	x := &extractor{out: make([]byte, 0, len(src)/2), link: -1}
	m := &marker{x: x, count: map[string]int{}}
	// A byte order mark only names the encoding.
	z := html.NewTokenizer(bytes.NewReader(bytes.TrimPrefix(src, bom)))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// Reading from memory, the tokenizer stops only at the end.
			text := x.finish()
			return text, m.hints(text)
		case html.TextToken:
			if x.hidden > 0 {
				continue
			}
			x.text(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			a := atom.Lookup(name)
			selfClosing := tt == html.SelfClosingTagToken
			x.start(a, selfClosing)
			if selfClosing || isVoid(a) {
				continue
			}
			var class, id, role string
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "class":
					class = string(v)
				case "id":
					id = string(v)
				case "role":
					role = string(v)
				}
			}
			m.enter(a, tagKey(a, name), signal(a, class, id, role))
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			x.end(a)
			m.closeTo(tagKey(a, name))
		}
		// Comments and doctypes produce no text.
	}
}

// tagKey names an element for matching its end tag: its atom's name, or
// for elements without one (custom elements) the name itself.
func tagKey(a atom.Atom, name []byte) string {
	if a != 0 {
		return a.String()
	}
	return string(name)
}

// isVoid reports whether an element has no content and no end tag.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Keygen, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// extractor builds the text. It holds counters, not a stack of elements:
// depth costs nothing, and stray end tags only clamp a counter at zero.
type extractor struct {
	out []byte
	// space is collapsible white space seen since the last text on the line.
	space bool
	// brk asks for a paragraph break before the next text.
	brk bool
	// pre counts open pre (and listing, textarea) elements; inside them
	// white space is kept.
	pre int
	// preStart drops the newline that directly follows <pre>, as browsers do.
	preStart bool
	// hidden counts open template elements, whose content is not shown.
	// (script, style, noscript and title are raw text elements: their
	// content comes as one text token, skipped through rawHidden.)
	hidden int
	// rawHidden is set inside a raw text element whose text is not shown.
	rawHidden bool
	// caption counts open figcaption elements.
	caption int
	// linkDepth counts open a elements; link is the offset in out of the
	// outermost open link's first text, or -1 before it has any.
	link      int
	linkDepth int
	// lineStart is the offset in out where the current line began.
	lineStart int
	// written counts the bytes written on lines, and plain those outside
	// links.
	written, plain int
}

func (x *extractor) start(a atom.Atom, selfClosing bool) {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Title, atom.Noembed, atom.Noframes, atom.Iframe:
		if !selfClosing {
			x.rawHidden = true
		}
		return
	case atom.Template:
		if !selfClosing {
			x.hidden++
		}
		return
	case atom.Td, atom.Th:
		x.space = true
		return
	case atom.A:
		if !selfClosing {
			if x.linkDepth == 0 {
				x.link = -1
			}
			x.linkDepth++
		}
		return
	}
	if isBlock(a) {
		x.paragraph()
	}
	switch a {
	case atom.Pre, atom.Listing, atom.Textarea:
		if !selfClosing {
			x.pre++
			x.preStart = true
		}
	case atom.Figcaption:
		if !selfClosing {
			x.caption++
		}
	}
}

func (x *extractor) end(a atom.Atom) {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Title, atom.Noembed, atom.Noframes, atom.Iframe:
		x.rawHidden = false
		return
	case atom.Template:
		x.hidden = max(0, x.hidden-1)
		return
	case atom.Td, atom.Th:
		x.space = true
		return
	case atom.A:
		if x.linkDepth > 0 {
			x.linkDepth--
			if x.linkDepth == 0 {
				x.endLink()
			}
		}
		return
	}
	switch a {
	case atom.Pre, atom.Listing, atom.Textarea:
		x.pre = max(0, x.pre-1)
		x.preStart = false
	case atom.Figcaption:
		x.caption = max(0, x.caption-1)
	}
	if isBlock(a) {
		x.paragraph()
	}
}

// paragraph ends the current paragraph, if any text is pending.
func (x *extractor) paragraph() {
	x.brk = true
	x.space = false
	x.preStart = false
}

// text appends a text token's decoded content.
func (x *extractor) text(t []byte) {
	if x.rawHidden {
		return
	}
	if x.pre > 0 {
		x.preText(t)
		return
	}
	if x.caption > 0 {
		if i := creditStart(x.out[x.lineStart:], t); i >= 0 {
			x.words(t[:i])
			x.paragraph()
			t = t[i:]
		}
	}
	x.words(t)
}

// words appends t with its white space collapsed.
func (x *extractor) words(t []byte) {
	for i := 0; i < len(t); {
		c := t[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			x.space = true
			i++
			continue
		}
		if c == 0xc2 && i+1 < len(t) && t[i+1] == 0xa0 { // U+00A0 no-break space
			x.space = true
			i += 2
			continue
		}
		j := i + 1
		for j < len(t) {
			c := t[j]
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xc2 && j+1 < len(t) && t[j+1] == 0xa0 {
				break
			}
			j++
		}
		x.write(t[i:j])
		i = j
	}
}

// preText appends preformatted text line by line, normalising line ends.
func (x *extractor) preText(t []byte) {
	if x.preStart {
		x.preStart = false
		if len(t) > 0 && t[0] == '\n' {
			t = t[1:]
		} else if bytes.HasPrefix(t, []byte("\r\n")) {
			t = t[2:]
		}
	}
	t = bytes.ReplaceAll(t, []byte("\r\n"), []byte("\n"))
	for len(t) > 0 {
		line, rest, nl := bytes.Cut(t, []byte("\n"))
		if len(line) > 0 {
			x.write(line)
		}
		if nl {
			x.begin()
			// Blank lines collapse to one, in pre too, and none leads.
			if len(x.out) > 0 && !bytes.HasSuffix(x.out, []byte("\n\n")) {
				x.out = append(x.out, '\n')
			}
			x.lineStart = len(x.out)
		}
		t = rest
	}
}

// write appends a run of text, after any pending break or space.
func (x *extractor) write(t []byte) {
	x.begin()
	n := len(t)
	if x.space && len(x.out) > x.lineStart {
		x.out = append(x.out, ' ')
		n++
	}
	x.space = false
	if x.linkDepth > 0 && x.link < 0 {
		x.link = len(x.out)
	}
	x.written += n
	if x.linkDepth == 0 {
		x.plain += n
	}
	x.out = append(x.out, t...)
}

// begin writes a pending paragraph break before new text.
func (x *extractor) begin() {
	if !x.brk {
		return
	}
	x.brk = false
	x.trimEnd()
	if len(x.out) > 0 {
		x.out = append(x.out, '\n', '\n')
	}
	x.lineStart = len(x.out)
	x.space = false
}

// trimEnd drops trailing white space, so that breaks never leave blank
// lines with spaces or doubled blank lines behind.
func (x *extractor) trimEnd() {
	n := len(x.out)
	for n > 0 && (x.out[n-1] == ' ' || x.out[n-1] == '\t' || x.out[n-1] == '\n') {
		n--
	}
	x.out = x.out[:n]
	if x.lineStart > n {
		x.lineStart = n
	}
}

// endLink puts a link whose whole text is a "Read More" link on a line
// of its own.
func (x *extractor) endLink() {
	start := x.link
	x.link = -1
	if start < x.lineStart || start > len(x.out) {
		return // no text, or a block inside the link broke its line
	}
	t := x.out[start:]
	if !clean.IsReadMore(t) {
		return
	}
	if start > x.lineStart {
		link := append([]byte(nil), t...)
		x.out = x.out[:start]
		x.paragraph()
		x.write(link)
	}
	x.paragraph()
}

// creditStart returns where a "Cartoon by " credit starts in t, when it
// follows other caption text on the line (line) after a closing quote or
// sentence end, or opens t after earlier text; -1 otherwise.
func creditStart(line, t []byte) int {
	i := bytes.Index(t, []byte("Cartoon by "))
	if i < 0 {
		return -1
	}
	before := bytes.TrimRight(t[:i], " \t\n\r\f\u00a0")
	if len(before) == 0 {
		if len(bytes.TrimSpace(line)) == 0 {
			return -1 // already starts its line
		}
		return i
	}
	r, _ := utf8.DecodeLastRune(before)
	switch r {
	case '”', '"', '’', '\'', '.', '!', '?', ')', '…':
		return i
	}
	return -1
}

func (x *extractor) finish() []byte {
	x.trimEnd()
	if len(x.out) > 0 {
		x.out = append(x.out, '\n')
	}
	return x.out
}

// isBlock reports whether an element breaks paragraphs.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Br,
		atom.Caption, atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div,
		atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Head, atom.Header,
		atom.Hgroup, atom.Hr, atom.Html, atom.Legend, atom.Li, atom.Listing, atom.Main,
		atom.Menu, atom.Nav, atom.Ol, atom.Optgroup, atom.Option, atom.P, atom.Plaintext,
		atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Textarea,
		atom.Tfoot, atom.Thead, atom.Tr, atom.Ul:
		return true
	}
	return false
}

// mark returns where the text written next starts, or after it the end of
// the text written since: the length of the text without the white space
// that a later break may drop.
func (x *extractor) mark() int {
	return len(bytes.TrimRight(x.out, " \t\n"))
}
