package htmltext

import (
	"bytes"
	"github.com/decruft/decruft/clean/internal/golden"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/decruft/decruft/clean"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestFlattenGolden runs the cases in testdata/flatten/*.txtar: "in" is
// HTML, "text" what Flatten extracts from it, and "want" that text cleaned
// by the default rules. -update rewrites "text" and "want".
func TestFlattenGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/flatten/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no HTML cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in := golden.Section(t, ar, "in")
			if !LooksLikeHTML(in) {
				t.Errorf("LooksLikeHTML = false")
			}
			text := flattenText(in)
			res := clean.Text(text)
			golden.Compare(t, file, ar, map[string][]byte{"text": text, "want": res.Output}, *update)
			if *update {
				return
			}
			if again := flattenText(in); !bytes.Equal(again, text) {
				t.Errorf("flatten is not deterministic")
			}
			checkCleaning(t, res)
		})
	}
}

// flattenText is flatten's text alone.
func flattenText(src []byte) []byte {
	text, _ := flatten(src)
	return text
}

func TestFlatten(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"only tags", "<div><p></p></div>", ""},
		{"plain text", "Just text.", "Just text.\n"},
		{"inline joins", "<p>A <b>bold</b><i>ly</i> done.</p>", "A boldly done.\n"},
		{"blocks break", "<div>One</div><div>Two</div>Three", "One\n\nTwo\n\nThree\n"},
		{"br breaks", "Line one<br>Line two<br/><br>Line three", "Line one\n\nLine two\n\nLine three\n"},
		{"collapses white space", "<p>  a \n\t b  </p>\n\n<p>c</p>", "a b\n\nc\n"},
		{"nbsp is a space", "<p>Read&nbsp;More</p><p>&nbsp;</p><p>x</p>", "Read More\n\nx\n"},
		{"entities", "<p>Tom &amp; Jerry &lt;3 &quot;hi&quot; &#8220;x&#x201D; &eacute;</p>", "Tom & Jerry <3 \"hi\" “x” é\n"},
		{"script style dropped", "<p>a<script>var x = '<p>no</p>';</script>b</p><style>p{}</style><noscript>enable js</noscript>", "ab\n"},
		{"template and comments dropped", "<p>a<!-- hidden -->b</p><template><p>t<template>u</template>v</p></template><p>c</p>", "ab\n\nc\n"},
		{"title dropped", "<html><head><title>Page</title></head><body><p>Body</p></body></html>", "Body\n"},
		{"pre keeps lines", "<p>x</p><pre>\n  a  b\n\n  c\n</pre><p>y</p>", "x\n\n  a  b\n\n  c\n\ny\n"},
		{"pre crlf", "<pre>a\r\nb</pre>", "a\nb\n"},
		{"pre blank lines collapse", "<p>x</p><pre>\n\n\na\n\n\n\nb</pre>", "x\n\na\n\nb\n"},
		{"pre after a break", "a<pre>b</p>\nc", "a\n\nb\n\nc\n"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a b\n\nc\n"},
		{"list items", "<ul><li>one<li>two</ul>", "one\n\ntwo\n"},
		{"unclosed tags", "<div><p>one<p>two<div>three", "one\n\ntwo\n\nthree\n"},
		{"stray end tags", "</div></p>a</b></div>b", "a\n\nb\n"},
		{"unclosed script hides the rest", "<p>a</p><script>x", "a\n"},
		{"read more link alone", "<p>The end. <a href=/x>Read More</a> Next.</p>", "The end.\n\nRead More\n\nNext.\n"},
		{"read more with arrow", "<p>Text <a href=/x><span>Read more</span> »</a></p>", "Text\n\nRead more »\n"},
		{"other links join", "<p>See <a href=/x>our report</a> on it.</p>", "See our report on it.\n"},
		{"link text with block", "<p>x <a><div>Read more</div></a> y</p>", "x\n\nRead more\n\ny\n"},
		{"credit split in caption", "<figure><figcaption>“Joke.” Cartoon by Jane Doe</figcaption></figure>", "“Joke.”\n\nCartoon by Jane Doe\n"},
		{"credit span in caption", "<figcaption><span>“Joke.”</span><span>Cartoon by Jane Doe</span></figcaption>", "“Joke.”\n\nCartoon by Jane Doe\n"},
		{"credit wording in prose stays", "<figcaption>A cartoon by Jane Doe</figcaption><p>“Joke.” Cartoon by Jane</p>", "A cartoon by Jane Doe\n\n“Joke.” Cartoon by Jane\n"},
		{"invalid utf-8 kept", "<p>caf\xe9</p>", "caf\xe9\n"},
		{"bom", "\ufeff<p>a</p>", "a\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(flattenText([]byte(tt.in))); got != tt.want {
				t.Errorf("flatten(%q)\ngot  %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestHTMLDeepNesting checks that depth costs no stack: 100,000 nested
// divs (and as many unclosed ones) are read without recursion.
func TestFlattenDeepNesting(t *testing.T) {
	const n = 100_000
	var b bytes.Buffer
	b.WriteString(strings.Repeat("<div>", n))
	b.WriteString("deep")
	b.WriteString(strings.Repeat("</div>", n))
	b.WriteString(strings.Repeat("<div><span><a>", n))
	b.WriteString("deeper")
	if got, want := string(flattenText(b.Bytes())), "deep\n\ndeeper\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html>", true},
		{"<!doctype html>", true},
		{"\ufeff  \n<html lang=en>", true},
		{"<head><title>x</title>", true},
		{"<body>", true},
		{"<article class=story>", true},
		{"<p>Text</p>", true},
		{"<P>Text", true},
		{"<div\n class=x>", true},
		{"<h1>Title</h1>", true},
		{"<a href=/x>link</a>", true},
		{"<!-- saved page -->", true},
		{"<br/>", false},
		{"", false},
		{"Plain text.", false},
		{"<3 this story", false},
		{"a < b and c > d", false},
		{"<b>Bold start</b>", false},
		{"<pizza>", false},
		// An article that opens with a tag's name goes on in words.
		{"<div> soup is back: why pages grow\n\nA survey of sites found <div> nested 32 deep.", false},
		{"<div class=x>\n  <p>Story</p>\n\n</div>", true},
		{"<p", false},
		{"< p>", false},
		{"<!-", false},
	}
	for _, tt := range tests {
		if got := LooksLikeHTML([]byte(tt.in)); got != tt.want {
			t.Errorf("LooksLikeHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzHTML flattens any bytes as HTML and cleans the text. Flatten must
// not panic, must give valid UTF-8 for valid UTF-8 input, a final newline
// when it gives anything, and no doubled blank line; the cleaning of that
// text must keep the engine's promises (checkCleaning).
func FuzzHTML(f *testing.F) {
	files, err := filepath.Glob("testdata/flatten/*.txtar")
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
	for _, s := range []string{"<p>a</p>", "<pre>\na</pre>", "<a>Read More</a>", "<figcaption>“x” Cartoon by Y</figcaption>", "<div><script>", "&amp;&#0;",
		`<p>a<pre>` + "\n x\r\n\n" + `</p><a href=x>Read More</a><figcaption>“Hi.” Cartoon by A B</figcaption>`,
		`<table><tr><td>a<td>b</table><template><p>hidden</template>&#xD800;&amp;&nbsp;<script>x</script>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		text := flattenText(in)
		if len(text) > 0 && text[len(text)-1] != '\n' {
			t.Errorf("text does not end in a newline: %q", text)
		}
		if bytes.Contains(text, []byte("\n\n\n")) {
			t.Errorf("doubled blank line: %q", text)
		}
		if utf8.Valid(in) && !utf8.Valid(text) {
			t.Errorf("valid UTF-8 in, invalid out: %q", text)
		}
		if again := flattenText(in); !bytes.Equal(again, text) {
			t.Errorf("flatten is not deterministic")
		}
		checkCleaning(t, clean.Text(text))
	})
}
