package clean

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// Credit removes picture credits and captions that end in one.
var Credit = &Rule{
	Name:    "credit",
	Default: true,
	Doc: `picture credits, and captions that end in one

Removes lines that credit a picture: labelled credits ("Photograph: Tim
Robberts/Getty Images", "(Image credit: Future plc)", "Credit: EPA", "Foto:
Sean Gallup/Getty Images", "Featured Image via Getty Images/Drew Angerer",
"Photo Credit: www.facebook.com/WhiteHouse", "Mandatory Credit: …"), credit
bylines ("Photograph by Robyn Beck/AFP/Getty Images", "Illustration by
Nishant Choksi", "(AP Photo/Alan Diaz, File)", "© Getty Images"), the BBC's
"Image copyright"/"Image caption" labels (with the caption after "Image
caption": "Image caption Scooter Braun has managed …"), bare agency lines ("Chip
Somodevilla/Getty Images", "AFP via Getty Images", "Getty Images"), gallery
counters ("1 of 4", "1of4…" glued to a caption), and captions that end in a credit ("… in
Brussels. Photograph: Name/Agency", "… (AP Photo/Name)", "… (Image: GETTY)",
"… [File: Reuters]", "… Win McNamee/Getty Images", "…Credit...Doug
Mills/The New York Times"). A credit in parentheses that opens a paragraph
("(Photo: AP) The minister …") is cut from it. What follows a label must be
names, agencies or a link: "Credit: the bank extended it in May." and
"Images by Hubble show the galaxy is expanding." are sentences and stay.
In a gallery, where captions are the article, they stay; so do
"Photographs by NAME" (a book's credits), "1 of 4" alone and agencies'
names listed one a line.`,
	Needs: `a [credit] or [caption] label followed by names, agencies or a link; a line of
names ending in an [agencies] name after a slash, "via" or a comma; or a
caption of at most 320 bytes whose end is such a credit.`,
	Example: "The rocket lifted off at dawn.\n\nPhotograph: Joe Raedle/Getty Images\n\nIt reached orbit nine minutes later.\n",
	Find:    findCredits,
}

var (
	creditLabels   = lexicon.Get("credit")
	captionLabels  = lexicon.Get("caption")
	agencies       = lexicon.Get("agencies")
	nameParticles  = lexicon.Get("particles")
	strongAgencies = map[string]bool{"getty images": true, "getty": true, "shutterstock": true, "afp": true,
		"reuters": true, "ap": true, "associated press": true}
)

const (
	maxCreditLen     = 160
	maxCreditCaption = 320
)

func findCredits(d *Doc) []Candidate {
	z := d.zone()
	subheads := -1 // counted when a lone agency needs it
	gallery := -1  // isGallery, asked when a caption is found
	labelled := -1 // labelledGallery, asked when a labelled caption is found
	var cs []Candidate
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		t, off := d.trimmed(l)
		if len(t) > maxCreditCaption+40 {
			continue
		}
		line := Span{l.Start, l.End}
		if len(t) <= maxCreditLen {
			if loneAgency(t) {
				if subheads < 0 {
					subheads = countSubheads(d, true)
				}
				if subheads >= 2 || !afterPicture(d, i) || inNameList(d, i) {
					// Names set apart as subheads: an agency's name among
					// them heads a section about it.
					continue
				}
			}
			if c, ok := creditLine(d, i, t, off, z.edge(i)); ok {
				if c.Why == whyLabelledCaption {
					if labelled < 0 {
						labelled = labelledGallery(d)
					}
					if labelled == 1 {
						continue // "In pictures": the captions are the article
					}
				}
				c.Span = line
				cs = append(cs, c)
				continue
			}
		}
		if len(t) <= maxCreditCaption && mayEndInCredit(t) && captionWithCredit(t) && creditLabelCount(t) < 2 {
			if gallery < 0 {
				gallery = 0
				if isGallery(d) {
					gallery = 1
				}
			}
			if gallery == 0 {
				cs = append(cs, Candidate{line, Evidence{Kind: Marker, Why: "caption ending in a picture credit"}})
				continue
			}
		}
		if t[0] != '(' {
			continue
		}
		if n := openingCredit(t); n > 0 {
			cs = append(cs, Candidate{Span{off, off + n}, Evidence{Kind: Marker, Why: "picture credit in parentheses"}})
		}
	}
	return cs
}

