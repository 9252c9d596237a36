package corpus

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// plainWordsOf is wordsOf as the straightforward loop: one byte, or one
// rune, at a time.
func plainWordsOf(doc []byte, minLen int) []uint64 {
	var words []uint64
	eachLine(doc, func(line []byte) {
		if len(bytes.TrimSpace(line)) < minLen {
			return
		}
		h, in := uint64(fnvOffset), false
		for i := 0; i < len(line); {
			r, size := utf8.DecodeRune(line[i:])
			i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
				in = true
				continue
			}
			if in {
				words = append(words, h)
				h, in = fnvOffset, false
			}
		}
		if in {
			words = append(words, h)
		}
	})
	return words
}

func checkWordsOf(t *testing.T, s *shingler, doc []byte) {
	t.Helper()
	for _, minLen := range []int{0, copyLineLen} {
		s.words = append(s.words[:0], 42) // wordsOf appends
		s.wordsOf(doc, minLen)
		if want := append([]uint64{42}, plainWordsOf(doc, minLen)...); !slices.Equal(s.words, want) {
			t.Fatalf("wordsOf(%q, %d) = %x, want %x", doc, minLen, s.words, want)
		}
	}
}

// randomText mixes words, punctuation, spaces, line breaks, non-ASCII
// letters and spaces and invalid UTF-8, in runs of all lengths.
func randomText(r *rand.Rand) []byte {
	pieces := []string{"a", "Zz", "09", "word", "LongerWord", " ", "  ", ".", ", ", "\n", "\n\n",
		"é", "ÉCOLE", "ß", "İ", "—", "\u00a0", "’", "日本", "\xff", "\xe2\x80", "٣", "-", "_"}
	var b []byte
	for range r.IntN(400) {
		p := pieces[r.IntN(len(pieces))]
		for range r.IntN(3) + 1 {
			b = append(b, p...)
		}
	}
	return b
}

func TestWordsOfMatchesPlainLoop(t *testing.T) {
	var s shingler
	for _, doc := range []string{"", "a", " a", "a ", " a ", "é a ", "é a b", "ab cd ef",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p",
		"é" + string(bytes.Repeat([]byte("x "), 200)), string(bytes.Repeat([]byte("word"), 100))} {
		checkWordsOf(t, &s, []byte(doc))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		checkWordsOf(t, &s, randomText(r))
	}
}

func FuzzWordsOf(f *testing.F) {
	f.Add([]byte("Daily Planet\n\nThe council voted on the harbour plan, résumé and all."))
	f.Fuzz(func(t *testing.T, doc []byte) {
		var s shingler
		checkWordsOf(t, &s, doc)
	})
}

func TestFnvOffsetPreimage(t *testing.T) {
	if x := uint64(fnvOffsetPreimage); x*fnvPrime != fnvOffset {
		t.Fatalf("%d × fnvPrime = %d, want fnvOffset", x, x*fnvPrime)
	}
}
