package jsonl

import (
	"math/rand/v2"
	"testing"
)

// plainPrefixBytewise is plainPrefix a byte at a time.
func plainPrefixBytewise(b []byte) int {
	for i, c := range b {
		if c < 0x20 || c == '"' || c == '\\' {
			return i
		}
	}
	return len(b)
}

func TestPlainPrefixMatchesBytewise(t *testing.T) {
	// Stops and near misses (0x1f/0x20, '!'/'#', '['/']', high bytes
	// that borrow or carry), among plain text, at every offset.
	special := []byte{'a', ' ', 0x1f, 0, '\n', '"', '!', '#', '\\', '[', ']', 0x7f, 0x80, 0x81, 0xa0, 0xa2, 0xdc, 0xff}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = special[r.IntN(len(special))]
			} else {
				b[i] = byte('a' + r.IntN(26))
			}
		}
		if got, want := plainPrefix(b), plainPrefixBytewise(b); got != want {
			t.Fatalf("plainPrefix(%q) = %d, want %d", b, got, want)
		}
	}
}

func FuzzPlainPrefix(f *testing.F) {
	f.Add([]byte(`abcdefgh"ijk\l`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := plainPrefix(b), plainPrefixBytewise(b); got != want {
			t.Fatalf("plainPrefix(%q) = %d, want %d", b, got, want)
		}
	})
}
