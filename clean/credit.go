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
"Image copyright"/"Image caption" labels, bare agency lines ("Chip
Somodevilla/Getty Images", "AFP via Getty Images", "Getty Images"), gallery
counters ("1 of 4", "1of4…"), and captions that end in a credit ("… in
Brussels. Photograph: Name/Agency", "… (AP Photo/Name)", "… (Image: GETTY)",
"… [File: Reuters]", "… Win McNamee/Getty Images", "…Credit...Doug
Mills/The New York Times"). A credit in parentheses that opens a paragraph
("(Photo: AP) The minister …") is cut from it. What follows a label must be
names, agencies or a link: "Credit: the bank extended it in May." and
"Images by Hubble show the galaxy is expanding." are sentences and stay.`,
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
					subheads = countSubheads(d)
				}
				if subheads >= 2 || !afterPicture(d, i) {
					// Names set apart as subheads: an agency's name among
					// them heads a section about it.
					continue
				}
			}
			if c, ok := creditLine(t, off, z.edge(i)); ok {
				c.Span = line
				cs = append(cs, c)
				continue
			}
		}
		if len(t) <= maxCreditCaption && captionWithCredit(t) {
			cs = append(cs, Candidate{line, Evidence{Kind: Marker, Why: "caption ending in a picture credit"}})
			continue
		}
		if n := openingCredit(t); n > 0 {
			cs = append(cs, Candidate{Span{off, off + n}, Evidence{Kind: Marker, Why: "picture credit in parentheses"}})
		}
	}
	return cs
}

// creditLine classifies a short trimmed line t at offset off.
func creditLine(t []byte, off int, edge bool) (Candidate, bool) {
	if galleryCounter(t) {
		return Candidate{Evidence: Evidence{Kind: Marker, Why: "gallery counter"}}, true
	}
	if n := labelAt(captionLabels, t); n > 0 {
		return Candidate{Evidence: Evidence{Kind: Label, Why: "caption label", Tail: tailAfter(t, off, n)}}, true
	}
	if n := labelAt(creditLabels, t); n > 0 {
		rest := t[n:]
		sep := creditSeparator(rest)
		if sep == 0 && !endsInJoiner(t[:n]) {
			return Candidate{}, false
		}
		names := bytes.TrimRight(bytes.TrimSpace(rest[sep:]), ")]")
		if len(names) == 0 || !creditNames(names) && !isLink(names) && !domainLike(names) {
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
	if bareCredit(t, edge) {
		return Candidate{Evidence: Evidence{Kind: Shape, Why: "names ending in a picture agency"}}, true
	}
	return Candidate{}, false
}

// loneAgency reports whether t is an agency's name and nothing else.
func loneAgency(t []byte) bool {
	return strongAgencies[strings.ToLower(string(bytes.Trim(t, "()")))]
}

// afterPicture reports whether line i may credit a picture: it does not
// open the document and does not follow its title, where an agency's name
// alone is the title or a subtitle. (Where the article itself speaks of
// the agency, the guard keeps the line: it may be a subhead.)
func afterPicture(d *Doc, i int) bool {
	p := prevNonBlank(d, i)
	return p >= 0 && prevNonBlank(d, p) >= 0
}

// countSubheads counts the document's subheads of names: lines of one to
// four capitalised words, set apart between long paragraphs (or opening
// the document), that no lexicon knows as cruft. An article with two of
// them or more is built of named sections ("Reuters", "Associated Press",
// "Brightwater Utilities").
func countSubheads(d *Doc) int {
	n := 0
	for i, l := range d.Lines {
		if l.Blank || l.Width() > 40 {
			continue
		}
		t, _ := d.trimmed(l)
		words := bytes.Fields(t)
		if len(words) == 0 || len(words) > 4 || !creditNames(t) || endsSentence(t) || adMarkers.HasBytes(undecorate(t)) ||
			menuWords.HasBytes(t) || mediaWords.HasBytes(t) || networks.HasBytes(t) || socialPrompts.HasBytes(t) {
			continue
		}
		p, q := prevNonBlank(d, i), neighbour(d, i, +1)
		long := func(j int) bool { return j >= 0 && j != i && d.Lines[j].Width() >= 100 }
		if (p < 0 || long(p)) && long(q) {
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

// galleryCounter reports whether t is "1 of 4" alone, or "1of4" glued to a
// caption, as photo galleries print them.
func galleryCounter(t []byte) bool {
	i := 0
	for i < len(t) && i < 3 && isDigit(t[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	if rest := t[i:]; bytes.HasPrefix(rest, []byte("of")) && len(rest) > 2 && isDigit(rest[2]) {
		return true // "1of4Grass Valley's …"
	}
	if rest := t[i:]; bytes.HasPrefix(rest, []byte(" of ")) {
		j := i + 4
		k := j
		for k < len(t) && isDigit(t[k]) {
			k++
		}
		return k > j && k == len(t)
	}
	return false
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
			return len(h) > 0 && creditNames(h) && (!comma || edge && countWords(h).words <= 4 && len(s)-len(head) > 3)
		}
	}
	return false
}

// cutAgency returns s without the agency name that ends it.
func cutAgency(s []byte) ([]byte, bool) {
	// Agencies have at most three words: try the longest ending first.
	for words := 3; words >= 1; words-- {
		i := len(s)
		for w := 0; w < words; w++ {
			j := bytes.LastIndexAny(s[:i], " /|")
			if j < 0 {
				i = -1
				break
			}
			i = j
		}
		if i < 0 {
			continue
		}
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
	if i := bytes.LastIndex(t, []byte("Credit...")); i > 0 {
		return creditNames(t[i+len("Credit..."):])
	}
	if i := bytes.LastIndex(t, []byte("Credit…")); i > 0 {
		return creditNames(t[i+len("Credit…"):])
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
	for _, label := range [][]byte{[]byte(" Photograph: "), []byte(" Photo: "), []byte(" Credit: "), []byte(" Image: "), []byte(" Photograph by "), []byte(" Photo by ")} {
		if i := bytes.LastIndex(t, label); i > 0 {
			prev, _ := utf8.DecodeLastRune(t[:i])
			names := t[i+len(label):]
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
		return j == len(head) && countWords(t).words <= 60
	}
	names = bytes.TrimRight(names, "/|, ")
	if !creditNames(names) {
		return false
	}
	// "… Win McNamee/Getty Images"; "… The Washington Post Getty Images"
	// with a well-known agency and a few names before it.
	agency := bytes.ToLower(bytes.TrimSpace(t[len(head):]))
	return bytes.ContainsAny(head[j:], "/|") || strongAgencies[string(agency)] && countWords(names).words <= 4
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
		if !unicode.IsUpper(r) || bytes.IndexFunc(w, unicode.IsDigit) >= 0 {
			return false
		}
	}
	return true
}

// domainLike reports whether t is a site's address without a scheme:
// "facebook.com/WhiteHouse".
func domainLike(t []byte) bool {
	return bytes.IndexByte(t, ' ') < 0 && bytes.Contains(t, []byte(".")) && bytes.IndexByte(t, '/') > 0
}
