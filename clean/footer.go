package clean

import (
	"bytes"
	"regexp"
)

// Footer removes the legal, credit and comment lines that sites put below
// an article.
var Footer = &Rule{
	Name:    "footer",
	Default: true,
	Doc: `site copyright, contact, tag and comment lines below the article

Removes, below the article, the lines a site's footer adds to it: the
site's copyright and legal notices ("© 2019 OregonLive.com. All rights
reserved ( About Us ).", "Copyright © 2019 Jpost Inc. All rights reserved •
Terms of Use", "The material on this site may not be reproduced…",
"Registration on or use of this site constitutes acceptance of our User
Agreement", "Community Rules apply to all content you upload…"); author
contact lines ("Write to Al Root at allen.root@dowjones.com", "Have a tip?
… may be reached at …"); "SOURCE: Al Jazeera News"; tag lists ("Tags: …",
or a "Tags", "Topics" or "Filed under:" heading and the short lines after
it); comment notices ("Comments are closed", "we are temporarily
moderating all comments"); affiliate disclosures in the site's voice ("we
may receive a small commission"); membership promos ("If you enjoyed this
article, … Join …") and newsletter form messages ("You have successfully
subscribed", "By subscribing I accept the terms of use"). Below the article
means after its last long paragraph, where long footer lines count as
footer too. A copyright line without the site's links or name ("Copyright
2019 Hawaii News Now. All rights reserved.") may be the story's own notice
and stays, as do contributor lines ("… contributed to this report.") and
the same words in the article's body.`,
	Example: bylineBody + "\n\nWrite to Al Root at allen.root@dowjones.com\n\n" +
		"© 2019 OregonLive.com. All rights reserved ( About Us ).\n",
	Find: func(d *Doc) []Candidate {
		return spansAs(findFooter(d), Evidence{Kind: Label, Why: "site footer notice below the article"})
	},
}

// maxFooterLen caps the lines the footer rule reads: footer notices are
// at most a few sentences long.
const maxFooterLen = 400

var (
	// footerStart matches the notices known by their first word.
	footerStart = regexp.MustCompile(`^(?:` +
		// the site's copyright and legal notices
		`(?:(?i:copyright)\s*(?:©|\((?i:c)\))?\s*(?:\d{4}|©)|©\s*\d{4}|\((?i:c)\)\s*\d{4}).{0,300}\b(?i:` + siteLinks + `).{0,300}|` +
		`(?i:registration on or )?(?i:use of this (?:site|website)).{0,40}\bconstitutes acceptance\b.{0,200}|` +
		`(?i:community (?:rules|guidelines|standards) apply)\b.{0,200}|` +
		// author contact
		`(?i:write to|contact|e-?mail|reach) \p{Lu}.{0,60} at \S+@\S+\.\w+.{0,100}|` +
		`(?i:have a (?:news )?tip\?).{0,200}|` +
		// sources
		`(?:SOURCES?|Sources?)\s*:\s*(?:\p{Lu}[^!?]{0,60}[^.!?])?|` +
		// comment notices
		`(?i:comments? (?:are|is|have been|has been) (?:now )?(?:closed|disabled|turned off))\b.{0,100}|` +
		// membership promos and newsletter form messages
		`(?i:if you (?:enjoyed|liked|value|appreciate) (?:this|our) (?:article|story|journalism|reporting))\b.{0,400}|` +
		`(?i:you have (?:successfully|succesfully|sucessfully) subscribed)\b.{0,100}|` +
		`(?i:an email with an activation link has (?:just )?been sent)\b.{0,200}|` +
		`(?i:(?:please,? )?fill (?:in |out )?the form to subscribe)\b.{0,100}|` +
		`(?i:by subscribing,? (?:i|you) (?:accept|agree))\b.{0,150}|` +
		// tag lists
		`(?i:tags|tagged(?: with)?|topics|filed under|keywords)\s*:\s*[^.!?]{1,300}` +
		`)$`)
	footerFirstWords = setOf("copyright", "(c)", "registration", "use", "community", "write", "contact", "email",
		"e-mail", "reach", "have", "source", "sources", "comment", "comments", "if", "you", "an",
		"please", "please,", "fill", "by", "tags", "tagged", "topics", "filed", "keywords")

	// footerInside lists the notices known by words inside them, each with
	// those words: a line is matched only against the patterns whose
	// words it holds.
	footerInside = []struct {
		words [][]byte
		re    *regexp.Regexp
	}{
		{[][]byte{[]byte("ights reserved"), []byte("IGHTS RESERVED"), []byte("ights Reserved")}, regexp.MustCompile(
			`^(?:.{0,300}\b(?i:all rights reserved)\b.{0,300}\b(?i:` + siteLinks + `).{0,300}|` +
				`.{0,300}\b(?i:` + siteLinks + `).{0,300}\b(?i:all rights reserved)\b.{0,300})$`)},
		{[][]byte{[]byte("may not be")}, regexp.MustCompile(
			`^.{0,200}\b(?i:material|content|contents)\b.{0,20}\bon this (?i:site|website)\b.{0,20}\bmay not be\b.{0,200}$`)},
		{[][]byte{[]byte("be reached at")}, regexp.MustCompile(`^.{0,80}\b(?i:may|can) be reached at \S+@\S+.{0,150}$`)},
		{[][]byte{[]byte("comments")}, regexp.MustCompile(`^.{0,80}\b(?i:moderat(?:e|es|ed|ing) (?:all )?comments)\b.{0,150}$`)},
		{[][]byte{[]byte("omentário"), []byte("OMENTÁRIO")}, regexp.MustCompile(`^(?i:aten[çc][ãa]o:\s*coment[áa]rios)\b.{0,200}$`)},
		{[][]byte{[]byte("commission")}, regexp.MustCompile(
			`^.{0,200}\b(?i:we) (?i:may |might |could )?(?i:earn|receive|get) (?i:a |an )?(?i:small |affiliate )?commission\b.{0,200}$`)},
	}

	// tagHeading heads a list of tags, one a line.
	tagHeading = regexp.MustCompile(`^(?i:tags|tagged(?: with)?|topics|filed under|keywords)\s*:?$`)
)

