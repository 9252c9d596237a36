package clean

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// Byline removes author and date lines above or below the article.
var Byline = &Rule{
	Name:    "byline",
	Default: true,
	Doc: `bylines and datelines above or below the article

Removes, above or below the article (before its first or after its last
long paragraph), lines that only say who wrote it and when: bylines such as
"By Jamelle Bouie", "By Priya Venkataraman, food writer", "By LISA MASCARO
and ERIC TUCKER", "By Justine Coleman -
11/18/19 11:04 PM EST", "Posted on October 27, 2015 by Admin", "Associated
Press November 19, 2019, 9:02 AM", "Par Jean Dupont", "Von Anna Schmidt",
"Kevin Johnson and Kevin McCoy USA TODAY", "Xuan Loc DOAN", "Jane Smith |
Staff Writer | March 3, 2021"; datelines that
carry a dateline's marks, such as "Published 7:07 PM EST Nov 19, 2019",
"Updated: Sat 8:31 PM, Feb 17, 2018", "Wed 14 May 2025 07.12 EDT", "Updated
2 hours ago", "November 18, 2019 | 4:10pm" or
"segunda-feira, 22 de janeiro de 2018 às 0:13", "Last Updated: Nov 20, 2019 |
Source: Moneycontrol.com"; reading-time widgets ("3 min read", "Lesezeit:
3 Min."); a lone "By", "Updated" or
"Published" before such a line; and author widgets ("View author archive",
"email the author"). A bare date ("Tuesday, 1 March") goes only beside a
byline: alone it may head a diary entry or sit in a match's details. Names
are capitalised words and initials, with particles such as "van" or "de":
"By the Book", "By Design" and "By Any Means Necessary" are headlines and
stay, as does "By Tuesday, the river had risen." In the middle of the
article nothing goes.`,
	Needs: `a line above or below the article that is "By" ([by] lexicon) and a person's
names, names and an outlet in capitals, or a date with a dateline's mark (a
[datelabels] label, a time, a time zone) — or a bare date next to such a line;
such parts set apart by bars, a date among them; or a reading time ([readinglabels]
and a number, or a number and a [readingtimes] phrase).`,
	Example: "By Jamelle Bouie\n\nPublished 7:07 PM EST Nov 19, 2019\n\n" + bylineBody + "\n",
	Find:    findBylines,
}

const bylineBody = "Voters in four states went to the polls this month, and in each of them the president tied " +
	"himself to the outcome, campaigning for candidates who then lost races he had called safe."

const maxBylineLen = 160

var (
	byWords       = lexicon.Get("by")
	byVerbs       = lexicon.Get("byverbs")
	months        = lexicon.Get("months")
	weekdays      = lexicon.Get("weekdays")
	dateLabels    = lexicon.Get("datelabels")
	dateWordsLex  = lexicon.Get("datewords")
	authorWidgets = map[string]bool{"view author archive": true, "email the author": true, "e-mail the author": true,
		"contact the author": true, "follow on twitter": true, "follow the author": true, "more by this author": true,
		"more from this author": true, "see all articles by this author": true, "view all posts by this author": true,
		"view all posts by": true}
)

// authorWidgetFirsts marks the bytes that start an author widget: an ASCII
// byte starts a line's lower-cased text as lower-cased ASCII.
var authorWidgetFirsts = func() (firsts [256]bool) {
	for w := range authorWidgets {
		firsts[w[0]] = true
	}
	return firsts
}()

