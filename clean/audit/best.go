package audit

import "slices"

// best keeps the k best values offered, by their keys. A value is built
// only when its key gets in, so offering costs little for the many values
// that do not. k is small: a linear scan finds the worst.
type best[K, V any] struct {
	k    int
	less func(a, b K) bool // a is better than b
	keys []K
	vals []V
}

func (b *best[K, V]) offer(key K, val func() V) {
	if len(b.keys) < b.k {
		b.keys = append(b.keys, key)
		b.vals = append(b.vals, val())
		return
	}
	w := b.worst()
	if w < 0 || !b.less(key, b.keys[w]) {
		return
	}
	b.keys[w], b.vals[w] = key, val()
}

// worst is the index of the worst key kept, or -1 when none is.
func (b *best[K, V]) worst() int {
	w := -1
	for i := range b.keys {
		if w < 0 || b.less(b.keys[w], b.keys[i]) {
			w = i
		}
	}
	return w
}

// sorted returns the values kept, best first.
func (b *best[K, V]) sorted() []V {
	idx := make([]int, len(b.keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int {
		switch {
		case b.less(b.keys[i], b.keys[j]):
			return -1
		case b.less(b.keys[j], b.keys[i]):
			return 1
		}
		return 0
	})
	vals := make([]V, len(idx))
	for n, i := range idx {
		vals[n] = b.vals[i]
	}
	return vals
}
