package clean

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/decruft/decruft/clean/lexicon"
)

// ReadMore removes links to the rest of a story or to another one.
var ReadMore = &Rule{
	Name:    "readmore",
	Default: true,
	Doc: `"Read More" links, alone or glued

Removes lines that are only a link to more text — "Read More", "Read more
»", "Continue reading →", "Read full article", "[read more here]", "Lire la
suite", "Weiterlesen", "Leer más" — and lines that point to another story
with a label and a headline: "Read more: <headline>", "READ MORE: …", "Lire
aussi : …", "Lesen Sie auch: …", "Leggi anche: …", "Leia também: …", "Lees
ook: …", "Czytaj też: …", "Читайте также: …", "Read More @ Site.com". A
read-more link glued after a paragraph's final punctuation ("… the
Germans down.” Read More", "… they said. Continue reading") is cut from that
line, and a headline line ending in "Read more" (a link card) goes whole.
Sentences that merely contain the words stay: "Voters want to read more
about it.", "Lire aussi les commentaires de nos lecteurs, qui…".`,
	Needs: `a line that starts with a phrase of the [readmore] lexicon and holds nothing
else, or a headline, a link or a site name after a separator; a phrase glued
after a sentence's end; or a line that is not a sentence and ends in "Read
more".`,
	Example: "The summit ends on Friday.\n\nRead More\n",
	Find:    findReadMore,
}

var readMorePhrases = lexicon.Get("readmore")

const maxReadMoreLine = 240

func findReadMore(d *Doc) []Candidate {
	z := d.zone()
	last := prevNonBlank(d, len(d.Lines))
	var cs []Candidate
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		t, off := d.trimmed(l)
		if len(t) <= maxReadMoreLine {
			if n := labelIf(d, i, readMorePhrases, t); n > 0 && (bytes.IndexByte(t[:n], ' ') > 0 || separatedTail(t[n:])) {
				rest := t[n:]
				if isArrows(rest) {
					// A bare link to more text ends the text it links
					// from. Elsewhere it must look like a link ("Read
					// More", "READ MORE", "Read more »"): in the body
					// "La suite" or "Saiba mais" may head a section.
					// Opening the text, it is its title.
					end := z.bottom(i) || z.first < 0 && i == last
					if prevNonBlank(d, i) < 0 || !end && !linkLike(t, n) {
						continue
					}
					if h := linkedHeadline(d, i); h > 0 {
						// "Read More" / "Cyclist numbers up 30pc": the link
						// and the headline it stands over, one card.
						ht, hoff := d.trimmed(d.Lines[h])
						cs = append(cs, Candidate{Span{l.Start, d.Lines[h].End}, Evidence{Kind: Label, Why: "read-more label and the headline under it",
							Tail: Span{hoff, hoff + len(ht)}}})
						continue
					}
					cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Marker, Why: "read-more link"}})
				} else if !introducesNext(rest) && !runsOnLower(rest) && !namesWork(rest) {
					cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Label, Why: "read-more label and headline",
						Tail: tailAfter(t, off, n)}})
				}
				continue
			}
			if linkCardEnd(t) {
				cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Shape, Why: `headline link ending in "Read more"`}})
				continue
			}
		}
		if s, ok := gluedReadMore(t); ok {
			cs = append(cs, Candidate{Span{off + s.Start, off + s.End}, Evidence{Kind: Marker, Why: "read-more link glued after the paragraph"}})
		}
	}
	return cs
}

// linkedHeadline returns the line right under read-more line i, with no
// blank line between, when it is a headline that a line of prose or the
// text's end follows: the card's title. A list of headlines is not one
// card's; 0 when there is none.
func linkedHeadline(d *Doc, i int) int {
	h := i + 1
	if h >= len(d.Lines) || d.Lines[h].Blank {
		return 0
	}
	if t, _ := d.trimmed(d.Lines[h]); !isHeadline(t) || isLink(t) {
		return 0
	}
	if n := nextNonBlank(d, h); n >= 0 {
		if t, _ := d.trimmed(d.Lines[n]); isHeadline(t) {
			return 0
		}
	}
	return h
}

// separatedTail reports whether rest, after a one-word label such as
// "Read", is a separator and a headline: "Read: Trump's right-hand troll".
func separatedTail(rest []byte) bool {
	rest = bytes.TrimLeft(rest, " ")
	return len(rest) > 2 && (rest[0] == ':' || rest[0] == '|')
}

// gluedReadMore finds a read-more phrase, and its arrows, after the final
// punctuation of a line: "… down.” Read More", "… said. Continue reading →".
func gluedReadMore(t []byte) (Span, bool) {
	if !mayEndInReadMore(t) {
		return Span{}, false
	}
	// The phrase has at most four words; look at the line's last few.
	start := len(t)
	for words := 0; words < 6 && start > 0; {
		i := bytes.LastIndexByte(t[:start], ' ')
		if i < 0 {
			return Span{}, false
		}
		start = i
		words++
		if start == 0 {
			return Span{}, false
		}
		prev, _ := utf8.DecodeLastRune(t[:start])
		if !isSentenceEnd(prev) {
			continue
		}
		rest := t[start+1:]
		if n := readMorePhrases.Prefix(rest); n > 0 && isArrows(rest[n:]) && linkLike(rest, n) {
			// "… Read More Read More": take the repeats too.
			for {
				j := bytes.LastIndexByte(t[:start], ' ')
				if j < 0 {
					break
				}
				prev := bytes.TrimRight(t[j+1:start], " .")
				if k := readMorePhrases.Prefix(prev); k == 0 || k != len(prev) || !linkLike(prev, k) {
					break
				}
				start = j
			}
			return Span{start, len(t)}, true
		}
	}
	return Span{}, false
}

