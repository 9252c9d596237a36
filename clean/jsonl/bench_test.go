package jsonl

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decruft/decruft/clean"
	"github.com/rogpeppe/go-internal/txtar"
)

// benchCorpus returns JSON lines to benchmark. With DECRUFT_CORPUS set to
// a JSONL file (such as the docs.jsonl that /work/shared/bench/make-corpus.py
// writes), it is that file. Otherwise the corpus is built from what the
// repository holds: the real articles in ../../testdata and the inputs of
// the rule golden cases, each as a {"id","text"} line in Python's
// json.dumps spacing, repeated to about 8 MB.
func benchCorpus(b *testing.B) []byte {
	if path := os.Getenv("DECRUFT_CORPUS"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	var texts []string
	samples, _ := filepath.Glob("../../testdata/*.txt")
	for _, f := range samples {
		if strings.HasSuffix(f, ".clean.txt") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	cases, _ := filepath.Glob("../testdata/*/*.txtar")
	for _, f := range cases {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, file := range ar.Files {
			if file.Name == "in" {
				texts = append(texts, string(file.Data))
			}
		}
	}
	if len(samples) == 0 || len(cases) == 0 {
		b.Fatal("no samples or golden cases to build a corpus from")
	}
	var buf bytes.Buffer
	for i := 0; buf.Len() < 8<<20; i++ {
		text, _ := json.Marshal(texts[i%len(texts)])
		buf.WriteString(`{"id": `)
		buf.WriteString(strings.Repeat("1", 1+i%6))
		buf.WriteString(`, "text": `)
		buf.Write(text)
		buf.WriteString("}\n")
	}
	return buf.Bytes()
}

// floor is the least a JSONL cleaner must do: find each record's text,
// decode it, split it into lines and encode it back. BenchmarkRun runs it
// beside the real thing, so that their ratio is measured in one run.
func floor(corpus []byte) int {
	n := 0
	path := []string{"text"}
	var text, out []byte
	for len(corpus) > 0 {
		line := corpus
		if i := bytes.IndexByte(corpus, '\n'); i >= 0 {
			line, corpus = corpus[:i], corpus[i+1:]
		} else {
			corpus = nil
		}
		loc, err := locate(line, path, "")
		if err != nil {
			continue
		}
		var decoded []byte
		decoded, text = decodeValue(line, loc, text)
		d := clean.Parse(decoded)
		out = quote(out[:0], decoded)
		n += len(d.Lines) + len(out)
	}
	return n
}

func BenchmarkRun(b *testing.B) {
	corpus := benchCorpus(b)
	b.Run("floor/jobs=1", func(b *testing.B) {
		b.SetBytes(int64(len(corpus)))
		for b.Loop() {
			floor(corpus)
		}
	})
	for _, bc := range []struct {
		name string
		o    Options
	}{
		{"rules/jobs=1", Options{Jobs: 1}},
		{"rules/jobs=2", Options{Jobs: 2}},
		{"annotate/jobs=2", Options{Jobs: 2, Annotate: "decruft"}},
		// No rules: the cost of streaming, scanning, parsing and applying.
		{"norules/jobs=2", Options{Jobs: 2, Clean: func(b []byte) (*clean.Result, error) { return clean.Clean(b, nil), nil }}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(corpus)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Run(context.Background(), bytes.NewReader(corpus), io.Discard, bc.o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTexts is the reading of a stream by the pass that learns its
// boilerplate before cleaning it.
func BenchmarkTexts(b *testing.B) {
	corpus := benchCorpus(b)
	b.SetBytes(int64(len(corpus)))
	for b.Loop() {
		n := 0
		err := Texts(context.Background(), bytes.NewReader(corpus), "", func(text []byte) { n += len(text) }, nil)
		if err != nil || n == 0 {
			b.Fatal(err, n)
		}
	}
}

// BenchmarkQuote encodes the corpus's texts back into JSON strings, as the
// cleaning pass does for each text that lost something.
func BenchmarkQuote(b *testing.B) {
	corpus := benchCorpus(b)
	var texts [][]byte
	err := Texts(context.Background(), bytes.NewReader(corpus), "", func(text []byte) {
		texts = append(texts, bytes.Clone(text))
	}, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(corpus)))
	var out []byte
	for b.Loop() {
		for _, t := range texts {
			out = quote(out[:0], t)
		}
	}
}
