package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/decruft/decruft/clean"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestDiffAgreesWithReport checks, on every document at hand, that -d and
// --report json tell the same story: the diff applied to the input gives
// the output (as patch -p1 would), every removal's lines are deleted in a
// hunk that names its rule, a line kept in part comes back as exactly its
// bytes minus the removals, and no line changes that no removal touched
// but for blank lines and the final newline. The documents are the repo's
// test data and, when ../shared is beside the checkout, every document of
// the development suites; each also as CRLF, and with a byte order mark
// and no final newline.
func TestDiffAgreesWithReport(t *testing.T) {
	docs := map[string][]byte{}
	addFiles(t, docs, "../../testdata", ".txt", func(data []byte) [][]byte { return [][]byte{data} })
	addFiles(t, docs, "../../clean/testdata", ".txtar", func(data []byte) [][]byte {
		var ins [][]byte
		for _, f := range txtar.Parse(data).Files {
			if f.Name == "in" {
				ins = append(ins, f.Data)
			}
		}
		return ins
	})
	suites, _ := filepath.Glob("../../../shared/eval/data/*.jsonl")
	if len(suites) == 0 {
		t.Log("no ../shared/eval/data beside the checkout: the development suites are skipped")
	}
	addFiles(t, docs, "../../../shared/eval/data", ".jsonl", func(data []byte) [][]byte {
		var ins [][]byte
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var rec struct{ Input string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				ins = append(ins, []byte(rec.Input))
			}
		}
		return ins
	})
	if len(docs) == 0 {
		t.Fatal("no documents")
	}
	rules := clean.Defaults(clean.All)
	changed := 0
	for name, src := range docs {
		for form, in := range map[string][]byte{
			"":                         src,
			" (CRLF)":                  bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n")),
			" (BOM, no final newline)": append([]byte("\ufeff"), bytes.TrimRight(src, "\n")...),
		} {
			res := clean.Clean(in, rules)
			if len(res.Removals) == 0 {
				continue
			}
			changed++
			if err := agree(name, res); err != nil {
				t.Errorf("%s%s: %v", name, form, err)
			}
		}
	}
	t.Logf("%d documents, %d cleaned texts compared", len(docs), changed)
}

