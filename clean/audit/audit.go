// Package audit gathers what a cleaning run removed, document by document,
// and writes it as one self-contained HTML page for a reviewer: totals,
// each rule's figures, how much each document lost, the documents that lost
// the most with their diffs, the lines each rule removed most often, and
// removals and vetoed candidates in context.
//
// Memory and the page's size are bounded whatever the number of documents:
// counts are sums, the documents and samples shown are the best few kept as
// they come, and removed lines are counted in a fixed number of slots per
// rule (Space-Saving), so a count that may include other lines' is marked.
package audit

import (
	"bytes"
	"cmp"
	"hash/fnv"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/decruft/decruft/clean"
)

// What the audit keeps, whatever the number of documents.
const (
	// TopDocs is how many of the documents that lost the largest share
	// are listed, each with its diff.
	TopDocs = 30
	// TopLines is how many removed lines are listed per rule, out of
	// LineSlots counted.
	TopLines  = 15
	LineSlots = 1000
	// Samples and VetoSamples are how many removals and vetoed candidates
	// are shown in context per rule.
	Samples     = 5
	VetoSamples = 3
	// Failures is how many inputs that were not cleaned are named.
	Failures = 20
	// ReasonsPerRule is how many kinds of veto reasons are told apart per
	// rule; others are counted together.
	ReasonsPerRule = 20
)

// An Audit gathers a run's figures. Add, Skip and Fail are called from one
// goroutine. The page does not depend on the order of documents, except
// for the counts of lines marked inexact, which depend on which lines
// came before their slot was taken.
type Audit struct {
	inputs                         []string
	docs, changed, skipped, failed int
	bytesIn, bytesOut, removed     int64
	removals, vetoes               int
	hist                           [histBins]int
	rules                          map[string]*ruleAudit
	top                            best[docKey, *docView]
	failures                       []failure
}

type failure struct{ Name, Why string }

// New returns an empty audit of a run over inputs (the paths named, for
// the page's heading).
func New(inputs []string) *Audit {
	return &Audit{
		inputs: inputs,
		rules:  map[string]*ruleAudit{},
		top:    best[docKey, *docView]{k: TopDocs, less: docKey.before},
	}
}

// A ruleAudit is what one rule did over the run.
type ruleAudit struct {
	name                string
	docs, removals      int
	bytes               int64
	kinds               map[clean.Kind]int
	vetoes, vetoDocs    int
	vetoesRemoved       int // vetoed, and removed all the same as another candidate
	reasons             map[string]*reasonCount
	lines               *sketch
	samples, vetoSample best[uint64, *sample]
}

func (a *Audit) rule(name string) *ruleAudit {
	r := a.rules[name]
	if r == nil {
		r = &ruleAudit{
			name:       name,
			kinds:      map[clean.Kind]int{},
			reasons:    map[string]*reasonCount{},
			lines:      newSketch(LineSlots),
			samples:    best[uint64, *sample]{k: Samples, less: lessHash},
			vetoSample: best[uint64, *sample]{k: VetoSamples, less: lessHash},
		}
		a.rules[name] = r
	}
	return r
}

// Add records one cleaned document: its name (a file, or a record's place
// in a stream), what cleaning it gave, and the length of the text written
// for it. res is not kept.
func (a *Audit) Add(name string, res *clean.Result, outLen int) {
	d := res.Doc
	a.docs++
	a.bytesIn += int64(len(d.Src))
	a.bytesOut += int64(outLen)
	if len(res.Removals) > 0 {
		a.changed++
	}
	removed := a.addRemovals(name, res)
	a.addVetoes(name, res)
	a.hist[histBin(removed, len(d.Src))]++
	if removed > 0 {
		key := docKey{removed: removed, in: len(d.Src), name: name}
		a.top.offer(key, func() *docView { return newDocView(name, res, removed) })
	}
}

// addRemovals counts a document's removals by rule, and their lines, and
// offers them as samples. It returns the bytes removed.
func (a *Audit) addRemovals(name string, res *clean.Result) int {
	d := res.Doc
	removed := 0
	type docLine struct {
		text     []byte
		n        int
		evidence string
		at       uint64 // the hash of the place of the removal quoted
	}
	lines := map[string]map[uint64]*docLine{} // by rule, the lines removed here
	seen := map[string]bool{}
	for _, r := range res.Removals {
		removed += r.End - r.Start
		ra := a.rule(r.Rule)
		if !seen[r.Rule] {
			seen[r.Rule] = true
			ra.docs++
		}
		ra.removals++
		ra.bytes += int64(r.End - r.Start)
		ra.kinds[r.Kind]++
		at := spanHash(name, r.Rule, r.Span)
		byKey := lines[r.Rule]
		if byKey == nil {
			byKey = map[uint64]*docLine{}
			lines[r.Rule] = byKey
		}
		for t := range bytes.SplitSeq(d.Src[r.Start:r.End], []byte("\n")) {
			t = bytes.TrimSpace(t)
			if len(t) == 0 {
				continue
			}
			k := hashBytes(t)
			l := byKey[k]
			if l == nil {
				l = &docLine{text: t, at: ^uint64(0)}
				byKey[k] = l
			}
			l.n++
			if at < l.at {
				l.evidence, l.at = r.Kind.String()+": "+r.Why, at
			}
		}
		ra.samples.offer(at, func() *sample {
			return newSample(name, res, r.Span, r.Kind.String()+": "+r.Why)
		})
	}
	a.removals += len(res.Removals)
	a.removed += int64(removed)
	for rule, byKey := range lines {
		s := a.rules[rule].lines
		// In key order, so that evictions do not depend on map order.
		for _, k := range slices.Sorted(maps.Keys(byKey)) {
			l := byKey[k]
			s.add(k, l.text, l.n, l.evidence, l.at)
		}
	}
	return removed
}

