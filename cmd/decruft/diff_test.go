package main

import "testing"

// TestQuoteName: a diff header quotes a name as git does when a newline,
// a tab, a quote or a backslash in it would break the header; other names
// stand as they are, UTF-8 included.
func TestQuoteName(t *testing.T) {
	for name, want := range map[string]string{
		"a/plain.txt":      "a/plain.txt",
		"a/café news.txt":  "a/café news.txt",
		"a/a\nb.txt":       `"a/a\nb.txt"`,
		"a/tab\there.txt":  `"a/tab\there.txt"`,
		`a/say "hi".txt`:   `"a/say \"hi\".txt"`,
		`a/back\slash.txt`: `"a/back\\slash.txt"`,
		"a/bell\x07.txt":   `"a/bell\007.txt"`,
	} {
		if got := quoteName(name); got != want {
			t.Errorf("quoteName(%q) = %s, want %s", name, got, want)
		}
	}
}
