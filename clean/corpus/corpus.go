// Package corpus learns a run's boilerplate: the lines that recur across
// many distinct documents, in the same arrangement. A site's subscribe
// promo, comment policy or share block recurs on each of its pages in
// words no rule list holds; an article's own lines recur only in copies of
// that article, which count once.
//
// A Counter reads the documents once and counts, for each normalised line
// (white space folded), how many distinct documents hold it, and how many
// hold it with the same line before it or after it (the start and end of a
// document count as lines). Near-duplicate documents (the same article
// scraped twice, syndicated copies, one page from several extractors) are
// found by MinHash over word shingles of their long lines; only the first
// copy counts. Memory is bounded: line counts live in a table that drops its
// rarest entries when full (lossy counting), and copies are remembered as
// 32-bit band fingerprints in a table of fixed maximum size.
//
// What the Counter learns is Known: the lines that reached the threshold,
// which the "boilerplate" rule of package clean proposes to remove. Known
// can be written as a profile and read back, so one document can be
// cleaned with what a whole crawl taught.
package corpus

import (
	"bytes"
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Options tune a Counter. The zero value uses the defaults.
type Options struct {
	// Min is the number of distinct documents a line must recur in, with
	// the same neighbour, to count as boilerplate. Default 3.
	Min int
	// MaxLines bounds the line-count table: entries, each taking up to
	// 24 bytes, and a quarter of them the lines' texts. Default 4 Mi,
	// about 130 MiB at most.
	MaxLines int
	// MaxCopies bounds the table of copy fingerprints: entries, each
	// taking up to 8 bytes. Default 8 Mi, 64 MiB: 2 Mi documents; past
	// that, copies are looked for among the documents since it was last
	// full.
	MaxCopies int
}

// DefaultMin is the default threshold of distinct documents.
const DefaultMin = 3

// maxLineLen is the longest line counted: a paragraph longer than this is
// article prose even when it recurs (syndicated text), and counting it
// would only fill the table.
const maxLineLen = 1000

func (o Options) withDefaults() Options {
	if o.Min <= 0 {
		o.Min = DefaultMin
	}
	if o.MaxLines <= 0 {
		o.MaxLines = 4 << 20
	}
	if o.MaxCopies <= 0 {
		o.MaxCopies = 8 << 20
	}
	return o
}

// A Counter counts recurring lines across documents. It is not safe for
// concurrent use; feed it documents in a fixed order so that runs agree.
type Counter struct {
	o      Options
	counts *table
	copies *fingerprints
	texts  map[uint64]string // lines that reached Min, for profiles and reports
	docs   int               // documents added
	copyOf int               // documents found to be copies of earlier ones
	seen   map[uint64]bool   // scratch: keys counted for the current document
	digest Digest            // scratch, for Add
}

type lineKey struct {
	key  uint64
	text []byte
}

// NewCounter returns an empty Counter.
func NewCounter(o Options) *Counter {
	o = o.withDefaults()
	return &Counter{o: o, counts: newTable(o.MaxLines), copies: newFingerprints(o.MaxCopies),
		texts: map[uint64]string{}, seen: map[uint64]bool{}}
}

// A Digest is what counting needs of one document: its copy fingerprints
// and its lines' keys. Making one is most of the work and needs no shared
// state, so documents can be digested in parallel and added in order.
type Digest struct {
	bands   []uint32
	doc     []byte
	lines   []lineKey // text points into doc; keyed says they are made
	keyed   bool
	shingle shingler
}

// Reset digests doc's fingerprints, reusing d's memory, and leaves its
// lines' keys to Keys or AddDigest. d refers to doc until the next Reset:
// doc must not change before d is added.
func (d *Digest) Reset(doc []byte) {
	d.bands = d.shingle.signature(doc)
	d.doc, d.lines, d.keyed = doc, d.lines[:0], false
}

// Keys makes the keys of the document's lines, which AddDigest needs
// unless the document is a copy: a worker that makes them spares the one
// goroutine that adds digests in order.
func (d *Digest) Keys() {
	if !d.keyed {
		d.lines, d.keyed = splitLines(d.lines[:0], d.doc), true
	}
}

// Add counts one document's lines, unless it is a copy of one added
// before. It reports whether the document counted.
func (c *Counter) Add(doc []byte) bool {
	c.digest.Reset(doc)
	return c.AddDigest(&c.digest)
}

// Copied reports whether a document added before shares a band with d, as
// AddDigest would find it a copy, without adding d. A worker that finds so
// need not make d's keys. It reads what AddDigest writes: callers that
// digest in parallel serialise the two (a sync.RWMutex, say).
func (c *Counter) Copied(d *Digest) bool { return c.copies.has(d.bands) }

// AddDigest is Add for a document digested already.
func (c *Counter) AddDigest(d *Digest) bool {
	c.docs++
	if c.copies.seenBefore(d.bands) {
		c.copyOf++
		return false
	}
	d.Keys()
	clear(c.seen)
	for i, l := range d.lines {
		c.count(l.key, false, l.text, nil)
		prev, next := lineKey{key: edgeKey}, lineKey{key: edgeKey}
		if i > 0 {
			prev = d.lines[i-1]
		}
		if i+1 < len(d.lines) {
			next = d.lines[i+1]
		}
		c.count(pairKey(prev.key, l.key), true, prev.text, l.text)
		c.count(pairKey(l.key, next.key), true, l.text, next.text)
	}
	return true
}

// count adds one to key's documents, once per document. Once it reaches
// the threshold, its text is kept: a line's, or a pair of neighbours'
// with a tab between, nil standing for the document's edge.
func (c *Counter) count(key uint64, pair bool, text, second []byte) {
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	if n := c.counts.add(key); n < uint32(c.o.Min) {
		return
	}
	if _, ok := c.texts[key]; ok || len(c.texts) >= c.o.MaxLines/4 {
		return
	}
	if !pair {
		c.texts[key] = normalize(text)
	} else {
		c.texts[key] = normalize(text) + "\t" + normalize(second)
	}
}

// Known returns what the Counter learned: the lines that recur in at
// least Min distinct documents.
func (c *Counter) Known() *Known {
	k := newKnown()
	k.Min, k.Documents, k.Distinct, k.Lossy = c.o.Min, c.docs, c.docs-c.copyOf, c.counts.floor > 0
	c.counts.each(func(key uint64, n uint32) {
		if t, ok := c.texts[key]; ok && n >= uint32(c.o.Min) {
			k.addText(key, n, t)
		}
	})
	return k
}

// Known is what a corpus taught: how many distinct documents hold each
// recurring line, and each recurring pair of neighbouring lines.
type Known struct {
	// Min is the threshold the lines reached.
	Min int
	// Documents is the number of documents read; Distinct those that
	// were not copies of an earlier one.
	Documents, Distinct int
	// Lossy says the counting table was full and dropped rare lines, so
	// counts are lower bounds.
	Lossy bool

	counts     map[uint64]uint32 // line keys and pair keys
	firstWords map[uint64]bool   // the first words of the lines
	texts      map[uint64]string // their normalised text, a pair's with a tab between
}

// Recurs reports in how many distinct documents line recurs, and of how
// many documents; docs is 0 below Min.
func (k *Known) Recurs(line []byte) (docs, of int) {
	if k == nil || len(k.counts) == 0 || !k.firstWords[firstWordKey(line)] {
		return 0, 0 // most lines: no need to hash them whole
	}
	key, ok := lineKeyOf(line)
	if !ok {
		return 0, 0
	}
	n := k.counts[key]
	if n < uint32(k.Min) {
		return 0, 0
	}
	return int(n), k.Distinct
}

// Beside reports in how many distinct documents line a is followed by
// line b, 0 below Min; nil stands for the start (a) or end (b) of one.
func (k *Known) Beside(a, b []byte) int {
	if k == nil || a == nil && b == nil {
		return 0
	}
	if n := k.counts[pairKey(neighbourKey(a), neighbourKey(b))]; n >= uint32(k.Min) {
		return int(n)
	}
	return 0
}

// edgeKey stands for the start or end of a document as a neighbour.
const edgeKey uint64 = 0x9e3779b97f4a7c15

// splitLines appends the non-blank lines of doc, with their keys, to dst.
func splitLines(dst []lineKey, doc []byte) []lineKey {
	eachLine(doc, func(line []byte) {
		if key, ok := lineKeyOf(line); ok {
			dst = append(dst, lineKey{key, line})
		}
	})
	return dst
}

// eachLine calls fn with each line of doc, without its newline.
func eachLine(doc []byte, fn func(line []byte)) {
	for len(doc) > 0 {
		line := doc
		if i := bytes.IndexByte(doc, '\n'); i >= 0 {
			line, doc = doc[:i], doc[i+1:]
		} else {
			doc = nil
		}
		fn(line)
	}
}

// lineKeyOf hashes a line with its white space folded: runs of spaces
// (Unicode's, including no-break spaces) count as one, and those at either
// end as none. Blank lines and lines over maxLineLen have no key. Keys
// live for one process: profiles hold text.
func lineKeyOf(line []byte) (uint64, bool) {
	if len(line) > 4*maxLineLen {
		return 0, false
	}
	if folded(line) {
		if len(line) == 0 || len(line) > maxLineLen {
			return 0, false
		}
		return mix(maphash.Bytes(keySeed, line)), true
	}
	var buf [maxLineLen + 1]byte
	f := fold(buf[:0], line)
	if len(f) == 0 || len(f) > maxLineLen {
		return 0, false
	}
	return mix(maphash.Bytes(keySeed, f)), true
}

// fold appends line to dst with its white space folded: its words, one
// ASCII space between each two. It stops past maxLineLen bytes, when dst
// has no room left for more: the line has no key then.
func fold(dst, line []byte) []byte {
	for i := 0; i < len(line) && len(dst) <= maxLineLen; {
		i = skipSpace(line, i, true)
		start := i
		i = skipSpace(line, i, false)
		if i == start {
			continue
		}
		if len(dst) > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, line[start:i]...)
	}
	return dst
}

