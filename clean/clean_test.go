package clean

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSamples cleans the real scraped articles in the repository's
// testdata and compares them with what each must become.
func TestSamples(t *testing.T) {
	inputs, _ := filepath.Glob("../testdata/*.txt")
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".clean.txt") {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(in, ".txt") + ".clean.txt")
			if err != nil {
				t.Fatal(err)
			}
			if got := Text(src).Output; !bytes.Equal(got, want) {
				t.Errorf("cleaned %s differs from its .clean.txt\n--- got\n%s", in, got)
			}
			checkInvariants(t, src, Defaults(All))
		})
	}
	if n == 0 {
		t.Fatal("no samples in ../testdata")
	}
}

// TestInputForms covers the shapes input arrives in: line endings, a BOM,
// no final newline, blank runs, invalid UTF-8.
func TestInputForms(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"only blanks", "\n \n\t\n", ""},
		{"adds final newline", "One line.", "One line.\n"},
		{"keeps text that needs nothing", "Title\n\nBody text.\n", "Title\n\nBody text.\n"},
		{"collapses blank runs", "A.\n\n\n\nB.\n", "A.\n\nB.\n"},
		{"keeps the first blank line of a run", "A.\n \t\n\nB.\n", "A.\n \t\nB.\n"},
		{"drops leading and trailing blanks", "\n\nA.\n\n\n", "A.\n"},
		{"keeps indentation and trailing spaces", "  A.  \n\tB.\n", "  A.  \n\tB.\n"},
		{"crlf", "A.\r\n\r\nRead More\r\n\r\nB.", "A.\r\n\r\nB.\r\n"},
		{"bom", "\ufeffA.\n\nRead More\n", "\ufeffA.\n"},
		{"single newlines", "A.\nRead More\nB.\n", "A.\nB.\n"},
		{"removal leaves no doubled blank", "A.\n\nAdvertisement\n\nB.\n", "A.\n\nB.\n"},
		{"glued read more without final newline", "A.\n\nThe end.” Read More", "A.\n\nThe end.”\n"},
		{"invalid utf-8 kept byte for byte", "Caf\xe9 \xff\xfe.\n\nRead More\n", "Caf\xe9 \xff\xfe.\n"},
		{"lone carriage return", "A.\r", "A.\r\n"},
		{"everything is cruft", "Advertisement\n\nShare this article\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text([]byte(tt.in)).Output
			if string(got) != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			checkInvariants(t, []byte(tt.in), Defaults(All))
		})
	}
}

func TestRegistry(t *testing.T) {
	if err := Validate(All); err != nil {
		t.Fatal(err)
	}
	for _, r := range All {
		if r == Boilerplate {
			continue // it needs a corpus, not one example (corpus_test.go)
		}
		if r.Example == "" {
			t.Errorf("rule %s has no example", r.Name)
		}
		if res := Clean([]byte(r.Example), []*Rule{r}); len(res.Removals) == 0 {
			t.Errorf("rule %s removes nothing from its own example", r.Name)
		}
	}
	bad := []*Rule{{Name: "Bad Name", Doc: "x", Find: Teaser.Find}}
	if Validate(bad) == nil {
		t.Error("Validate accepted a bad name")
	}
	if Validate([]*Rule{Teaser, Teaser}) == nil {
		t.Error("Validate accepted a duplicate")
	}
}

// TestTeaserLinear guards against a quadratic teaser search: a document of
// many paragraphs that all look like copies of each other. Such a run of
// repeats has no one teaser, so nothing goes.
func TestTeaserLinear(t *testing.T) {
	para := strings.Repeat("word ", 40)
	src := strings.Repeat(para+"\n\n", 20000)
	res := Clean([]byte(src), []*Rule{Teaser})
	if len(res.Removals) != 0 {
		t.Fatalf("got %d removals from a run of repeats, want none", len(res.Removals))
	}
}

// TestRulesSeeEachOther: a teaser repeated whole goes only when the lines
// between it and the article's opening are site inserts that other rules
// know (an aggregator line, an ad marker, a credit); the teaser rule reads
// their results.
func TestRulesSeeEachOther(t *testing.T) {
	src := "Mourinho agrees Spurs deal\n\n" +
		"Jose Mourinho has agreed a deal to replace Mauricio Pochettino as Tottenham's manager.\n\n" +
		"Powered by NewsAPI , in Sport on .\n\n" +
		"Advertisement\n\n" +
		"Photograph: Mike Egerton/PA Wire\n\n" +
		"Jose Mourinho has agreed a deal to replace Mauricio Pochettino as Tottenham's manager.\n\n" +
		"Pochettino was sacked last night after five-and-a-half years in charge of the club, with the team fourteenth in the table and out of form since the start of the season.\n"
	res := Text([]byte(src))
	if bytes.Count(res.Output, []byte("Jose Mourinho has agreed")) != 1 {
		t.Errorf("teaser kept:\n%s", res.Output)
	}
	checkInvariants(t, []byte(src), Defaults(All))

	// With prose between the two, the repeat is the article's own.
	prose := strings.Replace(src, "Advertisement", "The club confirmed the appointment on its website this morning.", 1)
	if res := Text([]byte(prose)); bytes.Count(res.Output, []byte("Jose Mourinho has agreed")) != 2 {
		t.Errorf("a repeat with prose between lost a copy:\n%s", res.Output)
	}
}

// TestDuplicateLinear guards against a quadratic duplicate search: many
// long paragraphs, all copies of each other, and many two-paragraph
// blocks. A run of one paragraph repeated is content (a refrain); a block
// of two different paragraphs repeated goes from its second copy on.
func TestDuplicateLinear(t *testing.T) {
	para := strings.Repeat("word ", 40)
	src := strings.Repeat(para+"\n\n", 20000)
	if res := Clean([]byte(src), []*Rule{Duplicate}); len(res.Removals) != 0 {
		t.Fatalf("got %d removals from a run of repeats, want none", len(res.Removals))
	}
	other := strings.Repeat("text ", 40)
	src = strings.Repeat(para+"\n\n"+other+"\n\n", 10000)
	if res := Clean([]byte(src), []*Rule{Duplicate}); len(res.Removals) == 0 {
		t.Fatal("no removals from a repeated block")
	}
}
