package main

import (
	"errors"
	"fmt"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/htmltext"
	"github.com/spf13/pflag"
)

// extractModes maps --extract's values to what becomes text of a page.
var extractModes = map[string]htmltext.Mode{"article": htmltext.Article, "none": htmltext.Whole}

func addHTMLFlags(f *pflag.FlagSet, o *options) {
	f.StringVar(&o.extract, "extract", "article", "HTML: article (the page's main content) or none (all its text: menus, footers, …)")
	f.StringVar(&o.fieldFormat, "field-format", "text", "JSONL: what the field holds, text or html")
}

func (o *options) validateHTML() error {
	if _, ok := extractModes[o.extract]; !ok {
		return fmt.Errorf("--extract %q: want article or none", o.extract)
	}
	if o.fieldFormat != "text" && o.fieldFormat != "html" {
		return fmt.Errorf("--field-format %q: want text or html", o.fieldFormat)
	}
	return nil
}

// htmlText extracts the text of an HTML page as --extract says, with the
// hints its markup gives.
func (p *processor) htmlText(data []byte) (*htmltext.Page, error) {
	page, err := htmltext.Extract(data, extractModes[p.o.extract])
	switch {
	case errors.Is(err, htmltext.ErrNoArticle):
		return nil, errors.New("no article found (--extract none gives all the page's text)")
	case errors.Is(err, htmltext.ErrTooDeep):
		return nil, fmt.Errorf("%v, too deep to find the article (--extract none reads it whole)", err)
	}
	return page, err
}

// fieldCleaner cleans the field of JSONL records, which holds text, or
// HTML with --field-format html: then the field becomes the cleaned text.
func (p *processor) fieldCleaner(rules []*clean.Rule) func([]byte) (*clean.Result, error) {
	if p.o.fieldFormat != "html" {
		opts := p.cleanOptions(nil)
		return func(text []byte) (*clean.Result, error) { return clean.CleanWith(text, rules, opts), nil }
	}
	return func(field []byte) (*clean.Result, error) {
		page, err := p.htmlText(field)
		if err != nil {
			return nil, err
		}
		return clean.CleanWith(page.Text, rules, p.cleanOptions(page.Hints)), nil
	}
}

// diffLabels names the two sides of a diff. For HTML they are the text
// extracted from the page and the cleaned text, without a/ and b/: the
// diff is not a patch of the page.
func diffLabels(name string, f format) (from, to string) {
	if f == formatHTML {
		return name + " (extracted text)", name + " (cleaned text)"
	}
	return "a/" + name, "b/" + name
}
