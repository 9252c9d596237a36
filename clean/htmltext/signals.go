package htmltext

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/decruft/decruft/clean"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A sig is what an element's markup says of its text: the rule credited
// with it, and why. byName is set when only a class or id name says so:
// such names also sit on containers of the article ("tag-share-prices").
type sig struct {
	rule, why string
	byName    bool
}

// signal returns what an element (of atom a, with these attributes) says
// of its text; a zero sig when it says nothing.
func signal(a atom.Atom, class, id, role string) sig {
	switch a {
	case atom.Figcaption:
		return sig{rule: "credit", why: "in <figcaption>"}
	case atom.Aside:
		return sig{rule: "related", why: "in <aside>"}
	case atom.Nav:
		return sig{rule: "navigation", why: "in <nav>"}
	case atom.Footer:
		return sig{rule: "footer", why: "in <footer>"}
	}
	switch role {
	case "navigation":
		return sig{rule: "navigation", why: `role "navigation"`}
	case "contentinfo":
		return sig{rule: "footer", why: `role "contentinfo"`}
	}
	if rule, name := nameSignal(class); rule != "" {
		return sig{rule, `class "` + name + `"`, true}
	}
	if rule, name := nameSignal(id); rule != "" {
		return sig{rule, `id "` + name + `"`, true}
	}
	return sig{}
}

// nodeSignal is signal for an element of a tree.
func nodeSignal(n *html.Node, a atom.Atom) sig {
	var class, id, role string
	for _, at := range n.Attr {
		switch at.Key {
		case "class":
			class = at.Val
		case "id":
			id = at.Val
		case "role":
			role = at.Val
		}
	}
	return signal(a, class, id, role)
}

// A marker follows the elements open while their text is written, and
// marks the text of those that signals name.
type marker struct {
	x     *extractor
	open  []frame
	count map[string]int // open frames by name, for end tags
	marks []mark
}

// A frame is an element being written.
type frame struct {
	a             atom.Atom
	name          string // to match end tags (flatten; "" in a tree)
	start         int    // mark where its text starts
	written, link int    // bytes of text written before it, and those in links
	sig
}

// A mark is the text of an element that a signal names, for a hint.
type mark struct {
	start, end int // in the text
	sig
}

// enter opens an element whose text follows.
func (m *marker) enter(a atom.Atom, name string, s sig) {
	x := m.x
	m.open = append(m.open, frame{a: a, name: name, start: x.mark(), written: x.written, link: x.written - x.plain, sig: s})
	if m.count != nil {
		m.count[name]++
	}
}

// leave closes the innermost open element.
func (m *marker) leave() {
	x := m.x
	f := m.open[len(m.open)-1]
	m.open = m.open[:len(m.open)-1]
	if m.count != nil {
		m.count[f.name]--
	}
	if f.rule == "" {
		f.sig = linkSignal(f, x.out[min(f.start, len(x.out)):], x.written-f.written, x.written-x.plain-f.link)
	}
	if f.rule != "" {
		m.marks = append(m.marks, mark{start: f.start, end: x.mark(), sig: f.sig})
	}
}

// closeTo closes the innermost open element of that name and those inside
// it, as an end tag does; an end tag with nothing open to close does
// nothing.
func (m *marker) closeTo(name string) {
	if m.count[name] == 0 {
		return
	}
	for {
		last := m.open[len(m.open)-1].name == name
		m.leave()
		if last {
			return
		}
	}
}

