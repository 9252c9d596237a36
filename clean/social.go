package clean

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// Social removes share, follow and newsletter prompts, and share blocks.
var Social = &Rule{
	Name:    "social",
	Default: true,
	Doc: `share, follow and newsletter prompts and share blocks

Removes the prompts and buttons that sites put around an article: "Share
this article", "Share on: Facebook Twitter Reddit", "Sign up for our
newsletter", "Follow us on Twitter", "Follow ONE Esports on Facebook and
Twitter for more news", "Subscribe to Canada Free Press for FREE", "Click
here to subscribe to The Paradigm Newsletter", "Leave a comment", "See an
error in this article? Send us a correction", "Please share this article",
"Print Friendly, PDF & Email", in the languages of the
lexicon ("Partager", "Teilen", "Suivez-nous", "Síguenos", "Condividi",
"Udostępnij", "Поделиться"); and share blocks, runs of short lines naming
networks and actions ("Share this:", "Facebook", "Email", "WhatsApp",
"More", "Like this:", "Like Loading…", "Teilen mit:", "J’aime chargement…"),
which go whole, as a lone network
name does not. A prompt whose words run on into a sentence ("Follow us on
Twitter was his slogan.") is article text and stays; so do sentences
about newsletters and social media.`,
	Needs: `a line that starts with a prompt of the [social] lexicon and ends there or
goes on as a prompt does ("for the latest news", a link, a site's name); a
call to action (a [cta] verb first, with a [ctaobject], a network or a link,
and no verb that makes it a sentence); or a block of two lines or more that
name [networks], prompts or a [liking] widget and nothing else.`,
	Example: "The museum reopens in May.\n\nShare this article\n",
	Find:    findSocial,
}

var (
	socialPrompts = lexicon.Get("social")
	networks      = lexicon.Get("networks")
	ctaVerbs      = lexicon.Get("cta")
	ctaObjects    = lexicon.Get("ctaobject")
	likingWidgets = lexicon.Get("liking")
)

const maxSocialLine = 240

func findSocial(d *Doc) []Candidate {
	z := d.zone()
	var cs []Candidate
	// worded counts the block's lines with a letter: share counts ("12")
	// stand beside buttons, but numbers alone are a lottery draw or a
	// score line.
	blockStart, blockEnd, names, actions, worded := -1, -1, 0, 0, 0
	flush := func() {
		switch {
		case blockStart < 0:
		case names >= 2 && actions > 0 && worded > 0:
			cs = append(cs, Candidate{Span{d.Lines[blockStart].Start, d.Lines[blockEnd].End},
				Evidence{Kind: Shape, Why: "block of share buttons"}})
		default:
			// Too few buttons for a block: its prompts may still go
			// alone, and a lone button at the article's edge.
			for j := blockStart; j <= blockEnd; j++ {
				l := d.Lines[j]
				if l.Blank {
					continue
				}
				t, off := d.trimmed(l)
				if bytes.IndexByte(t, ' ') > 0 {
					if c, ok := socialPrompt(t, off); ok && !wrappedOrIntroducing(d, j, t) {
						c.Span = Span{l.Start, l.End}
						cs = append(cs, c)
					}
				} else if z.edge(j) && socialPrompts.HasBytes(undecorate(t)) && !subheadOver(d, j, z) {
					cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Shape, Why: "share or comment button at the article's edge"}})
				}
			}
		}
		blockStart, blockEnd, names, actions, worded = -1, -1, 0, 0, 0
	}
	var tweets []Candidate // go last, in the order of their lines
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		t, off := d.trimmed(l)
		// "… with much less stress.Click To Tweet": cut the button only.
		if len(t) > len(clickToTweet) && t[len(t)-1] == 't' && bytes.HasSuffix(t, clickToTweet) {
			tweets = append(tweets, Candidate{Span{off + len(t) - len(clickToTweet), off + len(t)},
				Evidence{Kind: Marker, Why: `"Click To Tweet" button`}})
		}
		if len(t) > maxSocialLine {
			flush()
			if c, ok := gluedPrompt(t, off); ok {
				cs = append(cs, c)
			}
			continue
		}
		if n := d.shareButtons(i, t); n > 0 {
			if blockStart < 0 {
				blockStart = i
			}
			blockEnd, names = i, names+n
			if shareAction(t) {
				actions++
			}
			if bytes.ContainsFunc(t, unicode.IsLetter) {
				worded++
			}
			continue
		}
		flush()
		if c, ok := socialPrompt(t, off); ok && !wrappedOrIntroducing(d, i, t) {
			c.Span = Span{l.Start, l.End}
			cs = append(cs, c)
		} else if z.bottom(i) && buttonCount(t) {
			// Above the article "Comments (1)" may be what it is about.
			cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Shape, Why: "comment button and its count below the article"}})
		} else if z.edge(i) && newsletterPromo(t) {
			cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Shape, Why: "newsletter promo at the article's edge"}})
		}
	}
	flush()
	return append(cs, tweets...)
}

