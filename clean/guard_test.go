package clean

import (
	"strings"
	"testing"
)

// TestGuard proposes candidates by hand and checks what the guard decides,
// so each veto is tested apart from the rules that lead to it.
func TestGuard(t *testing.T) {
	body := "The council voted on Monday night to close the library branch at the end of the year, despite a petition signed by more than four thousand residents who asked it to find the money."
	for _, tc := range []struct {
		name, src, line string // line: the text of the candidate's line
		ev              Evidence
		tail            string // the tail's text, within line
		veto            string // a substring of the reason, or "" to accept
	}{
		{"label with a prompt's tail", body + "\n\nFollow us on Twitter for the latest news.\n", "Follow us on Twitter for the latest news.",
			Evidence{Kind: Label}, " for the latest news.", ""},
		{"label that runs on", body + "\n\nFollow us on Twitter was his slogan.\n", "Follow us on Twitter was his slogan.",
			Evidence{Kind: Label}, " was his slogan.", "runs on"},
		{"label and a clause", body + "\n\nComments are closed, the sign on the door read.\n", "Comments are closed, the sign on the door read.",
			Evidence{Kind: Label}, ", the sign on the door read.", "runs on"},
		{"introduced marker", body + "\n\nIt said, in forty-point type:\n\nAdvertisement\n\n" + body + "\n", "Advertisement",
			Evidence{Kind: Marker}, "", "introduces"},
		{"marker in the body", body + "\n\nAdvertisement\n\n" + body + "\n", "Advertisement",
			Evidence{Kind: Marker}, "", ""},
		{"sentence in the body by shape", body + "\n\nThe branch opened in 1964 and never closed once.\n\n" + body + "\n", "The branch opened in 1964 and never closed once.",
			Evidence{Kind: Shape}, "", "reads as a sentence"},
		{"sentence in the body as a marker", body + "\n\nThe branch opened in 1964 and never closed once.\n\n" + body + "\n", "The branch opened in 1964 and never closed once.",
			Evidence{Kind: Marker}, "", ""},
		{"sentence below the article by shape", body + "\n\nThe branch opened in 1964 and never closed once.\n", "The branch opened in 1964 and never closed once.",
			Evidence{Kind: Shape}, "", ""},
		{"a word the article speaks of", "Werbung ist kein Schmutz, sagt die Vorsitzende des Einzelhandelsverbands, und sie sagt es an diesem Abend im Sitzungssaal des Rathauses so oft, dass alle mitsprechen.\n\nWerbung\n\n" + body + "\n", "Werbung",
			Evidence{Kind: Marker}, "", "speaks of it"},
		{"a word the next sentence means", body + "\n\nReklama\n\nIt means advertisement, and the sign has hung there since 1961.\n", "Reklama",
			Evidence{Kind: Marker}, "", "next sentence speaks of it"},
		{"words the next sentence points back at", body + "\n\nClick here\n\nWeb designers are told never to use those words on a link.\n", "Click here",
			Evidence{Kind: Marker}, "", "next sentence speaks of it"},
		{"a marker before an ordinary sentence", body + "\n\nAdvertisement\n\nThis week the council meets again.\n", "Advertisement",
			Evidence{Kind: Marker}, "", ""},
		{"a verse of a poem", body + "\n\nMy phone lights up at night\nShare this post.\nAnd no one sleeps at all\n\n" + body + "\n", "Share this post.",
			Evidence{Kind: Label}, "", "inside a paragraph"},
		{"a title that opens with a label", "Related: Why half of Britons are distant cousins\n\n" + body + "\n", "Related: Why half of Britons are distant cousins",
			Evidence{Kind: Label}, ": Why half of Britons are distant cousins", "opens the text"},
		{"a label and a short tail that open the text", "Read more: Elections\n\n" + body + "\n", "Read more: Elections",
			Evidence{Kind: Label}, ": Elections", ""},
		// "Share this :" is sought as "share this ", which the long line
		// holds at its end, before the blanks that end it.
		{"words the article ends a line with", body + " Members call the campaign share this  \n\nShare this :\n\n" + body + "\n", "Share this :",
			Evidence{Kind: Marker}, "", "speaks of it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse([]byte(tc.src))
			at := strings.LastIndex(tc.src, tc.line)
			if tc.name == "introduced marker" || tc.name == "marker in the body" || tc.name == "a word the article speaks of" || tc.name == "a title that opens with a label" || tc.name == "a label and a short tail that open the text" {
				at = strings.Index(tc.src, "\n"+tc.line+"\n") + 1
			}
			c := Candidate{Span{at, at + len(tc.line)}, tc.ev}
			if tc.tail != "" {
				ts := at + strings.Index(tc.line, tc.tail)
				c.Tail = Span{ts, ts + len(tc.tail)}
			}
			ok, vetoed := guard(d, []ruleCandidate{{"test", c}})
			switch {
			case tc.veto == "" && len(ok) != 1:
				t.Errorf("vetoed: %v", vetoed)
			case tc.veto != "" && (len(vetoed) != 1 || !strings.Contains(vetoed[0].Reason, tc.veto)):
				t.Errorf("got removals %v, vetoes %v; want a veto saying %q", ok, vetoed, tc.veto)
			}
		})
	}
}

