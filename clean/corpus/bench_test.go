package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// benchDocs loads the documents of $DECRUFT_CORPUS (the files/ folder of
// ../shared/bench/make-corpus.py), or the repository's sample articles,
// and sets b's bytes to their size.
func benchDocs(b *testing.B) [][]byte {
	pattern := "../../testdata/*.txt"
	if dir := os.Getenv("DECRUFT_CORPUS"); dir != "" {
		pattern = filepath.Join(dir, "*")
	}
	files, _ := filepath.Glob(pattern)
	var docs [][]byte
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		size += int64(len(data))
	}
	if len(docs) == 0 {
		b.Fatalf("no documents match %s", pattern)
	}
	b.SetBytes(size)
	return docs
}

// BenchmarkCounter learns from the benchmark documents: the corpus pass's
// own cost, beside the cleaning it precedes (clean's BenchmarkText).
func BenchmarkCounter(b *testing.B) {
	docs := benchDocs(b)
	for b.Loop() {
		c := NewCounter(Options{})
		for _, d := range docs {
			c.Add(d)
		}
		c.Known()
	}
}

// BenchmarkSignature is the copy fingerprints alone, the bulk of a
// Digest's cost.
func BenchmarkSignature(b *testing.B) {
	docs := benchDocs(b)
	var s shingler
	for b.Loop() {
		for _, d := range docs {
			s.signature(d)
		}
	}
}
