package clean

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// Footer removes the notices that sites put below an article.
var Footer = &Rule{
	Name:    "footer",
	Default: true,
	Doc: `site copyright, legal, contact, tag and comment lines below the article

Removes, below the article, the lines a site's footer adds to it: the
site's copyright and legal notices ("© 2019 OregonLive.com. All rights
reserved ( About Us ).", "Copyright © Canada Free Press", "The material on
this site may not be reproduced…", "Registration on or use of this site
constitutes acceptance of our User Agreement", "Alle Rechte vorbehalten");
comment policies and notices ("Please adhere to our commenting policy…",
"Comments are closed", "we are temporarily moderating all comments", "You
must be logged in to post a comment", WordPress's "This entry was posted in
… Bookmark the permalink."); page-view counters ("(Visited 1,234 times, 5
visits today)"); a comment form's fields ("Comment *", "Name *", "Website");
paywall notices where the text stops ("You have reached
your free article limit.", "Already a subscriber? Log in", "Il vous reste
75% de cet article à lire.");
affiliate disclosures ("… we may receive a small commission"); newsletter
form messages ("You have successfully subscribed"); author contact lines
("Write to Al Root at allen.root@dowjones.com", a line holding an email
address after the article's last paragraph or another notice); labelled lines such as "SOURCE: Al Jazeera
News", "Source: https://…", "Tags: …", "Filed under: …", "Posted in …",
and a "Tags" or "Topics" heading with the short lines after it. Below the
article means after its last long paragraph that is not itself such a
notice. The same words in the article's body stay, and so do contributor
lines ("… contributed to this report."), and an organisation's contact: an
address with a phone number, or ending a block of the text's own ("Media
Contact:", a name, a title).`,
	Needs: `below the article: a comment form's fields ([formfields], "Name *" beside
"Website"), a line holding a phrase of the [notices] lexicon, a [footer]
label and its text, a copyright sign or word opening a short line, an email
address, a page-view counter, a paywall notice (sentences that each hold a
[paywall] phrase and five words besides at most, or are a short button), or
nothing but a link.`,
	Example: bylineBody + "\n\nWrite to Al Root at allen.root@dowjones.com\n\n" +
		"© 2019 OregonLive.com. All rights reserved ( About Us ).\n",
	Find: findFooter,
}

var (
	footerLabels = lexicon.Get("footer")
	notices      = lexicon.Get("notices")
	paywalls     = lexicon.Get("paywall")
	// noticeOrPaywall finds the first phrase of either.
	noticeOrPaywall = lexicon.Union(notices, paywalls)
	formFields      = lexicon.Get("formfields")
	promos          = lexicon.Get("promos")
	authorLinks     = lexicon.Get("authorlinks")
	contactPhrases  = lexicon.Get("contact")
	sourceLabels    = lexicon.Get("sources")
	siteLinks       = lexicon.Get("sitelinks")
)

// maxFooterLen caps the lines the footer rule reads: footer notices are
// at most a few sentences long.
const maxFooterLen = 600

func findFooter(d *Doc) []Candidate {
	if c, ok := commentSection(d); ok {
		return append(findFooterNotices(d), c)
	}
	return findFooterNotices(d)
}

// commentSection finds readers' comments at the end of a page: from the
// first of three lines or more of the form "NAME says:" to the end, when
// the names are user names (in lower case or with digits) or the comments
// carry their time stamps. An interview with speakers' names has neither.
func commentSection(d *Doc) (Candidate, bool) {
	first, says, handles, stamps := -1, 0, 0, 0
	for i, l := range d.Lines {
		if l.Blank || l.Width() > 60 {
			continue
		}
		t, _ := d.trimmed(l)
		if name, ok := bytes.CutSuffix(t, []byte(" says:")); ok && len(name) > 0 && !wordsOver(name, 4) {
			if first < 0 {
				first = i
			}
			says++
			// A user name is in lower case or holds digits in one word
			// ("sk8er_99"); "Jean Pascoe, 71," is a vox pop's name and age.
			if r, _ := utf8.DecodeRune(name); !unicode.IsUpper(r) || bytes.IndexFunc(name, unicode.IsDigit) >= 0 && bytes.IndexByte(name, ' ') < 0 {
				handles++
			}
			continue
		}
		if first >= 0 && classifyByline(string(t), true) == isByline {
			stamps++
		}
	}
	if says < 3 || handles < 2 && stamps < 2 {
		return Candidate{}, false
	}
	return Candidate{Span{d.Lines[first].Start, d.Lines[len(d.Lines)-1].End},
		Evidence{Kind: Marker, Why: fmt.Sprintf("readers' comments: %d lines \"NAME says:\"", says)}}, true
}

