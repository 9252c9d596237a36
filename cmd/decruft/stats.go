package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/decruft/decruft/clean/jsonl"
)

// A tally counts a run's outcomes for the batch summary and --stats: files
// seen, and of those, changed (cruft removed), skipped and failed.
type tally struct {
	files, changed, skipped, failed int
	bytesIn, bytesRemoved           int
	removals                        map[string]int
}

func (t *tally) add(o outcome) {
	t.files++
	switch {
	case o.err != nil:
		t.failed++
		return
	case o.skipped:
		t.skipped++
		return
	case o.changed:
		t.changed++
	}
	if o.lines != nil {
		t.addLines(o.lines)
		return
	}
	if o.res == nil {
		return
	}
	if t.removals == nil {
		t.removals = map[string]int{}
	}
	t.bytesIn += len(o.res.Doc.Src)
	for _, r := range o.res.Removals {
		t.removals[r.Rule]++
		t.bytesRemoved += r.End - r.Start
	}
}

// addLines counts a JSONL stream's records.
func (t *tally) addLines(st *jsonl.Stats) {
	if t.removals == nil {
		t.removals = map[string]int{}
	}
	t.bytesIn += int(st.Text)
	for name, r := range st.Rules {
		t.removals[name] += r.Removals
		t.bytesRemoved += int(r.Bytes)
	}
}

func (t *tally) summary() string {
	return fmt.Sprintf("decruft: %s seen, %d changed, %d skipped, %d failed", plural(t.files, "file"), t.changed, t.skipped, t.failed)
}

func (t *tally) stats() string {
	pct := 0.0
	if t.bytesIn > 0 {
		pct = 100 * float64(t.bytesRemoved) / float64(t.bytesIn)
	}
	names := make([]string, 0, len(t.removals))
	for n := range t.removals {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s %d", n, t.removals[n])
	}
	per := "none"
	if len(parts) > 0 {
		per = strings.Join(parts, ", ")
	}
	return fmt.Sprintf("decruft: %s (%d changed, %d skipped, %d failed), %d bytes in, %d bytes removed (%.1f%%); removals: %s",
		plural(t.files, "file"), t.changed, t.skipped, t.failed, t.bytesIn, t.bytesRemoved, pct, per)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
