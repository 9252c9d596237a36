package corpus

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
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

// plainSignature is signature as the straightforward loops: each
// shingle hashed from its words.
func plainSignature(doc []byte) []uint32 {
	words := plainWordsOf(doc, copyLineLen)
	if len(words) < shingleWords+3 {
		words = plainWordsOf(doc, 0)
	}
	const places = bands * bandRows
	var mins [places]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
	}
	for i := range max(1, len(words)-shingleWords+1) {
		var sh uint64
		for _, w := range words[i:min(i+shingleWords, len(words))] {
			sh = sh*fnvPrime + w
		}
		if h := mix(sh); h < mins[h>>61] {
			mins[h>>61] = h
		}
	}
	for j := range mins {
		for k := 1; mins[j] == ^uint64(0) && k < places; k++ {
			if m := mins[(j+k)%places]; m != ^uint64(0) {
				mins[j] = mix(m + uint64(k))
			}
		}
	}
	sig := make([]uint32, bands)
	for b := range sig {
		sig[b] = uint32(mix(mins[2*b]*fnvPrime^mins[2*b+1]^uint64(b)) >> 32)
	}
	return sig
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
	if got, want := s.signature(doc), plainSignature(doc); !slices.Equal(got, want) {
		t.Fatalf("signature(%q) = %x, want %x", doc, got, want)
	}
}

// randomText mixes words, punctuation, spaces, line breaks, non-ASCII
// letters and spaces and invalid UTF-8, in runs of all lengths.
func randomText(r *rand.Rand) []byte {
	pieces := []string{"a", "Zz", "09", "word", "LongerWord", " ", "  ", ".", ", ", "\n", "\n\n",
		"é", "ÉCOLE", "ß", "İ", "Москва", "Ωμέγα", "ª", "—", "\u00a0", "’", "日本", "\xff", "\xe2\x80", "٣", "-", "_"}
	var b []byte
	for range r.IntN(400) {
		p := pieces[r.IntN(len(pieces))]
		for range r.IntN(3) + 1 {
			b = append(b, p...)
		}
	}
	return b
}

func TestSignatureOfFewWords(t *testing.T) {
	var s shingler
	for n := range 12 {
		doc := bytes.Repeat([]byte("word "), n)
		doc = append(doc, strings.Repeat("long line of different words ", n)...)
		checkWordsOf(t, &s, doc)
	}
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

func TestWordRune(t *testing.T) {
	for r := range rune(0x3000) {
		want := rune(-1)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			want = unicode.ToLower(r)
		}
		if got := wordRune(r); got != want {
			t.Errorf("wordRune(%U) = %U, want %U", r, got, want)
		}
	}
}

func TestFirstWordWeight(t *testing.T) {
	w := uint64(1)
	for range shingleWords - 1 {
		w *= fnvPrime
	}
	if w != firstWordWeight {
		t.Fatalf("fnvPrime^%d = %#x, want firstWordWeight", shingleWords-1, w)
	}
}

func TestFnvOffsetPreimage(t *testing.T) {
	if x := uint64(fnvOffsetPreimage); x*fnvPrime != fnvOffset {
		t.Fatalf("%d × fnvPrime = %d, want fnvOffset", x, x*fnvPrime)
	}
}
