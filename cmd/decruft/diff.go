package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/decruft/decruft/clean"
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

// quoteName quotes a file name for a diff header as git does when it
// holds a control character, a double quote or a backslash: a newline in
// a name would otherwise end the header line, and patch(1) reads git's
// quoting.
func quoteName(name string) string {
	if !strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '"' || r == '\\' }) {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := range len(name) {
		switch c := name[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(&b, `\%03o`, c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// A diffLine is one line of a unified diff.
type diffLine struct {
	op   byte   // ' ', '-' or '+'
	text []byte // the line's bytes, its terminator included if it has one
	in   int    // for ' ' and '-': the input line
	// cut is, for a '-' line whose line is kept in part, the spans of
	// text that rules removed (offsets in text).
	cut []clean.Span
}

// writeDiff writes a unified diff from res's input to its output that
// patch(1) applies. It is built from what the engine did to each line
// (Result.Fates), not by comparing the two texts, so a hunk shows exactly
// the bytes that went, even where the text repeats itself; each hunk
// header names the rules that removed its lines, where git would put a
// function name.
func writeDiff(w *bytes.Buffer, from, to string, res *clean.Result, color bool) error {
	script, err := lineEdits(res)
	if err != nil {
		return err
	}
	paint := func(c, s string) string {
		if !color {
			return s
		}
		return c + s + colReset
	}
	fmt.Fprintf(w, "%s\n%s\n", paint(colBold, "--- "+quoteName(from)), paint(colBold, "+++ "+quoteName(to)))
	for _, h := range hunks(script) {
		writeHunk(w, res, script, h, color, paint)
	}
	return nil
}

// lineEdits returns the edit script from res's input to its output.
func lineEdits(res *clean.Result) ([]diffLine, error) {
	d, out := res.Doc, res.Output
	kept, terminated := res.Fates()
	// Each written line's new bytes, cut from the output in step with
	// what the engine wrote: its kept pieces and its own terminator; the
	// byte order mark leads the first line written, and a terminator the
	// engine completed ends the last.
	newText := make([][]byte, len(d.Lines))
	pos, last := 0, -1
	for i, l := range d.Lines {
		if kept[i] == nil {
			continue
		}
		n := l.Next - l.End
		if last < 0 {
			n += d.BOM
		}
		for _, p := range kept[i] {
			n += p.End - p.Start
		}
		if pos+n > len(out) {
			return nil, errors.New("internal error: the engine's line fates do not match its output")
		}
		newText[i], pos, last = out[pos:pos+n], pos+n, i
	}
	if terminated && last >= 0 {
		newText[last], pos = out[pos-len(newText[last]):], len(out)
	}
	if last < 0 {
		pos = min(len(out), d.BOM) // nothing written but the byte order mark
	}
	if pos != len(out) {
		return nil, errors.New("internal error: the engine's line fates do not match its output")
	}

	var script, dels, adds []diffLine
	flush := func() {
		script = append(append(script, dels...), adds...)
		dels, adds = dels[:0], adds[:0]
	}
	for i, l := range d.Lines {
		start := l.Start
		if i == 0 {
			start = 0 // the byte order mark, if any, is part of the first line
		}
		old := d.Src[start:l.Next]
		switch {
		case newText[i] == nil:
			dels = append(dels, diffLine{op: '-', text: old, in: i})
		case bytes.Equal(newText[i], old):
			flush()
			script = append(script, diffLine{op: ' ', text: old, in: i})
		default:
			dels = append(dels, diffLine{op: '-', text: old, in: i, cut: cuts(l, start, kept[i])})
			adds = append(adds, diffLine{op: '+', text: newText[i], in: -1})
		}
	}
	if last < 0 && len(out) > 0 {
		adds = append(adds, diffLine{op: '+', text: out, in: -1})
	}
	flush()
	return script, nil
}

// cuts returns the spans of line l's content that are not in the kept
// pieces, as offsets from start.
func cuts(l clean.Line, start int, pieces []clean.Span) []clean.Span {
	var cut []clean.Span
	pos := l.Start
	for _, p := range pieces {
		if p.Start > pos {
			cut = append(cut, clean.Span{Start: pos - start, End: p.Start - start})
		}
		pos = p.End
	}
	if pos < l.End {
		cut = append(cut, clean.Span{Start: pos - start, End: l.End - start})
	}
	return cut
}

// A hunk is a range [lo, hi) of a script: changes with their context.
type hunk struct{ lo, hi int }

// hunks groups a script's changes with diffContext lines of context
// around them, joining changes whose context would touch, as GNU diff does.
func hunks(script []diffLine) []hunk {
	var hs []hunk
	for i := 0; i < len(script); i++ {
		if script[i].op == ' ' {
			continue
		}
		end := i + 1 // just past the last change of this hunk
		for j := end; j < len(script) && j-end < 2*diffContext+1; j++ {
			if script[j].op != ' ' {
				end = j + 1
			}
		}
		lo, hi := max(0, i-diffContext), min(len(script), end+diffContext)
		if k := len(hs) - 1; k >= 0 && lo <= hs[k].hi {
			hs[k].hi = hi
		} else {
			hs = append(hs, hunk{lo, hi})
		}
		i = end - 1
	}
	return hs
}

func writeHunk(w *bytes.Buffer, res *clean.Result, script []diffLine, h hunk, color bool, paint func(string, string) string) {
	oldStart, newStart := 0, 0
	for _, l := range script[:h.lo] {
		if l.op != '+' {
			oldStart++
		}
		if l.op != '-' {
			newStart++
		}
	}
	oldCount, newCount := 0, 0
	var names, whys []string
	for _, l := range script[h.lo:h.hi] {
		if l.op != '+' {
			oldCount++
		}
		if l.op != '-' {
			newCount++
		}
		if l.op == '-' {
			names, whys = appendRules(names, whys, res, l.in)
		}
	}
	header := fmt.Sprintf("@@ -%s +%s @@", hunkRange(oldStart, oldCount), hunkRange(newStart, newCount))
	w.WriteString(paint(colCyan, header))
	if len(names) > 0 {
		w.WriteString(" " + strings.Join(names, ","))
	}
	if len(whys) > 0 {
		w.WriteString(" (" + strings.Join(whys, "; ") + ")")
	}
	w.WriteByte('\n')
	for _, l := range script[h.lo:h.hi] {
		text, eol := bytes.CutSuffix(l.text, []byte("\n"))
		switch {
		case l.op == '-' && color:
			w.WriteString(colRed + "-" + highlight(text, l.cut) + colReset)
		case l.op == '+':
			w.WriteString(paint(colGreen, "+"+string(text)))
		default:
			w.WriteByte(l.op)
			w.Write(text)
		}
		w.WriteByte('\n')
		if !eol {
			w.WriteString("\\ No newline at end of file\n")
		}
	}
}

// appendRules appends the rules that removed bytes of input line i, in
// order, to names, and to whys what a corpus said of them ("in 37 of 412
// documents"): recurrence is evidence a reader cannot see in the text.
func appendRules(names, whys []string, res *clean.Result, i int) ([]string, []string) {
	l := res.Doc.Lines[i]
	for _, r := range res.Removals {
		if r.Start >= l.Next || l.Start >= r.End {
			continue
		}
		if !slices.Contains(names, r.Rule) {
			names = append(names, r.Rule)
		}
		if r.Kind == clean.Corpus && !slices.Contains(whys, r.Why) {
			whys = append(whys, r.Why)
		}
	}
	return names, whys
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

// highlight marks the cut spans of a removed line's text in reverse red,
// within the red of the line.
func highlight(text []byte, cut []clean.Span) string {
	var sb strings.Builder
	pos := 0
	for _, c := range cut {
		sb.Write(text[pos:c.Start])
		sb.WriteString(colRemove)
		sb.Write(text[c.Start:c.End])
		sb.WriteString(colReset + colRed)
		pos = c.End
	}
	sb.Write(text[pos:])
	return sb.String()
}