// isAuthorWidget reports whether s, in lower case, is an author widget.
// Lower-casing shrinks text to a third at most (the Kelvin sign's three
// bytes become "k"), so a longer line is none and is not lower-cased.
func isAuthorWidget(s string) bool {
	var buf [3 * len("see all articles by this author")]byte
	if len(s) > len(buf) || s != "" && s[0] < utf8.RuneSelf && !authorWidgetFirsts[lowerASCII(s[0])] {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if c >= utf8.RuneSelf {
			return authorWidgets[strings.ToLower(s)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return authorWidgets[string(buf[:len(s)])] // ASCII, lower-cased without allocating
}

// bylineKind says what a line is to the byline rule.
type bylineKind uint8

const (
	notByline  bylineKind = iota
	isByline              // a byline, a dateline or an author widget
	bareDate              // a date without a dateline's marks: a byline only beside one
	bylineTag             // a lone label ("By", "Updated") that needs a byline after it
	bylineName            // a short list of names: a byline after a lone "By"
)

// underWorkTitle reports whether line i stands right under a title of its
// own, in the same paragraph, in a text whose paragraphs blank lines part:
// the article's byline stands under the article's title (its first line)
// or as a paragraph of its own; a poem's, a story's or a book's stands
// under theirs.
func underWorkTitle(d *Doc, i int) bool {
	if i == 0 || d.Lines[i-1].Blank || prevNonBlank(d, i-1) < 0 {
		return false
	}
	k, _ := slices.BinarySearchFunc(d.Paras, i, func(p Para, line int) int { return cmp.Compare(p.Last, line) })
	if k == len(d.Paras) || d.Paras[k].First != i-1 {
		return false
	}
	t, _ := d.trimmed(d.Lines[i-1])
	return len(t) <= 80 && !endsSentence(t)
}

func findBylines(d *Doc) []Candidate {
	z := d.zone()
	if z.first < 0 {
		return nil
	}
	kinds := make([]bylineKind, len(d.Lines))
	var cs []Candidate
	add := func(i int, why string) {
		cs = append(cs, Candidate{Span{d.Lines[i].Start, d.Lines[i].End}, Evidence{Kind: Shape, Why: why}})
	}
	for i, l := range d.Lines {
		if l.Blank || !z.edge(i) {
			continue
		}
		t, _ := d.trimmed(l)
		if z.bottom(i) && len(t) <= 300 && contributorLine(t) {
			add(i, "contributor line below the article")
			continue
		}
		if len(t) <= maxReadingTime && readingTime(t) {
			add(i, "reading time at the article's edge")
			continue
		}
		if l.Width() <= maxBylineLen {
			kinds[i] = classifyByline(string(t), z.bottom(i))
		}
	}
	for i := range kinds {
		if kinds[i] != isByline && kinds[i] != bylineName {
			continue
		}
		switch t, _ := d.trimmed(d.Lines[i]); {
		case prevNonBlank(d, i) < 0 && byIndex(strings.Fields(string(t))) == 0 && !hasDigitString(string(t)):
			// The text's first line is its title: "By Popular Demand".
			kinds[i] = notByline
		case kinds[i] == isByline && !hasDigitString(string(t)) && inPeopleList(d, i):
			// "Alexandre LACAZETTE" under "Les buteurs": a list of
			// people, one a line, is a line-up, not a byline.
			kinds[i] = notByline
		case underWorkTitle(d, i) || bookDetailsAt(d, nextNonBlank(d, i)):
			// "The Shipping Forecast" / "by Seán Street", or "By Emily
			// St. John Mandel" / "Knopf, 272 pp., $25": the credit of a
			// poem, story or book the text prints or reviews.
			kinds[i] = notByline
		}
	}
	pendingTag := -1 // a lone label waiting for its byline
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		k := kinds[i]
		switch {
		case k == isByline || pendingTag >= 0 && k == bylineName:
			if pendingTag >= 0 {
				add(pendingTag, "byline label")
			}
			add(i, "byline or dateline at the article's edge")
			pendingTag = -1
		case k == bareDate && (kinds[neighbour(d, i, -1)] == isByline || kinds[neighbour(d, i, +1)] == isByline):
			add(i, "date beside a byline")
			pendingTag = -1
		case k == bylineTag && z.top(i) && byWords.Has(strings.TrimSpace(string(d.Text(l)))) && nextIsBody(d, i, z):
			// "By" alone just above the article: its name was a link the
			// scraper dropped.
			add(i, "byline label without its name")
			pendingTag = -1
		case k == bylineTag:
			pendingTag = i
		default:
			pendingTag = -1
		}
	}
	return cs
}

var (
	readingLabels = lexicon.Get("readinglabels")
	readingTimes  = lexicon.Get("readingtimes")
)

const maxReadingTime = 60

// readingTime reports whether t is a page's reading-time widget: a
// [readinglabels] label, a number and a unit ("Reading time: 4 minutes",
// "Lesezeit: 3 Min."), or a number and a [readingtimes] phrase ("3 min
// read", "5-minute read"). A number of minutes alone is a recipe's step.
func readingTime(t []byte) bool {
	if n := readingLabels.Prefix(t); n > 0 {
		rest := bytes.TrimLeft(t[n:], " :")
		d := 0
		for d < len(rest) && isDigit(rest[d]) {
			d++
		}
		unit := bytes.TrimSpace(rest[d:])
		return d > 0 && len(unit) > 0 && len(unit) <= 12 && !bytes.ContainsAny(unit, " 0123456789")
	}
	d := 0
	for d < len(t) && isDigit(t[d]) {
		d++
	}
	if d == 0 || d == len(t) || t[d] != ' ' && t[d] != '-' {
		return false
	}
	return readingTimes.HasBytes(t[d+1:])
}

var contributed = lexicon.Get("contributed")

// contributorLine reports whether t credits people who helped with the
// story: "Keith Bradsher contributed reporting from Hong Kong.",
// "Associated Press writers A, B and C contributed to this report."
func contributorLine(t []byte) bool {
	s, _ := contributed.Index(t)
	if s <= 0 {
		return false
	}
	r, _ := utf8.DecodeRune(t)
	return unicode.IsUpper(r) && bytes.Count(t[:s], []byte(". ")) == 0
}

var pageWords = lexicon.Get("pages")

// bookDetailsAt reports whether line i gives a book's publisher and pages
// or price: "Knopf, 272 pp., $25", "Jonathan Cape, £12.99", "Penguin
// Verlag, 384 Seiten, 24 Euro".
func bookDetailsAt(d *Doc, i int) bool {
	if i < 0 || d.Lines[i].Width() > 100 {
		return false
	}
	t, _ := d.trimmed(d.Lines[i])
	pub, rest, ok := bytes.Cut(t, []byte(", "))
	if !ok || len(pub) == 0 || !isDigitOrPrice(rest) {
		return false
	}
	if bytes.ContainsAny(rest, "£$€") {
		return true
	}
	words := bytes.Fields(rest)
	for k := 1; k < len(words); k++ {
		if isDigit(words[k-1][0]) && pageWords.HasBytes(bytes.TrimRight(words[k], ",")) {
			return true
		}
	}
	return false
}

// isDigitOrPrice reports whether t opens with a digit or a currency sign.
func isDigitOrPrice(t []byte) bool {
	return len(t) > 0 && (isDigit(t[0]) || bytes.HasPrefix(t, []byte("£")) || bytes.HasPrefix(t, []byte("$")) || bytes.HasPrefix(t, []byte("€")))
}

// inPeopleList reports whether a line next to line i, with no blank line
// between, is also a short line of names.
func inPeopleList(d *Doc, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(d.Lines) || d.Lines[j].Blank || d.Lines[j].Width() > 60 {
			continue
		}
		t, _ := d.trimmed(d.Lines[j])
		if words := strings.Fields(string(t)); personNames(words, 5) || capsSurname(words) {
			return true
		}
	}
	return false
}

// nextIsBody reports whether the line after line i, blank lines aside,
// is the article's first long line or a dateline.
func nextIsBody(d *Doc, i int, z zone) bool {
	n := neighbour(d, i, +1)
	if n == i {
		return false
	}
	if n == z.first {
		return true
	}
	t, _ := d.trimmed(d.Lines[n])
	return classifyByline(string(t), false) == isByline
}

// neighbour returns the next non-blank line from i in direction dir, or i.
func neighbour(d *Doc, i, dir int) int {
	j := nextNonBlank(d, i)
	if dir < 0 {
		j = prevNonBlank(d, i)
	}
	if j < 0 {
		return i
	}
	return j
}

// classifyByline says what trimmed line s is.
func classifyByline(s string, bottom bool) bylineKind {
	k := classifyPlain(s, bottom)
	if k == notByline && (strings.IndexByte(s, '|') >= 0 || strings.Contains(s, "·") || strings.Contains(s, "•")) && segmentedByline(s, bottom) {
		return isByline
	}
	return k
}

// segmentedByline reports whether s is a byline's parts set apart by bars
// or middle dots, and nothing else: a byline or a dated line with a name,
// a source, a reading time or another date beside it ("Last Updated: March
// 3, 2021 | Source: Reuters", "By Olivia Brennan · 5 min read"), or a bare
// date among three parts or more, names among them ("Jane Smith | Staff
// Writer | March 3, 2021"). A menu has no date; a score line's parts are
// no names.
func segmentedByline(s string, bottom bool) bool {
	bylines, dates, named, segments := 0, 0, false, 0
	for seg := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '|' || r == '·' || r == '•' }) {
		seg = strings.TrimSpace(seg)
		if seg == "" {
			continue
		}
		segments++
		var buf [12]string
		words := appendFields(buf[:0], seg)
		switch k := classifyPlain(seg, bottom); {
		case k == isByline:
			bylines++
		case k == bareDate:
			dates++
		case len(seg) <= maxReadingTime && readingTime([]byte(seg)):
			named = true // "By Olivia Brennan · 5 min read"
		case k == bylineName || !hasDigitString(seg) && personNames(words, 8):
			named = true
		case len(words) >= 2 && sourceLabel([]byte(strings.TrimSuffix(words[0], ":"))) && sourceNames([]byte(seg[len(words[0]):])):
			named = true
		default:
			return false
		}
	}
	// Two bare dates are an event's run: "29 November 2018 | 20 January
	// 2019"; a name and a bare date alone, a list's item: "Glasgow
	// Barrowland | Saturday, May 16, 2026", "Mary Anning · 21 May 1799".
	parts := bylines + dates
	if named {
		parts++
	}
	return bylines > 0 && parts > 1 || dates > 0 && named && segments > 2
}

