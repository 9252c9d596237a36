package clean

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decruft/decruft/clean/corpus"
)

// TestHardNegatives cleans every document of ../testdata/hardneg with the
// default rules, and what the documents teach as a corpus. Every line of those documents is article content, written
// to look like cruft (bylines, credits, ad markers, share prompts, repeated
// paragraphs, …), so the only change cleaning may make is the blank-line
// normalisation the README promises. Any removal is content lost: the test
// names the file, the rule and the bytes it took.
func TestHardNegatives(t *testing.T) {
	dir := filepath.Join("..", "testdata", "hardneg")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no documents (*.txt) found in %s", dir)
	}
	// Cleaned as one corpus too, as a folder run cleans them: what the
	// documents share (a "Getty Images" credit, "The caption read:") is
	// still their content.
	c := corpus.NewCounter(corpus.Options{})
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c.Add(src)
	}
	opts := Options{Corpus: c.Known()}
	rules := Defaults(All)
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res := CleanWith(src, rules, opts)
			want := hardnegNormalise(src)
			if bytes.Equal(res.Output, want) {
				return
			}
			var b strings.Builder
			for _, r := range res.Removals {
				fmt.Fprintf(&b, "\n\t%s took line %d: %q", r.Rule, hardnegLine(src, r.Start), src[r.Start:r.End])
			}
			if len(res.Removals) == 0 {
				fmt.Fprintf(&b, "\n\tno removals listed; output first differs from the input at line %d", hardnegFirstDiff(res.Output, want))
			}
			t.Errorf("%s: cleaning changed article content (%d removals):%s", name, len(res.Removals), b.String())
		})
	}
}

// hardnegNormalise returns src as a cleaner that removes nothing must
// return it: runs of blank lines collapsed to their first line, leading and
// trailing blank lines dropped, and exactly one final newline. A line is
// blank when it holds nothing but white space (so "\r\n" is blank too).
func hardnegNormalise(src []byte) []byte {
	var out []byte
	prevBlank := true // drops leading blank lines
	var pending []byte
	for _, line := range bytes.SplitAfter(src, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if !prevBlank {
				pending = line // the first blank line of a run
			}
			prevBlank = true
			continue
		}
		out = append(out, pending...)
		pending = nil
		out = append(out, line...)
		prevBlank = false
	}
	// pending (trailing blank lines) is dropped.
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return out
}

// hardnegLine is the 1-based line number of byte offset off in src.
func hardnegLine(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	return bytes.Count(src[:off], []byte("\n")) + 1
}

// hardnegFirstDiff is the 1-based number of the first line at which got and
// want differ.
func hardnegFirstDiff(got, want []byte) int {
	g := bytes.SplitAfter(got, []byte("\n"))
	w := bytes.SplitAfter(want, []byte("\n"))
	for i := 0; i < len(g) && i < len(w); i++ {
		if !bytes.Equal(g[i], w[i]) {
			return i + 1
		}
	}
	return min(len(g), len(w)) + 1
}

func TestHardnegNormalise(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"a", "a\n"},
		{"a\n", "a\n"},
		{"\n\na\n\n\n\nb\n\n", "a\n\nb\n"},
		{"a\r\n\r\n\r\nb\r\n", "a\r\n\r\nb\r\n"},
		{"a\n \t\n\nb", "a\n \t\nb\n"},
	} {
		if got := string(hardnegNormalise([]byte(c.in))); got != c.want {
			t.Errorf("hardnegNormalise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
