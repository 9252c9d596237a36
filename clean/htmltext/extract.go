package htmltext

import (
	"bytes"
	"errors"
	"fmt"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/decruft/decruft/clean"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Mode says how much of a page becomes text.
type Mode int

const (
	// Article is the page's main content, as readability finds it.
	Article Mode = iota
	// Whole is every text a browser shows, menus and footers included.
	Whole
)

// A Page is the text of an HTML page, ready for the rules:
// clean.CleanWith(p.Text, rules, clean.Options{Hints: p.Hints}).
type Page struct {
	// Text is the page's paragraphs, one a line, separated by blank
	// lines. It ends in a newline.
	Text []byte
	// Hints are lines of Text that the page's markup marks as cruft (a
	// figcaption, a share bar), credited to the rule that removes such
	// text. The engine's guard judges them like the rules' candidates.
	Hints []clean.Hint
	// Title is the article's title, which Text does not hold; "" for
	// Whole or when the page has none.
	Title string
	// Encoding is what the page was read as: "utf-8", a declared charset
	// such as "windows-1252", or "" when the page is not UTF-8 and
	// declares nothing, and its bytes were taken as they are.
	Encoding string
}

var (
	// ErrNoArticle is returned when a page holds no article: what
	// readability finds holds less than minArticle bytes outside links.
	ErrNoArticle = errors.New("no article found")
	// ErrTooDeep is returned when a page nests elements too deeply to
	// build its tree in reasonable time.
	ErrTooDeep = fmt.Errorf("elements nested more than %d deep", maxDepth)
)

// Extract returns the text of an HTML page in the given mode.
//
// For Article, readability (codeberg.org/readeck/go-readability, a port
// of Firefox's Reader View) finds the main content. When what it finds
// holds less than minArticle bytes of text outside links (a list of
// headlines, a login form, a "page not found"), Extract returns
// ErrNoArticle rather than a guess. The title is not part of the text, and
// a page nested more than maxDepth deep gives ErrTooDeep.
func Extract(src []byte, mode Mode) (*Page, error) {
	src, enc := decode(src)
	p := &Page{Encoding: enc}
	if mode == Whole {
		p.Text, p.Hints = flatten(src)
		return p, nil
	}
	if tooDeep(src, maxDepth) {
		return nil, ErrTooDeep
	}
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	parser := readability.NewParser()
	parser.KeepClasses = true // the signals read them
	art, err := parser.ParseAndMutate(doc, nil)
	if err != nil || art.Node == nil {
		return nil, ErrNoArticle
	}
	p.Title = art.Title()
	var plain int
	p.Text, p.Hints, plain = render(art.Node)
	if plain < minArticle {
		return nil, ErrNoArticle
	}
	return p, nil
}

// render writes the text of the tree at root as flatten would write its
// markup, the hints its signals give, and how many bytes of it are
// outside links.
func render(root *html.Node) (text []byte, hs []clean.Hint, plain int) {
	x := &extractor{link: -1}
	m := &marker{x: x}
	enter := func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			x.text([]byte(n.Data))
		case html.ElementNode:
			a := atom.Lookup([]byte(n.Data))
			if a == atom.Template {
				return false
			}
			x.start(a, false)
			m.enter(a, "", nodeSignal(n, a))
			return true
		}
		return false
	}
	leave := func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		a := atom.Lookup([]byte(n.Data))
		if a == atom.Template {
			return
		}
		x.end(a)
		m.leave()
	}
	// Walk without recursion: the tree may be deep.
	n := root
walk:
	for {
		if enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			leave(n)
			if n == root {
				break walk
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
	text = x.finish()
	return text, m.hints(text), x.plain
}

// minArticle is the least text outside links that makes an article, in
// bytes of UTF-8 (a space between words counts, line breaks do not): a
// Chinese or Japanese character counts three, as it says about as much as
// three letters of English. Readability always finds something; on a page
// without an article that is a list of headlines (all links), a "page not
// found" notice or a login form, all well below it. The shortest articles
// of the extraction benchmark hold about 400.
const minArticle = 200
