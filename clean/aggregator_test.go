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

func TestSpellsTitle(t *testing.T) {
	for _, c := range []struct {
		title, link string
		want        bool
	}{
		{"Clinton–Obama Emails: Key to Understanding Why Hillary Wasn’t Indicted – A. Writer",
			"http://example.org/publications/detail/clintonobama-emails-the-key-to-understanding-why-hillary-wasnt-indicted", true},
		{"The Time Factor: Active Shooter Incidents",
			"http://www.example.com/articles/2017/10/the_time_factor_and_active_shooter_incidents.html#ixzz4uZCtRvE9", true},
		// A source on the same subject has a title of its own.
		{"Why the County Library Kept Its Card Catalogue",
			"https://www.example-library.org/blog/why-we-kept-the-card-catalogue-campaign-diary", false},
		{"Reckless! Putin Just Made a Bold Threat",
			"http://www.example.com/news/2015-12-11/putin-orders-military-immediately-destroy-any-threat-russian-forces", false},
		// Three words are not enough, nor is a title of three.
		{"Storm Hits the Coast Overnight", "https://example.org/storm-hits-coast", false},
		{"Storm Hits Coast", "https://example.org/storm-hits-coast-again-today", false},
		{"https://example.org/storm-hits-the-coast", "https://example.org/storm-hits-the-coast", false},
	} {
		d := Parse([]byte(c.title + "\n\nBody.\n"))
		if got := spellsTitle([]byte(c.link), titleWords(d)); got != c.want {
			t.Errorf("spellsTitle(%q) under %q = %v, want %v", c.link, c.title, got, c.want)
		}
	}
}