// readMoreEnds holds the last word of every [readmore] phrase, for
// mayEndInReadMore; readMoreEndShapes their lengths, first and last
// bytes, which rule out most words before a lookup.
var readMoreEnds, readMoreEndShapes, readMoreEndsOK = func() (map[string]bool, *[1 << 16 / 64]uint64, bool) {
	ends := map[string]bool{}
	shapes := new([1 << 16 / 64]uint64)
	for _, e := range readMorePhrases.Entries() {
		w := e[strings.LastIndexByte(e, ' ')+1:]
		if r, _ := utf8.DecodeLastRuneInString(w); isArrow(r) || len(w) > maxReadMoreEnd {
			return nil, shapes, false // the filter could miss such a phrase: go without
		}
		ends[w] = true
		k := wordShape(w[0], w[len(w)-1], len(w))
		shapes[k/64] |= 1 << (k % 64)
	}
	return ends, shapes, true
}()

// wordShape packs a word's first and last bytes, lower-cased, and its
// length.
func wordShape(first, last byte, n int) uint {
	return uint(first&0x1f)<<11 | uint(last)<<3 | uint(n&7)
}

const maxReadMoreEnd = 32

// mayEndInReadMore reports whether t may end in a read-more phrase and
// arrows: its last word before them, if ASCII, ends a phrase. Most lines
// end otherwise, which spares gluedReadMore its walk back over words.
func mayEndInReadMore(t []byte) bool {
	if !readMoreEndsOK {
		return true
	}
	end := len(t)
	for end > 0 {
		r, n := utf8.DecodeLastRune(t[:end])
		if !isArrow(r) {
			break
		}
		end -= n
	}
	start := end
	for start > 0 && t[start-1] != ' ' && t[start-1] != '\t' {
		start--
	}
	w := t[start:end]
	var buf [maxReadMoreEnd]byte
	for i, c := range w {
		if c >= utf8.RuneSelf {
			return true // lower-cased, it may be shorter
		}
		if i < len(buf) {
			buf[i] = lowerASCII(c)
		}
	}
	if len(w) == 0 || len(w) > len(buf) {
		return false
	}
	k := wordShape(buf[0], buf[len(w)-1], len(w))
	return readMoreEndShapes[k/64]&(1<<(k%64)) != 0 && readMoreEnds[string(buf[:len(w)])]
}

// linkLike reports whether phrase (n bytes of it, then arrows) reads as a
// link's label rather than the end of a sentence: no full stop after it,
// and capitalised words ("Read More", "READ MORE") or an arrow. "… the
// same way. Read more." is advice.
func linkLike(phrase []byte, n int) bool {
	rest := bytes.TrimSpace(phrase[n:])
	if bytes.HasSuffix(rest, []byte(".")) && !bytes.HasSuffix(rest, []byte("...")) {
		return false
	}
	if len(rest) > 0 {
		return true // an arrow or an ellipsis
	}
	for _, w := range bytes.Fields(phrase[:n]) {
		if r, _ := utf8.DecodeRune(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '"', '”', '’', ')', '»', '。':
		return true
	}
	return false
}

// linkCardEnd reports whether t is a headline card that ends in "Read
// more" with no sentence end before it: "Should Labour back a second
// referendum? | Jess Phillips Read more".
func linkCardEnd(t []byte) bool {
	const tail = " read more"
	if len(t) <= len(tail)+10 || !bytes.EqualFold(t[len(t)-len(tail):], []byte(tail)) || t[len(t)-len(tail)+1] != 'R' {
		// A link is capitalised ("Read more", "READ MORE"); "… urge
		// children to read more" is a headline's own words.
		return false
	}
	head := bytes.TrimSpace(t[:len(t)-len(tail)])
	last, _ := utf8.DecodeLastRune(head)
	if isSentenceEnd(last) || unicode.IsLower(last) && countWords(head).upper < 2 {
		return false
	}
	return !readsAsSentence(head)
}

// IsReadMore reports whether line, without surrounding space, is only a
// read-more link ("Read More", "Continue reading →"): front ends that see
// links (HTML) use it to set such a link on a line of its own.
func IsReadMore(line []byte) bool {
	t := bytes.TrimSpace(line)
	n := labelAt(readMorePhrases, t)
	return n > 0 && len(t) <= maxReadMoreLine && isArrows(t[n:])
}

// runsOnLower reports whether rest, after a label and no separator, goes
// on in lower case as a sentence does: "Más información en el teléfono de
// su comunidad autónoma."
func runsOnLower(rest []byte) bool {
	if separatedTail(rest) {
		return false
	}
	r, _ := utf8.DecodeRune(bytes.TrimLeft(rest, " "))
	return unicode.IsLower(r)
}

// introducesNext reports whether a label's tail ends in a colon after a
// headline: a letters page's "Zum Artikel „Stadt streicht Busverbindung“:"
// introduces the letter below, as no link to another story does.
func introducesNext(tail []byte) bool {
	tail = bytes.TrimSpace(tail)
	return bytes.HasSuffix(tail, []byte(":")) && bytes.ContainsFunc(tail[:len(tail)-1], unicode.IsLetter)
}
