package clean

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// trimmed returns line l's content without surrounding spaces and tabs,
// and the offset of that trimmed content in d.Src.
func (d *Doc) trimmed(l Line) ([]byte, int) {
	start, end := l.Start, l.End
	for start < end && (d.Src[start] == ' ' || d.Src[start] == '\t') {
		start++
	}
	for end > start && (d.Src[end-1] == ' ' || d.Src[end-1] == '\t') {
		end--
	}
	return d.Src[start:end], start
}

// shortLines proposes, with evidence ev, every non-blank line no longer
// than maxLen bytes for which keep(i, trimmed text) is true. Rules put a
// cheap byte test before any regexp in keep: most short lines are not cruft.
func shortLines(d *Doc, maxLen int, ev Evidence, keep func(i int, t []byte) bool) []Candidate {
	var cs []Candidate
	for i, l := range d.Lines {
		if l.Blank || l.End-l.Start > maxLen {
			continue
		}
		if t, _ := d.trimmed(l); keep(i, t) {
			cs = append(cs, Candidate{Span{l.Start, l.End}, ev})
		}
	}
	return cs
}

func spansOf(cs []Candidate) []Span {
	spans := make([]Span, len(cs))
	for i, c := range cs {
		spans[i] = c.Span
	}
	return spans
}

// spansAs turns spans into candidates with the same evidence.
func spansAs(spans []Span, ev Evidence) []Candidate {
	cs := make([]Candidate, len(spans))
	for i, s := range spans {
		cs[i] = Candidate{s, ev}
	}
	return cs
}

// firstWord returns t's first word, ASCII letters folded to lower case,
// after any opening brackets: a cheap key for the rules' prefilters. It
// returns the word only when a rule's word set (setOf) holds it, and ""
// otherwise, so that looking a line up costs no allocation.
func firstWord(t []byte) string {
	var buf [15]byte
	t = bytes.TrimLeft(t, "([")
	n := 0
	for _, c := range t {
		if c == ' ' || c == ':' || c == '\t' || c == '/' {
			break
		}
		if n == len(buf) {
			return ""
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return knownWords[string(buf[:n])]
}

// lastWord returns t's last word without closing brackets: the key for
// prefilters of lines that end in a known word.
func lastWord(t []byte) []byte {
	t = bytes.TrimRight(t, ")]. ")
	if i := bytes.LastIndexAny(t, " /|,\u00a0"); i >= 0 {
		return t[i+1:]
	}
	return t
}

// knownWords holds every word of every setOf set, for firstWord.
var knownWords = map[string]string{}

// setOf returns a set of words, and makes firstWord know them.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
		knownWords[w] = w
	}
	return m
}

// proseAfterLabel reports whether what follows a line's label ("Credit:",
// "Related:", "Read more:") reads as a sentence rather than a name or a
// headline: it starts in lower case, or it is six words or more ending in
// a full stop. Such a line is article text that happens to start so.
func proseAfterLabel(t []byte) bool {
	i := bytes.IndexAny(t, ":|")
	if i < 0 {
		return false
	}
	rest := bytes.TrimSpace(t[i+1:])
	if len(rest) == 0 {
		return false
	}
	if r, _ := utf8.DecodeRune(rest); unicode.IsLower(r) {
		return true
	}
	return bytes.HasSuffix(rest, []byte(".")) && bytes.Count(rest, []byte(" ")) >= 5
}
