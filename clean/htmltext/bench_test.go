package htmltext

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// benchPages are the raw pages of the article-extraction benchmark in the
// scorer's HTML suite, which lives beside the checkout.
const benchPages = "../../../shared/eval/html/aebhtml.jsonl"

// BenchmarkExtract extracts the benchmark's pages as articles and as whole
// pages, beside a floor, building their trees alone, and a peer,
// go-readability as its users call it (it guesses each page's charset
// statistically). Run with -cpu 1 for one core.
func BenchmarkExtract(b *testing.B) {
	f, err := os.Open(benchPages)
	if err != nil {
		b.Skip("no benchmark pages:", err)
	}
	defer func() { _ = f.Close() }()
	var pages [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var c struct{ Input string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			b.Fatal(err)
		}
		pages = append(pages, []byte(c.Input))
	}
	for _, bm := range []struct {
		name string
		run  func([]byte)
	}{
		{"article", func(p []byte) { _, _ = Extract(p, Article) }},
		{"whole", func(p []byte) { _, _ = Extract(p, Whole) }},
		{"floor=html.Parse", func(p []byte) { _, _ = html.Parse(bytes.NewReader(p)) }},
		{"peer=readability.FromReader", func(p []byte) { _, _ = readability.FromReader(bytes.NewReader(p), nil) }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				for _, p := range pages {
					bm.run(p)
				}
			}
			b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
