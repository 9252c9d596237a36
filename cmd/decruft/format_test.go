package main

import (
	"strings"
	"testing"
)

func TestLooksLikeJSONL(t *testing.T) {
	long := `{"text":"` + strings.Repeat("a", sniffWindow) // cut off by the window
	tests := []struct {
		head  string
		whole bool
		want  bool
	}{
		{"{\"text\":\"A.\"}\n{\"text\":\"B.\"}\n", true, true},
		{"\n  {\"text\":\"A.\"}\r\n", true, true},
		{"\xef\xbb\xbf{\"text\":\"A byte order mark first.\"}\n", true, true},
		{`{ "text": "no final newline" }`, true, true},
		{long, false, true},
		{"{not json}\n", true, false},
		{"[1, 2]\n", true, false},
		{"Officials met on Tuesday.\n", true, false},
		{"{Braces} open this article.\n\nThen prose.\n", true, false},
		{"", true, false},
	}
	for _, tt := range tests {
		if got := looksLikeJSONL([]byte(tt.head), tt.whole); got != tt.want {
			t.Errorf("looksLikeJSONL(%.40q, %v) = %v, want %v", tt.head, tt.whole, got, tt.want)
		}
	}
}
