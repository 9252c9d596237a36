package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/decruft/decruft/clean"
	"github.com/sergi/go-diff/diffmatchpatch"
)

const diffContext = 3

// ANSI colours, as git diff uses them.
const (
	colBold   = "\x1b[1m"
	colCyan   = "\x1b[36m"
	colRed    = "\x1b[31m"
	colGreen  = "\x1b[32m"
	colRemove = "\x1b[7;31m" // reverse red: the bytes a rule cut from a kept line
	colReset  = "\x1b[0m"
)

// A diffLine is one line of a unified diff: ' ', '-' or '+', and the index
// of the line in the old (for ' ' and '-') or new ('+') text.
type diffLine struct {
	op   byte
	text string
	old  int
}

// writeDiff writes a unified diff from res's input to its output, one that
// patch(1) applies, under the labels from and to. Each hunk header names
// the rules that removed its lines, where git would put a function name.
func writeDiff(w *bytes.Buffer, from, to string, res *clean.Result, color bool) {
	a, b := string(res.Doc.Src), string(res.Output)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // exact, so the patch is minimal and stable
	ra, rb, lines := dmp.DiffLinesToRunes(a, b)
	var script []diffLine
	oldLine := 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		for _, r := range d.Text {
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				script = append(script, diffLine{' ', lines[r], oldLine})
				oldLine++
			case diffmatchpatch.DiffDelete:
				script = append(script, diffLine{'-', lines[r], oldLine})
				oldLine++
			case diffmatchpatch.DiffInsert:
				script = append(script, diffLine{'+', lines[r], -1})
			}
		}
	}
	rules := ruleByLine(res)
	paint := func(c, s string) string {
		if !color {
			return s
		}
		return c + s + colReset
	}
	fmt.Fprintf(w, "%s\n%s\n", paint(colBold, "--- "+from), paint(colBold, "+++ "+to))
	for start := 0; start < len(script); {
		// Find the next change and the hunk around it.
		i := start
		for i < len(script) && script[i].op == ' ' {
			i++
		}
		if i == len(script) {
			break
		}
		lo := max(start, i-diffContext)
		hi := i
		for j := i; j < len(script); j++ {
			if script[j].op != ' ' {
				hi = j + 1
			} else if j-hi >= 2*diffContext {
				break
			}
		}
		hi = min(len(script), hi+diffContext)
		writeHunk(w, script, lo, hi, rules, res, color, paint)
		start = hi
	}
}

func writeHunk(w *bytes.Buffer, script []diffLine, lo, hi int, rules map[int]string, res *clean.Result, color bool, paint func(string, string) string) {
	oldStart, newStart := 0, 0
	for _, l := range script[:lo] {
		if l.op != '+' {
			oldStart++
		}
		if l.op != '-' {
			newStart++
		}
	}
	oldCount, newCount := 0, 0
	var names []string
	for _, l := range script[lo:hi] {
		if l.op != '+' {
			oldCount++
		}
		if l.op != '-' {
			newCount++
		}
		if r, ok := rules[l.old]; ok && l.op == '-' && !slices.Contains(names, r) {
			names = append(names, r)
		}
	}
	header := fmt.Sprintf("@@ -%s +%s @@", hunkRange(oldStart, oldCount), hunkRange(newStart, newCount))
	fmt.Fprintf(w, "%s", paint(colCyan, header))
	if len(names) > 0 {
		fmt.Fprintf(w, " %s", strings.Join(names, ","))
	}
	w.WriteByte('\n')
	for _, l := range script[lo:hi] {
		text, eol := strings.CutSuffix(l.text, "\n")
		switch {
		case l.op == '-' && color:
			w.WriteString(colRed + "-" + highlightRemoved(res, l.old, text) + colReset)
		case l.op == '-':
			w.WriteString("-" + text)
		case l.op == '+':
			w.WriteString(paint(colGreen, "+"+text))
		default:
			w.WriteString(" " + text)
		}
		w.WriteByte('\n')
		if !eol {
			w.WriteString("\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a hunk's start and count as GNU diff does.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

// ruleByLine maps each input line index touched by a removal to the rule
// that removed (part of) it.
func ruleByLine(res *clean.Result) map[int]string {
	m := map[int]string{}
	for _, r := range res.Removals {
		for i := res.Doc.LineAt(r.Start); i <= res.Doc.LineAt(r.End-1); i++ {
			if _, ok := m[i]; !ok {
				m[i] = r.Rule
			}
		}
	}
	return m
}

// highlightRemoved marks the bytes of input line i that rules removed when
// they are only part of the line, such as a glued "Read More".
func highlightRemoved(res *clean.Result, i int, text string) string {
	d := res.Doc
	if i < 0 || i >= len(d.Lines) {
		return text
	}
	l := d.Lines[i]
	base := l.Start // text[0] is d.Src[base]: the line, with a BOM on line 0
	if i == 0 {
		base = 0
	}
	var sb strings.Builder
	pos := l.Start
	for _, r := range res.Removals {
		s, e := max(r.Start, l.Start), min(r.End, l.End)
		if s >= e {
			continue
		}
		if s == l.Start && e == l.End {
			return text
		}
		sb.WriteString(text[pos-base : s-base])
		sb.WriteString(colRemove + text[s-base:e-base] + colReset + colRed)
		pos = e
	}
	sb.WriteString(text[pos-base:])
	return sb.String()
}
