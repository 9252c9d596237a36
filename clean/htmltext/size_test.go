package htmltext

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/decruft/decruft/clean"
)

func bigOrShort(t *testing.T, big, short int) int {
	if testing.Short() {
		return short
	}
	return big
}

// TestSizeNestedHTML extracts text nested 100,000 elements deep, for each
// kind of element Flatten counts, and unclosed ones.
func TestSizeNestedHTML(t *testing.T) {
	n := bigOrShort(t, 100_000, 10_000)
	for _, tc := range []struct{ open, close, want string }{
		{"<div>", "</div>", "text\n\nafter\n"},
		{"<span>", "</span>", "text\n\nafter\n"},
		{"<a href=x>", "</a>", "text\n\nafter\n"},
		{"<figcaption>", "</figcaption>", "text\n\nafter\n"},
		{"<pre>", "</pre>", "text\n\nafter\n"},
		{"<template>", "</template>", "after\n"},
		{"<table><tr><td>", "</td></tr></table>", "text\n\nafter\n"},
		{"<p>", "", "text\n\nafter\n"},    // unclosed
		{"<li>", "", "text\n\nafter\n"},   // unclosed
		{"<b><i>", "", "text\n\nafter\n"}, // unclosed
		{"", "</div>", "text\n\nafter\n"}, // stray end tags
	} {
		in := strings.Repeat(tc.open, n) + "text" + strings.Repeat(tc.close, n) + "<p>after</p>"
		got := flattenText([]byte(in))
		if string(got) != tc.want {
			t.Errorf("%d × %s%s: got %.80q, want %q", n, tc.open, tc.close, got, tc.want)
		}
		if res := clean.Text(got); !bytes.Equal(res.Output, got) {
			t.Errorf("%d × %s%s: the rules changed %q", n, tc.open, tc.close, got)
		}
	}
}

// TestSizeExtract extracts pages too deep for a tree, which Extract
// refuses at once, and a long flat one.
func TestSizeExtract(t *testing.T) {
	n := bigOrShort(t, 100_000, 10_000)
	for _, open := range []string{"<div>", "<span>", "<a href=x>", "<figcaption>", "<table><tr><td>", "<b><i>"} {
		in := strings.Repeat(open, n) + "text"
		if _, err := Extract([]byte(in), Article); !errors.Is(err, ErrTooDeep) {
			t.Errorf("%d × %s: err = %v, want ErrTooDeep", n, open, err)
		}
	}
	para := "<p>" + strings.Repeat("A sentence of the article, long enough to count. ", 4) + "</p>\n"
	in := "<html><body><article>" + strings.Repeat(para, n/10) + "</article></body></html>"
	p, err := Extract([]byte(in), Article)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := bytes.Count(p.Text, []byte("\n\n")), n/10-1; got != want {
		t.Errorf("%d paragraphs, want %d", got+1, want+1)
	}
}
