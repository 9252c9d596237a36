package clean

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// seedSections adds to f the named sections of every golden case matching
// pattern, and the real sample articles when articles is set.
func seedSections(f *testing.F, pattern, name string, articles bool) {
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds match %s: %v", pattern, err)
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range ar.Files {
			if s.Name == name {
				f.Add(s.Data)
			}
		}
	}
	if !articles {
		return
	}
	samples, _ := filepath.Glob("../testdata/*.txt")
	for _, file := range samples {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzText cleans any bytes with the default rules. Beyond not panicking,
// the output must be the input's bytes in order, cleaning it again must
// change nothing, and every input line no removal touches must come out
// whole, byte for byte (invalid UTF-8 included).
func FuzzText(f *testing.F) {
	seedSections(f, "testdata/*/*.txtar", "in", true)
	f.Add([]byte("caf\xe9 \xff\xfe.\r\n\r\nRead More\r\n"))
	f.Add([]byte("\xef\xbb\xbfRead More\n\n\nA.\r"))
	f.Fuzz(func(t *testing.T, in []byte) {
		rules := Defaults(All)
		checkInvariants(t, in, rules)
		checkKeptLines(t, Clean(in, rules))
	})
}

// checkKeptLines asserts that the lines of the input that no removal
// touches appear in the output, in order, as whole lines.
func checkKeptLines(t *testing.T, res *Result) {
	t.Helper()
	d := res.Doc
	outLines := Parse(res.Output).Lines
	rs := res.Removals
	j := 0
	for _, l := range d.Lines {
		if l.Blank {
			continue
		}
		for len(rs) > 0 && rs[0].End <= l.Start {
			rs = rs[1:]
		}
		if len(rs) > 0 && rs[0].Start < l.End {
			continue // cut, or removed
		}
		want := d.Text(l)
		for j < len(outLines) && !bytes.Equal(res.Output[outLines[j].Start:outLines[j].End], want) {
			j++
		}
		if j == len(outLines) {
			t.Fatalf("kept line %q is not a line of the output, in order:\n%q", want, res.Output)
		}
		j++
	}
}