var clickToTweet = []byte("Click To Tweet")

// shareButtons is shareButtonsIn for line i, asking its first word first.
func (d *Doc) shareButtons(i int, t []byte) int {
	if !d.mayStart(i, networks) && !d.mayStart(i, socialPrompts) && !d.mayStart(i, mediaWords) && !d.mayStart(i, likingWidgets) && !isDigit(t[0]) {
		return 0
	}
	return shareButtonsIn(t)
}

// shareButtonsIn returns how many network or share-action names line t
// holds when it holds nothing else ("Facebook", "Share this:", "Twitter |
// Email | Print", "Play Facebook", "12 Shares"), or 0.
func shareButtonsIn(t []byte) int {
	if n := socialPrompts.Prefix(t); n > 0 && isArrows(t[n:]) && bytes.Count(t, []byte(" ")) < 4 {
		// "Share this:", "Like this:", "Copy link": a button, and a name.
		return 1
	}
	n := 0
	rest := t
	if k := mediaWords.Prefix(rest); k > 0 && k < len(rest) {
		rest = bytes.TrimLeft(rest[k:], " ") // "Play Facebook"
	}
	for len(rest) > 0 {
		k := networks.Prefix(rest)
		if k == 0 {
			if w := countLike(rest); w > 0 {
				k = w
			} else {
				return 0
			}
		}
		n++
		rest = bytes.TrimLeft(rest[k:], " |•·/,:.-–")
	}
	return n
}

// shareActions are the buttons that make a list of networks a share block:
// a survey's list of apps names none of them.
var shareActions = lexicon.Get("shareactions")

// shareAction reports whether a button line holds a share action or a
// prompt ("Share", "Email", "Print", "More", "Share this:", "12 Shares").
func shareAction(t []byte) bool {
	if socialPrompts.Prefix(t) > 0 || countLike(t) > 0 || mediaWords.Prefix(t) > 0 {
		return true // "Share this:", "12 Shares", "Play Facebook"
	}
	for _, w := range bytes.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '|' || r == '•' || r == '·' || r == '/' || r == ',' }) {
		if shareActions.HasBytes(bytes.Trim(w, ":.")) {
			return true
		}
	}
	return false
}

// countLike matches a share count or a liking widget: "12 Shares", "1.2k",
// "Like Loading...", "0 Comments".
func countLike(t []byte) int {
	i := 0
	for i < len(t) && (isDigit(t[i]) || i > 0 && (t[i] == '.' || t[i] == ',' || t[i] == 'k' || t[i] == 'K')) {
		i++
	}
	if i > 0 && (i == len(t) || t[i] == ' ') {
		rest := bytes.TrimLeft(t[i:], " ")
		for _, w := range [][]byte{[]byte("shares"), []byte("share"), []byte("comments"), []byte("comment")} {
			if len(rest) >= len(w) && bytes.EqualFold(rest[:len(w)], w) {
				return len(t) - len(rest) + len(w)
			}
		}
		if len(rest) == 0 {
			return i
		}
	}
	if likingWidgets.Prefix(t) > 0 {
		return len(t) // "Like Loading...", "J’aime chargement…"
	}
	return 0
}

