package clean

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Recurring knows which lines recur across the documents of a run, as
// package corpus learns them.
type Recurring interface {
	// Recurs reports in how many distinct documents line recurs, and of
	// how many; docs is 0 below the run's threshold.
	Recurs(line []byte) (docs, of int)
	// Beside reports in how many distinct documents line a is followed
	// by line b (0 below the run's threshold); nil stands for the start
	// (a) or end (b) of a document.
	Beside(a, b []byte) int
}

// Boilerplate removes the lines a corpus pass found recurring across many
// distinct documents. Without a corpus (one text, no --profile) it finds
// nothing.
var Boilerplate = &Rule{
	Name:    "boilerplate",
	Default: true,
	Doc: `blocks of lines that recur across the documents of a run

Removes the block of lines that a document starts or ends with when a
corpus pass (a folder, a JSONL stream, or a --profile learned from one)
found those lines in at least a threshold of distinct documents (3 by
default), together: each beside the next in at least 4 in 5 of the
documents that hold it. A site's masthead, menu, subscribe button or
copyright line recurs like that on every page; an article's lines recur
only in copies of it, and copies of one article (the same page scraped
twice, syndicated text) count once. Recurring lines in the middle of a
document stay (a subhead, a recipe's ingredients), and so does a line
beside the footer in only some of the footer's documents. Sentences
("Thank you.", a standard closing paragraph, a short statement without
its full stop) and lines that introduce what follows ("Dear Annie:",
"Dear editor,", "KYIV (AP) —") stay wherever they are, and end the block: recurrence
alone never removes them. Nor does it remove the line that heads a list
or a figure at the top, or, at the bottom, a line that starts with a
figure or follows one (the end of a listing).`,
	Needs:   `a corpus pass or a profile in which the line, and each line between it and the document's edge, recur together in at least the threshold of distinct documents; none of them a sentence or a line ending in a colon or dash.`,
	Example: "",
	Find:    findBoilerplate,
}

// findBoilerplate proposes the blocks of recurring lines that a document
// starts or ends with. A site's chrome is such a block: its lines recur
// together, each beside the next in nearly every document that holds
// either, down to the document's edge. Recurrence alone is not enough: a
// recipe's "Salt and pepper to taste", an interview's closing "Thank you."
// or a column's subhead recur too, but between lines that differ, beside
// chrome in only some of the documents that hold the chrome, or as
// sentences. So the block grows from each edge only while the next line
// stands beside it in at least 4 in 5 of the documents that hold the line,
// is held by at least 4 in 5 of the documents that hold the block's line
// beside it, and is neither a sentence nor a line that introduces what
// follows (see spoken); at the top, the block's last line stays when it
// heads a list or a figure, and at the bottom, figures end the block.
func findBoilerplate(d *Doc) []Candidate {
	if d.corpus == nil {
		return nil
	}
	var lines []int // the non-blank lines
	for i, l := range d.Lines {
		if !l.Blank {
			lines = append(lines, i)
		}
	}
	text := func(k int) []byte {
		if k < 0 || k >= len(lines) {
			return nil
		}
		t, _ := d.trimmed(d.Lines[lines[k]])
		return t
	}
	recurs := func(k int) int {
		if k < 0 || k >= len(lines) {
			return 0
		}
		n, _ := d.corpus.Recurs(text(k))
		return n
	}
	// joins reports whether line k joins the block of line j beside it
	// (-1 and len(lines) stand for the edges, which every document has):
	// k nearly always stands beside j, and in nearly every document that
	// holds j.
	joins := func(k, j int) bool {
		n, outer := recurs(k), recurs(j)
		if j < 0 || j >= len(lines) {
			outer = n
		}
		a, b := text(k), text(j)
		if j < k {
			a, b = b, a
		}
		return n > 0 && 5*d.corpus.Beside(a, b) >= 4*n && 5*n >= 4*outer
	}
	var cs []Candidate
	propose := func(k int) {
		n, of := d.corpus.Recurs(text(k))
		l := d.Lines[lines[k]]
		cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Corpus, Why: fmt.Sprintf("in %d of %d documents", n, of)}})
	}
	top := -1 // the last line of the block at the top
	for k := 0; k < len(lines) && joins(k, k-1) && !spoken(text(k)); k++ {
		top = k
	}
	// A block's last line that heads a list or a figure ("Ingredients"
	// above "- 200g flour", "FTSE 100" above "7,400.0") is the article's.
	for top >= 0 && startsItem(text(top+1)) {
		top--
	}
	for k := 0; k <= top; k++ {
		propose(k)
	}
	// At the bottom, a line that starts with a figure (a listing's
	// "9.00pm Gogglebox", a rate's "4.25%") is data and ends the block,
	// and the block's first line stays when it follows one ("Close" after
	// "12.00am BBC News"): the end of a table, not chrome.
	bottom := len(lines)
	for k := len(lines) - 1; k > top && joins(k, k+1) && !spoken(text(k)) && !startsFigure(text(k)); k-- {
		bottom = k
	}
	for bottom < len(lines) && startsFigure(text(bottom-1)) {
		bottom++
	}
	for k := bottom; k < len(lines); k++ {
		propose(k)
	}
	return cs
}

// startsItem reports whether t starts as an item of a list or a figure
// does: a bullet, a dash, a digit.
func startsItem(t []byte) bool {
	r, _ := utf8.DecodeRune(t)
	return unicode.IsDigit(r) || strings.ContainsRune("-–—•·*▪●", r)
}

// statementVerb reports whether t holds an auxiliary or copula ("are",
// "is edited") of two letters or more: French "a" is also English's
// article, and a line of chrome has as many of those as a sentence does.
func statementVerb(t []byte) bool {
	for _, w := range bytes.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		if utf8.RuneCount(w) > 1 && len(w) <= 8 && auxiliaries.HasBytes(w) {
			return true
		}
	}
	return false
}

// startsFigure reports whether t starts with a digit.
func startsFigure(t []byte) bool {
	r, _ := utf8.DecodeRune(t)
	return unicode.IsDigit(r)
}

// spoken reports whether line t is a sentence ("Thank you.", "Funeral
// arrangements are yet to be announced", with or without its full stop)
// or introduces what follows
// ("Dear Annie:", "KYIV, Ukraine (AP) —"): an article's own, however often
// the site's articles repeat it. Recurrence is no evidence against either,
// and a block of chrome ends there.
func spoken(t []byte) bool {
	if endsSentence(t) && (countWords(t).words >= 2 || caselessProse(t)) {
		return true
	}
	// A statement without its full stop: "Funeral arrangements are yet to
	// be announced", "In this weekly column, our agony aunt answers …". A
	// long run of them is a site's policy joined up by its scraper.
	if wordsOver(t, 3) && !wordsOver(t, 20) && (statementVerb(t) || commaClause(t)) {
		return true
	}
	// A salutation or a sign-off runs on into what follows ("Dear
	// editor,", "Yours,"), as an introduction does.
	r, _ := utf8.DecodeLastRune(bytes.TrimRight(t, " "))
	return r == ':' || r == '—' || r == '–' || r == '-' || r == ','
}
