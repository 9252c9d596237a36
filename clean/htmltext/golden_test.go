package htmltext

import (
	"bytes"
	"flag"
	"testing"

	"github.com/decruft/decruft/clean"
)

var update = flag.Bool("update", false, "rewrite the golden files' computed sections")

// checkCleaning asserts what the engine promises for any text, here for
// text extracted from HTML: the output is the text's bytes in order,
// cleaning it again changes nothing, removals are disjoint spans of the
// text, and every line no removal touches comes out whole.
func checkCleaning(t *testing.T, res *clean.Result) {
	t.Helper()
	in := res.Doc.Src
	if !isSubsequence(res.Output, in) {
		t.Errorf("output holds bytes not in the input, in order:\n%q", res.Output)
	}
	if again := clean.Clean(res.Output, clean.Defaults(clean.All)); !bytes.Equal(again.Output, res.Output) {
		t.Errorf("not idempotent:\nfirst  %q\nsecond %q", res.Output, again.Output)
	}
	end := 0
	for _, r := range res.Removals {
		if r.Start < end || r.End <= r.Start || r.End > len(in) {
			t.Errorf("bad removal %+v", r)
		}
		end = r.End
	}
	d := res.Doc
	outLines := clean.Parse(res.Output).Lines
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

// isSubsequence reports whether out can be made from in by deleting bytes,
// allowing one added final newline.
func isSubsequence(out, in []byte) bool {
	if !bytes.HasSuffix(in, []byte("\n")) {
		out = bytes.TrimSuffix(bytes.TrimSuffix(out, []byte("\n")), []byte("\r"))
	}
	i := 0
	for _, c := range in {
		if i < len(out) && out[i] == c {
			i++
		}
	}
	return i == len(out)
}