// socialPrompt classifies trimmed line t (at offset off) as a prompt.
func socialPrompt(t []byte, off int) (Candidate, bool) {
	if n := socialPrompts.Prefix(t); n > 0 {
		single := bytes.IndexByte(t[:n], ' ') < 0
		if single && !isArrows(t[n:]) {
			// "Share", "Comments", "Print" alone are buttons; followed by
			// more words they may be anything.
			return Candidate{}, false
		}
		if single {
			return Candidate{Evidence: Evidence{Kind: Shape, Why: "share or comment button"}}, true
		}
		return Candidate{Evidence: Evidence{Kind: Label, Why: "share, follow or newsletter prompt", Tail: tailAfter(t, off, n)}}, true
	}
	if n := followPrompt(t); n > 0 {
		return Candidate{Evidence: Evidence{Kind: Label, Why: "follow prompt", Tail: tailAfter(t, off, n)}}, true
	}
	if callToAction(t) || clickHereEnd(t) || promoToAddress(t) {
		return Candidate{Evidence: Evidence{Kind: Shape, Why: "call to action"}}, true
	}
	return Candidate{}, false
}

// subheadOver reports whether short line i below the article, a lone
// button's word or an agency's name, heads a section: a sentence of the
// article follows it ("Comments" over "Comments must be made by 28
// March.", "Getty Images" over "Founded in 1995 by …"). Above the article
// a share button stands over the first paragraph.
func subheadOver(d *Doc, i int, z zone) bool {
	n := nextNonBlank(d, i)
	if n < 0 || !z.bottom(i) {
		return false
	}
	t, _ := d.trimmed(d.Lines[n])
	return wordsOver(t, 4) && readsAsSentence(t)
}

// wrappedOrIntroducing reports whether prompt line i is a wrapped
// sentence's end (it opens in lower case: "… will show something" / "like
// this:") or introduces the line under it, which is no button ("Like
// this:" over a knitting step).
func wrappedOrIntroducing(d *Doc, i int, t []byte) bool {
	if r, _ := utf8.DecodeRune(t); unicode.IsLower(r) {
		return true
	}
	if !bytes.HasSuffix(t, []byte(":")) {
		return false
	}
	n := nextNonBlank(d, i)
	if n < 0 {
		return false
	}
	next, _ := d.trimmed(d.Lines[n])
	_, prompt := socialPrompt(next, 0)
	return !prompt && d.shareButtons(n, next) == 0 && likingWidgets.Prefix(next) == 0
}

// buttonCount reports whether t is a one-word button of the [social]
// lexicon and its count: "Kommentare (14)", "Comments 214".
func buttonCount(t []byte) bool {
	n := socialPrompts.Prefix(t)
	return n > 0 && bytes.IndexByte(t[:n], ' ') < 0 && countTail(t[n:])
}

// countTail reports whether rest, after a button's word, is its count:
// "Kommentare (14)", "Comments 214".
func countTail(rest []byte) bool {
	rest = bytes.TrimSpace(rest)
	if len(rest) > 2 && rest[0] == '(' && rest[len(rest)-1] == ')' {
		rest = rest[1 : len(rest)-1]
	}
	if len(rest) == 0 || len(rest) > 7 {
		return false
	}
	for _, c := range rest {
		if !isDigit(c) && c != ',' && c != '.' {
			return false
		}
	}
	return isDigit(rest[0])
}

