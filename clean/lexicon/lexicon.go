// Package lexicon holds the words decruft's rules read, as data: one file
// per language (en.txt, fr.txt, …), embedded in the binary. Rules look at
// the shape of text first and at words second; the words they need live
// here, so that adding a language is adding a file.
//
// A file is a list of sections. A line "[name]" starts a section; each
// other non-blank line is one entry, a word or a phrase of words separated
// by single spaces; "#" starts a comment. Entries are matched without
// regard to case. Sections of the same name in different files are merged:
// rules do not guess a text's language, they know every language's words.
package lexicon

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/binary"
	"fmt"
	"io/fs"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed *.txt
var files embed.FS

// Sections lists every section a lexicon file may hold, with what it is
// for. A file that uses another name is an error (see the tests).
var Sections = map[string]string{
	"formfields":     "the fields of a blog's comment form, alone on a line with or without a required mark (\"Name *\", \"Website\")",
	"forward":        "phrases in a sentence that point at the text after it (\"is reproduced below\", \"reads as follows\", \"ci-dessous\")",
	"function":       "short words that mark running prose: articles, pronouns, auxiliaries, prepositions",
	"continue":       "words that may follow a prompt and keep it a prompt (\"Follow us on Twitter for …\")",
	"readmore":       "links to the rest of a story or to another one (\"Read more\", \"Lire aussi\")",
	"related":        "labels and headings of links to other stories (\"Related\", \"Most read\")",
	"ads":            "advertisement markers that stand alone on a line (\"Advertisement\", \"Anzeige\")",
	"social":         "share, follow and newsletter prompts that stand alone on a line",
	"shareactions":   "[networks] entries that are actions, not networks: a list of networks alone is no share block (\"Email\", \"Print\")",
	"liking":         "a blog's liking widget as its script leaves it, before it loads (\"Like Loading…\", \"Gefällt mir Wird geladen …\")",
	"networks":       "social networks and share actions that make up share blocks (\"Facebook\", \"Email\")",
	"media":          "video and audio player residue (\"Embed\", \"Autoplay\")",
	"menu":           "entries of site menus (\"Home\", \"Sports\")",
	"months":         "month names and abbreviations",
	"weekdays":       "weekday names and abbreviations",
	"datelabels":     "labels of publication dates (\"Published\", \"Updated\")",
	"datewords":      "other words a dateline may hold: time zones, connectives (\"at\", \"GMT\")",
	"byverbs":        "words before \"by\" in a byline (\"Written\", \"Posted\")",
	"roles":          "last words of a writer's role after a byline's name (\"food writer\", \"Sports Reporter\", \"envoyée spéciale\")",
	"by":             "the word that introduces a byline (\"By\", \"Par\", \"Von\")",
	"agencies":       "picture and news agencies that end a credit line (\"Getty Images\", \"Reuters\")",
	"credit":         "labels of picture credits (\"Photograph\", \"Foto\", \"Credit\")",
	"caption":        "labels of picture captions (\"Image caption\")",
	"ago":            "the word after a number and a unit of time that makes it a time before now (\"2 hours ago\", \"3 ore fa\")",
	"aux":            "auxiliaries and copulas: after a prompt's label they make it the subject of a sentence (\"… was his slogan\")",
	"cta":            "verbs that open a call to action (\"Subscribe\", \"Download\")",
	"ctaobject":      "what a call to action asks for (\"newsletter\", \"app\")",
	"consent":        "phrases of cookie and consent banners (\"we use cookies\")",
	"footer":         "labels of lines below an article (\"Filed under\", \"Tags\")",
	"syndication":    "phrases that say where a story first appeared (\"appeared first on\")",
	"notices":        "phrases that mark a site's notice below an article wherever they stand in the line (\"all rights reserved\")",
	"pages":          "words for a book's pages after their number, in its details (\"272 pp.\", \"384 Seiten\")",
	"paywall":        "phrases of a paywall's notice where the text stops (\"Subscribe to continue reading\", \"Il vous reste … de cet article à lire\")",
	"postnav":        "a blog's links to the posts before and after, alone on a line over the post's title (\"Previous Post\")",
	"promos":         "openings of a site's membership and donation promos below an article (\"If you enjoyed this article\")",
	"authorlinks":    "links to an author's other work, before the author's name (\"Older articles by\")",
	"sources":        "labels that name a text's source (\"Source\", \"Quelle\", \"Fuente\")",
	"readinglabels":  "labels of a page's reading-time widget, before a number (\"Reading time: 4 minutes\", \"Lesezeit: 3 Min.\")",
	"readingtimes":   "what follows the number in a reading-time widget without a label (\"3 min read\", \"5 min de lecture\")",
	"refers":         "openings of a sentence that speaks of the line before it as words or as the thing it names (\"That word\", \"It means\", \"Dieses Wort\")",
	"referents":      "words anywhere in a sentence that point back at the line before it as words (\"those words\", \"ce bandeau\", \"questa parola\")",
	"consentbuttons": "the buttons of a cookie banner, alone or after its sentences (\"Accept all\", \"Got it\", \"Tout accepter\")",
	"contact":        "phrases of an author's contact line that holds an email address (\"may be reached at\")",
	"contributed":    "phrases of contributor lines below an article (\"contributed to this report\")",
	"relatedweak":    "[related] headings that an article's own list may have too (\"Recommended\", \"Further reading\")",
	"relatedstarts":  "first words of a heading over other stories (\"Top Local Stories\")",
	"relatedends":    "last words of a heading over other stories (\"More Great WIRED Stories\")",
	"speech":         "verbs that end a clause of reported speech set off by commas (\"…, the paper said, …\")",
	"sitelinks":      "a site's own links and words, which mark its notices (\"terms of use\", \"privacy policy\")",
	"particles":      "lower-case words that may stand inside a name (\"van\", \"de\")",
}

