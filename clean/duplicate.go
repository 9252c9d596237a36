package clean

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Duplicate removes what scrapers repeat: a block of paragraphs printed
// twice, and pull quotes.
var Duplicate = &Rule{
	Name:    "duplicate",
	Default: true,
	Doc: `repeated blocks and pull quotes

Removes what scrapers and page layouts repeat: the later copy of a block
of three or more different long paragraphs printed twice in the same order
(a page walked twice), or of two that make up much of the text; and a pull
quote, a short paragraph set between long ones that repeats a sentence of
a longer paragraph verbatim but without the full stop the sentence has
there ("Fairness is the vehicle Obama uses
to implement socialism" set apart from "Fairness is the vehicle Obama uses
to implement socialism. He just …"). The first copy of a block stays, and
so does the longer paragraph. Repeated text is article content by
default: a single repeated paragraph (the same question put to each
person in an interview, a clause repeated in two sections of a contract,
the same dish on two days of a meal plan), a refrain, a chorus, a
repeated sentence with its full stop, all stay.`,
	Needs: `a block of three or more different paragraphs of 120 bytes or more each and
300 in all (or two that make up two fifths of the text), repeated verbatim in
the same order; or a one-line paragraph of seven words or more, between long
paragraphs, that is a sentence of a longer paragraph without its final
punctuation. The other copy stays, and the guard keeps a copy the text
introduces.`,
	Example: dupPara + "\n\n" + dupPara2 + "\n\n" + dupPara + "\n\n" + dupPara2 + "\n",
	Find:    findDuplicates,
}

const (
	dupPara = "The storm brought down power lines across the county, leaving thousands of homes without " +
		"electricity for much of the weekend, officials of the regional utility said on Sunday evening."
	dupPara2 = "Engineers from three neighbouring counties joined the repair crews on Saturday, and the utility " +
		"said most customers should have power back by Tuesday, though some rural lines, where trees fell " +
		"across the roads, may take longer."
)

const (
	dupMinPara  = 120 // bytes: each paragraph of a repeated block
	dupMinBlock = 300 // bytes: a repeated block in all
	pullMinLen  = 40  // bytes: a pull quote
	pullMaxLen  = 300
)

func findDuplicates(d *Doc) []Candidate {
	cs := repeatedBlocks(d)
	return append(cs, pullQuotes(d)...)
}

// repeatedBlocks finds later copies of blocks of long paragraphs.
func repeatedBlocks(d *Doc) []Candidate {
	if !longLengthRepeats(d) {
		return nil
	}
	return blockCopies(d)
}

// blockCopies is repeatedBlocks without the test of lengths.
func blockCopies(d *Doc) []Candidate {
	// Paragraphs are keyed by hash, not by a copy of their text, which
	// would double the memory a large document needs; hits are compared
	// byte for byte.
	seed := maphash.MakeSeed()
	var first paraIndex // hash -> index of the paragraph's first copy
	text := func(i int) []byte { return bytes.TrimSpace(d.ParaText(d.Paras[i])) }
	long := func(i int) bool { return len(text(i)) >= dupMinPara }
	var cs []Candidate
	for i := 0; i < len(d.Paras); i++ {
		t := text(i)
		if len(t) < dupMinPara || i > 0 && bytes.Equal(t, text(i-1)) {
			// A run of one paragraph repeated is no block: its copies
			// need not be compared again.
			continue
		}
		h := maphash.Bytes(seed, t)
		f, seen := first.lookup(h)
		if !seen {
			first.add(h, i)
			continue
		}
		// Paragraph i repeats paragraph f: extend the match over the
		// paragraphs after each.
		n, size, distinct := 0, 0, false
		for f+n < i && i+n < len(d.Paras) && long(i+n) && bytes.Equal(text(f+n), text(i+n)) {
			if n > 0 && !bytes.Equal(text(i+n), text(i)) {
				distinct = true
			}
			size += len(text(i + n))
			n++
		}
		// A page walked twice repeats much of itself; two paragraphs
		// repeated with text between may be a story's refrain.
		if distinct && size >= dupMinBlock && (n >= 3 || 5*size >= 2*len(d.Src)) {
			c := d.Paras[i]
			cs = append(cs, Candidate{Span{c.Start, d.Paras[i+n-1].End}, Evidence{Kind: Copy,
				Why:  fmt.Sprintf("block of %d paragraphs printed twice", n),
				Copy: Span{d.Paras[f].Start, d.Paras[f+n-1].End}}})
			i += n - 1
		}
	}
	return cs
}

// longLengthRepeats reports whether two long paragraphs may have the same
// length, as copies do: most texts have none, and are spared hashing each
// paragraph. Lengths are told apart by their last bits only.
func longLengthRepeats(d *Doc) bool {
	var seen [16]uint64 // a bit for each length modulo 1024
	for _, p := range d.Paras {
		n := len(bytes.TrimSpace(d.ParaText(p)))
		if n < dupMinPara {
			continue
		}
		w, bit := n/64%len(seen), uint64(1)<<(n%64)
		if seen[w]&bit != 0 {
			return true
		}
		seen[w] |= bit
	}
	return false
}

// A paraIndex maps paragraph hashes to the first paragraph with each: an
// array while it is short, as most texts have a dozen long paragraphs or
// so, and a map beyond.
type paraIndex struct {
	n     int
	small [32]struct {
		hash uint64
		para int
	}
	big map[uint64]int
}

func (x *paraIndex) lookup(h uint64) (int, bool) {
	if x.big != nil {
		p, ok := x.big[h]
		return p, ok
	}
	for _, e := range x.small[:x.n] {
		if e.hash == h {
			return e.para, true
		}
	}
	return 0, false
}

