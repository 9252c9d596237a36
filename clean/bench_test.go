package clean

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchCorpus loads the documents to benchmark on: the files of the folder
// named by $DECRUFT_CORPUS (e.g. the files/ folder that
// ../shared/bench/make-corpus.py writes), or else the repository's real
// sample articles and golden inputs.
func benchCorpus(b *testing.B) [][]byte {
	pattern := "../testdata/*.txt"
	if dir := os.Getenv("DECRUFT_CORPUS"); dir != "" {
		pattern = filepath.Join(dir, "*")
	}
	files, _ := filepath.Glob(pattern)
	var docs [][]byte
	for _, f := range files {
		if strings.HasSuffix(f, ".clean.txt") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
	}
	if len(docs) == 0 {
		b.Fatalf("no documents match %s", pattern)
	}
	return docs
}

// BenchmarkText cleans a corpus of whole articles with the default rules.
func BenchmarkText(b *testing.B) {
	docs := benchCorpus(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Text(d)
		}
	}
}

// BenchmarkHugeDocument cleans one 50 MB document: the teaser search and
// every rule must stay linear in the input's size.
func BenchmarkHugeDocument(b *testing.B) {
	docs := benchCorpus(b)
	var huge []byte
	for len(huge) < 50<<20 {
		for _, d := range docs {
			huge = append(huge, d...)
			huge = append(huge, "\n\n"...)
		}
	}
	b.SetBytes(int64(len(huge)))
	b.ResetTimer()
	for b.Loop() {
		Text(huge)
	}
}

// BenchmarkLongLine cleans a single 50 MB line.
func BenchmarkLongLine(b *testing.B) {
	line := bytes.Repeat([]byte("All work and no play makes Jack a dull boy. "), 50<<20/44)
	b.SetBytes(int64(len(line)))
	b.ResetTimer()
	for b.Loop() {
		Text(line)
	}
}

// BenchmarkWrapped cleans hard-wrapped text, whose every line is short
// enough for the line rules to look at.
func BenchmarkWrapped(b *testing.B) {
	src := []byte(strings.Repeat("The committee met on Tuesday to discuss the budget, and\nmembers said that photos by the press were welcome.\n\n", 2000))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Text(src)
	}
}
