package clean

import (
	"bytes"
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
"Comments are closed", "we are temporarily moderating all comments");
affiliate disclosures ("… we may receive a small commission"); newsletter
form messages ("You have successfully subscribed"); author contact lines
("Write to Al Root at allen.root@dowjones.com", a line holding an email
address); labelled lines such as "SOURCE: Al Jazeera
News", "Source: https://…", "Tags: …", "Filed under: …", "Posted in …",
and a "Tags" or "Topics" heading with the short lines after it. Below the
article means after its last long paragraph that is not itself such a
notice. The same words in the article's body stay, and so do contributor
lines ("… contributed to this report.").`,
	Needs: `below the article: a line holding a phrase of the [notices] lexicon, a [footer]
label and its text, a copyright sign or word opening a short line, an email
address, or nothing but a link.`,
	Example: bylineBody + "\n\nWrite to Al Root at allen.root@dowjones.com\n\n" +
		"© 2019 OregonLive.com. All rights reserved ( About Us ).\n",
	Find: findFooter,
}

var (
	footerLabels = lexicon.Get("footer")
	notices      = lexicon.Get("notices")
	siteLinks    = lexicon.Get("sitelinks")
)

// maxFooterLen caps the lines the footer rule reads: footer notices are
// at most a few sentences long.
const maxFooterLen = 600

func findFooter(d *Doc) []Candidate {
	// The footer starts after the last long line that is not itself a
	// footer notice.
	start := len(d.Lines)
	for i := len(d.Lines) - 1; i >= 0; i-- {
		l := d.Lines[i]
		if l.Blank || l.End-l.Start < bodyLen {
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
	for i := start; i < len(d.Lines); i++ {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		t, off := d.trimmed(l)
		if why := footerNotice(t); why != "" {
			start := l.Start
			if why == whyContact {
				// "over the same span. Write to Al Root at …": only the
				// contact sentence goes.
				start = off + contactStart(t)
			}
			cs = append(cs, Candidate{Span{start, l.End}, Evidence{Kind: Label, Why: why}})
			continue
		}
		if n := footerLabels.Prefix(t); n > 0 && len(t) <= maxFooterLen {
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
					if len(nt) > 60 || bytes.HasSuffix(nt, []byte(".")) {
						break
					}
					end = nl.End
				}
				cs = append(cs, Candidate{Span{l.Start, end}, Evidence{Kind: Shape, Why: "tag list below the article"}})
				i = j - 1
			case rest[0] == ':' || rest[0] == '|' || bytes.HasPrefix(t, []byte("Posted in ")) || bytes.HasPrefix(t, []byte("Filed under ")):
				cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Label, Why: "labelled line below the article",
					Tail: tailAfter(t, off, n)}})
			}
		}
	}
	return cs
}

// footerNotice says why trimmed line t is a footer notice, or "".
func footerNotice(t []byte) string {
	if len(t) < 4 || len(t) > maxFooterLen {
		return ""
	}
	if s, _ := notices.Index(t); s >= 0 {
		return "site notice below the article"
	}
	if copyrightLine(t) {
		return "copyright line below the article"
	}
	if len(t) <= 300 && hasEmail(t) {
		return whyContact
	}
	return ""
}

const whyContact = "author contact below the article"

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
		if j > 0 && (t[j-1] == '.' || t[j-1] == '!' || t[j-1] == '?') {
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
	if len(t) > 200 || countWords(t).words > 25 || readsAsSentence(t) && !bytes.Contains(t, []byte("©")) {
		return false
	}
	r, _ := utf8.DecodeRune(t)
	word := bytes.HasPrefix(bytes.ToLower(t[:min(len(t), 9)]), []byte("copyright"))
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
