package jsonl

import (
	"math/rand/v2"
	"testing"
)

// plainPrefixBytewise is plainPrefix a byte at a time.
func plainPrefixBytewise(b []byte) (n int, nonASCII bool) {
	for i, c := range b {
		if c < 0x20 || c == '"' || c == '\\' {
			return i, nonASCII
		}
		nonASCII = nonASCII || c >= 0x80
	}
	return len(b), nonASCII
}

func checkPlainPrefix(t *testing.T, b []byte) {
	t.Helper()
	n, nonASCII := plainPrefix(b)
	if wantN, wantNonASCII := plainPrefixBytewise(b); n != wantN || nonASCII != wantNonASCII {
		t.Fatalf("plainPrefix(%q) = %d, %v, want %d, %v", b, n, nonASCII, wantN, wantNonASCII)
	}
}

func TestPlainPrefixMatchesBytewise(t *testing.T) {
	// Stops and near misses (0x1f/0x20, '!'/'#', '['/']', high bytes
	// that borrow or carry), among plain text, at every offset.
	special := []byte{'a', ' ', 0x1f, 0, '\n', '"', '!', '#', '\\', '[', ']', 0x7f, 0x80, 0x81, 0xa0, 0xa2, 0xdc, 0xff}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		b := make([]byte, r.IntN(40))
		rare := 4 + r.IntN(40) // some runs go past many words
		for i := range b {
			if r.IntN(rare) == 0 {
				b[i] = special[r.IntN(len(special))]
			} else {
				b[i] = byte('a' + r.IntN(26))
			}
		}
		checkPlainPrefix(t, b)
	}
}

func FuzzPlainPrefix(f *testing.F) {
	f.Add([]byte(`abcdefgh"ijk\l`))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkPlainPrefix(t, b)
	})
}