// mayEndInCredit is a cheap test before captionWithCredit: a credit ends
// in a name or a bracket, not in a sentence's punctuation, or holds
// "Credit".
func mayEndInCredit(t []byte) bool {
	r, _ := utf8.DecodeLastRune(t)
	if unicode.IsLetter(r) || r == ')' || r == ']' {
		return true
	}
	return bytes.Contains(t, []byte("Credit")) || bytes.Contains(t, []byte("Photo"))
}

// creditLabelCount counts the [credit] labels before a colon in t: a
// caption has one; a line with two or more ("… Photo: Reuters.
// Photograph: Getty Images.") speaks of credits.
func creditLabelCount(t []byte) int {
	n := 0
	for i := bytes.IndexByte(t, ':'); i > 0; {
		word := t[bytes.LastIndexByte(t[:i], ' ')+1 : i]
		if creditLabels.HasBytes(word) {
			n++
		}
		j := bytes.IndexByte(t[i+1:], ':')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n
}

// captionFollows reports whether rest, after a caption's label of two
// words, is its caption: a capital after a space, a colon or a comma.
// "Image caption writing is a craft" goes on as a sentence.
func captionFollows(rest []byte) bool {
	rest = bytes.TrimLeft(rest, " ")
	if len(rest) > 0 && (rest[0] == ':' || rest[0] == ',') {
		rest = bytes.TrimLeft(rest[1:], " ")
	}
	r, _ := utf8.DecodeRune(rest)
	return len(rest) > 0 && (unicode.IsUpper(r) || unicode.IsDigit(r))
}

// creditLine classifies a short trimmed line t at offset off.
func creditLine(d *Doc, i int, t []byte, off int, edge bool) (Candidate, bool) {
	if galleryCounter(t) {
		return Candidate{Evidence: Evidence{Kind: Marker, Why: "gallery counter"}}, true
	}
	if n := labelIf(d, i, captionLabels, t); n > 0 {
		if bytes.IndexByte(t[:n], ' ') > 0 && captionFollows(t[n:]) {
			// The BBC's "Image caption Scooter Braun has managed …": the
			// label of a picture's caption, which is a sentence.
			return Candidate{Evidence: Evidence{Kind: Marker, Why: whyLabelledCaption}}, true
		}
		return Candidate{Evidence: Evidence{Kind: Label, Why: "caption label", Tail: tailAfter(t, off, n)}}, true
	}
	if n := labelIf(d, i, creditLabels, t); n > 0 {
		rest := t[n:]
		sep := creditSeparator(rest)
		if sep == 0 && !endsInJoiner(t[:n]) {
			return Candidate{}, false
		}
		names := bytes.TrimRight(bytes.TrimSpace(rest[sep:]), ")]")
		if len(names) == 0 || !creditNames(names) && !isLink(names) && !domainLike(names) {
			return Candidate{}, false
		}
		if pluralBy(t[:n], rest) {
			// "Photographs by Jim Mortram": a book's credits.
			return Candidate{}, false
		}
		return Candidate{Evidence: Evidence{Kind: Label, Why: "picture credit", Tail: tailAfter(t, off, n+sep)}}, true
	}
	if bytes.HasPrefix(t, []byte("©")) {
		rest := bytes.TrimSpace(t[len("©"):])
		rest = bytes.TrimPrefix(rest, []byte("Foto:"))
		if len(rest) > 0 && len(t) <= 100 && !unicode.IsDigit(rune(rest[0])) && creditNames(rest) {
			return Candidate{Evidence: Evidence{Kind: Marker, Why: "picture credit"}}, true
		}
		return Candidate{}, false
	}
	if endsInAgencyWord(t) && bareCredit(t, edge) && !subheadOver(d, i, d.zone()) {
		// Below the article "Getty Images" over "Founded in 1995 by …"
		// heads a company's profile.
		return Candidate{Evidence: Evidence{Kind: Shape, Why: "names ending in a picture agency"}}, true
	}
	return Candidate{}, false
}

// agencyEnds holds the last words of the [agencies] entries, lower-cased,
// after a space, slash or bar as cutAgency splits names: a line that ends
// otherwise names no agency last.
var agencyEnds = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range agencies.Entries() {
		m[e[strings.LastIndexAny(e, " /|")+1:]] = true
	}
	return m
}()

