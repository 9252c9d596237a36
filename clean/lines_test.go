package clean

import (
	"bytes"
	"testing"
)

func FuzzIndexRare(f *testing.F) {
	f.Add("We use cookies", "ookie")
	f.Add("kookie", "ookie")
	f.Add("autoplay autoplay", "autoplay")
	f.Add("abc", "")
	f.Fuzz(func(t *testing.T, s, sep string) {
		if got, want := indexRare([]byte(s), []byte(sep)), bytes.Index([]byte(s), []byte(sep)); got != want {
			t.Fatalf("indexRare(%q, %q) = %d, want %d", s, sep, got, want)
		}
	})
}