// gluedPrompt finds a prompt that an extractor glued to the end of a
// paragraph, as its last sentence or two: "… warranty card. Follow
// @BGRDeals on Twitter to keep up with the latest deals." It is cut from
// the line from that sentence on.
func gluedPrompt(t []byte, off int) (Candidate, bool) {
	for k, s := 0, len(t); k < 2; k++ {
		if s = lastSentenceStart(t, s, len(t)-400); s <= 0 {
			break
		}
		tail := t[s:]
		if ctaVerbs.Prefix(tail) == 0 && socialPrompts.Prefix(tail) == 0 && !bytes.HasPrefix(tail, []byte("Follow ")) {
			continue // every prompt opens with one of these
		}
		if wordsOver(tail, 40) {
			break
		}
		first := tail[:sentenceEnd(tail, 0)]
		if !wordsOver(first, 3) {
			continue // "Visit fraserinstitute.org." ends an about-us paragraph
		}
		if c, ok := socialPrompt(bytes.TrimRight(first, " "), off+s); ok && c.Kind != Shape || callToAction(first) || newsletterPromo(first) {
			c.Span = Span{off + s, off + len(t)}
			c.Why = "prompt glued to the end of a paragraph"
			if c.Kind == Shape {
				c.Kind = Label
			}
			return c, true
		}
	}
	return Candidate{}, false
}

// lastSentenceStart returns where the last sentence of t that starts
// before offset before begins: after a sentence's final punctuation and
// spaces, at a capital letter or "@". It looks no further back than floor
// and returns -1 when it finds none there.
func lastSentenceStart(t []byte, before, floor int) int {
	for i := before - 1; i > 0 && i > floor; i-- {
		if i >= 8 {
			x := binary.LittleEndian.Uint64(t[i-8 : i])
			if !hasSentenceMark(x) {
				i -= 7 // eight bytes before i at once, none a mark
				continue
			}
			i -= bits.LeadingZeros64(sentenceMarks(x)) / 8 // to the last mark
			if i <= floor {
				break
			}
		}
		c := t[i-1]
		if c != '.' && c != '!' && c != '?' || t[i] != ' ' {
			continue
		}
		j := i
		for j < len(t) && t[j] == ' ' {
			j++
		}
		if j >= before {
			continue
		}
		if r, _ := utf8.DecodeRune(t[j:]); unicode.IsUpper(r) || r == '@' {
			return j
		}
	}
	return -1
}

// hasSentenceMark reports whether any byte of x is ".", "!" or "?".
func hasSentenceMark(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	hasZero := func(y uint64) bool { return (y-ones)&^y&highs != 0 }
	return hasZero(x^(ones*'.')) || hasZero(x^(ones*'!')) || hasZero(x^(ones*'?'))
}

// sentenceMarks returns x with the high bit set in each byte that is ".",
// "!" or "?", and no other bit.
func sentenceMarks(x uint64) uint64 {
	const ones, lows = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	// Exact, unlike hasSentenceMark's test, whose borrows may mark the
	// bytes above a mark.
	zeros := func(y uint64) uint64 { return ^((y&lows + lows) | y | lows) }
	return zeros(x^(ones*'.')) | zeros(x^(ones*'!')) | zeros(x^(ones*'?'))
}

// newsletterPromo reports whether t asks the reader to sign up for a
// newsletter: forty words at most, naming a newsletter or an inbox, with a
// sentence that opens with a call to action ("Sign up for …", "Get top
// news in your inbox") and no auxiliary that would make it a report
// ("Its newsletter had 3,400 subscribers.").
func newsletterPromo(t []byte) bool {
	if len(t) > 400 || !containsFold(t, "newsletter") && !containsFold(t, "inbox") {
		return false
	}
	if wordsOver(t, 40) || hasAuxiliary(t) {
		return false
	}
	for from := 0; from < len(t); {
		end := sentenceEnd(t, from)
		s := t[from:end]
		for i := 0; i < len(s); i++ {
			// The call may follow a site's name: "DH Newsletter … Get top
			// news"; and a verb may have two words ("Sign up").
			if (i == 0 || s[i-1] == ' ') && s[i] != ' ' {
				// A call with a subtitle is a headline: "Sign up, log on,
				// drop out: the strange death of the newsletter boom".
				if r, _ := utf8.DecodeRune(s[i:]); unicode.IsUpper(r) && ctaVerbs.Prefix(s[i:]) > 0 && !subtitled(s[i:]) {
					return true
				}
			}
		}
		from = end
	}
	return false
}

