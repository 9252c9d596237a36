package audit

import (
	"cmp"
	"container/heap"
	"slices"
)

// A sketch counts the lines a rule removed, and from how many documents,
// in a fixed number of slots, by Space-Saving (Metwally, Agrawal and El
// Abbadi, 2005) over documents: a line not counted yet takes the slot of
// the line in the fewest documents, and inherits its counts as their
// possible error. A line removed from more documents than any slot's error
// has a slot; counts are exact until a rule removes more distinct lines
// than there are slots.
type sketch struct {
	slots   int
	evicted int // lines whose slot another took
	byKey   map[uint64]*lineCount
	heap    lineHeap // the least counted on top
}

// A lineCount is one slot: a line and how often it was removed.
type lineCount struct {
	key  uint64
	text string // the line, clipped for display
	// count removals in docs documents; up to countErr and docsErr of
	// them may be other lines' that this slot's earlier lines had.
	count, docs       int
	countErr, docsErr int
	evidence          string // of the removal whose place hashes least
	evidenceHash      uint64
	index             int // in the heap
}

// lineLen is the most of a line kept for display.
const lineLen = 160

func newSketch(slots int) *sketch {
	return &sketch{slots: slots, byKey: map[uint64]*lineCount{}}
}

// add counts n removals of line text (key is its hash) in one more
// document, with the evidence of one of them, whose place hashes to at:
// the evidence kept is the one whose place hashes least, as samples are
// chosen, so that it does not depend on the order of documents.
func (s *sketch) add(key uint64, text []byte, n int, evidence string, at uint64) {
	if c := s.byKey[key]; c != nil {
		c.count += n
		c.docs++
		if at < c.evidenceHash {
			c.evidence, c.evidenceHash = evidence, at
		}
		heap.Fix(&s.heap, c.index)
		return
	}
	c := &lineCount{key: key, text: clip(text, lineLen), count: n, docs: 1, evidence: evidence, evidenceHash: at}
	if len(s.heap) < s.slots {
		s.byKey[key] = c
		heap.Push(&s.heap, c)
		return
	}
	least := s.heap[0]
	delete(s.byKey, least.key)
	s.evicted++
	c.countErr, c.docsErr = least.count, least.docs
	c.count += least.count
	c.docs += least.docs
	c.index = 0
	s.heap[0] = c
	s.byKey[key] = c
	heap.Fix(&s.heap, 0)
}

// top returns the n lines surely removed from the most documents, then
// most often, then by text.
func (s *sketch) top(n int) []*lineCount {
	all := slices.Clone(s.heap)
	slices.SortFunc(all, func(a, b *lineCount) int {
		return cmp.Or(
			cmp.Compare(b.docs-b.docsErr, a.docs-a.docsErr),
			cmp.Compare(b.count-b.countErr, a.count-a.countErr),
			cmp.Compare(a.text, b.text))
	})
	return all[:min(n, len(all))]
}

// lineHeap is a min-heap of slots by documents, then by count, then by
// key, so that which slot goes is decided by the counts alone.
type lineHeap []*lineCount

func (h lineHeap) Len() int { return len(h) }
func (h lineHeap) Less(i, j int) bool {
	return cmp.Or(cmp.Compare(h[i].docs, h[j].docs), cmp.Compare(h[i].count, h[j].count), cmp.Compare(h[i].key, h[j].key)) < 0
}
func (h lineHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *lineHeap) Push(x any) {
	c := x.(*lineCount)
	c.index = len(*h)
	*h = append(*h, c)
}
func (h *lineHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}
