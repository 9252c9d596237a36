package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkCounter learns from the documents of $DECRUFT_CORPUS (the
// files/ folder of ../shared/bench/make-corpus.py), or the repository's
// sample articles: the corpus pass's own cost, beside the cleaning it
// precedes (clean's BenchmarkText).
func BenchmarkCounter(b *testing.B) {
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
	var s shingler
	for b.Loop() {
		for _, d := range docs {
			s.signature(d)
		}
	}
}
