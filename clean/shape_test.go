package clean

import "testing"

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