// clickHereEnd reports whether t is a short promo that ends in "Click
// here": "More Critical Reads by Lisa Haven! Click Here!", "(To Donate
// to Site.com Click Here)", "For more places to find X – Click Here Now".
func clickHereEnd(t []byte) bool {
	// The common case first, without trimming: what ends t once the
	// brackets and marks the trims below may take are gone is no "click
	// here" ("now").
	k := len(t)
	for k > 0 && isClickHereTrail(t[k-1]) {
		k--
	}
	// Only "w" and "W" fold to "w", and "e" and "E" to "e": a byte tells
	// most lines apart before bytes.EqualFold reads runes.
	if e := t[:k]; len(e) > 4 && e[len(e)-1]|0x20 == 'w' && bytes.EqualFold(e[len(e)-4:], []byte(" now")) {
		k -= 4
	}
	if k < len("click here") || t[k-1]|0x20 != 'e' || !bytes.EqualFold(t[k-len("click here"):k], []byte("click here")) {
		return false
	}
	t = bytes.TrimRight(bytes.Trim(t, "()[] "), "!.: ")
	end := t
	if len(end) > 4 && bytes.EqualFold(end[len(end)-4:], []byte(" now")) {
		end = end[:len(end)-4]
	}
	const ch = "click here"
	if len(end) < len(ch) || !bytes.EqualFold(end[len(end)-len(ch):], []byte(ch)) {
		return false
	}
	return !wordsOver(t, 25) && !hasAuxiliary(t[:len(t)-min(len(t), 10)])
}

// isClickHereTrail reports whether c may follow "click here": a bracket, a
// space or a mark.
func isClickHereTrail(c byte) bool {
	switch c {
	case '(', ')', '[', ']', ' ', '!', '.', ':':
		return true
	}
	return false
}

// promoToAddress reports whether t is a short line without a full stop
// that opens with a call to action or a read-more label and ends in a web
// address: "To read more from Dan, visit www.dan-lucas.com", "SEE MORE UK
// COLUMN NEWS AT: UK COLUMN.ORG".
func promoToAddress(t []byte) bool {
	if bytes.HasSuffix(t, []byte(".")) || !mayEndInAddress(t) || !endsInAddress(t) || wordsOver(t, 15) {
		return false
	}
	lead := bytes.TrimPrefix(bytes.TrimPrefix(t, []byte("To ")), []byte("to "))
	return ctaVerbs.Prefix(lead) > 0 || readMorePhrases.Prefix(lead) > 0 || relatedLabels.Prefix(t) > 0 ||
		bytes.Contains(bytes.ToLower(t), []byte(" visit "))
}

// mayEndInAddress is a cheap test before endsInAddress: t's last word,
// without the brackets and full stops that it trims, holds ":" or "/" (a
// link, a path), starts with "www." or ends in a letter after a dot
// ("site.org").
func mayEndInAddress(t []byte) bool {
	end := len(t)
	for end > 0 && (t[end-1] == ' ' || t[end-1] == '.' || t[end-1] == ')' || t[end-1] == ']') {
		end--
	}
	start, dot := end, false
	for ; start > 0 && t[start-1] != ' ' && t[start-1] != '\t'; start-- {
		switch t[start-1] {
		case ':', '/':
			return true
		case '.':
			dot = true
		}
	}
	w := t[start:end]
	return dot && isASCIILetter(t[end-1]) || len(w) > 0 && (w[0] == 'h' || w[0]|0x20 == 'w') && isLink(w)
}