func findFooterNotices(d *Doc) []Candidate {
	// The footer starts after the last long line that is not itself a
	// footer notice.
	start := len(d.Lines)
	for i := len(d.Lines) - 1; i >= 0; i-- {
		l := d.Lines[i]
		if l.Blank || l.Width() < bodyLen {
			start = i
			continue
		}
		if t, _ := d.trimmed(l); footerNotice(t) != "" {
			start = i
			continue
		}
		break
	}
	if start == 0 {
		// A text of short lines and footers has no known article.
		return nil
	}
	var cs []Candidate
	// Between the article's end and the footer an author's bio may stand,
	// a long line: below the middle of the text, a copyright notice with
	// its sign or a link to the author's other work goes all the same.
	z := d.zone()
	for i := max(z.first+1, len(d.Lines)/2); i < start && z.first >= 0; i++ {
		l := d.Lines[i]
		if l.Blank || l.Width() > 120 {
			continue
		}
		t, off := d.trimmed(l)
		if copyrightSign(t) {
			cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Label, Why: "copyright line below the article"}})
		} else if n := authorLinks.Prefix(t); n > 0 && personNames(strings.Fields(string(t[n:])), 6) {
			cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Label, Why: "link to the author's other work", Tail: tailAfter(t, off, n)}})
		}
	}
	for i := start; i < len(d.Lines); i++ {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		t, off := d.trimmed(l)
		why := footerNotice(t)
		if (why == whyNotice || why == whyPromo) && reportsNotice(t) {
			// "Comments are closed on news stories from today, the paper
			// said, …": a story reports the notice, or speaks of it.
			why = ""
		}
		if why == whyContact && (announced(d, i) || hasPhoneNumber(t) || underShortLine(d, i) && !authorContact(t) || addressList(d, i)) {
			// The appeal's own address, or an organisation's: with a
			// phone number, or ending a contact block of the text's own
			// ("Media Contact:", a name, a title) without the words of
			// an author's contact line ("Write to …", "may be reached
			// at").
			why = ""
		}
		if why != "" {
			start := l.Start
			if why == whyContact {
				// "over the same span. Write to Al Root at …": only the
				// contact sentence goes.
				start = off + contactStart(t)
			}
			ev := Evidence{Kind: Label, Why: why}
			if s, e := notices.Index(t); why == whyNotice && s == 0 && e < len(t) && t[e] == ',' {
				// "Comments are closed, the sign on the door read.": the
				// guard reads the clause after a notice that opens the line.
				ev.Tail = tailAfter(t, off, e)
			}
			cs = append(cs, Candidate{Span{start, l.End}, ev})
			continue
		}
		if commentForm(d, i) {
			cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Shape, Why: "comment form field below the article"}})
			continue
		}
		n := labelIf(d, i, footerLabels, t)
		if n == 0 {
			n = labelIf(d, i, sourceLabels, t)
		}
		if n > 0 && len(t) <= maxFooterLen {
			rest := bytes.TrimSpace(t[n:])
			switch {
			case len(rest) == 0 || isArrows(rest):
				// A heading: "Tags", "Topics:", with the short lines after it.
				end := l.End
				j := i + 1
				for ; j < len(d.Lines); j++ {
					nl := d.Lines[j]
					if nl.Blank {
						continue
					}
					nt, _ := d.trimmed(nl)
					if len(nt) > 60 || bytes.HasSuffix(nt, []byte(".")) || bytes.HasSuffix(nt, []byte("?")) || wordsOver(nt, 5) {
						break // a tag has a few words; a question is a title
					}
					end = nl.End
				}
				cs = append(cs, Candidate{Span{l.Start, end}, Evidence{Kind: Shape, Why: "tag list below the article"}})
				i = j - 1
			case sourceLabel(t[:n]) && (!sourceNames(rest) || !afterParagraph(d, i) && !isLink(bytes.TrimLeft(rest, ": ")) || !newsSource(t[:n], rest)):
				// "Source: Northgate Foods interim statement, unaudited." is
				// the article's note on its figures, and so is a source
				// under a table or a list; a site's "SOURCE: Al Jazeera"
				// signs off the article's last paragraph.
			case inRecord(d, i):
				// "Reference: …" / "Title: …" / "Filed under: …": a field of a
				// record the text reproduces.
			case rest[0] != ':' && endsInYear(rest):
				// "Posted in Newquay, August 1976.": a postmark; a blog's
				// categories carry no year.
			case rest[0] == ':' || rest[0] == '|' || bytes.HasPrefix(t, []byte("Posted in ")) || bytes.HasPrefix(t, []byte("Filed under ")) ||
				sourceLabel(t[:n]) && allCaps(string(t[:n])) && sourceNames(rest):
				// "SOURCE Solenne Power Inc.": a wire's label in capitals
				// needs no colon.
				cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Label, Why: "labelled line below the article",
					Tail: tailAfter(t, off, n)}})
			}
		}
	}
	return cs
}