// siteLinks are the words of a site's footer links and names, which tell a
// site's copyright notice from a story's own: "Copyright 2019 Hawaii News
// Now. All rights reserved." may be part of the story.
const siteLinks = `terms of (?:use|service)|privacy policy|cookie policy|about us|contact us|designed by|this site|this website|` +
	`[a-z0-9-]+\.(?:com|net|org|co\.uk|co\.in|in|de|com\.br)`

func findFooter(d *Doc) []Span {
	// The footer starts after the last long line that is not itself a
	// footer line.
	start := len(d.Lines)
	for i := len(d.Lines) - 1; i >= 0; i-- {
		l := d.Lines[i]
		if l.Blank || l.End-l.Start < bodyLen {
			start = i
			continue
		}
		if t, _ := d.trimmed(l); isFooterLine(t) {
			start = i
			continue
		}
		break
	}
	if start == 0 {
		// A text of short lines and footers has no known article.
		return nil
	}
	var spans []Span
	for i := start; i < len(d.Lines); i++ {
		l := d.Lines[i]
		if l.Blank {
			continue
		}
		t, _ := d.trimmed(l)
		if isFooterLine(t) {
			spans = append(spans, Span{l.Start, l.End})
			continue
		}
		if len(t) <= 30 && tagHeading.Match(t) {
			// The heading and the short tag lines after it, up to the first
			// line that reads as a sentence.
			end := l.End
			j := i + 1
			for ; j < len(d.Lines); j++ {
				n := d.Lines[j]
				if n.Blank {
					continue
				}
				nt, _ := d.trimmed(n)
				if len(nt) > 60 || bytes.HasSuffix(nt, []byte(".")) {
					break
				}
				end = n.End
			}
			spans = append(spans, Span{l.Start, end})
			i = j - 1
		}
	}
	return spans
}

// isFooterLine reports whether trimmed line t is a footer notice. Cheap
// tests pick the patterns worth running: the line's first word, or the
// words inside it that a pattern needs.
func isFooterLine(t []byte) bool {
	if len(t) < 4 || len(t) > maxFooterLen {
		return false
	}
	if footerFirstWords[firstWord(t)] || bytes.HasPrefix(t, []byte("©")) {
		if footerStart.Match(t) {
			return true
		}
	}
	for _, f := range footerInside {
		for _, w := range f.words {
			if bytes.Contains(t, w) {
				if f.re.Match(t) {
					return true
				}
				break
			}
		}
	}
	return false
}
