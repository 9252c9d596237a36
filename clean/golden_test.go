package clean

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/decruft/decruft/clean/internal/golden"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files' want and removals sections")

// TestGolden runs every case in testdata/<rule>/*.txtar. A case's "in" is
// cleaned with that folder's rule alone (the folder "all" uses the default
// rules; a "rules: a,b" line in the archive comment names others), and the
// result must equal "want", with exactly the removals listed in "removals".
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(file[len("testdata/"):], ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			rules := goldenRules(t, filepath.Base(filepath.Dir(file)), string(ar.Comment))
			in := golden.Section(t, ar, "in")
			res := Clean(in, rules)
			golden.Compare(t, file, ar, map[string][]byte{"want": res.Output, "removals": []byte(formatRemovals(res))}, *update)
			checkInvariants(t, in, rules)
		})
	}
}

func goldenRules(t *testing.T, folder, comment string) []*Rule {
	names := []string{folder}
	for _, line := range strings.Split(comment, "\n") {
		if list, ok := strings.CutPrefix(line, "rules:"); ok {
			names = strings.Split(strings.ReplaceAll(list, " ", ""), ",")
		}
	}
	if len(names) == 1 && names[0] == "all" {
		return Defaults(All)
	}
	var rules []*Rule
	for _, n := range names {
		r := Lookup(All, n)
		if r == nil {
			t.Fatalf("unknown rule %q", n)
		}
		rules = append(rules, r)
	}
	return rules
}

// checkInvariants asserts what holds for every input: the output is the
// input's bytes in order (removals and separators aside), cleaning is
// idempotent, and the removals are disjoint spans inside the input.
func checkInvariants(t *testing.T, in []byte, rules []*Rule) {
	t.Helper()
	res := Clean(in, rules)
	if !isSubsequence(res.Output, in) {
		t.Errorf("output holds bytes not in the input, in order:\n%q", res.Output)
	}
	again := Clean(res.Output, rules)
	if !bytes.Equal(again.Output, res.Output) {
		t.Errorf("not idempotent:\nfirst  %q\nsecond %q", res.Output, again.Output)
	}
	end := 0
	for _, r := range res.Removals {
		if r.Start < end || r.End <= r.Start || r.End > len(in) {
			t.Errorf("bad removal %+v", r)
		}
		end = r.End
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

// formatRemovals is one line per removal: rule, line range, quoted text.
func formatRemovals(res *Result) string {
	var sb strings.Builder
	for _, r := range res.Removals {
		fmt.Fprintf(&sb, "%s %d-%d %q\n", r.Rule, res.Doc.LineAt(r.Start)+1, res.Doc.LineAt(r.End-1)+1, res.Doc.Src[r.Start:r.End])
	}
	return sb.String()
}
