package clean

import (
	"bytes"
	"regexp"
)

// Social removes share, follow, subscribe and app prompts.
var Social = &Rule{
	Name:    "social",
	Default: true,
	Doc: `share, follow, newsletter and app prompts

Removes lines that ask the reader to do something with the page rather
than tell the story: share buttons ("Share this article", "Share on:
Facebook Twitter", "Share Tweet Submit", "Sharing is caring!"), newsletter
sign-ups ("Sign up for our newsletter…", "Click here to subscribe to …"),
follow prompts ("Follow us on Twitter"), app prompts ("CLICK HERE TO GET
THE FOX NEWS APP") and a "Click To Tweet" glued to a line's end. Lines that
could also be article text, such as a sentence that mentions a newsletter,
a single "Print" or "Comments", or a share count, go only above or below
the article (before its first or after its last long paragraph).`,
	Example: "The museum reopens in May.\n\nShare this article\n",
	Find: func(d *Doc) []Candidate {
		return spansAs(findSocial(d), Evidence{Kind: Label, Why: "share, follow or newsletter prompt"})
	},
}

var (
	// socialLine is a prompt wherever it stands.
	socialLine = regexp.MustCompile(`^(?i:` +
		`share(?: this| the)?(?: article| story| post| page| video| link)?(?: (?:on|via|to|with) (?:facebook|twitter|linkedin|whatsapp|e-?mail|reddit|pinterest|x))?|` +
		`share (?:on|via)\s*:?\s*(?:(?:facebook|twitter|reddit|google\+|linkedin|whatsapp|e-?mail|pinterest|tumblr|flipboard|messenger|x)[\s,|•·]*)+|` +
		`(?:share|tweet|submit|e-?mail|pin|whatsapp|facebook|twitter|linkedin|reddit)(?:\s*[|•·/]?\s*(?:share|tweet|submit|e-?mail|pin|whatsapp|facebook|twitter|linkedin|reddit|print|save))+|` +
		`share all sharing options(?: for: .{1,150})?|close share panel|sharing is caring!?|click to tweet|` +
		`(?:please )?(?:click here to )?(?:sign up|subscribe|register) (?:to|for) [^,;.!?]{0,80}newsletters?\b[^,;"“”]{0,100}|` +
		`click here to (?:get|download) the .{1,40} app|download (?:our|the free) .{1,40} app\b.{0,80}|` +
		`follow (?:us|me|@\w+) on (?:twitter|facebook|instagram|linkedin|youtube|tiktok|social media|x)\b[^,;"“”]{0,80}` +
		`)\s*[:.!]?$`)
	// edgeSocial is a prompt only above or below the article.
	edgeSocial = regexp.MustCompile(`^(?i:` +
		`share|tweet|e-?mail|print|save|comments?(?: comments?)?|view comments|show comments|post (?:a )?comment.{0,6}|` +
		`leave a (?:comment|reply)|add (?:a )?comment|join the (?:conversation|discussion)|\d[\d,.]*[km]? (?:shares?|comments?)|` +
		`(?:[^.!?]{0,80}[.!?]\s+)?(?:sign up|subscribe|get|stay up to date|click here)\b.{0,120}\b(?:newsletters?|inbox)\b.{0,80}|` +
		`follow \S.{0,60}? on (?:twitter|facebook|instagram|linkedin|youtube|tiktok)\b.{0,140}|` +
		`follow (?:ap's|our|all of our) (?:full )?coverage\b.{0,150}` +
		`)\s*[:.!]?$`)
	clickToTweet = []byte("Click To Tweet")
)

func findSocial(d *Doc) []Span {
	z := d.zone()
	var spans []Span
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		t, off := d.trimmed(l)
		if bytes.HasSuffix(t, clickToTweet) {
			// "… with much less stress.Click To Tweet": cut the button only.
			if len(t) > len(clickToTweet) {
				spans = append(spans, Span{off + len(t) - len(clickToTweet), off + len(t)})
				continue
			}
		}
		if len(t) > 220 {
			continue
		}
		// Every prompt starts with one of socialFirstWords, but for an
		// edge line's count ("1.2k shares") or newsletter sentence.
		w := socialFirstWords[firstWord(t)]
		if w && socialLine.Match(t) ||
			z.edge(i) && (w || isDigit(t[0]) || mentionsInbox(t)) && edgeSocial.Match(t) {
			spans = append(spans, Span{l.Start, l.End})
		}
	}
	return spans
}

// mentionsInbox reports whether t speaks of a newsletter or an inbox.
func mentionsInbox(t []byte) bool {
	return bytes.Contains(t, []byte("ewsletter")) || bytes.Contains(t, []byte("nbox"))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

var (
	socialFirstWords = setOf("share", "sharing", "tweet", "submit", "email", "e-mail", "pin", "whatsapp", "facebook",
		"twitter", "linkedin", "reddit", "print", "save", "comment", "comments", "view", "show", "post", "leave",
		"add", "join", "sign", "subscribe", "register", "please", "click", "download", "follow", "close", "get", "stay")
)