// addVetoes counts a document's vetoed candidates by rule and reason, and
// offers them as samples.
func (a *Audit) addVetoes(name string, res *clean.Result) {
	seen := map[string]bool{}
	for _, v := range res.Vetoed {
		ra := a.rule(v.Rule)
		ra.vetoes++
		if !seen[v.Rule] {
			seen[v.Rule] = true
			ra.vetoDocs++
		}
		class := reasonClass(v.Reason)
		if _, ok := ra.reasons[class]; !ok && len(ra.reasons) >= ReasonsPerRule {
			class = otherReasons
		}
		rc := ra.reasons[class]
		if rc == nil {
			rc = &reasonCount{}
			ra.reasons[class] = rc
		}
		rc.n++
		// Another candidate may remove what the guard kept of this one.
		gone := covered(res.Removals, v.Span)
		if gone {
			rc.removed++
			ra.vetoesRemoved++
		}
		ra.vetoSample.offer(spanHash(name, v.Rule, v.Span), func() *sample {
			why := v.Reason
			if gone {
				why += "; removed all the same, as another candidate"
			}
			return newSample(name, res, v.Span, why)
		})
	}
	a.vetoes += len(res.Vetoed)
}

// Skip records an input passed by, and why.
func (a *Audit) Skip(name, why string) {
	a.skipped++
	a.note(name, why)
}

// Fail records an input that could not be cleaned, and why.
func (a *Audit) Fail(name, why string) {
	a.failed++
	a.note(name, why)
}

func (a *Audit) note(name, why string) {
	if len(a.failures) < Failures {
		a.failures = append(a.failures, failure{name, why})
	}
}

// Histogram bins: nothing removed, then tenths of the document.
const histBins = 11

func histBin(removed, in int) int {
	if removed == 0 || in == 0 {
		return 0
	}
	return min(10, (10*removed+in-1)/in)
}

// A docKey orders documents by the share they lost, then by the bytes, then
// by name, so that the list does not depend on the run's order.
type docKey struct {
	removed, in int
	name        string
}

func (k docKey) before(o docKey) bool {
	// removed/in > o.removed/o.in, without rounding.
	if c := cmp.Compare(int64(k.removed)*int64(o.in), int64(o.removed)*int64(k.in)); c != 0 {
		return c > 0
	}
	if k.removed != o.removed {
		return k.removed > o.removed
	}
	return k.name < o.name
}

// A reasonCount counts the vetoes of one kind of reason, and those whose
// text went all the same.
type reasonCount struct{ n, removed int }

// covered reports whether removals (sorted, disjoint) remove all of s.
func covered(removals []clean.Removal, s clean.Span) bool {
	i, _ := slices.BinarySearchFunc(removals, s.Start, func(r clean.Removal, off int) int {
		return cmp.Compare(r.End, off+1)
	})
	at := s.Start
	for ; i < len(removals) && removals[i].Start <= at && at < s.End; i++ {
		at = max(at, removals[i].End)
	}
	return at >= s.End
}

// otherReasons counts the vetoes of a rule past ReasonsPerRule kinds.
const otherReasons = "other reasons"

// reasonClass is the general part of a guard's reason: the words before
// its first colon, numbers made N ("line N reads as a sentence of the
// article"), so that vetoes group by why and not by which text.
func reasonClass(reason string) string {
	if i := strings.Index(reason, ":"); i > 0 {
		reason = reason[:i]
	}
	var b strings.Builder
	digits := false
	for _, r := range reason {
		if '0' <= r && r <= '9' {
			if !digits {
				b.WriteByte('N')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(r)
	}
	return b.String()
}

func hashBytes(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// spanHash picks samples: the removals with the smallest hashes of their
// place are a fair sample that the run's order does not change.
func spanHash(name, rule string, s clean.Span) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	h.Write([]byte{0})
	h.Write([]byte(rule))
	h.Write([]byte{0})
	h.Write(strconv.AppendInt(nil, int64(s.Start), 10))
	h.Write([]byte{':'})
	h.Write(strconv.AppendInt(nil, int64(s.End), 10))
	return h.Sum64()
}

func lessHash(a, b uint64) bool { return a < b }

// clip shortens text to at most n bytes, cut at a character, with an
// ellipsis when cut; invalid UTF-8 shows as U+FFFD.
func clip(b []byte, n int) string {
	if len(b) <= n {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return strings.ToValidUTF8(string(b[:n]), "\uFFFD") + "…"
}