// agencyEndPairs marks the last two bytes of the agencyEnds of two ASCII
// bytes or more: most words end otherwise, which a bit tells before a
// lookup.
var agencyEndPairs = func() *[1 << 14 / 64]uint64 {
	var pairs [1 << 14 / 64]uint64
	for w := range agencyEnds {
		if n := len(w); n >= 2 && w[n-2] < utf8.RuneSelf && w[n-1] < utf8.RuneSelf {
			k := uint(w[n-2])<<7 | uint(w[n-1])
			pairs[k/64] |= 1 << (k % 64)
		}
	}
	return &pairs
}()

// mayEndAgency reports whether word w, lower-cased, may be one of
// agencyEnds. Only its last two bytes are read, when they are ASCII.
func mayEndAgency(w []byte) bool {
	n := len(w)
	if n < 2 || w[n-2] >= utf8.RuneSelf || w[n-1] >= utf8.RuneSelf {
		return true
	}
	k := uint(lowerASCII(w[n-2]))<<7 | uint(lowerASCII(w[n-1]))
	return agencyEndPairs[k/64]&(1<<(k%64)) != 0
}

// endsInAgencyWord reports whether t's last word, lower-cased, ends an
// agency's name.
func endsInAgencyWord(t []byte) bool {
	end := len(t)
	for end > 0 && (t[end-1] == ')' || t[end-1] == ']' || t[end-1] == ' ') {
		end--
	}
	i := lastNameSep(t[:end])
	w := t[i+1 : end]
	if len(w) > 24 || !mayEndAgency(w) {
		return false
	}
	var buf [24]byte
	return agencyEnds[string(lowerASCIIInto(buf[:], w))]
}