// A Set is the entries of one section in every language, lower-cased.
type Set struct {
	name string
	// bit is the set's own bit in FirstMask's answers.
	bit     uint64
	entries map[string]bool
	// firsts holds every entry's first word: a text whose first word is
	// not among them matches nothing, which one lookup tells.
	firsts map[string]bool
	// firstBytes holds the first bytes of the entries, in both cases: a
	// text that starts otherwise needs no lookup at all.
	firstBytes [256]bool
	// pairs marks the first two bytes of every entry in firsts (with any
	// second byte for a one-byte word): most words of a text start
	// otherwise, which a bit tells before the word is lower-cased and
	// looked up. Nil in sets built by hand.
	pairs *[1 << 16 / 64]uint64
	// triples marks a hash of the first three bytes of the entries in
	// firsts, and those of a two-byte word with the punctuation that may
	// follow it; anyThird marks the first bytes of one-byte words, after
	// which any two bytes may follow. Nil in sets built by hand.
	triples  *[1 << tripleBits / 64]uint64
	anyThird [256]bool
	// starts marks the first two bytes, as a text has them, that pass
	// mayStart's first-byte and pair tests, and thirds those of them after
	// which mayStart reads the third byte: Index asks a bit or two a word,
	// without lower-casing. Nil when pairs is.
	starts, thirds *[1 << 16 / 64]uint64
	// prefixes holds the first words of the entries of several words,
	// "comments" and "comments are" for "comments are closed": a phrase
	// not among them goes on to no entry. Nil in sets built by hand.
	prefixes map[string]bool
	// keys holds, for every entry, first word and prefix, which of these
	// it is: Prefix asks one map per word rather than three. Nil in sets
	// built by hand.
	keys map[string]uint8
	// firstWords marks a hash of every word in firsts, singles one of
	// every entry of one word, and follows one of every entry's first
	// words with the space and the first two bytes of the word after them
	// (any second byte after a word of one byte, which punctuation may
	// follow): most words that pass mayStart start no entry, and most
	// words after a first word go on to none, which a bit tells before a
	// lookup. Nil in sets built by hand.
	firstWords, singles, follows *[1 << hintBits / 64]uint64
	// hinted builds the hints at a set's first Prefix or Index, started
	// starts and thirds at its first Index: most sets are never asked so.
	hinted, started sync.Once
	// maxWords is the most words any entry has.
	maxWords int
}

var (
	loadOnce sync.Once
	sets     map[string]*Set
	loadErr  error
	// firstMasks maps every entry's first word, lower-cased, to the bits
	// of the sets that have an entry starting with it.
	firstMasks = map[string]uint64{}
	// anyPairs, anyTriples and anyThird are every set's pairs, triples and
	// anyThird: a word outside them is no set's first.
	anyPairs   = new([1 << 16 / 64]uint64)
	anyTriples = new([1 << tripleBits / 64]uint64)
	anyThird   [256]bool
)

