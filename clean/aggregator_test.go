package clean

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzNewsAPITail checks newsAPITail against the regexp it replaces, on
// lines (which hold no newline).
func FuzzNewsAPITail(f *testing.F) {
	re := regexp.MustCompile(`^Powered by NewsAPI\s*(?:,\s*in\b.{0,80}?\bon\b[^.]{0,40})?\s*\.?$`)
	for _, s := range []string{"", " .", " , in Liberal Perspective on .", ", in Politics on 2019-01-02.", ",in x on\ty \r.", ", in on on", ", in é on ü.", ", in\xff on \xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Contains(s, "\n") {
			return
		}
		line := "Powered by NewsAPI" + s
		if got, want := newsAPITail([]byte(s)), re.MatchString(line); got != want {
			t.Fatalf("newsAPITail(%q) = %v, want %v", s, got, want)
		}
	})
}
