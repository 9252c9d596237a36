package clean

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// Ads removes advertisement markers left where an ad slot was.
var Ads = &Rule{
	Name:    "ads",
	Default: true,
	Doc: `advertisement markers

Removes lines that only mark an ad slot: "Advertisement", "ADVERTISEMENT",
"— Advertisement —", "Advertisements", "Skip Advertisement", "Story
continues below advertisement", "Article continues below", "Continue
reading the main story", "Sponsored content", and the same markers in
other languages ("Anzeige", "Werbung", "Publicité", "Publicidad",
"Pubblicità", "Reklama", "Реклама"), from the lexicon's [ads] lists. A
marker glued inside a paragraph by an extractor that joined the page's
text ("… since the launch Advertisement Disney's tech …") is cut from the
line when it stands between two words as no sentence would have it. A
sentence about advertising stays, and so does a subhead "Advertising".`,
	Needs: `a whole line that is a marker from the [ads] lexicon, give or take
dashes and brackets around it; or, inside a line, "Advertisement" between a
word that is not an article or preposition and a capitalised word.`,
	Example: "The vote is set for Tuesday.\n\nAdvertisement\n\nBoth parties expect a close result.\n",
	Find:    findAds,
}

var adMarkers = lexicon.Get("ads")

const maxAdLine = 80

func findAds(d *Doc) []Candidate {
	var cs []Candidate
	subheads := -1              // counted when a one-word marker needs it
	spoken := map[string]bool{} // stemSpoken's answer for each marker
	// Most texts have no marker to glue: one search spares each line two.
	glued := holdsAdvertisement(d.Src)
	for _, l := range d.Lines {
		if l.Blank {
			continue
		}
		t, off := d.trimmed(l)
		if len(t) <= maxAdLine {
			if k := undecorate(t); len(k) > 0 && adMarkers.HasBytes(k) {
				if bytes.IndexByte(k, ' ') < 0 {
					// "Publicidad" among "Sanciones" and "Qué sigue", or
					// in an article about publicidad's laws, heads a
					// section.
					if subheads < 0 {
						subheads = countSubheads(d, false)
					}
					if subheads >= 1 {
						// Another subhead beside it: sections.
						continue
					}
					key := string(bytes.ToLower(k))
					said, ok := spoken[key]
					if !ok {
						said = stemSpoken(d, k)
						spoken[key] = said
					}
					if said {
						continue
					}
				}
				cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Marker, Why: "ad marker"}})
			}
			continue
		}
		if !glued {
			continue
		}
		for _, s := range gluedAdMarkers(t) {
			cs = append(cs, Candidate{Span{off + s.Start, off + s.End}, Evidence{Kind: Marker, Why: "ad marker glued inside the line"}})
		}
	}
	return cs
}

// undecorate strips what sites put around a marker: dashes, bullets,
// brackets, stars, and a final colon or full stop.
func undecorate(t []byte) []byte {
	// ASCII by a table; from the first other byte on, rune by rune.
	i := 0
	for i < len(t) && t[i] < utf8.RuneSelf && asciiDecor[t[i]] {
		i++
	}
	if i == len(t) {
		return nil
	}
	if t = t[i:]; t[0] >= utf8.RuneSelf {
		if t = bytes.TrimLeftFunc(t, isDecor); t == nil {
			return nil
		}
	}
	j := len(t)
	for t[j-1] < utf8.RuneSelf && asciiDecor[t[j-1]] {
		j--
	}
	if t[j-1] >= utf8.RuneSelf {
		return bytes.TrimRightFunc(t[:j], isDecor)
	}
	return t[:j]
}

func isDecor(r rune) bool {
	switch r {
	case '-', '–', '—', '•', '·', '*', '[', ']', '(', ')', '|', ':', '.', '…', '_', '=', '~', '»', '«':
		return true
	}
	return unicode.IsSpace(r)
}

// asciiDecor is isDecor for ASCII bytes.
var asciiDecor = func() (d [utf8.RuneSelf]bool) {
	for c := range d {
		d[c] = isDecor(rune(c))
	}
	return d
}()

var advertisement = [][]byte{[]byte("Advertisement"), []byte("ADVERTISEMENT")}

