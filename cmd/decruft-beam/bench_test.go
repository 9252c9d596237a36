package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/decruft/decruft/clean/jsonl"
)

// BenchmarkPipeline cleans one JSONL file with the pipeline on the direct
// runner and, as its peer, with the stream the CLI runs (jsonl.Run with a
// worker per CPU). DECRUFT_CORPUS names the file, such as the docs.jsonl
// that ../shared/bench/make-corpus.py writes; without it, the benchmark
// uses the real articles in ../../testdata, repeated.
func BenchmarkPipeline(b *testing.B) {
	corpus := os.Getenv("DECRUFT_CORPUS")
	if corpus == "" {
		corpus = articleCorpus(b)
	}
	data, err := os.ReadFile(corpus)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("stream", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := jsonl.Run(context.Background(), bytes.NewReader(data), io.Discard, jsonl.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("direct", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		out := filepath.Join(b.TempDir(), "clean")
		for b.Loop() {
			p, s := beam.NewPipelineWithRoot()
			build(s, corpus, out, 2, settings{Field: "text"})
			if _, err := beam.Run(context.Background(), "direct", p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// articleCorpus writes the real articles as about 8 MB of records.
func articleCorpus(b *testing.B) string {
	articles, _ := filepath.Glob("../../testdata/*.txt")
	if len(articles) == 0 {
		b.Fatal("no articles in ../../testdata")
	}
	var buf bytes.Buffer
	for i := 0; buf.Len() < 8<<20; i++ {
		data, err := os.ReadFile(articles[i%len(articles)])
		if err != nil {
			b.Fatal(err)
		}
		buf.WriteString(record(string(data)) + "\n")
	}
	path := filepath.Join(b.TempDir(), "docs.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}