// addFiles adds the documents that split finds in each file below root
// whose name ends in ext, named by file and position.
func addFiles(t *testing.T, docs map[string][]byte, root, ext string, split func([]byte) [][]byte) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if os.IsNotExist(err) && path == root {
			return filepath.SkipAll
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ext) {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, doc := range split(data) {
			docs[fmt.Sprintf("%s#%d", path, i+1)] = doc
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// agree renders res as -d and --report json do and checks them against
// each other and against the output.
func agree(name string, res *clean.Result) error {
	var diff, report bytes.Buffer
	if err := writeDiff(&diff, "a/"+name, "b/"+name, res, false); err != nil {
		return err
	}
	if err := writeReport(&report, name, res, cleanedText(res)); err != nil {
		return err
	}
	var rep fileReport
	if err := json.Unmarshal(report.Bytes(), &rep); err != nil {
		return err
	}
	src := res.Doc.Src
	lines := splitLines(src)
	hs, err := parseDiff(diff.Bytes())
	if err != nil {
		return err
	}
	// The removals on each input line (0-based), from the report.
	onLine := map[int][]removalReport{}
	for _, r := range rep.Removals {
		if string(src[r.Start:r.End]) != r.Text || r.Kind == "" {
			return fmt.Errorf("removal %+v: text or kind wrong", r)
		}
		for i := r.StartLine - 1; i < r.EndLine; i++ {
			onLine[i] = append(onLine[i], r)
		}
	}
	var out []byte
	deleted := map[int]bool{}
	next := 0 // the next input line to copy
	for _, h := range hs {
		for ; next < h.oldStart; next++ {
			out = append(out, lines[next]...)
		}
		var rules []string
		var rest [][]byte // what the deleted lines keep, to come back as '+' lines
		adds := 0
		for _, l := range h.lines {
			switch l.op {
			case ' ', '-':
				if next >= len(lines) || !bytes.Equal(lines[next], l.text) {
					return fmt.Errorf("hunk %s: line %d is not the input's", h.header, next+1)
				}
				if l.op == ' ' {
					// A removal may span a blank line that stays to
					// separate what is left around it.
					if len(onLine[next]) > 0 && !isBlankLine(l.text) {
						return fmt.Errorf("line %d is removed from (%s) but shown as context", next+1, onLine[next][0].Rule)
					}
					out = append(out, l.text...)
				} else {
					deleted[next] = true
					for _, r := range onLine[next] {
						if !slices.Contains(rules, r.Rule) {
							rules = append(rules, r.Rule)
						}
					}
					if left := keptOf(src, lineStart(lines, next), l.text, onLine[next]); !isBlankLine(left) {
						rest = append(rest, left)
					}
				}
				next++
			case '+':
				if adds >= len(rest) || !bytes.Equal(trimLine(l.text), trimLine(rest[adds])) {
					return fmt.Errorf("hunk %s: added line %q is not a deleted line's kept bytes", h.header, l.text)
				}
				adds++
				out = append(out, l.text...)
			}
		}
		if adds != len(rest) {
			return fmt.Errorf("hunk %s: %d lines keep bytes but %d come back", h.header, len(rest), adds)
		}
		if got := strings.Join(rules, ","); got != h.rules {
			return fmt.Errorf("hunk %s names %q; its removals are by %q", h.header, h.rules, got)
		}
	}
	for ; next < len(lines); next++ {
		out = append(out, lines[next]...)
	}
	for i := range onLine {
		if !deleted[i] && !isBlankLine(lines[i]) {
			return fmt.Errorf("line %d is removed from (%s) but in no hunk", i+1, onLine[i][0].Rule)
		}
	}
	if !bytes.Equal(out, cleanedText(res)) {
		return fmt.Errorf("the diff applied gives %q, not the output %q", clip(out), clip(cleanedText(res)))
	}
	return nil
}

// keptOf returns what is left of an input line, starting at byte start,
// once the removals are cut from it.
func keptOf(src []byte, start int, text []byte, rs []removalReport) []byte {
	var left []byte
	pos := start
	end := start + len(text)
	for _, r := range rs {
		if r.Start > pos {
			left = append(left, src[pos:min(r.Start, end)]...)
		}
		pos = max(pos, r.End)
	}
	if pos < end {
		left = append(left, src[pos:end]...)
	}
	return left
}

// trimLine drops a byte order mark and the line terminator, which move
// between lines without being removed.
func trimLine(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	return bytes.TrimRight(b, "\r\n")
}

// isBlankLine reports whether a line holds only spaces and tabs, as the
// engine judges blank lines.
func isBlankLine(b []byte) bool { return len(bytes.Trim(trimLine(b), " \t")) == 0 }

func lineStart(lines [][]byte, i int) int {
	n := 0
	for _, l := range lines[:i] {
		n += len(l)
	}
	return n
}

// splitLines splits b after each '\n', as patch reads a file.
func splitLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n') + 1
		if i == 0 {
			i = len(b)
		}
		lines, b = append(lines, b[:i]), b[i:]
	}
	return lines
}

type parsedHunk struct {
	header   string
	oldStart int // 0-based
	rules    string
	lines    []diffLine
}

// hunkHeader matches a hunk's header: its ranges, the rules, and what a
// corpus said of their lines, in parentheses.
var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(?: ([^ ]*))?(?: \(.*\))?$`)

// parseDiff reads a unified diff of one file as patch(1) would.
func parseDiff(diff []byte) ([]parsedHunk, error) {
	lines := splitLines(diff)
	if len(lines) < 2 || !bytes.HasPrefix(lines[0], []byte("--- a/")) || !bytes.HasPrefix(lines[1], []byte("+++ b/")) {
		return nil, fmt.Errorf("no file header in %q", clip(diff))
	}
	var hs []parsedHunk
	for _, l := range lines[2:] {
		switch {
		case bytes.HasPrefix(l, []byte("@@")):
			m := hunkHeader.FindStringSubmatch(strings.TrimSuffix(string(l), "\n"))
			if m == nil {
				return nil, fmt.Errorf("bad hunk header %q", l)
			}
			start, _ := strconv.Atoi(m[1])
			if m[2] != "0" {
				start-- // a range of lines starts at its first; an empty one after it
			}
			hs = append(hs, parsedHunk{header: m[0], oldStart: start, rules: m[5]})
		case len(hs) == 0:
			return nil, fmt.Errorf("line %q before any hunk", l)
		case bytes.Equal(l, []byte("\\ No newline at end of file\n")):
			h := &hs[len(hs)-1]
			k := len(h.lines) - 1
			h.lines[k].text = bytes.TrimSuffix(h.lines[k].text, []byte("\n"))
		case len(l) > 0 && (l[0] == ' ' || l[0] == '-' || l[0] == '+'):
			h := &hs[len(hs)-1]
			h.lines = append(h.lines, diffLine{op: l[0], text: l[1:]})
		default:
			return nil, fmt.Errorf("bad diff line %q", l)
		}
	}
	return hs, nil
}

func clip(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "…"
	}
	return string(b)
}