// endsInYear reports whether t ends in a year of four digits, maybe with
// a full stop: "Newquay, August 1976.".
func endsInYear(t []byte) bool {
	t = bytes.TrimRight(t, ". ")
	if len(t) < 5 || t[len(t)-5] != ' ' {
		return false
	}
	for _, c := range t[len(t)-4:] {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// inRecord reports whether the line right above line i, with no blank
// line between, is a field of a record: a short label of its own and a
// colon ("Date: 1941"), no footer label. A site's tag line stands alone.
func inRecord(d *Doc, i int) bool {
	if i == 0 || d.Lines[i-1].Blank {
		return false
	}
	t, _ := d.trimmed(d.Lines[i-1])
	label, value, ok := bytes.Cut(t, []byte(": "))
	if !ok || len(value) == 0 || len(label) == 0 || len(label) > 20 || wordsOver(label, 2) || labelAt(footerLabels, t) > 0 {
		return false
	}
	r, _ := utf8.DecodeRune(label)
	return unicode.IsUpper(r)
}

// afterParagraph reports whether the line before line i is a long
// paragraph.
func afterParagraph(d *Doc, i int) bool {
	p := prevNonBlank(d, i)
	return p >= 0 && d.Lines[p].Width() >= bodyLen
}

// newsSource reports whether a source line names where a story came from
// rather than where its figures did: a link or a site ("Source:
// https://…"), the label in capitals as a site prints its sign-off
// ("SOURCE: Al Jazeera News"), or a news agency. "Source: UK Health
// Security Agency" under a paragraph of figures is the article's.
func newsSource(label, rest []byte) bool {
	rest = bytes.TrimSpace(bytes.TrimLeft(rest, ":| "))
	if isLink(rest) || domainLike(rest) || allCaps(string(label)) {
		return true
	}
	for _, w := range bytes.Fields(rest) {
		if agencies.HasBytes(bytes.Trim(w, ".,;")) {
			return true
		}
	}
	return false
}

// sourceLabel reports whether label names a source ("Source", "Quelle").
func sourceLabel(label []byte) bool { return sourceLabels.HasBytes(label) }

// sourceNames reports whether what follows a "Source" label names the
// source: a link, or names ("SOURCE: Al Jazeera News").
func sourceNames(rest []byte) bool {
	rest = bytes.TrimSpace(bytes.TrimLeft(rest, ":| "))
	return isLink(rest) || domainLike(rest) || creditNames(bytes.TrimRight(rest, "."))
}

// footerNotice says why trimmed line t is a footer notice, or "".
func footerNotice(t []byte) string {
	if len(t) < 4 || len(t) > maxFooterLen {
		return ""
	}
	// One search for both lexicons: most lines hold a phrase of neither.
	phrase, _ := noticeOrPaywall.Index(t)
	if phrase >= 0 {
		if s, _ := notices.Index(t[phrase:]); s >= 0 {
			return whyNotice
		}
	}
	if promos.Prefix(t) > 0 {
		return whyPromo
	}
	if phrase >= 0 && paywallNotice(t) {
		return "paywall notice below the article"
	}
	if visitCounter(t) {
		return "page-view counter below the article"
	}
	if copyrightLine(t) {
		return "copyright line below the article"
	}
	if len(t) <= 300 && hasEmail(t) && contactLine(t) {
		return whyContact
	}
	if profileLink(t) {
		return "link to the author's profile below the article"
	}
	if n := authorLinks.Prefix(t); n > 0 && len(t) <= 120 && personNames(strings.Fields(string(t[n:])), 6) {
		return "link to the author's other work"
	}
	return ""
}

const (
	whyContact = "author contact below the article"
	whyNotice  = "site notice below the article"
	whyPromo   = "membership promo below the article"
)

var speechVerbs = lexicon.Get("speech")

// reportsNotice reports whether line t, which holds a notice's words,
// reports or discusses it: a clause of reported speech set off by commas
// ("…, the disclosure says, …", "…, Carter says, …") or a later sentence
// that speaks of its words ("Comments are closed. Those three words, …").
func reportsNotice(t []byte) bool {
	clauses := bytes.Split(t, []byte(", "))
	for k := 1; k < len(clauses); k++ {
		c := bytes.TrimRight(clauses[k], ".,;")
		if len(c) == 0 || wordsOver(c, 10) || k == len(clauses)-1 && !bytes.HasSuffix(clauses[k], []byte(".")) {
			continue
		}
		// The clause ends in a verb of speech: its last word, or its
		// last two ("pointed out").
		ws := bytes.Fields(c)
		if len(ws) == 0 {
			continue
		}
		if speechVerbs.HasBytes(ws[len(ws)-1]) || len(ws) >= 2 && speechVerbs.HasBytes(bytes.Join(ws[len(ws)-2:], []byte(" "))) {
			return true
		}
	}
	if end := sentenceEnd(t, 0); end < len(t) {
		if s, _ := referents.Index(t[end:]); s >= 0 {
			return true
		}
	}
	return false
}

// contactLine reports whether t, which holds an email address, is an
// author's contact line: a sentence with a phrase of the [contact] lexicon
// ("Write to Al Root at …"), or the address alone, maybe after an
// address's label ("depenner@postmedia.com"). "Más información en el
// correo deportes@valencia.es" is a council's, "Anyone who can help should
// email Ruth Evans at …" an appeal's. An appeal to witnesses ("Anyone with information should email
// …") is the story's own.
func contactLine(t []byte) bool {
	return authorContact(t) || !wordsOver(t, 12) && onlyAddress(t)
}

// onlyAddress reports whether t is an email address alone, maybe after an
// address's label ([formfields]: "Email: jsmith@example.com").
func onlyAddress(t []byte) bool {
	if i := bytes.LastIndexByte(t, ' '); i >= 0 {
		label, ok := bytes.CutSuffix(bytes.TrimSpace(t[:i]), []byte(":"))
		if !ok || !formFields.HasBytes(label) {
			return false // "Bookings: …", "Entries to: …" are a notice's
		}
		t = t[i+1:]
	}
	return bytes.IndexByte(t, '@') > 0
}

// authorContact reports whether t holds a phrase of the [contact] lexicon.
func authorContact(t []byte) bool {
	s, _ := contactPhrases.Index(t)
	return s >= 0
}

// announced reports whether the line just above line i, with no blank
// line between, asks the reader to write: "… contacts them straight away,
// by phone or by email." An address under it is the appeal's.
func announced(d *Doc, i int) bool {
	if i == 0 || d.Lines[i-1].Blank {
		return false
	}
	t, _ := d.trimmed(d.Lines[i-1])
	t = bytes.ToLower(t[max(0, len(t)-160):])
	for _, w := range [][]byte{[]byte("email"), []byte("e-mail"), []byte("contact"), []byte("write to")} {
		if bytes.Contains(t, w) {
			return true
		}
	}
	return false
}

// addressList reports whether address line i stands in a list of them,
// another address alone on the line above or below: the addresses a
// story about scams quotes. An author's contact is one line.
func addressList(d *Doc, i int) bool {
	for _, j := range []int{prevNonBlank(d, i), nextNonBlank(d, i)} {
		if j >= 0 {
			if t, _ := d.trimmed(d.Lines[j]); len(t) < 100 && bytes.IndexByte(t, ' ') < 0 && bytes.IndexByte(t, '@') > 0 {
				return true
			}
		}
	}
	return false
}

// underShortLine reports whether the line before line i is a short line
// that is no footer notice: a heading, a name or a phone number of the
// block the address ends. An author's address follows the article's last
// paragraph or another notice.
func underShortLine(d *Doc, i int) bool {
	p := prevNonBlank(d, i)
	if p < 0 || d.Lines[p].Width() >= bodyLen {
		return false
	}
	t, _ := d.trimmed(d.Lines[p])
	return footerNotice(t) == ""
}

// hasPhoneNumber reports whether t holds a phone number: seven digits or
// more in a run of digits, spaces, dashes, dots, brackets and a plus
// ("+47 73 00 00 00", "555-0187", "(02) 9876 5432").
func hasPhoneNumber(t []byte) bool {
	digits := 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case isDigit(c):
			digits++
			if digits >= 7 {
				return true
			}
		case digits > 0 && (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/'):
			if c == ' ' && i+1 < len(t) && !isDigit(t[i+1]) && t[i+1] != '(' {
				digits = 0 // a number's end: "at 10 a.m."
			}
		case c == '+' || c == '(':
		default:
			digits = 0
		}
	}
	return false
}

// contactStart returns where the sentence holding t's email address
// starts: 0, or after the sentence end before it.
func contactStart(t []byte) int {
	at := bytes.IndexByte(t, '@')
	for i := at; i > 1; i-- {
		if t[i-1] != ' ' {
			continue
		}
		j := i - 1
		for j > 0 && t[j-1] == ' ' {
			j--
		}
		if j > 0 && t[j-1] == '.' {
			if r, _ := utf8.DecodeRune(t[i:]); unicode.IsUpper(r) {
				return j
			}
		}
	}
	return 0
}

// copyrightLine reports whether t is a site's copyright notice: a short
// line opening with a copyright sign ("© 2019 Site.com", "Copyright ©
// Canada Free Press"), or with the word and naming a site or a syndicated
// author ("Copyright 2019 by Amy Dickinson"). "Copyright 2019 Hawaii News
// Now. All rights reserved." may be the story's own notice and stays.
func copyrightLine(t []byte) bool {
	r, _ := utf8.DecodeRune(t)
	word := len(t) >= 9 && bytes.EqualFold(t[:9], []byte("copyright"))
	if len(t) > 200 || r != '©' && r != '(' && !word {
		return false
	}
	if wordsOver(t, 25) || readsAsSentence(t) && !bytes.Contains(t, []byte("©")) {
		return false
	}
	sign := r == '©' || bytes.HasPrefix(t, []byte("(c) ")) || bytes.HasPrefix(t, []byte("(C) ")) ||
		word && (bytes.Contains(t, []byte("©")) || bytes.Contains(t, []byte("(c)")) || bytes.Contains(t, []byte("(C)")))
	return sign || word && (bytes.Contains(t, []byte(" by ")) || siteNamed(t))
}

// siteNamed reports whether t names a site by its address or its links.
func siteNamed(t []byte) bool {
	for _, w := range bytes.Fields(t) {
		if domainLike(w) || bytes.Count(w, []byte(".")) == 1 && (bytes.HasSuffix(bytes.TrimRight(w, ".,)"), []byte(".com")) || bytes.HasSuffix(bytes.TrimRight(w, ".,)"), []byte(".net")) || bytes.HasSuffix(bytes.TrimRight(w, ".,)"), []byte(".org"))) {
			return true
		}
	}
	_, e := siteLinks.Index(t)
	return e > 0
}

// copyrightSign reports whether t is a short notice with a copyright sign:
// "Copyright © Canada Free Press", "© 2019 Site.com".
func copyrightSign(t []byte) bool {
	return copyrightLine(t) && (bytes.Contains(t, []byte("©")) || bytes.Contains(bytes.ToLower(t), []byte("(c)")))
}

// profileLink reports whether t is only a link to a social network
// profile: "twitter.com/derrickpenner", "https://www.facebook.com/name".
func profileLink(t []byte) bool {
	if bytes.IndexByte(t, ' ') >= 0 || len(t) > 100 {
		return false
	}
	u := bytes.ToLower(t)
	for _, p := range [][]byte{[]byte("https://"), []byte("http://"), []byte("www.")} {
		u = bytes.TrimPrefix(u, p)
	}
	for _, site := range [][]byte{[]byte("twitter.com/"), []byte("x.com/"), []byte("facebook.com/"), []byte("instagram.com/"),
		[]byte("linkedin.com/in/"), []byte("tiktok.com/@"), []byte("threads.net/@")} {
		if bytes.HasPrefix(u, site) && len(u) > len(site) && bytes.Count(u[len(site):], []byte("/")) <= 1 {
			return true
		}
	}
	return false
}

// hasEmail reports whether t holds an email address.
func hasEmail(t []byte) bool {
	for i := bytes.IndexByte(t, '@'); i > 0; {
		if i+1 < len(t) && t[i-1] != ' ' && t[i+1] != ' ' && bytes.IndexByte(t[i:min(len(t), i+64)], '.') > 0 {
			return true
		}
		j := bytes.IndexByte(t[i+1:], '@')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// visitCounter reports whether t is WordPress's page-view counter:
// "(Visited 1,234 times, 5 visits today)".
func visitCounter(t []byte) bool {
	inner, open := bytes.CutPrefix(t, []byte("("))
	inner, closed := bytes.CutSuffix(inner, []byte(")"))
	t, ok := bytes.CutPrefix(inner, []byte("Visited "))
	if !ok {
		return false
	}
	t, ok = cutCount(t, " time")
	if !ok {
		return false
	}
	t = bytes.TrimPrefix(t, []byte("s"))
	if t, ok = bytes.CutPrefix(t, []byte(", ")); !ok {
		// Without today's count only its brackets tell "(Visited 40
		// times)" from a list's "Visited 40 times".
		return open && closed && len(t) == 0
	}
	t, ok = cutCount(t, " visit")
	return ok && (string(t) == " today" || string(t) == "s today")
}

// cutCount cuts a number, with thousands commas, and then word from t.
func cutCount(t []byte, word string) ([]byte, bool) {
	n := 0
	for n < len(t) && (isDigit(t[n]) || n > 0 && t[n] == ',') {
		n++
	}
	if n == 0 {
		return t, false
	}
	return bytes.CutPrefix(t[n:], []byte(word))
}

// paywallNotice reports whether t is a paywall's notice: sentences that
// each hold a phrase of the [paywall] lexicon and five words besides at
// most ("You have reached your free article limit."), or are a button of
// four words at most ("Already a subscriber? Log in"). A line that goes
// on to speak of the notice is an article's about it.
func paywallNotice(t []byte) bool {
	if s, _ := paywalls.Index(t); s < 0 {
		return false
	}
	for from := 0; from < len(t); {
		end := sentenceEnd(t, from)
		if s := t[from:end]; wordsOver(s, 4) {
			i, e := paywalls.Index(s)
			if i < 0 || countWords(s[:i]).words+countWords(s[e:]).words > 5 {
				return false
			}
		}
		from = end
	}
	return true
}

// formField reports whether t is a field of a comment form: a name of the
// [formfields] lexicon alone, and whether a required mark follows it
// ("Name *", "Website").
func formField(t []byte) (field, required bool) {
	label, required := bytes.CutSuffix(t, []byte(" *"))
	if len(label) == 0 || len(label) > 30 || !formFields.HasBytes(label) {
		return false, false
	}
	return true, required
}

// commentForm reports whether line i is a field of a comment form beside
// another, one of the two required: "Email *" above "Website".
func commentForm(d *Doc, i int) bool {
	t, _ := d.trimmed(d.Lines[i])
	field, required := formField(t)
	if !field {
		return false
	}
	for _, j := range []int{prevNonBlank(d, i), nextNonBlank(d, i)} {
		if j < 0 {
			continue
		}
		n, _ := d.trimmed(d.Lines[j])
		if f, r := formField(n); f && (required || r) {
			return true
		}
	}
	return false
}