// add records paragraph p under h, which lookup did not find.
func (x *paraIndex) add(h uint64, p int) {
	switch {
	case x.big != nil:
		x.big[h] = p
	case x.n < len(x.small):
		x.small[x.n].hash, x.small[x.n].para = h, p
		x.n++
	default:
		x.big = make(map[uint64]int, 4*len(x.small))
		for _, e := range x.small {
			x.big[e.hash] = e.para
		}
		x.big[h] = p
	}
}

// pullQuotes finds one-line paragraphs that repeat, without the final
// punctuation, a sentence of a longer paragraph. Sentences are indexed by
// their first bytes, so the search is linear in the document.
func pullQuotes(d *Doc) []Candidate {
	// A pull quote stands inside the body, between long paragraphs: the
	// text's first or last line may be its motto or its punchline.
	firstLong, lastLong := -1, -1
	for pi, p := range d.Paras {
		if p.End-p.Start >= bodyLen {
			if firstLong < 0 {
				firstLong = pi
			}
			lastLong = pi
		}
	}
	var paras []int // those that may be pull quotes
	for pi, p := range d.Paras {
		if p.First != p.Last || pi <= firstLong || pi >= lastLong {
			continue
		}
		t := bytes.TrimSpace(d.ParaText(p))
		if len(t) < pullMinLen || len(t) > pullMaxLen {
			continue
		}
		if last, _ := utf8.DecodeLastRune(t); !unicode.IsLetter(last) && !unicode.IsDigit(last) {
			continue // display text drops the sentence's full stop
		}
		if !wordsOver(t, 6) {
			continue
		}
		paras = append(paras, pi)
	}
	// A quote's first words must also stand elsewhere in the text, as
	// they are. Each search reads the whole text: a few are cheaper than
	// indexing the paragraphs, but a long text holds many quotes, and then
	// only those the index matches are searched.
	searchFirst := len(paras) <= 8
	if searchFirst {
		paras = slices.DeleteFunc(paras, func(pi int) bool { return !headElsewhere(d, d.Paras[pi]) })
	}
	if len(paras) == 0 {
		return nil
	}
	type quote struct {
		para int
		text string
	}
	quotes := make([]quote, len(paras))
	for i, pi := range paras {
		quotes[i] = quote{pi, normalize(bytes.TrimSpace(d.ParaText(d.Paras[pi])))}
	}
	const key = 24
	wanted := make(map[string]bool, len(quotes)) // the quotes' first bytes
	for _, q := range quotes {
		wanted[q.text[:min(len(q.text), key)]] = true
	}
	// Sentences are indexed by their first bytes when a quote starts so;
	// the paragraphs that hold one keep their normalised text.
	starts := map[string][]int{}
	bodies := map[int]string{}
	var buf []byte
	for qi, q := range d.Paras {
		if q.End-q.Start < pullMinLen*3/2 {
			continue
		}
		text := d.ParaText(q)
		buf = appendNormalized(buf[:0], text, len(text))
		body := buf
		for at := 0; at < len(body); {
			if k := body[at:min(len(body), at+key)]; wanted[string(k)] {
				if _, ok := bodies[qi]; !ok {
					bodies[qi] = string(body)
				}
				starts[string(k)] = append(starts[string(k)], qi)
			}
			next := bytes.IndexAny(body[at:], ".!?")
			if next < 0 {
				break
			}
			at += next + 1
			for at < len(body) && (body[at] == ' ' || body[at] == '"') {
				at++
			}
		}
	}
	// The paragraph a quote copies depends on its text alone (its own
	// paragraph is too short to qualify), and a long text may repeat a
	// quote many times: each text is looked up once.
	copied := map[string]int{}
	source := func(text string) int {
		if qi, ok := copied[text]; ok {
			return qi
		}
		found := -1
		for _, qi := range starts[text[:min(len(text), key)]] {
			if len(bodies[qi]) >= len(text)*3/2 && sentenceAt(bodies[qi], text) >= 0 {
				found = qi
				break
			}
		}
		copied[text] = found
		return found
	}
	var cs []Candidate
	for _, pq := range quotes {
		qi := source(pq.text)
		if qi < 0 || !searchFirst && !headElsewhere(d, d.Paras[pq.para]) {
			continue
		}
		q := d.Paras[qi]
		cs = append(cs, Candidate{Span{d.Paras[pq.para].Start, d.Paras[pq.para].End}, Evidence{Kind: Copy,
			Why: "pull quote of a sentence of a longer paragraph", Copy: Span{q.Start, q.End}}})
	}
	return cs
}

// headElsewhere reports whether the first bytes of paragraph p stand
// elsewhere in d's text, as they are.
func headElsewhere(d *Doc, p Para) bool {
	t := bytes.TrimSpace(d.ParaText(p))
	head := t[:min(len(t), 24)]
	return bytes.Contains(d.Src[:p.Start], head) || bytes.Contains(d.Src[p.End:], head)
}

// sentenceAt returns where body holds want as a whole sentence, starting
// a sentence and followed by its final punctuation, or -1.
func sentenceAt(body, want string) int {
	for from := 0; ; {
		i := strings.Index(body[from:], want)
		if i < 0 {
			return -1
		}
		at := from + i
		end := at + len(want)
		startsSentence := at == 0 || strings.HasSuffix(strings.TrimRight(body[:at], " "), ".") ||
			strings.HasSuffix(strings.TrimRight(body[:at], " "), "!") || strings.HasSuffix(strings.TrimRight(body[:at], " "), "?") ||
			strings.HasSuffix(strings.TrimRight(body[:at], " "), "\"")
		if startsSentence && end < len(body) && strings.ContainsRune(".!?", rune(body[end])) {
			return at
		}
		from = at + 1
	}
}