// folded reports whether line is its own folded form, as most lines are:
// no white space at either end, none but single ASCII spaces within.
func folded(line []byte) bool {
	space := true // a leading space is not folded
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ' ':
			if space {
				return false
			}
			space = true
			continue
		case c < utf8.RuneSelf:
			if asciiSpace[c] {
				return false
			}
		case c == 0xc2 || c == 0xe1 || c == 0xe2 || c == 0xe3: // lead bytes of Unicode's spaces
			if r, _ := utf8.DecodeRune(line[i:]); unicode.IsSpace(r) {
				return false
			}
		}
		space = false
	}
	return !space || len(line) == 0
}

var keySeed = maphash.MakeSeed()

// firstWordKey hashes a line's first word.
func firstWordKey(line []byte) uint64 {
	start := skipSpace(line, 0, true)
	return maphash.Bytes(keySeed, line[start:skipSpace(line, start, false)])
}

// addText records a recurring line's or pair's text and count.
func (k *Known) addText(key uint64, n uint32, text string) {
	k.counts[key] = n
	k.texts[key] = text
	if !strings.Contains(text, "\t") {
		k.firstWords[firstWordKey([]byte(text))] = true
	}
}

func newKnown() *Known {
	return &Known{counts: map[uint64]uint32{}, texts: map[uint64]string{}, firstWords: map[uint64]bool{}}
}

// skipSpace returns the index of the first byte from i on that is not
// white space (space true), or that is (space false).
func skipSpace(line []byte, i int, space bool) int {
	for i < len(line) {
		c, size := line[i], 1
		var isSpace bool
		if c < utf8.RuneSelf {
			isSpace = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRune(line[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace != space {
			return i
		}
		i += size
	}
	return i
}

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// pairKey combines the keys of two neighbouring lines, in order.
func pairKey(a, b uint64) uint64 { return mix(a*31 ^ mix(b+0x632be59bd9b4e019)) }

// mix is a 64-bit finaliser (SplitMix64's) so that nearby keys spread.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	if x == 0 {
		x = 1 // the tables' empty slot
	}
	return x
}

// normalize returns line as the corpus sees it: white space folded.
func normalize(line []byte) string { return string(fold(nil, line)) }

// Size returns how many recurring lines, and pairs of neighbours, k holds.
func (k *Known) Size() (lines, pairs int) {
	for key, t := range k.texts {
		if k.counts[key] == 0 {
			continue
		}
		if strings.Contains(t, "\t") {
			pairs++
		} else {
			lines++
		}
	}
	return lines, pairs
}