// TestGuardCopy: a copy goes only while its other copy stays.
func TestGuardCopy(t *testing.T) {
	src := "Alpha paragraph repeated here.\n\nAlpha paragraph repeated here.\n"
	d := Parse([]byte(src))
	first, second := Span{0, 30}, Span{32, 62}
	cands := []ruleCandidate{
		{"a", Candidate{first, Evidence{Kind: Copy, Copy: second}}},
		{"b", Candidate{second, Evidence{Kind: Copy, Copy: first}}},
	}
	ok, vetoed := guard(d, cands)
	if len(ok) != 0 || len(vetoed) != 2 {
		t.Errorf("got %d removals and %d vetoes, want none and two", len(ok), len(vetoed))
	}
}

func TestTailRunsOn(t *testing.T) {
	for tail, want := range map[string]bool{
		"":                                    false,
		" »":                                  false,
		": Senate votes on budget":            false,
		" for the latest news.":               false,
		" and Facebook.":                      false,
		": democracy, Regime Change | Tagged": false,
		" great articles here: http://x.org":  false,
		" was his slogan.":                    true,
		", the sign on the door read.":        true,
		": the day we met was a Tuesday.":     true,
		" or Facebook?":                       true,
		" en classe cette semaine, selon le planning affiché à la porte, un poème de Prévert et la notice d'un jeu.": true,
	} {
		if got := tailRunsOn([]byte(tail)); got != want {
			t.Errorf("tailRunsOn(%q) = %v, want %v", tail, got, want)
		}
	}
}

func TestReadsAsSentence(t *testing.T) {
	for line, want := range map[string]bool{
		"The branch opened in 1964 and never closed.": true,
		"How Donald Trump Got NATO to Pay Up":         false,
		"Subscribe to Canada Free Press for FREE":     false,
		"Chip Somodevilla/Getty Images":               false,
		"Who will run the new leisure centre?":        true,
		"パスワード管理ソフトKeePassの起動ショートカットキーと同じなのです。": true,
	} {
		if got := readsAsSentence([]byte(line)); got != want {
			t.Errorf("readsAsSentence(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestSpokenOverlapping checks that a word is found where it overlaps a
// match that fails, in both searches: "la la" stands between non-letters
// in "sala la la", after the "la la" inside "sala la".
func TestSpokenOverlapping(t *testing.T) {
	line := "At the party in the old town hall the choir sang sala la la and nothing else for most of the evening, while the guests ate and talked about the weather and the harvest."
	for _, text := range []string{line, line + " Kelvin: \u212a."} {
		d := Parse([]byte(text + "\n"))
		p := &proseWords{found: map[string]bool{}}
		if !spokenASCII(d, []byte("la la")) {
			t.Errorf("spokenASCII missed an overlapping match in %q", text)
		}
		if !p.spokenLowered(d, []byte("la la")) {
			t.Errorf("spokenLowered missed an overlapping match in %q", text)
		}
	}
}
