package clean

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// FuzzLastSentenceStart checks lastSentenceStart, which skips eight bytes
// at a time, against a reading of every byte.
func FuzzLastSentenceStart(f *testing.F) {
	f.Add("He left. Follow @x on Twitter! Then? No.  Yes", 45, 3)
	f.Add("A. B", 4, -400)
	f.Add("Some words here, and more words. And then some more words without end", 69, -331)
	f.Fuzz(func(t *testing.T, s string, before, floor int) {
		b := []byte(s)
		if before < 0 || before > len(b) {
			return
		}
		want := -1
		for i := before - 1; i > 0 && i > floor; i-- {
			if c := b[i-1]; c != '.' && c != '!' && c != '?' || b[i] != ' ' {
				continue
			}
			j := i
			for j < len(b) && b[j] == ' ' {
				j++
			}
			if j >= before {
				continue
			}
			if r, _ := utf8.DecodeRune(b[j:]); unicode.IsUpper(r) || r == '@' {
				want = j
				break
			}
		}
		if got := lastSentenceStart(b, before, floor); got != want {
			t.Fatalf("lastSentenceStart(%q, %d, %d) = %d, want %d", s, before, floor, got, want)
		}
	})
}

// FuzzUndecorate checks undecorate against bytes.TrimFunc, which it
// shortcuts for ASCII.
func FuzzUndecorate(f *testing.F) {
	for _, s := range []string{"", "— Advertisement —", "[ Anzeige ]:", "\u00a0•\xff.", "..\xe2\x80", "«x»\u2003", " - ", "a\x85"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := bytes.TrimFunc([]byte(s), isDecor)
		if got := undecorate([]byte(s)); !bytes.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("undecorate(%q) = %q, want %q", s, got, want)
		}
	})
}