// classifyPlain is classifyByline for a line without a byline's bars.
func classifyPlain(s string, bottom bool) bylineKind {
	if s == "" {
		return notByline
	}
	if len(s) > 60 && !hasDigitString(s) {
		// Without a date only "By" and names make a byline, and names
		// alone are short.
		first, _, _ := strings.Cut(s, " ")
		if !byWords.Has(first) && !byVerbs.Has(first) && !dateLabels.Has(strings.Trim(first, ":")) && !isAuthorWidget(s) {
			return notByline
		}
	}
	if isAuthorWidget(s) {
		return isByline
	}
	var buf [24]string
	words := appendFields(buf[:0], s)
	if len(words) == 0 {
		return notByline
	}
	if len(words) <= 2 && (byWords.Has(words[0]) || dateLabels.Has(strings.Trim(words[0], ":"))) &&
		(len(words) == 1 || words[1] == ":") {
		return bylineTag
	}
	// The date part is the longest run of date words at the line's end.
	k := len(words)
	for k > 0 && isDateWord(words[k-1]) {
		k--
	}
	date := describeDate(words[k:])
	head := words[:k]
	switch {
	case len(head) == 0 && date.marked():
		if bottom && !date.label && !date.zone {
			// Below the article a date and a time alone are an event's:
			// "Wednesday, March 5, 2025, 10:30 a.m." ends a funeral
			// notice. A dateline there has its label or zone.
			return bareDate
		}
		return isByline
	case len(head) == 0 && date.full && !date.rangeOf():
		return bareDate
	case date.marked() && len(head) > 0 && outletNames(head):
		// "Associated Press November 19, 2019, 9:02 AM"
		return isByline
	}
	if by := byIndex(head); by >= 0 {
		// "By NAME", "By NAME - DATE", "Written by NAME, MS, RD on DATE"
		if personNames(head[by+1:], 12) || outletByline(head[by+1:]) || namesWithRole(head[by+1:]) {
			return isByline
		}
		return notByline
	}
	// "Posted on October 27, 2015 by Admin", "Posted on by willyloman"
	for j, w := range words {
		if len(w) == 2 && strings.EqualFold(w, "by") { // no rune beyond ASCII folds to b or y
			before := words[:j]
			if len(before) > 0 && allDateWords(before) && (describeDate(before).marked() || dateLabels.Has(before[0])) &&
				handleOrNames(words[j+1:]) {
				return isByline
			}
			break
		}
	}
	if hasDigitString(s) {
		return notByline
	}
	if len(head) == len(words) && capsSurname(words) || namesAndCapsOutlet(words) && !bottom && (len(head) == len(words) || !date.full) {
		// An outlet in capitals may end in a date word: "USA TODAY".
		return isByline
	}
	if len(head) == len(words) && personNames(words, 5) {
		return bylineName
	}
	return notByline
}