// Get returns the set of section name across all languages. It panics on a
// name missing from Sections: that is a programming error, caught by tests.
func Get(name string) *Set {
	loadOnce.Do(load)
	if loadErr != nil {
		panic(loadErr)
	}
	if _, ok := Sections[name]; !ok {
		panic("lexicon: unknown section " + name)
	}
	s := sets[name]
	if s == nil {
		s = &Set{name: name, entries: map[string]bool{}, firsts: map[string]bool{}, prefixes: map[string]bool{}}
		sets[name] = s
	}
	return s
}

// Union returns a set of the entries of sets, for asking whether a phrase
// is in any of them with one lookup. It has no bit in FirstMask's answers.
func Union(sets ...*Set) *Set {
	u := &Set{name: "union", entries: map[string]bool{}, firsts: map[string]bool{}, prefixes: map[string]bool{},
		pairs: new([1 << 16 / 64]uint64)}
	for _, s := range sets {
		for e := range s.entries {
			u.entries[e] = true
		}
		u.maxWords = max(u.maxWords, s.maxWords)
		// A set without filters (built by hand) leaves the union without.
		if u.firsts != nil && s.firsts != nil {
			for f := range s.firsts {
				u.firsts[f] = true
			}
			for c, ok := range s.firstBytes {
				u.firstBytes[c] = u.firstBytes[c] || ok
			}
		} else {
			u.firsts = nil
		}
		if u.prefixes != nil && s.prefixes != nil {
			for p := range s.prefixes {
				u.prefixes[p] = true
			}
		} else {
			u.prefixes = nil
		}
		if u.pairs != nil && s.pairs != nil {
			for i, w := range s.pairs {
				u.pairs[i] |= w
			}
		} else {
			u.pairs = nil
		}
	}
	if u.pairs != nil && u.firsts != nil {
		u.markTriples()
	}
	u.index()
	return u
}

// What a phrase is to a set, in keys.
const (
	isEntry  = 1 << iota
	isFirst  // the first word of an entry, or that word without its end's punctuation
	isPrefix // the first words of an entry of more words
)

// markHints fills s.firstWords, s.singles and s.follows, once, when the
// set has the maps they come from.
func (s *Set) markHints() { s.hinted.Do(s.fillHints) }

func (s *Set) fillHints() {
	if s.firsts == nil || s.prefixes == nil {
		return
	}
	s.firstWords = new([1 << hintBits / 64]uint64)
	for f := range s.firsts {
		mark(s.firstWords, []byte(f))
	}
	s.singles = new([1 << hintBits / 64]uint64)
	s.follows = new([1 << hintBits / 64]uint64)
	for e := range s.entries {
		if !strings.Contains(e, " ") {
			mark(s.singles, []byte(e))
		}
		for i := range len(e) {
			if e[i] != ' ' {
				continue
			}
			if i+2 < len(e) && e[i+2] != ' ' {
				mark(s.follows, []byte(e[:i+3]))
				continue
			}
			mark(s.follows, []byte(e[:i+2]))
			for b := range 256 {
				mark(s.follows, append([]byte(e[:i+2]), byte(b)))
			}
		}
	}
}

// index builds s.keys from its maps, when it has them all.
func (s *Set) index() {
	if s.firsts == nil || s.prefixes == nil {
		return
	}
	s.keys = make(map[string]uint8, len(s.entries)+len(s.firsts)+len(s.prefixes))
	for e := range s.entries {
		s.keys[e] |= isEntry
	}
	for f := range s.firsts {
		s.keys[f] |= isFirst
	}
	for p := range s.prefixes {
		s.keys[p] |= isPrefix
	}
}

// flags returns what key is to s (isEntry, isFirst, isPrefix). A set built
// by hand has no filters: any word may start or continue an entry.
func (s *Set) flags(key []byte) uint8 {
	if s.keys != nil {
		return s.keys[string(key)]
	}
	v := uint8(isFirst | isPrefix)
	if s.entries[string(key)] {
		v |= isEntry
	}
	return v
}

// Bit is the set's bit in FirstMask's answers.
func (s *Set) Bit() uint64 { return s.bit }

