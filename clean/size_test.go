package clean

import (
	"bytes"
	"strings"
	"testing"
)

// The size tests feed inputs far beyond any real article. They assert
// results, not timings: an input that made a rule quadratic would make
// them run for hours instead of seconds. The largest skip under -short.

func bigOrShort(t *testing.T, big, short int) int {
	if testing.Short() {
		return short
	}
	return big
}

// TestSizeLongLine cleans a single line of 50 MB: one paragraph of
// sentences, with a "Read More" glued to its end.
func TestSizeLongLine(t *testing.T) {
	size := bigOrShort(t, 50<<20, 1<<20)
	sentence := []byte("The quick brown fox, said a spokesman, jumps over the lazy dog. ")
	in := bytes.Repeat(sentence, size/len(sentence)+1)[:size/len(sentence)*len(sentence)]
	in = append(in, "Read More"...)
	res := Text(in)
	if !bytes.HasPrefix(res.Output, in[:len(in)-len("Read More")-1]) {
		t.Errorf("the line lost text: %d bytes in, %d out", len(in), len(res.Output))
	}
	if again := Text(res.Output); !bytes.Equal(again.Output, res.Output) {
		t.Errorf("not idempotent on the long line")
	}
}

// TestSizeLongLineNoSpace cleans 50 MB without a space or newline: no
// word boundary for any rule to stop at.
func TestSizeLongLineNoSpace(t *testing.T) {
	in := bytes.Repeat([]byte("x"), bigOrShort(t, 50<<20, 1<<20))
	res := Text(in)
	if len(res.Output) != len(in)+1 || res.Output[len(in)] != '\n' {
		t.Errorf("got %d bytes, want the input and a newline", len(res.Output))
	}
}

// TestSizeEmptyLines cleans 10 million empty lines: nothing is left.
func TestSizeEmptyLines(t *testing.T) {
	in := bytes.Repeat([]byte("\n"), bigOrShort(t, 10_000_000, 100_000))
	if res := Text(in); len(res.Output) != 0 {
		t.Errorf("got %d bytes, want none", len(res.Output))
	}
	// Blank runs between text collapse to one blank line.
	in = append(append([]byte("A.\n"), in...), "B.\n"...)
	if res := Text(in); string(res.Output) != "A.\n\nB.\n" {
		t.Errorf("got %q", res.Output)
	}
}

// TestSizeManyLines cleans a million short lines that each look like
// cruft to some rule's prefilter, the worst case for per-line work.
func TestSizeManyLines(t *testing.T) {
	n := bigOrShort(t, 1_000_000, 20_000)
	var sb strings.Builder
	lines := []string{"Read More", "Photo: AP", "Advertisement", "Related:", "Share this:", "A sentence of the article, kept."}
	for i := range n {
		sb.WriteString(lines[i%len(lines)])
		sb.WriteString("\n\n")
	}
	in := []byte(sb.String())
	res := Text(in)
	if !bytes.Contains(res.Output, []byte("A sentence of the article, kept.")) {
		t.Errorf("the article sentence went")
	}
	if again := Text(res.Output); !bytes.Equal(again.Output, res.Output) {
		t.Errorf("not idempotent")
	}
}