var roles = lexicon.Get("roles")

// namesWithRole reports whether words are names and, after a comma, the
// writer's role, of four words at most and ending in a [roles] word: "Chris
// Fallon, Sports Reporter", "Priya Venkataraman, food writer".
func namesWithRole(words []string) bool {
	for i, w := range words {
		if !strings.HasSuffix(w, ",") {
			continue
		}
		role := words[i+1:]
		if i == 0 || len(role) == 0 || len(role) > 4 || !personNames(append(words[:i:i], strings.TrimSuffix(w, ",")), 6) {
			return false
		}
		last := strings.TrimRight(role[len(role)-1], ".")
		return roles.Has(last) || len(role) > 1 && roles.Has(role[len(role)-2]+" "+last)
	}
	return false
}

// byIndex returns where "By" stands in head when it opens a byline:
// first, or second after a verb ("Written by", "Posted by").
func byIndex(head []string) int {
	for i, w := range head {
		if i > 1 {
			break
		}
		bare := strings.TrimSuffix(w, ":")
		if byWords.Has(bare) && (i == 0 || byVerbs.Has(head[0])) {
			return i
		}
		if i == 0 && len(bare) < len(w) && byWords.Has(w) {
			return 0
		}
	}
	return -1
}

// personNames reports whether words are the names of one to max/3 people:
// capitalised words, initials and name particles ("van", "de"), the
// people joined by "and", "&" or commas, and each name of two words at
// least unless in capitals ("REUTERS"). A function word in capitals ("The",
// "Any") or a month or weekday ("Tuesday") is no name.
func personNames(words []string, max int) bool {
	// Trailing separators: "By Jeff Foust —", "By Justine Coleman -".
	for len(words) > 0 && isSeparator(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 || len(words) > max {
		return false
	}
	run := 0 // words of the current name
	ok := true
	endName := func() {
		if run == 1 {
			ok = false
		}
		run = 0
	}
	for i, w := range words {
		w = trimNamePunct(w)
		if w == "and" || w == "&" || w == "und" || w == "et" || w == "y" || w == "e" || isSeparator(w) {
			endName()
			continue
		}
		if w == "" {
			continue
		}
		if run > 0 && nameParticles.Has(w) && w != "and" && w != "for" && w != "of" && w != "the" && w != "via" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || len(w) > 1 && functionWords.Has(w) || months.Has(w) || weekdays.Has(w) {
			return false
		}
		if allCaps(w) && len(w) >= 2 && run == 0 {
			// "REUTERS", "LISA MASCARO": a name of its own, or a name in capitals.
			run = 2
		} else {
			run++
		}
		if strings.HasSuffix(words[i], ",") {
			endName()
		}
	}
	endName()
	return ok
}

// trimNamePunct trims w as strings.Trim(w, ".,;:()'\"’‘“”") does, without
// building a set of the cutset's runes at each call.
func trimNamePunct(w string) string {
	for len(w) > 0 {
		r, size := rune(w[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(w)
		}
		if !isNamePunct(r) {
			break
		}
		w = w[size:]
	}
	for len(w) > 0 {
		r, size := rune(w[len(w)-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRuneInString(w)
		}
		if !isNamePunct(r) {
			break
		}
		w = w[:len(w)-size]
	}
	return w
}

func isNamePunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '(', ')', '\'', '"', '’', '‘', '“', '”':
		return true
	}
	return false
}

// outletByline reports whether words after "By" name an outlet or a
// domain, perhaps after names: "Greg Hunter’s USAWatchdog.com".
func outletByline(words []string) bool {
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	last := words[len(words)-1]
	return strings.Contains(last, ".") && !strings.HasSuffix(last, ".") && strings.IndexFunc(last, unicode.IsUpper) >= 0
}

// outletNames reports whether words name a news outlet before a date:
// "Associated Press", "Sioux Falls Argus Leader", "Detroit News wire
// services".
func outletNames(words []string) bool {
	if len(words) > 5 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ",.|-–—")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "wire" && w != "services" && w != "staff" || strings.HasSuffix(w, ":") {
			return false // "Sent: 14 March 2025 17:42" is an email's header
		}
	}
	return true
}