// FirstMask returns the bits of the sets that have an entry starting with
// the first word of t (after opening brackets and spaces), lower-cased,
// without punctuation that ends it: a rule that reads a line against many
// sets asks this once per line.
func FirstMask(t []byte) uint64 {
	loadOnce.Do(load)
	i := 0
	for i < len(t) && (t[i] == '(' || t[i] == '[' || t[i] == ' ' || t[i] == '\t') {
		i++
	}
	j := i
	for j < len(t) && !endsWord(t[j]) {
		j++
	}
	if j == i || j-i > 40 {
		return 0
	}
	if j-i >= 2 && t[i] < utf8.RuneSelf && t[i+1] < utf8.RuneSelf {
		a, b := lowerASCII(t[i]), lowerASCII(t[i+1])
		if k := uint(a)<<8 | uint(b); anyPairs[k/64]&(1<<(k%64)) == 0 {
			return 0
		}
		if j-i >= 3 && t[i+2] < utf8.RuneSelf && !anyThird[a] {
			if k := tripleHash(a, b, lowerASCII(t[i+2])); anyTriples[k/64]&(1<<(k%64)) == 0 {
				return 0
			}
		}
	}
	var buf [64]byte
	key := AppendLower(buf[:0], t[i:j])
	m := firstMasks[string(key)]
	if k := trimPunct(key); len(k) < len(key) {
		m |= firstMasks[string(k)]
	}
	return m
}

func load() {
	sets = map[string]*Set{}
	defer func() {
		// Each set, known or not yet asked for, gets its bit.
		names := make([]string, 0, len(Sections))
		for n := range Sections {
			names = append(names, n)
		}
		slices.Sort(names)
		for i, n := range names {
			s := sets[n]
			if s == nil {
				s = &Set{name: n, entries: map[string]bool{}, firsts: map[string]bool{}, prefixes: map[string]bool{}}
				sets[n] = s
			}
			s.bit = 1 << i
			s.pairs = new([1 << 16 / 64]uint64)
			for f := range s.firsts {
				firstMasks[f] |= s.bit
				switch {
				case len(f) >= 2:
					s.markPair(f[0], f[1])
				case len(f) == 1:
					for c := range 256 {
						s.markPair(f[0], byte(c))
					}
				}
			}
			for k, w := range s.pairs {
				anyPairs[k] |= w
			}
			s.markTriples()
			for k, w := range s.triples {
				anyTriples[k] |= w
			}
			for c, ok := range s.anyThird {
				anyThird[c] = anyThird[c] || ok
			}
			s.index()
		}
	}()
	names, err := fs.Glob(files, "*.txt")
	if err != nil {
		loadErr = err
		return
	}
	for _, n := range names {
		data, _ := files.ReadFile(n)
		secs, err := Parse(n, data)
		if err != nil {
			loadErr = err
			return
		}
		for sec, entries := range secs {
			s := sets[sec]
			if s == nil {
				s = &Set{name: sec, entries: map[string]bool{}, firsts: map[string]bool{}, prefixes: map[string]bool{}}
				sets[sec] = s
			}
			for _, e := range entries {
				s.entries[e] = true
				s.maxWords = max(s.maxWords, strings.Count(e, " ")+1)
				for i := range len(e) {
					if e[i] == ' ' {
						s.prefixes[e[:i]] = true
					}
				}
				first, _, _ := strings.Cut(e, " ")
				s.firsts[first] = true
				r, _ := utf8.DecodeRuneInString(e)
				for _, c := range []rune{r, unicode.ToUpper(r), unicode.ToTitle(r)} {
					s.firstBytes[string(c)[0]] = true
				}
				if k := strings.TrimRight(first, ":.!?,"); k != first {
					s.firsts[k] = true
				}
			}
		}
	}
}

// Languages lists the embedded files' language codes ("en", "fr", …).
func Languages() []string {
	names, _ := fs.Glob(files, "*.txt")
	for i, n := range names {
		names[i] = strings.TrimSuffix(n, ".txt")
	}
	return names
}

// File returns an embedded lexicon file's contents, for tests and listings.
func File(lang string) ([]byte, error) { return files.ReadFile(lang + ".txt") }

