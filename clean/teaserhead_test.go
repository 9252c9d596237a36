package clean

import (
	"bytes"
	"testing"
)

func FuzzNormalizedHead(f *testing.F) {
	for _, s := range []string{"", "  The mayor said", "\tA  b", "Inside, the space reflects", "a \u00a0b", "x ", "x \n", "“Quote” here", "ab\r\n"} {
		f.Add([]byte(s), 16)
	}
	f.Fuzz(func(t *testing.T, b []byte, n int) {
		n = n & 63
		if got, want := normalizedHead(nil, b, n), appendNormalized(nil, b, n); !bytes.Equal(got, want) {
			t.Fatalf("normalizedHead(%q, %d) = %q, want %q", b, n, got, want)
		}
	})
}
