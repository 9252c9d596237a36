package clean

import (
	"bytes"

	"github.com/decruft/decruft/clean/lexicon"
)

// Consent removes cookie and consent banners.
var Consent = &Rule{
	Name:    "consent",
	Default: true,
	Doc: `cookie and consent banners

Removes the text of cookie and consent banners: a line that opens with a
phrase of the [consent] lexicon ("We use cookies", "This site uses
cookies", "By continuing to use this site", "Nous utilisons des cookies",
"Wir verwenden Cookies", "Utilizamos cookies") and speaks to the reader
("you", "your", "vous", "Sie", …) about accepting or agreeing, or to the
reader with its buttons on a line beside it ([consentbuttons]: "Accept |
Reject | Customise"), which go with it, or ends in them ("This site uses
cookies. Accept Decline"); and the same
banner sentences glued inside a paragraph by an extractor that joined the
page's text, cut from it when they are unmistakable. An article about
cookies, which speaks of them rather than to the reader, stays, and so
does a banner's text set between the article's paragraphs, where an
article quotes it.`,
	Needs: `a [consent] phrase opening a line above or below the article, addressed to
the reader with a word of accepting, agreeing, consent, settings or policy
or with [consentbuttons] on a line beside it, or ending in such buttons; or
a banner sentence glued inside a long line.`,
	Example: "We use cookies to improve your experience. By continuing, you accept our cookie policy.\n\n" + bylineBody + "\n",
	Find:    findConsent,
}

var (
	consentPhrases = lexicon.Get("consent")
	consentButtons = lexicon.Get("consentbuttons")
)

// consentSignals are the words of a banner that asks for agreement.
var consentSignals = [][]byte{[]byte("accept"), []byte("agree"), []byte("consent"), []byte("continu"), []byte("settings"),
	[]byte("policy"), []byte("privacy"), []byte("akzeptier"), []byte("zustimm"), []byte("accepte"), []byte("acepta"),
	[]byte("aceit"), []byte("accett"), []byte("politique"), []byte("política"), []byte("datenschutz"), []byte("akceptuj"),
	[]byte("принима"), []byte("согла")}

// readerWords address the reader.
var readerWords = [][]byte{[]byte("you"), []byte("your"), []byte("You"), []byte("Your"), []byte("vous"), []byte("votre"),
	[]byte("Sie"), []byte("Ihre"), []byte("usted"), []byte("tu "), []byte("você"), []byte("seu "), []byte("jij"), []byte("uw "),
	[]byte("u "), []byte("Pan"), []byte("вы"), []byte("Вы"), []byte("ваш")}

func findConsent(d *Doc) []Candidate {
	if indexRare(d.Src, []byte("ookie")) < 0 && indexRare(d.Src, []byte("OOKIE")) < 0 {
		return nil // one search of the text rather than two of each line
	}
	z := d.zone()
	var cs []Candidate
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		t, off := d.trimmed(l)
		if !bytes.Contains(t, []byte("ookie")) && !bytes.Contains(t, []byte("OOKIE")) {
			continue // every banner speaks of cookies
		}
		// In the body a banner's words are quoted by an article about them.
		if n := labelIf(d, i, consentPhrases, t); n > 0 && len(t) <= 700 && (z.edge(i) || z.first < 0) &&
			(banner(t) || endsInButtons(t) || containsAny(t, readerWords) && (buttonsAt(d, prevNonBlank(d, i)) || buttonsAt(d, nextNonBlank(d, i)))) {
			cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Marker, Why: "cookie banner"}})
			// Its buttons on the lines beside it go with it.
			for _, j := range []int{prevNonBlank(d, i), nextNonBlank(d, i)} {
				if buttonsAt(d, j) {
					cs = append(cs, Candidate{Span{d.Lines[j].Start, d.Lines[j].End}, Evidence{Kind: Marker, Why: "cookie banner's buttons"}})
				}
			}
			continue
		}
		if len(t) > 700 {
			if s, e := gluedBanner(t); s >= 0 {
				cs = append(cs, Candidate{Span{off + s, off + e}, Evidence{Kind: Marker, Why: "cookie banner glued inside the line"}})
			}
		}
	}
	return cs
}

// buttons reports whether t is only a cookie banner's buttons ("Accept |
// Reject | Customise", "Got it!").
func buttons(t []byte) bool {
	rest := bytes.TrimSpace(t)
	if len(rest) == 0 || len(rest) > 80 {
		return false
	}
	for len(rest) > 0 {
		n := consentButtons.Prefix(rest)
		if n == 0 {
			return false
		}
		rest = bytes.TrimLeft(rest[n:], " |·•/!.")
	}
	return true
}

// buttonsAt reports whether line i is only a cookie banner's buttons.
func buttonsAt(d *Doc, i int) bool {
	if i < 0 {
		return false
	}
	t, _ := d.trimmed(d.Lines[i])
	return buttons(t)
}

// endsInButtons reports whether t's last sentences are a banner's buttons:
// "This site uses cookies. Accept Decline", "… Learn more. Got it!".
func endsInButtons(t []byte) bool {
	first := sentenceEnd(t, 0)
	for from := first; from < len(t); {
		if buttons(t[from:]) {
			return true
		}
		from = sentenceEnd(t, from)
	}
	return false
}

// banner reports whether t addresses the reader about agreeing.
func banner(t []byte) bool {
	return containsAny(t, readerWords) && containsAny(bytes.ToLower(t), consentSignals)
}

func containsAny(t []byte, words [][]byte) bool {
	for _, w := range words {
		if bytes.Contains(t, w) {
			return true
		}
	}
	return false
}

// gluedBanner finds banner sentences inside a long line: a sentence that
// opens with a consent phrase, after a sentence's end, and the sentences
// after it while they remain banner text.
func gluedBanner(t []byte) (start, end int) {
	s, _ := consentPhrases.Index(t)
	if s <= 0 {
		return -1, -1
	}
	if prev := bytes.TrimRight(t[:s], " "); len(prev) == 0 || !bytes.ContainsAny(prev[len(prev)-1:], ".!?”\"") {
		return -1, -1
	}
	if quoteOpen(t[:s]) {
		return -1, -1 // the text quotes a banner: “We use cookies … By continuing …”
	}
	e := s
	for e < len(t) {
		next := sentenceEnd(t, e)
		if !banner(t[s:next]) && e > s {
			break
		}
		e = next
		if !containsAny(bytes.ToLower(t[s:e]), consentSignals) {
			return -1, -1
		}
		// Carry on while the next sentence still speaks of cookies.
		if rest := t[e:]; !bytes.Contains(bytes.ToLower(rest[:min(len(rest), 200)]), []byte("cookie")) {
			break
		}
	}
	if !banner(t[s:e]) {
		return -1, -1
	}
	for e < len(t) && t[e] == ' ' {
		e++
	}
	return s, e
}

// quoteOpen reports whether t opens a quotation it does not close: more
// “ than ”, or « than ».
func quoteOpen(t []byte) bool {
	return bytes.Count(t, []byte("“")) > bytes.Count(t, []byte("”")) || bytes.Count(t, []byte("«")) > bytes.Count(t, []byte("»"))
}

// sentenceEnd returns the offset just after the sentence of t that starts
// at or after from: past its final punctuation and any closing quote.
func sentenceEnd(t []byte, from int) int {
	for i := from; i < len(t); i++ {
		switch t[i] {
		case '.', '!', '?':
			if i+1 == len(t) || t[i+1] == ' ' {
				return i + 1
			}
		}
	}
	return len(t)
}