// handleOrNames reports whether words are a user name ("admin") or names.
func handleOrNames(words []string) bool {
	if len(words) == 1 && len(words[0]) <= 30 {
		return true
	}
	return personNames(words, 6)
}

// capsSurname reports whether words are a name whose surname is in
// capitals, as wire services print them: "Xuan Loc DOAN", "Jay SYRMOPOULOS".
func capsSurname(words []string) bool {
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	last := words[len(words)-1]
	if !allCaps(last) || len([]rune(last)) < 3 {
		return false
	}
	if !nameTokens(words) {
		return false
	}
	for _, w := range words[:len(words)-1] {
		// Given names are capitalised, or initials ("J."); "UP NEXT"
		// and "TRAINER'S ROOM" are an agency story's subheads.
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || allCaps(w) && !initial(w) || functionWords.Has(w) {
			return false
		}
	}
	return true
}

// initial reports whether w is an initial: a capital and a full stop.
func initial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && w[n:] == "."
}

// namesAndCapsOutlet reports whether words are names followed by an
// outlet in capitals: "Kevin Johnson and Kevin McCoy USA TODAY".
func namesAndCapsOutlet(words []string) bool {
	k := len(words)
	for k > 0 && allCaps(words[k-1]) && len(words[k-1]) >= 2 {
		k--
	}
	// Most lines end in no word in capitals: ask that before nameTokens.
	return k >= 2 && k < len(words) && len(words)-k <= 3 && nameTokens(words) && personNames(words[:k], 8)
}

// nameTokens reports whether words hold only letters, hyphens,
// apostrophes and the full stops of initials: "Referee: Ross Gillespie
// (SRU)" is a label and a name, no byline.
func nameTokens(words []string) bool {
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' }) >= 0 {
			return false
		}
	}
	return true
}

func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// appendFields appends strings.Fields(s) to dst: a byline's words fit in
// a buffer on the stack.
func appendFields(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		space, size := c == ' ' || '\t' <= c && c <= '\r', 1 // unicode.IsSpace, for ASCII
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

func isSeparator(w string) bool {
	return w == "-" || w == "–" || w == "—" || w == "|" || w == "/" || w == "·" || w == "•"
}

func hasDigitString(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if '0' <= c && c <= '9' {
				return true
			}
			i++
			continue
		}
		// Other scripts' digits.
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsDigit(r) {
			return true
		}
		i += size
	}
	return false
}

// A dateInfo describes a run of date words.
type dateInfo struct {
	full     bool // a time, a numeric date, or a month and a number
	time     bool // a time of day
	zone     bool // a time zone
	label    bool // "Published", "Updated", …
	relative bool // a number, a unit and "ago" ([ago]): "2 hours ago"
	dates    int  // months and numeric dates named
}

// marked reports whether the run has a dateline's marks: a date with a
// time, a time zone or a label, or a label with a time ("Updated at 1:23
// p.m.", "Updated 2 hours ago"), and is not a range of dates. A time alone heads a live blog's
// entry.
func (di dateInfo) marked() bool {
	return di.full && (di.dates > 0 && (di.time || di.zone || di.label) || di.label && (di.time || di.relative)) && !di.rangeOf()
}

// rangeOf reports whether the run names two dates without a time or a
// label: "29 November 2018 | 20 January 2019", an event's run.
func (di dateInfo) rangeOf() bool { return di.dates > 1 && !di.time && !di.label }

// describeDate describes words that are all date words.
func describeDate(words []string) dateInfo {
	var di dateInfo
	month, number := false, false
	for _, w := range words {
		w = trimDateWord(w)
		if w == "" {
			continue
		}
		if hasDigitString(w) {
			number = true
			if dotTime(w) {
				di.full, di.time = true, true // "07.12 EDT", "at 14.58 BST"
			} else if _, strong := numericDate(w); strong {
				di.full = true
				if strings.ContainsAny(w, ":h") {
					di.time = true
				} else {
					di.dates++
				}
			}
			continue
		}
		switch lw := strings.ToLower(w); {
		case number && agoWords.Has(lw):
			di.full, di.relative = true, true
		case months.Has(lw):
			month = true
			di.dates++
		case dateLabels.Has(lw):
			di.label = true
		case timeZones[lw]:
			di.zone = true
		case lw == "am" || lw == "pm" || lw == "a.m" || lw == "p.m":
			di.time = true
		}
	}
	di.full = di.full || month && number
	return di
}