// followPrompt returns where "Follow NAME on NETWORK[, NETWORK and
// NETWORK]" ends in t, or 0.
func followPrompt(t []byte) int {
	if len(t) < 12 || t[0]|0x20 != 'f' || !bytes.EqualFold(t[:7], []byte("follow ")) {
		return 0
	}
	on := bytes.Index(t, []byte(" on "))
	if on < 0 || on > 70 {
		return 0
	}
	i := on + len(" on ")
	end := 0
	for i < len(t) {
		k := networks.Prefix(t[i:])
		if k == 0 {
			break
		}
		end = i + k
		i = end
		for _, sep := range []string{", and ", " and ", ", ", " & ", " or ", " | "} {
			if bytes.HasPrefix(t[i:], []byte(sep)) {
				i += len(sep)
				break
			}
		}
	}
	return end
}

// callToAction reports whether t is a short prompt that asks the reader to
// act: a [cta] verb first ("Subscribe", "Click here", "Download"), then an
// object of the [ctaobject] lexicon, a network or a link, twenty words at
// most, no auxiliary, and no clause after a comma.
func callToAction(t []byte) bool {
	n := ctaVerbs.Prefix(t)
	if n == 0 {
		return false
	}
	if r, _ := utf8.DecodeRune(t); !unicode.IsUpper(r) {
		return false
	}
	if wordsOver(t, 20) || !wordsOver(t, 1) || hasAuxiliary(t) || commaClause(t) || subtitled(t[n:]) {
		return false
	}
	// A prompt that ends as a sentence must name what it offers: "Get
	// started with 2B Mindset here." is the article's own advice.
	sentence := endsSentence(t) && !bytes.HasSuffix(t, []byte("!"))
	for _, w := range bytes.Fields(t[n:]) {
		if !isLink(w) {
			w = trimWordMarks(w)
		}
		if ctaObjects.HasBytes(w) && (!sentence || !weakObject(w)) ||
			networks.HasBytes(w) && !sentence || isLink(w) || siteAddress(w) {
			return true
		}
	}
	return false
}

// trimWordMarks is bytes.Trim(w, ",!.:;()[]\"'"), without building a set of
// bytes each call.
func trimWordMarks(w []byte) []byte {
	isMark := func(c byte) bool {
		switch c {
		case ',', '!', '.', ':', ';', '(', ')', '[', ']', '"', '\'':
			return true
		}
		return false
	}
	for len(w) > 0 && isMark(w[0]) {
		w = w[1:]
	}
	for len(w) > 0 && isMark(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w
}

// weakObject reports whether w, lower-cased, is one of weakObjects.
func weakObject(w []byte) bool {
	var buf [32]byte
	return weakObjects[string(lexicon.AppendLower(buf[:0], w))]
}

// subtitled reports whether t goes on after a colon or question mark with
// four words or more, as a headline's subtitle does ("Join the choir: why
// 2 million Britons now sing", "Subscribe and save? The hidden cost of
// …"); a prompt's colon leads to a link or a store's name.
func subtitled(t []byte) bool {
	i := bytes.IndexAny(t, ":?")
	if i < 0 || shareButtonsIn(bytes.TrimSpace(t[i+1:])) > 0 {
		// "Subscribe: Apple Podcasts | Spotify | RSS" names where.
		return false
	}
	words := 0
	for _, w := range bytes.Fields(t[i+1:]) {
		if !isLink(w) && !bytes.HasSuffix(w, []byte(":")) && bytes.ContainsFunc(w, unicode.IsLetter) {
			words++
		}
	}
	return words >= 4
}

// weakObjects are [ctaobject] words that any sentence may hold.
var weakObjects = map[string]bool{"here": true, "now": true, "today": true, "free": true, "ici": true, "hier": true,
	"aquí": true, "qui": true, "aqui": true, "tutaj": true, "здесь": true, "member": true, "members": true, "account": true}

// commaClause reports whether a comma in t opens a clause, a function
// word after it other than "and" or "or", as in "Like many others here,
// she moved in 2010."; ", guides, and highlights" is a list.
func commaClause(t []byte) bool {
	return afterComma(t, func(w []byte) bool {
		r, _ := utf8.DecodeRune(w)
		return unicode.IsLower(r) && functionWords.HasBytes(w) && !continuers.HasBytes(w)
	})
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