// Parse reads one lexicon file: its entries by section, lower-cased. Its
// errors name the file and line.
func Parse(name string, data []byte) (map[string][]string, error) {
	secs := map[string][]string{}
	sec := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "["):
			if !strings.HasSuffix(line, "]") {
				return nil, fmt.Errorf("%s:%d: want [section]", name, n)
			}
			sec = line[1 : len(line)-1]
			if _, ok := Sections[sec]; !ok {
				return nil, fmt.Errorf("%s:%d: unknown section %q", name, n, sec)
			}
			continue
		case sec == "":
			return nil, fmt.Errorf("%s:%d: entry %q before any [section]", name, n, line)
		case strings.Join(strings.Fields(line), " ") != line:
			return nil, fmt.Errorf("%s:%d: entry %q: separate words by single spaces", name, n, line)
		}
		e := strings.ToLower(line)
		if slices.Contains(secs[sec], e) {
			return nil, fmt.Errorf("%s:%d: %q listed twice in [%s]", name, n, line, sec)
		}
		secs[sec] = append(secs[sec], e)
	}
	return secs, sc.Err()
}

// Has reports whether phrase, compared without regard to case, is an entry.
func (s *Set) Has(phrase string) bool {
	if s.rulesOut([]byte(phrase[:min(len(phrase), 3)])) {
		return false
	}
	var buf [64]byte
	if len(phrase) <= len(buf) && isASCIIString(phrase) {
		// Entries are lower case: lower-case ASCII on the stack.
		b := buf[:len(phrase)]
		for i := range len(phrase) {
			b[i] = lowerASCII(phrase[i])
		}
		return s.entries[string(b)]
	}
	if s.entries[phrase] {
		return true
	}
	return s.entries[lower(phrase)]
}

func isASCIIString(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// HasBytes is Has for bytes.
func (s *Set) HasBytes(phrase []byte) bool {
	if s.rulesOut(phrase) {
		return false
	}
	var buf [64]byte // lower-cased on the stack when it fits
	return s.entries[string(AppendLower(buf[:0], phrase))]
}

// Prefix returns the length in bytes of the longest entry that t starts
// with, ending at a word boundary, or 0. Words in t may be separated by any
// run of spaces, and a word ends at a space or at punctuation that joins a
// label to what follows (":", "/", "|", ",", "?", "!", "»"), so that
// "Advertisement:" and "AP Photo/Name" match "advertisement" and "ap
// photo". The match is compared without regard to case.
func (s *Set) Prefix(t []byte) int {
	if len(s.entries) == 0 || !s.mayStart(t) {
		return 0
	}
	s.markHints()
	return s.prefix(t)
}

// prefix is Prefix for a text that mayStart passed.
func (s *Set) prefix(t []byte) int {
	best := 0
	var buf [96]byte
	key := buf[:0]
	i, words := 0, 0
	for i < len(t) && words < s.maxWords {
		// One word: up to a space, a joining mark or the end.
		j := i
		for j < len(t) && !endsWord(t[j]) {
			j++
		}
		if j == i {
			break
		}
		at := len(key) // where this word starts in key
		if words > 0 {
			key = append(key, ' ')
			at++
		}
		key = AppendLower(key, t[i:j])
		if words == 0 && (!mayHold(s.firstWords, key) || !mayHold(s.singles, key) && !s.mayGoOn(key, t[j:])) {
			return 0
		}
		if words > 0 && s.follows != nil && !marked(s.follows, key[:min(len(key), at+2)]) {
			break // no entry goes on with this word
		}
		v := s.flags(key)
		if words == 0 && v&isFirst == 0 && s.flags(trimPunct(key))&isFirst == 0 {
			return 0
		}
		words++
		if v&isEntry != 0 {
			best = j
		} else if k := trimPunct(key); len(k) < len(key) && s.flags(k)&isEntry != 0 {
			// "Advertisement." ends in punctuation the entry lacks.
			best = j - (len(key) - len(k))
		}
		if j < len(t) && t[j] != ' ' && t[j] != '\t' {
			break // a joining mark ends the label
		}
		if words < s.maxWords && v&isPrefix == 0 {
			break // no entry goes on from these words
		}
		for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
			j++
		}
		i = j
	}
	return best
}

const hintBits = 14

func hintHash(b []byte) uint {
	h := uint32(2166136261) // FNV-1a
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return uint(h >> (32 - hintBits))
}

func mark(hints *[1 << hintBits / 64]uint64, b []byte) {
	k := hintHash(b)
	hints[k/64] |= 1 << (k % 64)
}

func marked(hints *[1 << hintBits / 64]uint64, b []byte) bool {
	k := hintHash(b)
	return hints[k/64]&(1<<(k%64)) != 0
}