// hints closes what is still open and returns the hints for text, the
// text written.
func (m *marker) hints(text []byte) []clean.Hint {
	for len(m.open) > 0 {
		m.leave()
	}
	// Outer elements first, for hints to credit them.
	slices.SortStableFunc(m.marks, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	return hints(text, m.marks)
}

// linkSignal returns the rule credited with the text of a list (frame f,
// whose text is list) that is mostly links: a menu when its entries are a
// word or two, else a list of headlines pointing elsewhere.
func linkSignal(f frame, list []byte, written, link int) sig {
	if f.a != atom.Ul && f.a != atom.Ol || written == 0 || 10*link < 8*written {
		return sig{}
	}
	why := fmt.Sprintf("list of links (%d%% link text)", 100*link/written)
	list = bytes.TrimSpace(list)
	lines := bytes.Count(list, []byte("\n\n")) + 1
	if len(bytes.Fields(list)) <= 2*lines {
		return sig{rule: "navigation", why: why}
	}
	return sig{rule: "related", why: why}
}

// nameWords maps words of class and id names to the rule credited with
// the text of elements so named.
var nameWords = map[string]string{
	"share": "social", "sharing": "social", "sharebar": "social",
	"newsletter": "social", "subscribe": "social", "signup": "social",
	"related": "related", "recommended": "related", "recirc": "related", "trending": "related",
	"promo": "ads", "advert": "ads", "advertisement": "ads", "ad": "ads", "ads": "ads", "sponsored": "ads",
	"caption": "credit", "credit": "credit", "credits": "credit",
	"byline": "byline", "bio": "byline",
	"breadcrumb": "navigation", "breadcrumbs": "navigation",
}

// nameSignal returns the rule a class or id value's words name, and the
// name that said so. Names split into words at dashes, underscores and
// changes to upper case: "article__share-bar", "relatedLinks".
func nameSignal(v string) (rule, name string) {
	for _, name := range strings.Fields(v) {
		if isTerm(name) {
			continue
		}
		start := 0
		for i := 0; i <= len(name); i++ {
			if i < len(name) && !isSep(name, i) {
				continue
			}
			if i > start {
				if r := nameWords[strings.ToLower(name[start:i])]; r != "" {
					return r, name
				}
			}
			start = i
			if i < len(name) && (name[i] == '-' || name[i] == '_') {
				start++
			}
		}
	}
	return "", ""
}

// isTerm reports whether a class name names a term of the site's
// taxonomy rather than what the element is: WordPress marks a post's
// container "tag-share-prices", "category-related-news".
func isTerm(name string) bool {
	for _, p := range []string{"tag-", "category-"} {
		if len(name) > len(p) && strings.EqualFold(name[:len(p)], p) {
			return true
		}
	}
	return false
}

// isSep reports whether a word of name ends before byte i: at a dash or
// underscore, or where lower case turns to upper.
func isSep(name string, i int) bool {
	c := name[i]
	if c == '-' || c == '_' {
		return true
	}
	return 'A' <= c && c <= 'Z' && i > 0 && 'a' <= name[i-1] && name[i-1] <= 'z'
}

// hints turns the marked spans of text into hints, one per whole line: a
// line the marked text shares with other text is not marked, and a line
// inside two marks is credited to the outer one. A mark that holds half
// the text or more is ignored, as markup that wraps the article rather
// than names cruft, and so is one made by a name alone that holds two
// paragraphs of bodyLen bytes or more.
func hints(text []byte, marks []mark) []clean.Hint {
	var hs []clean.Hint
	last := -1 // end of the last line hinted
	for _, m := range marks {
		if m.end > len(text) {
			m.end = len(text)
		}
		if m.end <= m.start || 2*(m.end-m.start) >= len(text) || m.byName && holdsBody(text[m.start:m.end]) {
			continue
		}
		for pos := m.start; pos < m.end; {
			ls := bytes.LastIndexByte(text[:pos], '\n') + 1
			le := bytes.IndexByte(text[pos:], '\n')
			if le < 0 {
				le = len(text)
			} else {
				le += pos
			}
			startsLine := onlySpace(text[ls:max(ls, m.start)])
			endsLine := le <= m.end || onlySpace(text[m.end:le])
			if startsLine && endsLine && !onlySpace(text[ls:le]) && ls >= last {
				hs = append(hs, clean.Hint{Rule: m.rule, Candidate: clean.Candidate{
					Span:     clean.Span{Start: ls, End: le},
					Evidence: clean.Evidence{Kind: clean.Markup, Why: m.why},
				}})
				last = le
			}
			pos = le + 1
		}
	}
	return hs
}

// bodyLen is the length from which a line counts as a paragraph of the
// article, as the engine counts it: longer than any menu entry, heading,
// credit or prompt.
const bodyLen = 160

// holdsBody reports whether text has two lines of bodyLen bytes or more.
func holdsBody(text []byte) bool {
	n := 0
	for line := range bytes.Lines(text) {
		if len(bytes.TrimSpace(line)) >= bodyLen {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

func onlySpace(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }
