package clean

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// The guard keeps decruft's promise in one place: rules propose candidates
// with evidence, and the guard decides. Text that reads as article prose
// stays unless the evidence is strong (a fixed marker, or a copy of text
// that stays). It vetoes a candidate when:
//
//   - the text after its label runs on into a sentence ("Follow us on
//     Twitter was his slogan.");
//   - the text above introduces it: a kept line of prose ending in a colon
//     ("The redesigned paper will have four sections:", "The caption
//     read:") or pointing forward ("… is reproduced below.") makes what
//     follows a quotation or a list of the article's;
//   - it opens a text of short lines that stay (a poem): its title;
//   - a line it would remove reads as a sentence in the body of the
//     article (between its first and last long paragraph, or anywhere in
//     a text without long paragraphs), and its evidence is only shape,
//     markup or recurrence (a marker, a copy or a label whose tail passed
//     say more);
//   - it removes a copy of repeated text whose other copy goes too.
//
// Candidates are judged from the top of the document down, so each check
// sees which text above stays.

// A ruleCandidate is a candidate with the name of the rule that found it.
type ruleCandidate struct {
	rule string
	Candidate
}

// guard returns the candidates that go, as removals, and the vetoed ones.
func guard(d *Doc, cands []ruleCandidate) ([]Removal, []Veto) {
	if len(cands) == 0 {
		return nil, nil
	}
	slices.SortStableFunc(cands, func(a, b ruleCandidate) int { return cmp.Compare(a.Start, b.Start) })
	z := bodyZone(d, cands)
	removed := make([]bool, len(d.Lines)) // lines whose content goes whole
	listed := make([]bool, len(d.Lines))  // lines of a list the text introduces
	ok := make([]Removal, 0, len(cands))
	spans := make([]lineSpan, len(cands))
	for k, c := range cands {
		spans[k] = spanOf(d, c.Span)
	}
	candLines := candidateLines(d, spans)
	var vetoed []Veto
	var prose *proseWords
	for k, c := range cands {
		ls := spans[k]
		reason := judge(d, z, c, ls, removed, listed)
		if reason == "" && spokenOf(d, c, ls, &prose) {
			reason = "the article speaks of it: its words stand in a paragraph of the text"
		}
		if reason == "" && c.Kind == Label && wordsOver(d.Src[c.Tail.Start:c.Tail.End], 2) && opensText(d, ls) {
			reason = "it opens the text: a label and a headline there are the text's title"
		}
		if reason == "" {
			if t := referredTo(d, ls); t != nil {
				reason = fmt.Sprintf("the next sentence speaks of it: %q", clip(t))
			} else if titleOfVerse(d, ls) {
				reason = "it opens a text of short lines that stay, a poem or a list: its title"
			} else if inStanza(d, ls, candLines) {
				reason = "it stands inside a paragraph of the text, between two of its lines"
			} else if c.Kind != Label && amongItems(d, ls, candLines) {
				reason = "it is one item of a list whose other items stay"
			}
		}
		if reason != "" {
			vetoed = append(vetoed, Veto{Rule: c.rule, Candidate: c.Candidate, Reason: reason})
			if strings.HasPrefix(reason, reasonIntroduced) || listed[ls.first] {
				markList(d, ls.last, listed)
			}
			continue
		}
		ok = append(ok, Removal{Rule: c.rule, Span: c.Span, Evidence: c.Evidence})
		for i := ls.first; i <= ls.last; i++ {
			if covers(d, c.Span, i) {
				removed[i] = true
			}
		}
	}
	// A copy goes only while its other copy stays.
	return dropCopiesOfRemoved(ok, vetoed)
}

const reasonIntroduced = "the text above introduces it"

// A lineSpan is the lines a candidate touches, which the guard's checks
// ask for again and again.
type lineSpan struct {
	first, last int
	whole       bool // the candidate holds all of the first and last lines' content
}

func spanOf(d *Doc, s Span) lineSpan {
	first, last := d.LineAt(s.Start), d.LineAt(s.End-1)
	return lineSpan{first, last, covers(d, s, first) && covers(d, s, last)}
}

// opensText reports whether a candidate on lines ls is the text's first
// line, whole, with more text after it.
func opensText(d *Doc, ls lineSpan) bool {
	return ls.first == ls.last && ls.whole && prevNonBlank(d, ls.first) < 0 && ls.last+1 < len(d.Lines)
}

// candidateLines marks the lines that some candidate touches.
func candidateLines(d *Doc, spans []lineSpan) []bool {
	on := make([]bool, len(d.Lines))
	for _, ls := range spans {
		for i := ls.first; i <= ls.last; i++ {
			on[i] = true
		}
	}
	return on
}

// inStanza reports whether candidate c, whole lines, stands inside a
// paragraph of a text whose paragraphs are parted by blank lines, with a
// line of that paragraph no candidate touches just above it and just
// below it: a verse of a poem ("Share this post." between two lines of
// it), a line of a letter. A share block is lines that all go; a marker
// that a scraper set between paragraphs has blank lines around it.
func inStanza(d *Doc, ls lineSpan, candLines []bool) bool {
	first, last := ls.first, ls.last
	if !ls.whole || first == 0 || last+1 >= len(d.Lines) {
		return false
	}
	// Paragraphs hold several lines only where blank lines part them.
	k, _ := slices.BinarySearchFunc(d.Paras, first, func(p Para, line int) int { return cmp.Compare(p.Last, line) })
	if k == len(d.Paras) || d.Paras[k].First >= first || d.Paras[k].Last <= last {
		return false
	}
	if candLines[first-1] || candLines[last+1] {
		return false
	}
	// Between two lines of prose it is an insert that a scraper glued
	// to the paragraphs around it with single newlines: verses and a
	// letter's lines are shorter, or run on without a sentence's end.
	return !proseLine(d, first-1) || !proseLine(d, last+1)
}

// proseLine reports whether line i is a paragraph of prose: a hundred
// bytes or more, ending a sentence.
func proseLine(d *Doc, i int) bool {
	if d.Lines[i].Width() < shortBodyLen {
		return false
	}
	t, _ := d.trimmed(d.Lines[i])
	return endsSentence(t)
}

// titleOfVerse reports whether a one-line candidate is the first line of a
// text without paragraphs of prose, over a stanza: three lines in a row,
// two of them verses. It is the poem's title ("Share this",
// "Advertisement"); a page of buttons, or of short paragraphs, has no
// stanza under its first line.
func titleOfVerse(d *Doc, ls lineSpan) bool {
	if !ls.whole || ls.first != ls.last || prevNonBlank(d, ls.first) >= 0 || d.zone().first >= 0 {
		return false
	}
	// A stanza: three lines in a row, no blank line between them, two of
	// them verses (ending in punctuation or opening in lower case). A
	// share block's names are neither.
	lines, verses := 0, 0
	for j := nextNonBlank(d, ls.first); j >= 0 && j < len(d.Lines) && lines < 3; j++ {
		if d.Lines[j].Blank {
			return false
		}
		lines++
		t, _ := d.trimmed(d.Lines[j])
		r, _ := utf8.DecodeRune(t)
		last := t[len(t)-1]
		if unicode.IsLower(r) || last == ',' || last == ';' || last == '.' || last == ':' {
			verses++
		}
	}
	return lines == 3 && verses >= 2
}

// answers returns the question that a whole-line candidate answers, or
// nil: the candidate is a short sentence with its full stop ("Read
// more.", "Lire plus.") right under a kept line of prose that ends in a
// question mark. A link's label has no full stop.
func answers(d *Doc, ls lineSpan, removed []bool) []byte {
	if ls.first != ls.last {
		return nil
	}
	t, _ := d.trimmed(d.Lines[ls.first])
	if r, _ := utf8.DecodeLastRune(t); (r != '.' && r != '!') || bytes.HasSuffix(t, []byte("...")) || wordsOver(t, 5) {
		return nil
	}
	p := prevNonBlank(d, ls.first)
	if p < 0 || removed[p] {
		return nil
	}
	q, _ := d.trimmed(d.Lines[p])
	q = bytes.TrimRight(q, "\"”»’'")
	if !bytes.HasSuffix(q, []byte("?")) && !bytes.HasSuffix(q, []byte("？")) {
		return nil
	}
	if ws := countWords(q); ws.words < 3 || ws.lower < 1 {
		return nil
	}
	return q
}

// amongItems reports whether a candidate of whole short lines is part of
// a list that stays: a run of three short lines alike or more (its items
// maybe blank lines apart) in which the items no candidate touches are at
// least as many as the candidate's.
// Taking some items of a list ("AFP" and "AP" from "Reuters", "AFP",
// "AP"; "Read more." from "Listen more.", "Read more.", "Talk less.")
// leaves a broken list; a site's blocks go whole, and an item that reads
// as a site's link or prompt does not count as one that stays.
func amongItems(d *Doc, ls lineSpan, candLines []bool) bool {
	if !ls.whole {
		return false
	}
	item, _ := d.trimmed(d.Lines[ls.first])
	if r, _ := utf8.DecodeLastRune(item); linkLabel(item) && r != '.' && r != '!' && !itemAfter(d, ls.last, item) {
		// A link's label, which has no full stop, ending the run: a
		// page's closing "Read more". Between two items ("Choisir",
		// "Partager", "Respecter") it is one of the list's.
		return false
	}
	items := 0 // the list's, the candidate's first
	for i := ls.first; i <= ls.last; i++ {
		if d.Lines[i].Blank {
			continue
		}
		if t, _ := d.trimmed(d.Lines[i]); !shortItem(t) || !alike(t, item) {
			return false
		}
		items++
	}
	taken, kept := items, 0
	walk := func(i int, next func(int) int) {
		for n := 0; i >= 0 && n < maxListItems; i, n = next(i), n+1 {
			t, _ := d.trimmed(d.Lines[i])
			if !shortItem(t) || !alike(t, item) {
				return
			}
			items++
			if !candLines[i] && !linkLabel(t) {
				kept++
			}
		}
	}
	walk(prevNonBlank(d, ls.first), func(i int) int { return prevNonBlank(d, i) })
	walk(nextNonBlank(d, ls.last), func(i int) int { return nextNonBlank(d, i) })
	return items >= 3 && kept >= taken
}

// linkLabel reports whether t starts as a site's links and prompts do
// ("Continue reading", "Share this"): a run of those is a block of chrome
// that the rules may take in a later pass, not a list the text keeps.
func linkLabel(t []byte) bool {
	return readMorePhrases.Prefix(t) > 0 || socialPrompts.Prefix(t) > 0 || adMarkers.Prefix(t) > 0
}

// itemAfter reports whether the line after line i is a short item alike
// item.
func itemAfter(d *Doc, i int, item []byte) bool {
	n := nextNonBlank(d, i)
	if n < 0 {
		return false
	}
	t, _ := d.trimmed(d.Lines[n])
	return shortItem(t) && alike(t, item)
}

// alike reports whether two items of a list have one shape: each starts
// with a capital letter, or each does not, and each ends in a full stop
// or the like, or each does not. A caption's credit in brackets is no
// item of the names around it.
func alike(a, b []byte) bool {
	shape := func(t []byte) (bool, bool) {
		first, _ := utf8.DecodeRune(t)
		last, _ := utf8.DecodeLastRune(t)
		return unicode.IsUpper(first), last == '.' || last == '!' || last == '?'
	}
	ua, sa := shape(a)
	ub, sb := shape(b)
	return ua == ub && sa == sb
}

// shortItem reports whether trimmed line t is short enough to be an item
// of a list: four words or fewer, not ending in a colon (a heading).
func shortItem(t []byte) bool {
	return len(t) > 0 && len(t) <= 40 && !wordsOver(t, 4) && !bytes.HasSuffix(t, []byte(":"))
}

var (
	refers    = lexicon.Get("refers")
	referents = lexicon.Get("referents")
)

// referredTo returns the line after candidate c when it opens by speaking
// of what c holds as words or as the thing it names ("Reklama" then "It
// means 'advertisement'."; "Getty Images" then "That company was sold in
// 2018"), or points back at it as words in its first sentence ("Click
// here" then "… never to use those words on a link."), or nil. Only whole lines are read so: a marker cut from a line
// is no line the next one can point at.
func referredTo(d *Doc, ls lineSpan) []byte {
	if !ls.whole {
		return nil
	}
	for j := ls.last + 1; j < len(d.Lines); j++ {
		if d.Lines[j].Blank {
			continue
		}
		t, _ := d.trimmed(d.Lines[j])
		if refers.Prefix(t) > 0 {
			return t
		}
		if start, _ := referents.Index(t[:sentenceEnd(t, 0)]); start >= 0 {
			return t // "… never to use those words on a link."
		}
		return nil
	}
	return nil
}

// judge returns why candidate c must stay, or "" if it may go.
func judge(d *Doc, z zone, c ruleCandidate, ls lineSpan, removed, listed []bool) string {
	if c.Tail.End > c.Tail.Start && tailRunsOn(d.Src[c.Tail.Start:c.Tail.End]) {
		return fmt.Sprintf("the text after its label runs on as a sentence: %q", clip(d.Src[c.Tail.Start:c.Tail.End]))
	}
	first, last := ls.first, ls.last
	if !ls.whole {
		// Part of a line: a marker or label cut from a kept line.
		return ""
	}
	if listed[first] {
		return reasonIntroduced + ": an item of a list the text introduces"
	}
	if p := introducer(d, first, removed); p >= 0 {
		t, _ := d.trimmed(d.Lines[p])
		return fmt.Sprintf("%s: %q", reasonIntroduced, clip(t))
	}
	if q := answers(d, ls, removed); q != nil {
		return fmt.Sprintf("it answers the question above: %q", clip(q))
	}
	// A label whose tail passed, or that is the whole line, has said what
	// the line is; shape and markup evidence have not.
	if !c.Kind.strong() && c.Kind != Label {
		for i := first; i <= last; i++ {
			if d.Lines[i].Blank || z.edge(i) {
				continue
			}
			if t, _ := d.trimmed(d.Lines[i]); readsAsSentence(t) {
				return fmt.Sprintf("line %d reads as a sentence of the article: %q", i+1, clip(t))
			}
		}
	}
	return ""
}

// bodyZone is the document's zone counting as body only the long lines
// that no candidate touches: a long line that a rule proposes (a comment
// policy below the article) does not make the lines around it body text.
func bodyZone(d *Doc, cands []ruleCandidate) zone {
	z := zone{-1, -1}
	c := 0
	for i, l := range d.Lines {
		if l.Width() < bodyLen {
			continue
		}
		for c < len(cands) && cands[c].End <= l.Start {
			c++
		}
		touched := false
		for k := c; k < len(cands) && cands[k].Start < l.End; k++ {
			if cands[k].End > l.Start {
				touched = true
				break
			}
		}
		if touched {
			continue
		}
		if z.first < 0 {
			z.first = i
		}
		z.last = i
	}
	return z
}

// markList marks the lines after line i that continue a list the text
// introduced: short lines, up to the next long one.
func markList(d *Doc, i int, listed []bool) {
	items, apart := 0, false
	for j := i + 1; j < len(d.Lines) && items < maxListItems; j++ {
		l := d.Lines[j]
		switch {
		case l.Blank:
			apart = true
			continue
		case !listItem(d, l, apart):
			return
		}
		listed[j] = true
		items++
	}
}

// listItem reports whether line l may be an item of a list: a short line,
// or, a blank line apart from the one before, a name or a word or two
// ("In order, they were:" then one agency a paragraph). A longer line
// after a blank one starts what follows the list.
func listItem(d *Doc, l Line, apart bool) bool {
	if !apart {
		return l.Width() <= 100
	}
	t, _ := d.trimmed(l)
	return len(t) <= 40 && !wordsOver(t, 4)
}

// maxListItems bounds a list the guard reads.
const maxListItems = 64

// proseWords holds what the guard learnt of a document's long lines while
// searching them for the words of short candidates: the answers it found,
// so that a marker repeated a million times costs one search, and the
// lower-cased text of the lines, built only for words the faster search
// in the source cannot take.
type proseWords struct {
	found   map[string]bool
	lowered []byte
}

// spokenOf reports whether a candidate that is a line of three words or
// fewer ("Werbung", "Advertisement") repeats words that a long line of
// the document uses: the article speaks of the thing, so the line may be
// a subhead about it rather than a marker.
func spokenOf(d *Doc, c ruleCandidate, ls lineSpan, prose **proseWords) bool {
	if c.Kind == Copy || ls.first != ls.last || !ls.whole {
		return false
	}
	t, _ := d.trimmed(d.Lines[ls.first])
	t = bytes.TrimRight(t, ":.!…")
	if len(t) < 2 || wordsOver(t, 3) {
		return false
	}
	if *prose == nil {
		*prose = &proseWords{found: map[string]bool{}}
	}
	p := *prose
	var buf [64]byte
	w := lexicon.AppendLower(buf[:0], t)
	if found, ok := p.found[string(w)]; ok {
		return found
	}
	var found bool
	if foldsAsASCII(d.Src, w) {
		found = spokenASCII(d, w)
	} else {
		found = p.spokenLowered(d, w)
	}
	p.found[string(w)] = found
	return found
}

// spokenASCII is spokenLowered for a word that foldsAsASCII: it searches
// the lines themselves, sparing the lower-casing of them all.
func spokenASCII(d *Doc, w []byte) bool {
	k := rarestByte(w)
	for _, l := range d.Lines {
		if l.Width() < bodyLen {
			continue
		}
		line := d.Src[l.Start:l.End]
		for i := 0; ; {
			j := indexFoldASCII(line[i:], w, k)
			if j < 0 {
				break
			}
			at := i + j
			end := at + len(w)
			if !lowersToLetter(utf8.DecodeLastRune(line[:at])) && !lowersToLetter(utf8.DecodeRune(line[end:])) {
				return true
			}
			i = at + 1 // an overlapping match may stand between non-letters
		}
	}
	return false
}

// lowersToLetter reports whether rune r, of size bytes (0: none), is a
// letter once lower-cased.
func lowersToLetter(r rune, size int) bool {
	return size > 0 && unicode.IsLetter(unicode.ToLower(r))
}

// spokenLowered reports whether lower-cased word w stands between
// non-letters in the lower-cased text of d's long lines.
func (p *proseWords) spokenLowered(d *Doc, w []byte) bool {
	if p.lowered == nil {
		n := 0
		for _, l := range d.Lines {
			if l.Width() >= bodyLen {
				n += l.End - l.Start + 1
			}
		}
		// The lines keep their blanks: a word that ends in a space (from
		// "Advertisement :") may match at a line's end.
		b := make([]byte, 0, n)
		for _, l := range d.Lines {
			if l.Width() >= bodyLen {
				b = lexicon.AppendLower(b, d.Src[l.Start:l.End])
				b = append(b, '\n')
			}
		}
		p.lowered = b
	}
	text := p.lowered
	for i := 0; ; {
		j := indexRare(text[i:], w)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(w)
		before, _ := utf8.DecodeLastRune(text[:at])
		after, _ := utf8.DecodeRune(text[end:])
		if (at == 0 || !unicode.IsLetter(before)) && (end == len(text) || !unicode.IsLetter(after)) {
			return true
		}
		i = at + 1
	}
}

// introducer returns the kept line of prose that introduces line i, or
// -1: the line just above it, or the line above a run of short lines (a
// list, its items maybe a blank line apart) that ends just above it.
func introducer(d *Doc, i int, removed []bool) int {
	item, apart := i, false // the line below j, and whether blank lines part them
	above := prevNonBlank(d, i)
	for j, n := i-1, 0; j >= 0 && n < maxListItems; j-- {
		l := d.Lines[j]
		if l.Blank {
			apart = true
			continue
		}
		if removed[j] {
			return -1
		}
		t, _ := d.trimmed(l)
		if introduces(t) || j == above && pointsForward(t) {
			// "… is reproduced below." points at the line under it only.
			return j
		}
		if l.Width() > 100 || !listItem(d, d.Lines[item], apart) {
			return -1
		}
		item, apart, n = j, false, n+1
	}
	return -1
}

// introduces reports whether trimmed line t is prose that announces what
// follows it: three words or more, some in lower case, ending in a colon,
// or a sentence broken off at a comma ("The notice read, in its
// entirety,").
func introduces(t []byte) bool {
	colon := bytes.HasSuffix(t, []byte(":")) || bytes.HasSuffix(t, []byte("："))
	// A long paragraph ending in a comma was cut off by its scraper.
	comma := bytes.HasSuffix(t, []byte(",")) && len(t) < bodyLen
	if !colon && !comma {
		return false
	}
	ws := countWords(t)
	return ws.words >= 3 && ws.lower >= 1
}

var forwardPhrases = lexicon.Get("forward")

// pointsForward reports whether prose line t points at what follows it in
// its first or last sentence ("The notice … is reproduced below as
// evidence in the ruling.", "Here's the list, ranked by …"): what follows
// is the text it quotes.
func pointsForward(t []byte) bool {
	if !wordsOver(t, 2) {
		return false
	}
	// The first sentence ("Here's the list, ranked by …") or the last
	// ("… is reproduced below."); the last starts after the last ". ",
	// found by a scan back over it rather than over the paragraph.
	first := sentenceEnd(t, 0)
	if s, _ := forwardPhrases.Index(t[:first]); s >= 0 {
		return true
	}
	last := first
	for i := len(t) - 2; i > first; i-- {
		if t[i] == ' ' && (t[i-1] == '.' || t[i-1] == '!' || t[i-1] == '?') {
			last = i + 1
			break
		}
	}
	if last >= len(t) {
		return false
	}
	s, _ := forwardPhrases.Index(t[last:])
	return s >= 0
}

// covers reports whether span s holds all of line i's non-blank content.
func covers(d *Doc, s Span, i int) bool {
	t, off := d.trimmed(d.Lines[i])
	return s.Start <= off && off+len(t) <= s.End
}

func nextNonBlank(d *Doc, i int) int {
	for i++; i < len(d.Lines); i++ {
		if !d.Lines[i].Blank {
			return i
		}
	}
	return -1
}

func prevNonBlank(d *Doc, i int) int {
	for i--; i >= 0; i-- {
		if !d.Lines[i].Blank {
			return i
		}
	}
	return -1
}

// clip shortens text for a reason message.
func clip(t []byte) string {
	const n = 60
	if len(t) <= n {
		return string(t)
	}
	i := n
	for i > 0 && t[i]&0xc0 == 0x80 {
		i--
	}
	return string(t[:i]) + "…"
}