// holdsAdvertisement reports whether t holds either spelling of
// advertisement: one pass over t for the "A" they share.
func holdsAdvertisement(t []byte) bool {
	const n = len("Advertisement")
	for i := 0; i+n <= len(t); i++ {
		j := bytes.IndexByte(t[i:len(t)-n+1], 'A')
		if j < 0 {
			return false
		}
		i += j
		if rest := t[i+1 : i+n]; bytes.Equal(rest, advertisement[0][1:]) || bytes.Equal(rest, advertisement[1][1:]) {
			return true
		}
	}
	return false
}

// gluedAdMarkers finds "Advertisement" glued into a long line: after a
// word that does not call for a noun ("the", "an", "of"), before a
// capitalised word, with a space on each side. The span takes the marker
// and the space after it.
func gluedAdMarkers(t []byte) []Span {
	var spans []Span
	for _, m := range advertisement {
		for i := 0; ; {
			j := bytes.Index(t[i:], m)
			if j < 0 {
				break
			}
			at := i + j
			end := at + len(m)
			i = end
			if at < 2 || t[at-1] != ' ' || end+1 >= len(t) || t[end] != ' ' {
				continue
			}
			next, _ := utf8.DecodeRune(t[end+1:])
			if !unicode.IsUpper(next) && next != '“' && next != '"' {
				continue
			}
			prev := lastWordBefore(t[:at-1])
			if len(prev) == 0 || functionWords.HasBytes(prev) {
				continue
			}
			last, _ := utf8.DecodeLastRune(prev)
			if !unicode.IsLetter(last) && !unicode.IsDigit(last) && last != '.' && last != '”' && last != '"' {
				continue
			}
			// A paragraph's last word before the glued marker ends a
			// sentence or is in lower case ("… since the launch
			// Advertisement Disney's …"); after a name or a number the
			// marker's word is part of a title ("China's Advertisement
			// Law", "the 1907 Advertisement Regulation Act").
			if first, _ := utf8.DecodeRune(prev); last != '.' && last != '”' && last != '"' && !unicode.IsLower(first) {
				continue
			}
			spans = append(spans, Span{at, end + 1})
		}
	}
	return spans
}

// stemSpoken reports whether d's long lines use a word that shares its
// stem with marker w, its first letters but the last three ("Werbung",
// "werben"; "Reklama", "reklamowej"): the article speaks of the thing.
func stemSpoken(d *Doc, w []byte) bool {
	rs := []rune(string(bytes.ToLower(w)))
	if len(rs) < 6 {
		return false
	}
	stem := []byte(string(rs[:max(5, len(rs)-3)]))
	var lower []byte
	for _, l := range d.Lines {
		if l.Width() < bodyLen {
			continue
		}
		line := d.Src[l.trimStart:l.trimEnd]
		if foldsAsASCII(line, stem) {
			if stemAfterNonLetter(line, stem, hasPrefixFoldASCII) {
				return true
			}
			continue
		}
		// The line lower-cased after a newline, as a word may start it.
		lower = lexicon.AppendLower(append(lower[:0], '\n'), line)
		if stemAfterNonLetter(lower, stem, bytes.HasPrefix) {
			return true
		}
	}
	return false
}

// stemAfterNonLetter reports whether stem starts in t after a rune that
// is no letter, or at its start; at(t[i:], stem) says whether it starts
// at i. Either case of stem's rarest byte marks where it may.
func stemAfterNonLetter(t, stem []byte, at func(t, stem []byte) bool) bool {
	k := rarestByte(stem)
	for _, c := range []byte{stem[k], upperASCII(stem[k])} {
		for i := k; i < len(t); i++ {
			j := bytes.IndexByte(t[i:], c)
			if j < 0 {
				break
			}
			i += j
			if start := i - k; at(t[start:], stem) && !unicode.IsLetter(lastRune(t[:start])) {
				return true
			}
		}
		if upperASCII(stem[k]) == stem[k] {
			break
		}
	}
	return false
}

func lastRune(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}

// lastWordBefore returns the last space-separated word of t.
func lastWordBefore(t []byte) []byte {
	if i := bytes.LastIndexByte(t, ' '); i >= 0 {
		return t[i+1:]
	}
	return t
}
