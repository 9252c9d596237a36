package clean

import (
	"bytes"
	"testing"
)

func FuzzContainsRare(f *testing.F) {
	f.Add("We use cookies", "ookie", 2)
	f.Add("kookie", "ookie", 2)
	f.Add("autoplay autoplay", "autoplay", 7)
	f.Fuzz(func(t *testing.T, s, sep string, k int) {
		if len(sep) == 0 {
			return
		}
		k = (k%len(sep) + len(sep)) % len(sep)
		if got, want := containsRare([]byte(s), []byte(sep), k), bytes.Contains([]byte(s), []byte(sep)); got != want {
			t.Fatalf("containsRare(%q, %q, %d) = %v, want %v", s, sep, k, got, want)
		}
	})
}