var agoWords = lexicon.Get("ago")

// dotTime reports whether w is a time of day written with a full stop, as
// British papers print it: "07.12", "14.58".
func dotTime(w string) bool {
	h, m, ok := strings.Cut(w, ".")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	return err1 == nil && err2 == nil && hh <= 23 && mm <= 59
}

// timeZones are the [datewords] that name a zone, which a dateline has
// and a diary's heading has not.
var timeZones = map[string]bool{"est": true, "edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true,
	"pst": true, "pdt": true, "et": true, "ct": true, "pt": true, "gmt": true, "utc": true, "bst": true, "cet": true,
	"cest": true, "ist": true, "aest": true, "aedt": true, "jst": true, "hkt": true, "sgt": true, "hst": true,
	"akst": true, "sast": true, "msk": true}

func allDateWords(words []string) bool {
	for _, w := range words {
		if !isDateWord(w) {
			return false
		}
	}
	return true
}

// isDateWord reports whether w may be part of a dateline: a number, time
// or numeric date, a month, weekday, time zone, label or connective.
func isDateWord(w string) bool {
	if isSeparator(w) {
		return true
	}
	w = trimDateWord(w)
	if w == "" {
		return true
	}
	if hasDigitString(w) {
		ok, _ := numericDate(w)
		return ok || dotTime(w)
	}
	return dateWordSet.Has(w)
}

// dateWordSet is every set of words a dateline may hold, asked at once.
var dateWordSet = lexicon.Union(months, weekdays, dateLabels, dateWordsLex)

// trimDateWord trims w as strings.Trim(w, ",;|.()[]:") does.
func trimDateWord(w string) string {
	for len(w) > 0 && dateWordTrim[w[0]] {
		w = w[1:]
	}
	for len(w) > 0 && dateWordTrim[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	return w
}

var dateWordTrim = byteSet(",;|.()[]:")

// byteSet marks the bytes of ASCII cutset.
func byteSet(cutset string) (set [256]bool) {
	for i := range len(cutset) {
		set[cutset[i]] = true
	}
	return set
}

// numericDate reports whether w is a number, a time or a numeric date
// ("2019", "4:10pm", "19.11.2019", "2018-09-16", "11/18/19", "20th"), and
// whether it is a time or a date rather than a bare number.
func numericDate(w string) (ok, strong bool) {
	lw := strings.ToLower(w)
	for _, suf := range numberSuffixes {
		if len(lw) > len(suf) && strings.HasSuffix(lw, suf) {
			lw = lw[:len(lw)-len(suf)]
			break
		}
	}
	var groups [4]int // digit counts of the groups between separators
	n, colon, sep := 0, false, byte(0)
	for i := 0; i < len(lw); i++ {
		c := lw[i]
		switch {
		case '0' <= c && c <= '9':
			groups[n]++
		case c == ':' || c == '.' || c == '/' || c == '-' || c == 'h':
			if groups[n] == 0 || n == len(groups)-1 {
				return false, false
			}
			if c == ':' || c == 'h' {
				colon = true
			} else if sep != 0 && sep != c {
				return false, false
			} else {
				sep = c
			}
			n++
		default:
			return false, false
		}
	}
	if groups[n] == 0 {
		return false, false
	}
	parts := groups[:n+1]
	if colon {
		// "4:10", "08:57", "11:04:31", "15h30"
		for _, g := range parts {
			if g > 2 {
				return false, false
			}
		}
		return len(parts) >= 2, len(parts) >= 2
	}
	switch len(parts) {
	case 1:
		return parts[0] <= 4, false
	case 3:
		// "19.11.2019", "11/18/19", "2018-09-16"
		a, b, c := parts[0], parts[1], parts[2]
		if a <= 2 && b <= 2 && (c == 2 || c == 4) || a == 4 && b <= 2 && c <= 2 {
			return true, true
		}
	}
	return false, false
}

var numberSuffixes = []string{"a.m", "p.m", "am", "pm", "st", "nd", "rd", "th", "hrs", "h", "."}
