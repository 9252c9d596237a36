package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Byline removes author and date lines above or below the article.
var Byline = &Rule{
	Name:    "byline",
	Default: true,
	Doc: `bylines and datelines above or below the article

Removes, above or below the article (before its first or after its last
long paragraph), lines that only say who wrote it and when: datelines
such as "Published 7:07 PM EST Nov 19, 2019", "Updated: Sat 8:31 PM, Feb
17, 2018", "November 18, 2019 | 4:10pm", "19.11.2019, 08:57" or
"segunda-feira, 22 de janeiro de 2018 às 0:13"; bylines such as "By Jamelle
Bouie", "By LISA MASCARO and ERIC TUCKER", "By Justine Coleman - 11/18/19
11:04 PM EST", "Posted on October 27, 2015 by Admin" or "Associated Press
November 19, 2019, 9:02 AM"; a lone "By", "Updated" or "Published" label
before such a line; and author widgets ("View author archive", "email the
author"). A dateline holds nothing but dates, times, weekdays, time zones
and labels, and at least a time, a numeric date or a month and a number;
a byline holds "By" and names (capitalised words), with or without a date.
In the middle of the article such lines stay: there a date may head a
diary entry. So do sentences such as "By Tuesday, the river had risen."`,
	Example: "By Jamelle Bouie\n\nPublished 7:07 PM EST Nov 19, 2019\n\n" + bylineBody + "\n",
	Find: func(d *Doc) []Candidate {
		return spansAs(findBylines(d), Evidence{Kind: Shape, Why: "byline or dateline at the article's edge"})
	},
}

const bylineBody = "Voters in four states went to the polls this month, and in each of them the president tied " +
	"himself to the outcome, campaigning for candidates who then lost races he had called safe."

const maxBylineLen = 160

// bylineKind says what a line is to the byline rule.
type bylineKind uint8

const (
	notByline  bylineKind = iota
	isByline              // a byline, a dateline or an author widget
	bylineTag             // a lone label ("By", "Updated") that needs a byline after it
	bylineName            // a short list of names: a byline after a lone "By"
)

func findBylines(d *Doc) []Span {
	z := d.zone()
	if z.first < 0 {
		return nil
	}
	var spans []Span
	pendingTag := -1 // a lone label waiting for its byline
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		if !z.edge(i) {
			if i > z.last {
				break
			}
			pendingTag = -1
			continue
		}
		k := notByline
		if l.End-l.Start <= maxBylineLen {
			t, _ := d.trimmed(l)
			k = classifyByline(t, z.bottom(i))
		}
		switch {
		case k == isByline || pendingTag >= 0 && k == bylineName:
			if pendingTag >= 0 {
				spans = append(spans, Span{d.Lines[pendingTag].Start, d.Lines[pendingTag].End})
			}
			spans = append(spans, Span{l.Start, l.End})
			pendingTag = -1
		case k == bylineTag:
			pendingTag = i
		default:
			pendingTag = -1
		}
	}
	return spans
}

// classifyByline says whether trimmed line t is a byline, a dateline, a
// lone label or a short list of names.
func classifyByline(t []byte, bottom bool) bylineKind {
	if len(t) == 0 {
		return notByline
	}
	w := firstWord(t)
	if !hasDigit(t) && !bylineFirstWords[w] && !authorWidgets[w] {
		return bylineNameOrNot(t)
	}
	s := string(t)
	if authorWidgets[w] && authorWidgetLines[strings.ToLower(s)] {
		return isByline
	}
	words := strings.Fields(s)
	if len(words) == 1 && bylineTags[w] || len(words) == 2 && bylineTags[w] && words[1] == ":" {
		return bylineTag
	}
	// The date part is the longest run of date words at the line's end.
	k := len(words)
	for k > 0 && isDateWord(words[k-1]) {
		k--
	}
	date := describeDate(words[k:])
	dated := date.dated(bottom)
	head := words[:k]
	if dated && len(head) == 0 {
		return isByline
	}
	if dated && isNameList(head, 5, false) {
		// "Associated Press November 19, 2019, 9:02 AM"
		return isByline
	}
	if isBy(head) {
		// "By NAME", "By NAME - DATE", "Written by NAME, MS, RD on DATE"
		names := head[byIndex(head)+1:]
		if isNameList(names, 12, date.full) {
			return isByline
		}
		return notByline
	}
	// "Posted on October 27, 2015 by Admin", "5:45 AM PST 11/19/2019 by
	// Patrick Shanley": a date, then the byline.
	for j, word := range words {
		if strings.EqualFold(word, "by") {
			if j > 0 && describeDate(words[:j]).dated(bottom) && allDateWords(words[:j]) && isNameList(words[j+1:], 6, true) {
				return isByline
			}
			break
		}
	}
	return notByline
}

// bylineNameOrNot classifies a line without digits or byline words: it
// may be the names after a lone "By".
func bylineNameOrNot(t []byte) bylineKind {
	if len(t) > 60 || 'a' <= t[0] && t[0] <= 'z' {
		// Names are capitalised; most lines are not names.
		return notByline
	}
	if isNameList(strings.Fields(string(t)), 5, false) {
		return bylineName
	}
	return notByline
}

