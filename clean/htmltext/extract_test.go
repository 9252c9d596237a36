package htmltext

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/decruft/decruft/clean/internal/golden"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/decruft/decruft/clean"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestExtractGolden runs the cases in testdata/extract/*.txtar. "in" is
// HTML, extracted as an Article unless the archive's comment has a line
// "mode: whole". Then "text" is the extracted text, "hints" the hints its
// markup gave (rule, line, evidence, text), "want" the text cleaned by the
// default rules with those hints, and "encoding" what the page was read
// as; or, when extraction fails, "error" is the error. -update rewrites
// them.
func TestExtractGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/extract/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no extraction cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			mode := Article
			if strings.Contains(string(ar.Comment), "mode: whole") {
				mode = Whole
			}
			in := golden.Section(t, ar, "in")
			if !LooksLikeHTML(in) {
				t.Errorf("LooksLikeHTML = false")
			}
			p, err := Extract(in, mode)
			if err != nil {
				golden.Compare(t, file, ar, map[string][]byte{"error": []byte(err.Error() + "\n")}, *update)
				if !errors.Is(err, ErrNoArticle) && !errors.Is(err, ErrTooDeep) {
					t.Errorf("error %v is neither ErrNoArticle nor ErrTooDeep", err)
				}
				return
			}
			res := clean.CleanHinted(p.Text, clean.Defaults(clean.All), p.Hints)
			golden.Compare(t, file, ar, map[string][]byte{
				"text":     p.Text,
				"hints":    []byte(formatHints(p)),
				"want":     res.Output,
				"encoding": []byte(p.Encoding + "\n"),
			}, *update)
			if *update {
				return
			}
			if again, _ := Extract(in, mode); !bytes.Equal(again.Text, p.Text) || formatHints(again) != formatHints(p) {
				t.Errorf("Extract is not deterministic")
			}
			checkPage(t, p)
			checkCleaning(t, res)
		})
	}
}

// formatHints is one line per hint: rule, line number, evidence, text.
func formatHints(p *Page) string {
	d := clean.Parse(p.Text)
	var sb strings.Builder
	for _, h := range p.Hints {
		fmt.Fprintf(&sb, "%s %d %s %q\n", h.Rule, d.LineAt(h.Start)+1, h.Why, p.Text[h.Start:h.End])
	}
	return sb.String()
}

// checkPage asserts what holds for every extracted page: the text ends in
// one newline, holds no doubled blank line, is valid UTF-8 unless the page
// was read as bytes, and its hints are whole lines of it, in order, each
// credited to a built-in rule with markup evidence.
func checkPage(t *testing.T, p *Page) {
	t.Helper()
	text := p.Text
	if len(text) > 0 && (text[len(text)-1] != '\n' || bytes.HasSuffix(text, []byte("\n\n"))) {
		t.Errorf("text does not end in one newline: %q", text)
	}
	if bytes.Contains(text, []byte("\n\n\n")) {
		t.Errorf("doubled blank line: %q", text)
	}
	if p.Encoding != "" && !utf8.Valid(text) {
		t.Errorf("read as %s, yet not valid UTF-8", p.Encoding)
	}
	end := 0
	for _, h := range p.Hints {
		if h.Start < end || h.End <= h.Start || h.End > len(text) {
			t.Fatalf("hint %+v out of order or out of the text", h)
		}
		end = h.End
		if h.Start > 0 && text[h.Start-1] != '\n' || h.End < len(text) && text[h.End] != '\n' {
			t.Errorf("hint %q is not a whole line", text[h.Start:h.End])
		}
		if clean.Lookup(clean.All, h.Rule) == nil {
			t.Errorf("hint credited to %q, no built-in rule", h.Rule)
		}
		if h.Kind != clean.Markup {
			t.Errorf("hint %q has evidence %v, want markup", text[h.Start:h.End], h.Kind)
		}
	}
}

// FuzzExtract extracts any bytes as an article and as a whole page. It must
// not panic; what it gives must hold checkPage's properties, and its
// cleaning the engine's promises.
func FuzzExtract(f *testing.F) {
	files, err := filepath.Glob("testdata/*/*.txtar")
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds: %v", err)
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range ar.Files {
			if s.Name == "in" {
				f.Add(s.Data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, mode := range []Mode{Article, Whole} {
			p, err := Extract(in, mode)
			if err != nil {
				if mode == Whole || !errors.Is(err, ErrNoArticle) && !errors.Is(err, ErrTooDeep) {
					t.Fatalf("mode %d: %v", mode, err)
				}
				continue
			}
			checkPage(t, p)
			checkCleaning(t, clean.CleanHinted(p.Text, clean.Defaults(clean.All), p.Hints))
		}
	})
}
