package jsonl

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/decruft/decruft/clean"
	"github.com/rogpeppe/go-internal/txtar"
)

// splitLines splits b after each newline; a final line without one counts.
func splitLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n') + 1
		if i == 0 {
			i = len(b)
		}
		lines = append(lines, b[:i])
		b = b[i:]
	}
	return lines
}

// textOf returns the "text" member of a line that is a valid JSON object
// with a string there, as encoding/json reads it (the last of duplicate
// keys wins there; JSON leaves duplicates undefined, so such lines are
// not judged).
func textOf(line []byte) ([]byte, map[string]json.RawMessage, bool) {
	line = bytes.TrimRight(line, "\r\n")
	if !json.Valid(line) || hasDuplicateKeys(line) {
		return nil, nil, false
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(line, &m) != nil {
		return nil, nil, false
	}
	var s string
	raw := bytes.TrimSpace(m["text"])
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil { // null decodes into a string too
		return nil, nil, false
	}
	return []byte(s), m, true
}

// hasDuplicateKeys reports whether any object in the valid JSON b repeats
// a key.
func hasDuplicateKeys(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	type frame struct {
		obj  bool
		key  bool // next string token is a key
		seen map[string]bool
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.obj && top.key {
			if k, ok := tok.(string); ok {
				if top.seen[k] {
					return true
				}
				top.seen[k] = true
				top.key = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true, key: true, seen: map[string]bool{}})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && stack[len(stack)-1].obj {
			stack[len(stack)-1].key = true
		}
	}
}

// FuzzJSONL runs any bytes through Run with SkipBad. There must be no
// panic and no error, one output line per input line, bad and blank lines
// passed through unchanged and reported, every line that is a JSON object
// with a string "text" still one (its other members unchanged, its text
// the cleaned text), and running Run on the output must change nothing.
// Without SkipBad, Run must stop at the first bad line, having written
// exactly the lines before it.
func FuzzJSONL(f *testing.F) {
	seedJSONL(f)
	f.Fuzz(func(t *testing.T, in []byte, annotate bool) {
		o := Options{SkipBad: true, Jobs: 2}
		if annotate {
			o.Annotate = "removed"
		}
		var bad []int
		o.OnBad = func(e *LineError) { bad = append(bad, e.Line) }
		var out bytes.Buffer
		st, err := Run(context.Background(), bytes.NewReader(in), &out, o)
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		inLines, outLines := splitLines(in), splitLines(out.Bytes())
		if len(outLines) != len(inLines) || st.Lines != len(inLines) {
			t.Fatalf("%d lines in, %d out, %d counted\nin  %q\nout %q", len(inLines), len(outLines), st.Lines, in, out.Bytes())
		}
		if st.Bad != len(bad) {
			t.Errorf("%d bad lines counted, %d reported", st.Bad, len(bad))
		}
		isBad := map[int]bool{}
		for _, n := range bad {
			isBad[n] = true
		}
		firstBad := 0
		for i, line := range inLines {
			got := outLines[i]
			text, m, ok := textOf(line)
			if ok && isBad[i+1] {
				t.Errorf("line %d is a JSON object with a string text, reported bad: %q", i+1, line)
			}
			if isBad[i+1] || len(bytes.Trim(line, " \t\r\n")) == 0 {
				if firstBad == 0 && isBad[i+1] {
					firstBad = i + 1
				}
				if !bytes.Equal(got, line) {
					t.Errorf("bad or blank line %d changed:\nin  %q\nout %q", i+1, line, got)
				}
				continue
			}
			if !ok {
				continue // valid for Run, but beyond what this test judges (duplicate keys)
			}
			if !bytes.Equal(got[len(bytes.TrimRight(got, "\r\n")):], line[len(bytes.TrimRight(line, "\r\n")):]) {
				t.Errorf("line %d: terminator changed: %q → %q", i+1, line, got)
			}
			gotText, gm, ok := textOf(got)
			if !ok {
				t.Fatalf("line %d: output is no JSON object with a string text:\nin  %q\nout %q", i+1, line, got)
			}
			for k, v := range m {
				if k != "text" && (!annotate || k != "removed") && !bytes.Equal(gm[k], v) {
					t.Errorf("line %d: member %q changed: %s → %s", i+1, k, v, gm[k])
				}
			}
			added := annotate && len(gm) == len(m)+1 && gm["removed"] != nil
			if len(gm) != len(m) && !added {
				t.Errorf("line %d: members changed:\nin  %q\nout %q", i+1, line, got)
			}
			// A text that loses nothing is kept as it was (blank runs and a
			// missing final newline included); the line too, unannotated.
			res := clean.Text(text)
			if len(res.Removals) == 0 {
				if !bytes.Equal(gotText, text) || !annotate && !bytes.Equal(got, line) {
					t.Errorf("line %d: nothing removed, yet changed:\nin  %q\nout %q", i+1, line, got)
				}
				continue
			}
			want := res.Output
			if !bytes.Equal(gotText, want) && !bytes.Equal(append(gotText, '\n'), want) && !bytes.Equal(append(gotText, '\r', '\n'), want) {
				t.Errorf("line %d: text %q, want %q", i+1, gotText, want)
			}
		}

		// Without SkipBad, the run stops at the first bad line.
		var strict bytes.Buffer
		_, err = Run(context.Background(), bytes.NewReader(in), &strict, Options{Jobs: 2, Annotate: o.Annotate})
		var le *LineError
		switch {
		case firstBad == 0 && err != nil:
			t.Errorf("strict run failed on good input: %v", err)
		case firstBad > 0 && (!errors.As(err, &le) || le.Line != firstBad):
			t.Errorf("strict run: err %v, want line %d", err, firstBad)
		}
		if firstBad > 0 {
			if want := bytes.Join(outLines[:firstBad-1], nil); !bytes.Equal(strict.Bytes(), want) {
				t.Errorf("strict run wrote %q, want the lines before line %d: %q", strict.Bytes(), firstBad, want)
			}
		} else if !bytes.Equal(strict.Bytes(), out.Bytes()) {
			t.Errorf("strict and skipping runs differ on good input")
		}

		// Idempotence. An annotation lists the latest run's removals, so
		// it changes by design; the rest must not.
		if annotate {
			return
		}
		var again bytes.Buffer
		if _, err := Run(context.Background(), bytes.NewReader(out.Bytes()), &again, o); err != nil {
			t.Fatalf("second Run: %v", err)
		}
		if !bytes.Equal(again.Bytes(), out.Bytes()) {
			t.Errorf("not idempotent:\nfirst  %q\nsecond %q", out.Bytes(), again.Bytes())
		}
	})
}

// seedJSONL seeds with the golden inputs and sample articles as records,
// and lines that probe the scanner: escapes, nesting, bad lines.
func seedJSONL(f *testing.F) {
	var texts [][]byte
	files, _ := filepath.Glob("../testdata/*/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range ar.Files {
			if s.Name == "in" {
				texts = append(texts, s.Data)
			}
		}
	}
	samples, _ := filepath.Glob("../../testdata/*.txt")
	for _, file := range samples {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		texts = append(texts, data)
	}
	var all []byte
	for i, text := range texts {
		rec, _ := json.Marshal(map[string]any{"id": i, "text": string(text)})
		f.Add(append(rec, '\n'), i%2 == 0)
		all = append(append(all, rec...), '\n')
	}
	f.Add(all, false)
	for _, s := range []string{
		`{"z": 1.50, "text":"Sony will launch the PSP in December.\n\nRead More" ,"a":1e3,"b" : [ 1,2 ],"n":null}` + "\r\n",
		`{"te\u0078t":"A.\n\nRead More","removed":[]}`,
		"{\"text\":\"caf\xe9.\\n\\nRead More\"}\n\n  \n{\"text\":\"x\\ud800 y.\\n\\nRead More\"}",
		`{"text":"\u201cHi\u201d \ud83d\ude00 <b> & \\ \"q\"\t\u0001 \u2028.\n\nRead More"}` + "\nnot json\n[1]\n{\"text\":1}\n{}\n",
		`{"a":{"text":"x"},"text":"Read More"}` + "\n" + `{"text":"A.","text":"Read More"}` + "\n",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
}
