package clean

import (
	"strings"
	"testing"
)

// FuzzWordsOver checks wordsOver against countWords, whose count it
// shortcuts.
func FuzzWordsOver(f *testing.F) {
	for _, s := range []string{"", "a", "By Jamelle Bouie", "x/y|z\t1\u00a0été\u2003, ,", "\xff\xfe ab", "Ünï cödé\u0085word"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := countWords([]byte(s)).words
		for n := 0; n <= words+1; n++ {
			if got := wordsOver([]byte(s), n); got != (words > n) {
				t.Fatalf("wordsOver(%q, %d) = %v; countWords says %d words", s, n, got, words)
			}
		}
	})
}

// FuzzContainsFold checks containsFold against a search of the text
// lower-cased in ASCII.
func FuzzContainsFold(f *testing.F) {
	f.Add("Sign up for our NewsLetter", true)
	f.Add("in your INBOX", false)
	f.Add("\u212anbox inbo", false)
	f.Fuzz(func(t *testing.T, s string, newsletter bool) {
		word := "inbox"
		if newsletter {
			word = "newsletter"
		}
		want := strings.Contains(asciiLower(s), word)
		if got := containsFold([]byte(s), word); got != want {
			t.Fatalf("containsFold(%q, %q) = %v, want %v", s, word, got, want)
		}
	})
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
