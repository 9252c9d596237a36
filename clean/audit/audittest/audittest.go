// Package audittest reads the figures back out of an audit page, for
// tests that check them against the JSON report of the same run.
package audittest

import (
	"strings"

	"golang.org/x/net/html"
)

// Tables returns the page's tables by caption, each a list of rows of cell
// texts, white space collapsed.
func Tables(page string) (map[string][][]string, error) {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, err
	}
	out := map[string][][]string{}
	for n := range root.Descendants() {
		if n.Type != html.ElementNode || n.Data != "table" {
			continue
		}
		var caption string
		var rows [][]string
		for c := range n.Descendants() {
			switch {
			case c.Type == html.ElementNode && c.Data == "caption":
				caption = text(c)
			case c.Type == html.ElementNode && c.Data == "tr":
				var row []string
				for cell := range c.ChildNodes() {
					if cell.Type == html.ElementNode && (cell.Data == "td" || cell.Data == "th") {
						row = append(row, text(cell))
					}
				}
				rows = append(rows, row)
			}
		}
		out[caption] = rows
	}
	return out, nil
}

// text is n's text, white space collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
