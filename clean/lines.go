package clean

import (
	"bytes"

	"github.com/decruft/decruft/clean/lexicon"
)

// trimmed returns line l's content without surrounding spaces and tabs,
// and the offset of that trimmed content in d.Src.
func (d *Doc) trimmed(l Line) ([]byte, int) { return d.Src[l.trimStart:l.trimEnd], l.trimStart }

// shortLines proposes, with evidence ev, every non-blank line no longer
// than maxLen bytes for which keep(i, trimmed text) is true. Rules put a
// cheap byte test before any regexp in keep: most short lines are not cruft.
func shortLines(d *Doc, maxLen int, ev Evidence, keep func(i int, t []byte) bool) []Candidate {
	var cs []Candidate
	for i, l := range d.Lines {
		if l.Blank || l.Width() > maxLen {
			continue
		}
		if t, _ := d.trimmed(l); keep(i, t) {
			cs = append(cs, Candidate{Span{l.Start, l.End}, ev})
		}
	}
	return cs
}

// spansAs turns spans into candidates with the same evidence.
func spansAs(spans []Span, ev Evidence) []Candidate {
	cs := make([]Candidate, len(spans))
	for i, s := range spans {
		cs[i] = Candidate{s, ev}
	}
	return cs
}

// labelAt returns where a label of set ends in trimmed line t, after any
// opening brackets, or 0 when t does not start with one.
func labelAt(set *lexicon.Set, t []byte) int {
	open := 0
	for open < len(t) && (t[open] == '(' || t[open] == '[' || t[open] == ' ') {
		open++
	}
	if n := set.Prefix(t[open:]); n > 0 {
		return open + n
	}
	return 0
}

// labelIf is labelAt for line i of d, asking the line's first word first.
func labelIf(d *Doc, i int, set *lexicon.Set, t []byte) int {
	if !d.mayStart(i, set) {
		return 0
	}
	return labelAt(set, t)
}

// tailAfter is the span of line text t (at offset off) after its label,
// without a closing bracket, for the guard to read.
func tailAfter(t []byte, off, label int) Span {
	end := len(t)
	for end > label && (t[end-1] == ')' || t[end-1] == ']' || t[end-1] == ' ') {
		end--
	}
	return Span{off + label, off + end}
}

// isArrows reports whether t holds only arrows, ellipses, brackets and
// spaces: the decoration after "Read more" or "Continue reading".
func isArrows(t []byte) bool {
	for _, r := range string(t) {
		if !isArrow(r) {
			return false
		}
	}
	return true
}

func isArrow(r rune) bool {
	switch r {
	case '»', '›', '→', '>', '.', '…', ' ', '[', ']', '(', ')', ':', '-', '–', '—', '!', '+', '|':
		return true
	}
	return false
}

// indexRare is bytes.Index(s, sep) that scans for the rarest byte of sep
// in text: bytes.Index steps from each occurrence of sep's first byte,
// and in English "o" or "a" comes every few bytes.
func indexRare(s, sep []byte) int { return rareNeedle(sep).index(s) }

// A needle is a string to find with indexRare, its rarest byte chosen
// once: a rule that looks for it in every line needs it so.
type needle struct {
	sep  []byte
	rare int // index of the rarest byte in sep
}

func rareNeedle(sep []byte) needle { return needle{sep, rarestByte(sep)} }

// index is indexRare(s, n.sep).
func (n needle) index(s []byte) int {
	sep, k := n.sep, n.rare
	if len(sep) == 0 {
		return 0
	}
	for i := k; i < len(s); i++ {
		j := bytes.IndexByte(s[i:], sep[k])
		if j < 0 {
			return -1
		}
		i += j
		if start := i - k; start+len(sep) <= len(s) && bytes.Equal(s[start:start+len(sep)], sep) {
			return start
		}
	}
	return -1
}

// byteRank orders bytes from common in text (low) to rare (high): space
// and lower-case letters by their frequency in English, with the bytes of
// other scripts among the commonest; then punctuation and digits; then
// capitals, by how often English words start with them.
var byteRank = func() (r [256]uint8) {
	for c := range r {
		r[c] = 30
		if c >= 0x80 {
			r[c] = 5
		}
	}
	for i, c := range []byte(" etaoinsrhldcumfpgwybvkxjqz") {
		r[c] = uint8(i)
	}
	for i, c := range []byte("TASICMBPHWNRDFLGEOJKUVYQZX") {
		r[c] = 40 + uint8(i)
	}
	return r
}()