// mayHold reports whether hints may mark word, lower-cased, as is or less
// the punctuation that ends it: a word ending in a letter or digit has
// none to lose. Nil hints mark every word.
func mayHold(hints *[1 << hintBits / 64]uint64, word []byte) bool {
	c := word[len(word)-1]
	return hints == nil || (c < 'a' || c > 'z') && (c < '0' || c > '9') || marked(hints, word)
}

// mayGoOn reports whether an entry may go on from first word key, lower-
// cased, to the next word of rest, the text after key: its first two
// bytes, lower-cased as ASCII, tell before it is read.
func (s *Set) mayGoOn(key, rest []byte) bool {
	i := 0
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
		i++
	}
	if i == 0 || i == len(rest) || endsWord(rest[i]) {
		return false // no next word is read
	}
	if rest[i] >= utf8.RuneSelf || i+1 < len(rest) && rest[i+1] >= utf8.RuneSelf {
		return true
	}
	if i+1 == len(rest) || endsWord(rest[i+1]) {
		return marked(s.follows, append(key, ' ', lowerASCII(rest[i])))
	}
	return marked(s.follows, append(key, ' ', lowerASCII(rest[i]), lowerASCII(rest[i+1])))
}

func (s *Set) markPair(a, b byte) {
	k := uint(a)<<8 | uint(b)
	s.pairs[k/64] |= 1 << (k % 64)
}

const tripleBits = 12

func tripleHash(a, b, c byte) uint {
	return uint((uint32(a)<<16|uint32(b)<<8|uint32(c))*0x9e3779b1) >> (32 - tripleBits)
}

// markTriples fills s.triples and s.anyThird from s.firsts. A word of three
// bytes or more matches a first word f, or f after trimPunct, only if its
// first three bytes are f's, or f is shorter and punctuation follows it.
func (s *Set) markTriples() {
	s.triples = new([1 << tripleBits / 64]uint64)
	mark := func(a, b, c byte) {
		k := tripleHash(a, b, c)
		s.triples[k/64] |= 1 << (k % 64)
	}
	for f := range s.firsts {
		switch {
		case len(f) >= 3:
			mark(f[0], f[1], f[2])
		case len(f) == 2:
			for c := range utf8.RuneSelf {
				if unicode.IsPunct(rune(c)) {
					mark(f[0], f[1], byte(c))
				}
			}
		case len(f) == 1:
			s.anyThird[f[0]] = true
		}
	}
}