var (
	bylineFirstWords = setOf("by", "by:", "written", "posted", "published", "updated", "last", "first", "originally")
	bylineTags       = setOf("by", "updated", "published", "posted")
	authorWidgets    = setOf("view", "email", "e-mail", "contact", "follow", "more", "see")
	// authorWidgetLines are the links that sites put beside a byline.
	authorWidgetLines = setOf("view author archive", "email the author", "e-mail the author", "contact the author",
		"follow on twitter", "follow the author", "more by this author", "more from this author",
		"see all articles by this author", "view all posts by this author")
)

// isBy reports whether head starts a byline: "By", or a verb and "by"
// ("Written by", "Posted by", "Words by").
func isBy(head []string) bool {
	i := byIndex(head)
	if i < 0 {
		return false
	}
	return i == 0 || i == 1 && bylineVerbs[strings.ToLower(head[0])]
}

var bylineVerbs = setOf("written", "posted", "words", "story", "text", "reporting", "report", "published")

func byIndex(head []string) int {
	for i, w := range head {
		if i > 1 {
			break
		}
		if strings.EqualFold(w, "by") || strings.EqualFold(w, "by:") {
			return i
		}
	}
	return -1
}

// isNameList reports whether words read as names: at most max words, each
// capitalised, a particle, an initial or a separator. With handle set, one
// lower-case user name ("admin") will do.
func isNameList(words []string, max int, handle bool) bool {
	// Trailing separators: "by Jeff Foust —", "By Justine Coleman -".
	for len(words) > 0 && isSeparator(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 || len(words) > max {
		return false
	}
	if handle && len(words) == 1 && len(words[0]) <= 30 {
		return true
	}
	if d := strings.ToLower(strings.Trim(words[0], ",.")); monthsAndDays[d] {
		// "By Tuesday", "By November": a time, not a name.
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ",.;()'\"’‘“”")
		if w == "" || w == "&" || isSeparator(w) || nameParticles[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isSeparator(w string) bool {
	return w == "-" || w == "–" || w == "—" || w == "|" || w == "/" || w == "·" || w == "•"
}

func hasDigit(t []byte) bool {
	for _, c := range t {
		if '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// A dateInfo describes a run of date words.
type dateInfo struct {
	full  bool // a time, a numeric date, or a month and a number
	time  bool // a time of day
	label bool // "Published", "Updated", …
	dates int  // months and numeric dates named
}

// dated reports whether the run dates a page: a full date that is not a
// range of dates ("29 November 2018 | 20 January 2019", an event's run),
// and at the bottom of a page, one with a time or a label.
func (di dateInfo) dated(bottom bool) bool {
	if !di.full || di.dates > 1 && !di.time && !di.label {
		return false
	}
	return !bottom || di.time || di.label
}

// describeDate describes words that are all date words.
func describeDate(words []string) dateInfo {
	var di dateInfo
	month, number := false, false
	for _, w := range words {
		w = trimDateWord(w)
		if w == "" {
			continue
		}
		if hasDigit([]byte(w)) {
			number = true
			if _, strong := numericDate(w); strong {
				di.full = true
				if strings.ContainsAny(w, ":h") {
					di.time = true
				} else {
					di.dates++
				}
			}
			continue
		}
		lw := strings.ToLower(w)
		if months[lw] {
			month = true
			di.dates++
		}
		if dateLabels[lw] {
			di.label = true
		}
	}
	di.full = di.full || month && number
	return di
}

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
	if hasDigit([]byte(w)) {
		ok, _ := numericDate(w)
		return ok
	}
	return dateWords[strings.ToLower(w)]
}

func trimDateWord(w string) string {
	return strings.Trim(w, ",;|.()[]:")
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

var months = setOf(
	"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
	"aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
	// Portuguese, Spanish, French, German, Italian, Indonesian
	"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
	"novembro", "dezembro", "enero", "febrero", "marzo", "mayo", "junio", "julio", "septiembre", "octubre",
	"noviembre", "diciembre", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre", "januar", "februar", "märz", "juni", "juli", "oktober",
	"dezember", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
	"dicembre", "januari", "februari", "maret", "mei", "agustus", "desember")

var weekdays = setOf(
	"mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
	"fri", "friday", "sat", "saturday", "sun", "sunday",
	"segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo",
	"lunes", "martes", "miércoles", "jueves", "viernes", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
	"samedi", "dimanche", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")

var monthsAndDays = union(months, weekdays)

// dateWords are the words a dateline may hold besides numbers.
var dateWords = union(months, weekdays, dateLabels, setOf(
	"am", "pm", "a.m", "p.m",
	"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "pt", "gmt", "utc", "bst", "cet",
	"cest", "ist", "amt", "aest", "aedt", "jst", "hkt", "sgt", "wib", "sast", "msk",
	"last", "first", "original", "originally", "date", "today", "yesterday",
	"on", "at", "of", "de", "às", "a", "as", "em", "el", "le", "à", "um", "am", "den", "alle"))

// dateLabels say what a date is: a publication or update time.
var dateLabels = setOf("published", "updated", "posted", "modified", "publicado", "publicada", "atualizado",
	"atualizada", "actualizado", "publié", "veröffentlicht", "aktualisiert", "pubblicato", "aggiornato",
	"diperbarui", "diterbitkan")

func union(sets ...map[string]bool) map[string]bool {
	u := map[string]bool{}
	for _, s := range sets {
		for k := range s {
			u[k] = true
		}
	}
	return u
}