// lastNameSep is bytes.LastIndexAny(t, " /|"), without building a set of
// bytes each call.
func lastNameSep(t []byte) int {
	for i := len(t) - 1; i >= 0; i-- {
		if c := t[i]; c == ' ' || c == '/' || c == '|' {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// lowerASCIIInto writes w, its ASCII letters lower-cased, into buf, which
// is at least as long, and returns that part of buf: a lookup key without
// an allocation.
func lowerASCIIInto(buf, w []byte) []byte {
	for j, c := range w {
		buf[j] = lowerASCII(c)
	}
	return buf[:len(w)]
}

// loneAgency reports whether t is an agency's name and nothing else.
func loneAgency(t []byte) bool {
	t = trimParens(t)
	if len(t) > 20 {
		return false
	}
	var buf [20]byte
	return strongAgencies[string(lowerASCIIInto(buf[:], t))]
}

// trimParens is bytes.Trim(t, "()"), without building a set of bytes each
// call.
func trimParens(t []byte) []byte {
	for len(t) > 0 && (t[0] == '(' || t[0] == ')') {
		t = t[1:]
	}
	for len(t) > 0 && (t[len(t)-1] == '(' || t[len(t)-1] == ')') {
		t = t[:len(t)-1]
	}
	return t
}

// afterPicture reports whether line i may credit a picture: it does not
// open the document and does not follow its title, where an agency's name
// alone is the title or a subtitle. (Where the article itself speaks of
// the agency, the guard keeps the line: it may be a subhead.)
func afterPicture(d *Doc, i int) bool {
	p := prevNonBlank(d, i)
	return p >= 0 && prevNonBlank(d, p) >= 0
}

// countSubheads counts the document's subheads: lines of one to five
// words, capitalised first, without a sentence's end, set apart between
// long paragraphs (or opening the document), that no lexicon knows as
// cruft. An article with two of them or more is built of sections
// ("Reuters", "Associated Press", "Hoe verder"), and a name or a marker
// word among them heads one. withTitle counts the text's first line too.
func countSubheads(d *Doc, withTitle bool) int {
	n := 0
	for i, l := range d.Lines {
		if l.Blank || l.Width() > 40 {
			continue
		}
		t, _ := d.trimmed(l)
		words := bytes.Fields(t)
		first, _ := utf8.DecodeRune(t)
		if len(words) == 0 || len(words) > 5 || !unicode.IsUpper(first) || endsSentence(t) || adMarkers.HasBytes(undecorate(t)) ||
			menuWords.HasBytes(t) || mediaWords.HasBytes(t) || networks.HasBytes(t) || socialPrompts.HasBytes(t) ||
			cartoonCredit.Match(t) || readMorePhrases.Prefix(t) > 0 || creditLabels.Prefix(t) > 0 || captionLabels.Prefix(t) > 0 {
			continue // what other rules know as cruft heads no section
		}
		p, q := prevNonBlank(d, i), neighbour(d, i, +1)
		long := func(j int) bool { return j >= 0 && j != i && d.Lines[j].Width() >= 100 }
		prose := func(j int) bool {
			t, _ := d.trimmed(d.Lines[j])
			return long(j) || j != i && endsSentence(t) && wordsOver(t, 4)
		}
		if (p < 0 && withTitle || long(p)) && prose(q) {
			n++
		}
	}
	return n
}

// creditSeparator returns the length of what joins a credit label to its
// names (": ", " by ", " via ", "/", " courtesy of "), or 0.
func creditSeparator(rest []byte) int {
	trimmed := bytes.TrimLeft(rest, " ")
	lead := len(rest) - len(trimmed)
	switch {
	case bytes.HasPrefix(trimmed, []byte(":")), bytes.HasPrefix(trimmed, []byte("/")), bytes.HasPrefix(trimmed, []byte("：")):
		_, n := utf8.DecodeRune(trimmed)
		return lead + n
	}
	for _, w := range []string{"by ", "via ", "courtesy of ", "courtesy ", "from "} {
		if len(trimmed) > len(w) && strings.EqualFold(string(trimmed[:len(w)]), w) && lead > 0 {
			return lead + len(w)
		}
	}
	return 0
}

// pluralBy reports whether a plural label joins names with "by" and no
// agency follows: "Photographs by Jim Mortram" credits a book's pictures;
// a single picture's credit is "Photo by …".
func pluralBy(label, rest []byte) bool {
	if !bytes.HasSuffix(bytes.ToLower(label), []byte("s")) || !bytes.HasPrefix(bytes.TrimLeft(bytes.ToLower(rest), " "), []byte("by ")) {
		return false
	}
	_, agency := cutAgency(bytes.TrimRight(rest, ")]. "))
	return !agency
}

// endsInJoiner reports whether a label ends in the word that joins it to
// names: "Courtesy of", "Image via".
func endsInJoiner(label []byte) bool {
	for _, w := range []string{" of", " via", " by"} {
		if len(label) > len(w) && strings.EqualFold(string(label[len(label)-len(w):]), w) {
			return true
		}
	}
	return false
}

// isGallery reports whether d is a gallery: its captions ending in a
// credit are two or more and as many as its other long lines. There the
// captions are the article.
const whyLabelledCaption = "picture caption with its label"

// labelledGallery returns 1 when d's captions with their label ("Image
// caption …"), three or more, are as many as its other lines of prose: a
// gallery whose captions are its text; 0 otherwise.
func labelledGallery(d *Doc) int {
	captions, other := 0, 0
	for i, l := range d.Lines {
		if l.Blank || l.Width() < 60 {
			continue
		}
		t, _ := d.trimmed(l)
		if n := labelIf(d, i, captionLabels, t); n > 0 && captionFollows(t[n:]) {
			captions++
		} else {
			other++
		}
	}
	if captions >= 3 && captions >= other {
		return 1
	}
	return 0
}

func isGallery(d *Doc) bool {
	captions, other := 0, 0
	for _, l := range d.Lines {
		if l.Blank || l.Width() < 80 {
			continue
		}
		if t, _ := d.trimmed(l); len(t) <= maxCreditCaption && captionWithCredit(t) {
			captions++
		} else {
			other++
		}
	}
	return captions >= 2 && captions >= other
}

// inNameList reports whether line i stands in a list of short lines of
// names, one after another: "Reuters", "AFP", "Bloomberg" as the answer
// to a question.
func inNameList(d *Doc, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(d.Lines) || d.Lines[j].Blank {
			continue
		}
		if t, _ := d.trimmed(d.Lines[j]); len(t) <= 40 && creditNames(t) && !endsSentence(t) {
			return true
		}
	}
	return false
}

// galleryCounter reports whether t is a counter glued to a caption,
// "1of4Grass Valley's …", as photo galleries print them. "1 of 4" alone
// may be a statistic.
func galleryCounter(t []byte) bool {
	i := 0
	for i < len(t) && i < 3 && isDigit(t[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	rest := t[i:]
	return bytes.HasPrefix(rest, []byte("of")) && len(rest) > 2 && isDigit(rest[2])
}

// bareCredit reports whether t is names ending in a photo agency: "Chip
// Somodevilla/Getty Images", "AFP via Getty Images", "Getty Images". With
// a comma before the agency ("Al Goldis, Associated Press") it must sit at
// the article's edge (edge), since in its middle such a line may list
// people.
func bareCredit(t []byte, edge bool) bool {
	if len(t) > 100 {
		return false
	}
	s := bytes.TrimSuffix(bytes.TrimPrefix(t, []byte("(")), []byte(")"))
	if strongAgencies[strings.ToLower(string(s))] {
		return true
	}
	head, ok := cutAgency(s)
	if !ok {
		return false
	}
	head = bytes.TrimSpace(head)
	for _, sep := range [][]byte{[]byte("/"), []byte("|"), []byte(" via"), []byte(",")} {
		if h, found := bytes.CutSuffix(head, sep); found {
			h = bytes.TrimSpace(h)
			comma := bytes.Equal(sep, []byte(","))
			return len(h) > 0 && creditNames(h) && (!comma || edge && !wordsOver(h, 4) && len(s)-len(head) > 3)
		}
	}
	return false
}

// cutAgency returns s without the agency name that ends it.
func cutAgency(s []byte) ([]byte, bool) {
	// Agencies have at most three words: try the longest ending first,
	// after the third separator from the end, found in one backward scan.
	var seps [3]int
	n := 0
	for i := len(s) - 1; i >= 0 && n < len(seps); i-- {
		if c := s[i]; c == ' ' || c == '/' || c == '|' {
			if n == 0 && !mayEndAgency(s[i+1:]) {
				return nil, false // most lines end in a word no agency ends in
			}
			seps[n] = i
			n++
		}
	}
	for words := n; words >= 1; words-- {
		i := seps[words-1]
		if name := s[i+1:]; agencies.HasBytes(name) {
			return s[:i+1], true
		}
	}
	return nil, false
}

// captionWithCredit reports whether t is a caption that ends in a picture
// credit: "… in Brussels. Photograph: Name/Agency", "… (AP Photo/Name)",
// "… [File: Reuters]", "… Name/Getty Images", "…Credit...Name".
func captionWithCredit(t []byte) bool {
	// A forward search for what the labels hold spares most lines a
	// backward search for each label.
	if indexRare(t, []byte("Credit")) >= 0 {
		if i := bytes.LastIndex(t, []byte("Credit...")); i > 0 {
			return creditNames(t[i+len("Credit..."):])
		}
		if i := bytes.LastIndex(t, []byte("Credit…")); i > 0 {
			return creditNames(t[i+len("Credit…"):])
		}
	}
	// A bracketed credit at the end: "(AP Photo/Name)", "[File: Reuters]".
	if last := t[len(t)-1]; last == ')' || last == ']' {
		open := byte('(')
		if last == ']' {
			open = '['
		}
		if i := bytes.LastIndexByte(t, open); i > 0 {
			inner := bytes.TrimSpace(t[i+1 : len(t)-1])
			if creditInParens(inner) {
				return true
			}
		}
		return false
	}
	// "… in Brussels. Photograph: Name/Agency"
	for k, i := range lastEndLabels(t) {
		if i > 0 {
			prev, _ := utf8.DecodeLastRune(t[:i])
			names := t[i+len(endLabels[k]):]
			if isSentenceEnd(prev) && creditNames(names) && len(names) < 100 {
				return true
			}
		}
	}
	// "… in Washington. Win McNamee/Getty Images", "… New York.Reuters"
	head, ok := cutAgency(t)
	if !ok {
		return false
	}
	j := len(head)
	for j > 0 && j > len(head)-80 {
		r, n := utf8.DecodeLastRune(head[:j])
		if isSentenceEnd(r) {
			break
		}
		j -= n
	}
	if j == 0 || j <= len(head)-80 {
		return false
	}
	names := bytes.TrimSpace(head[j:])
	if len(names) == 0 {
		// "… New York.Reuters" glued; "… into the US. PTI" signs off a
		// wire story.
		return j == len(head) && !wordsOver(t, 60)
	}
	names = bytes.TrimRight(names, "/|, ")
	if !creditNames(names) {
		return false
	}
	// "… Win McNamee/Getty Images"; "… The Washington Post Getty Images"
	// with a well-known agency and a few names before it.
	agency := bytes.ToLower(bytes.TrimSpace(t[len(head):]))
	return bytes.ContainsAny(head[j:], "/|") || strongAgencies[string(agency)] && !wordsOver(names, 4)
}

// endLabels are the labels of a credit that ends a caption.
var endLabels = [...]string{" Photograph: ", " Photo: ", " Credit: ", " Image: ", " Photograph by ", " Photo by "}

// lastEndLabels returns where each of endLabels last starts in t, or -1.
// Each label ends in ": " or " by ", which are rare: it looks only there.
func lastEndLabels(t []byte) [len(endLabels)]int {
	at := [len(endLabels)]int{-1, -1, -1, -1, -1, -1}
	mark := func(end int, suffix string) {
		for k, label := range endLabels {
			if start := end - len(label); start >= 0 && end <= len(t) && strings.HasSuffix(label, suffix) && string(t[start:end]) == label {
				at[k] = start
			}
		}
	}
	for i := 0; ; i++ {
		j := bytes.IndexByte(t[i:], ':')
		if j < 0 {
			break
		}
		i += j
		mark(i+len(": "), ": ")
	}
	for i := 0; ; i++ {
		j := indexRare(t[i:], []byte(" by "))
		if j < 0 {
			break
		}
		i += j
		mark(i+len(" by "), " by ")
	}
	return at
}

// creditInParens reports whether the inside of a closing bracket is a
// credit: "AP Photo/Alan Diaz", "Photo: Getty Images", "Image: GETTY",
// "File: Reuters", "REUTERS/Jonathan Ernst/Reuters".
func creditInParens(inner []byte) bool {
	if len(inner) == 0 || len(inner) > 100 {
		return false
	}
	if n := creditLabels.Prefix(inner); n > 0 {
		rest := inner[n:]
		if sep := creditSeparator(rest); sep > 0 {
			names := bytes.TrimSpace(rest[sep:])
			return creditNames(names) || isLink(names)
		}
		return false
	}
	if bareCredit(inner, false) {
		return true
	}
	first := inner
	if i := bytes.IndexByte(inner, '/'); i > 0 {
		first = inner[:i]
	}
	return agencies.HasBytes(bytes.TrimSpace(first)) && bytes.IndexByte(inner, '/') > 0 && creditNames(inner)
}

// openingCredit returns the length of a credit in parentheses that opens
// a line, and the space after it: "(Photo: AP) The minister …".
func openingCredit(t []byte) int {
	if len(t) < 8 || t[0] != '(' {
		return 0
	}
	i := bytes.IndexByte(t, ')')
	if i < 0 || i > 100 || !creditInParens(t[1:i]) {
		return 0
	}
	n := i + 1
	for n < len(t) && t[n] == ' ' {
		n++
	}
	return n
}

// creditNames reports whether t reads as a list of names and agencies: at
// most twelve words, each capitalised, an initial or a particle, joined by
// spaces, slashes, commas, "and", "via".
func creditNames(t []byte) bool {
	words := bytes.FieldsFunc(t, func(r rune) bool {
		return r == ' ' || r == '/' || r == '|' || r == '\u200b' || r == '\u00a0'
	})
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	for _, w := range words {
		w = bytes.Trim(w, ",.;()[]'\"’‘“”-–©")
		if len(w) == 0 || bytes.Equal(w, []byte("&")) || nameParticles.HasBytes(w) {
			continue
		}
		r, _ := utf8.DecodeRune(w)
		if !unicode.IsUpper(r) && !agencies.HasBytes(w) || bytes.IndexFunc(w, unicode.IsDigit) >= 0 {
			return false // a name is capitalised, an agency may not be ("getty", "dpa")
		}
	}
	return true
}

// domainLike reports whether t is a site's address without a scheme:
// "facebook.com/WhiteHouse".
func domainLike(t []byte) bool {
	return bytes.IndexByte(t, ' ') < 0 && bytes.Contains(t, []byte(".")) && bytes.IndexByte(t, '/') > 0
}