// markStarts fills s.starts and s.thirds as mayStart reads two bytes, in
// a set with first words.
func (s *Set) markStarts() {
	if s.firsts == nil {
		return
	}
	s.starts = new([1 << 16 / 64]uint64)
	s.thirds = new([1 << 16 / 64]uint64)
	for a := range 256 {
		if !s.firstBytes[a] {
			continue
		}
		for b := range 256 {
			if !s.mayStart([]byte{byte(a), byte(b)}) {
				continue
			}
			k := a<<8 | b
			s.starts[k/64] |= 1 << (k % 64)
			if s.triples != nil && a < utf8.RuneSelf && b < utf8.RuneSelf && !endsWord(byte(b)) && !s.anyThird[lowerASCII(byte(a))] {
				s.thirds[k/64] |= 1 << (k % 64)
			}
		}
	}
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// rulesOut reports whether phrase starts as no entry does, which its
// first bytes tell without lower-casing it: most phrases asked do. Only a
// phrase that starts with ASCII is ruled out so, as lower-casing may turn
// another first rune into ASCII (the Kelvin sign into "k").
func (s *Set) rulesOut(phrase []byte) bool {
	return len(phrase) > 0 && phrase[0] < utf8.RuneSelf && !s.mayStart(phrase)
}

// mayStart reports whether t's first bytes may start an entry: when not,
// t starts with none.
func (s *Set) mayStart(t []byte) bool {
	if len(t) == 0 || s.firsts != nil && !s.firstBytes[t[0]] {
		return false
	}
	if s.pairs == nil || len(t) < 2 || t[0] >= utf8.RuneSelf || t[1] >= utf8.RuneSelf || endsWord(t[1]) {
		return true
	}
	// The first word's first bytes, lower-cased, start the key.
	a, b := lowerASCII(t[0]), lowerASCII(t[1])
	if k := uint(a)<<8 | uint(b); s.pairs[k/64]&(1<<(k%64)) == 0 {
		return false
	}
	if s.triples == nil || len(t) < 3 || t[2] >= utf8.RuneSelf || endsWord(t[2]) || s.anyThird[a] {
		return true
	}
	k := tripleHash(a, b, lowerASCII(t[2]))
	return s.triples[k/64]&(1<<(k%64)) != 0
}

func endsWord(c byte) bool {
	switch c {
	case ' ', '\t', ':', '/', '|', ',', '?', '!':
		return true
	}
	return false
}

// Entries returns the set's entries, sorted.
func (s *Set) Entries() []string {
	var es []string
	for e := range s.entries {
		es = append(es, e)
	}
	slices.Sort(es)
	return es
}

func trimPunct(b []byte) []byte {
	for len(b) > 0 {
		r, n := utf8.DecodeLastRune(b)
		if !unicode.IsPunct(r) || r == '+' || r == '&' {
			break
		}
		b = b[:len(b)-n]
	}
	return b
}

// AppendLower appends bytes.ToLower(w) to dst, without allocating when dst
// has room: rune by rune as bytes.ToLower maps them, invalid bytes
// becoming U+FFFD.
func AppendLower(dst, w []byte) []byte {
	dst = slices.Grow(dst, len(w))
	// ASCII, the common case, by index; the rest rune by rune.
	n := len(dst)
	dst = dst[:n+len(w)]
	for i, c := range w {
		if c >= utf8.RuneSelf {
			return appendLowerRunes(dst[:n+i], w[i:])
		}
		dst[n+i] = lowerASCII(c)
	}
	return dst
}

func appendLowerRunes(dst, w []byte) []byte {
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			dst = append(dst, lowerASCII(c))
			i++
			continue
		}
		r, size := utf8.DecodeRune(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// Index returns where the first entry that t holds at a word boundary
// starts and ends, or -1, -1. It tries the entries at each word's start, so
// it costs a few map lookups a word.
func (s *Set) Index(t []byte) (start, end int) { return s.IndexBefore(t, len(t)) }

// IndexBefore is Index for an entry that starts at byte maxStart of t at
// the latest: it tries no word after that.
func (s *Set) IndexBefore(t []byte, maxStart int) (start, end int) {
	if len(s.entries) == 0 {
		return -1, -1
	}
	s.markHints()
	s.started.Do(s.markStarts)
	for i := 0; i < len(t) && i <= maxStart; {
		if s.startsAt(t, i) {
			if n := s.prefix(t[i:]); n > 0 {
				if after := i + n; after == len(t) || !isWordByte(t[after]) {
					return i, after
				}
			}
		}
		// The next word starts after a space or punctuation.
		i = nextSpace(t, i)
		for i < len(t) && wordGap[t[i]] {
			i++
		}
	}
	return -1, -1
}

// startsAt is s.mayStart(t[i:]), asked of most words with a bit or two.
func (s *Set) startsAt(t []byte, i int) bool {
	if s.starts == nil || i+1 >= len(t) {
		return s.mayStart(t[i:])
	}
	k := uint(t[i])<<8 | uint(t[i+1])
	if s.starts[k/64]&(1<<(k%64)) == 0 {
		return false
	}
	if s.thirds[k/64]&(1<<(k%64)) == 0 || i+2 >= len(t) || t[i+2] >= utf8.RuneSelf || endsWord(t[i+2]) {
		return true
	}
	h := tripleHash(lowerASCII(t[i]), lowerASCII(t[i+1]), lowerASCII(t[i+2]))
	return s.triples[h/64]&(1<<(h%64)) != 0
}

// wordGap marks the bytes between Index's words: after a space or tab,
// opening marks may come before the next.
var wordGap = [256]bool{' ': true, '\t': true, '(': true, '"': true, '[': true}

// nextSpace returns where the first space or tab of t at i or after is,
// or len(t): eight bytes at a time, as words are a few bytes long.
func nextSpace(t []byte, i int) int {
	for ; i+8 <= len(t); i += 8 {
		x := binary.LittleEndian.Uint64(t[i:])
		if m := zeroBytes(x^0x2020202020202020) | zeroBytes(x^0x0909090909090909); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(t) && t[i] != ' ' && t[i] != '\t' {
		i++
	}
	return i
}

// zeroBytes marks the high bit of x's zero bytes: exactly the lowest one,
// maybe others above it.
func zeroBytes(x uint64) uint64 { return (x - 0x0101010101010101) &^ x & 0x8080808080808080 }

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf
}
