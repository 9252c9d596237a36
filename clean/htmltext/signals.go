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

// signal returns the rule credited with the text of an element (of atom
// a, with these attributes) when the page's markup says what the text is,
// and the evidence.
func signal(a atom.Atom, class, id, role string) (rule, why string) {
	switch a {
	case atom.Figcaption:
		return "credit", "in <figcaption>"
	case atom.Aside:
		return "related", "in <aside>"
	case atom.Nav:
		return "navigation", "in <nav>"
	case atom.Footer:
		return "footer", "in <footer>"
	}
	switch role {
	case "navigation":
		return "navigation", `role "navigation"`
	case "contentinfo":
		return "footer", `role "contentinfo"`
	}
	if rule, name := nameSignal(class); rule != "" {
		return rule, `class "` + name + `"`
	}
	if rule, name := nameSignal(id); rule != "" {
		return rule, `id "` + name + `"`
	}
	return "", ""
}

// nodeSignal is signal for an element of a tree.
func nodeSignal(n *html.Node, a atom.Atom) (rule, why string) {
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
	rule, why     string
}

// A mark is the text of an element that a signal names, for a hint.
type mark struct {
	start, end int // in the text
	rule, why  string
}

// enter opens an element whose text follows.
func (m *marker) enter(a atom.Atom, name, rule, why string) {
	x := m.x
	m.open = append(m.open, frame{a: a, name: name, start: x.mark(), written: x.written, link: x.written - x.plain, rule: rule, why: why})
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
		f.rule, f.why = linkSignal(f, x.out[min(f.start, len(x.out)):], x.written-f.written, x.written-x.plain-f.link)
	}
	if f.rule != "" {
		m.marks = append(m.marks, mark{start: f.start, end: x.mark(), rule: f.rule, why: f.why})
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
func linkSignal(f frame, list []byte, written, link int) (rule, why string) {
	if f.a != atom.Ul && f.a != atom.Ol || written == 0 || 10*link < 8*written {
		return "", ""
	}
	why = fmt.Sprintf("list of links (%d%% link text)", 100*link/written)
	list = bytes.TrimSpace(list)
	lines := bytes.Count(list, []byte("\n\n")) + 1
	if len(bytes.Fields(list)) <= 2*lines {
		return "navigation", why
	}
	return "related", why
}

// nameWords maps words of class and id names to the rule credited with
// the text of elements so named.
var nameWords = map[string]string{
	"share": "social", "sharing": "social", "sharebar": "social",
	"newsletter": "social", "subscribe": "social", "signup": "social",
	"related": "related", "recommended": "related", "recirc": "related", "trending": "related",
	"promo": "ads", "advert": "ads", "advertisement": "ads", "ad": "ads", "ads": "ads", "sponsored": "ads",
	"caption": "credit", "credit": "credit", "credits": "credit",
	"byline":     "byline",
	"breadcrumb": "navigation", "breadcrumbs": "navigation",
}

// nameSignal returns the rule a class or id value's words name, and the
// name that said so. Names split into words at dashes, underscores and
// changes to upper case: "article__share-bar", "relatedLinks".
func nameSignal(v string) (rule, name string) {
	for _, name := range strings.Fields(v) {
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
// the text or more is ignored, as markup wrapping the article itself.
func hints(text []byte, marks []mark) []clean.Hint {
	var hs []clean.Hint
	last := -1 // end of the last line hinted
	for _, m := range marks {
		if m.end > len(text) {
			m.end = len(text)
		}
		if m.end <= m.start || 2*(m.end-m.start) >= len(text) {
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

func onlySpace(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }
