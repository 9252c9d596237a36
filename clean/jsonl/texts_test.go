package jsonl

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestTexts(t *testing.T) {
	in := "{\"text\":\"one\\nline\"}\r\n\n  \n{\"id\":2}\n{\"text\":\"caf\\u00e9\"}\nnot json\n{\"text\":\"last\"}"
	var got []string
	var bad []int
	err := Texts(context.Background(), strings.NewReader(in), "", func(text []byte) {
		got = append(got, string(text))
	}, func(e *LineError) { bad = append(bad, e.Line) })
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != "one\nline|café|last" {
		t.Errorf("texts %q", got)
	}
	if len(bad) != 2 || bad[0] != 4 || bad[1] != 6 {
		t.Errorf("bad lines %v, want [4 6]", bad)
	}
	var nested []string
	_ = Texts(context.Background(), strings.NewReader(`{"a":{"b":"deep"}}`+"\n"), "a.b", func(text []byte) {
		nested = append(nested, string(text))
	}, nil)
	if len(nested) != 1 || nested[0] != "deep" {
		t.Errorf("nested field: %q", nested)
	}
}

// TestTextsOfLongLines reads lines longer than the reader's buffer, and
// lines around them that fit it.
func TestTextsOfLongLines(t *testing.T) {
	long := strings.Repeat("word ", 40000) // 200 kB
	var in strings.Builder
	var want []string
	for i, text := range []string{"short", long, long + "é", "short again", long[:65530], long[:65540]} {
		fmt.Fprintf(&in, "{\"id\": %d, \"text\": \"%s\"}\n", i, text)
		want = append(want, text)
	}
	var got []string
	err := Texts(context.Background(), strings.NewReader(in.String()), "", func(text []byte) {
		got = append(got, string(text))
	}, func(e *LineError) { t.Error(e) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %d texts, want %d, or different ones", len(got), len(want))
	}
}
