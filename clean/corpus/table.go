package corpus

// A table counts keys in open addressing (linear probing). When it holds
// max keys it drops those seen least, raising its floor: lossy counting
// (Manku and Motwani), so a key that keeps recurring stays and memory
// stays bounded whatever the corpus holds.
type table struct {
	keys   []uint64 // 0 is an empty slot
	counts []uint32
	n, max int
	floor  uint32 // counts at or below it have been dropped at least once
}

func newTable(max int) *table {
	t := &table{max: max}
	t.resize(1 << 12)
	return t
}

func (t *table) resize(slots int) {
	keys, counts := t.keys, t.counts
	t.keys, t.counts, t.n = make([]uint64, slots), make([]uint32, slots), 0
	for i, k := range keys {
		if k != 0 {
			t.put(k, counts[i])
		}
	}
}

func (t *table) slot(key uint64) int {
	mask := len(t.keys) - 1
	i := int(key) & mask
	for t.keys[i] != 0 && t.keys[i] != key {
		i = (i + 1) & mask
	}
	return i
}

func (t *table) put(key uint64, n uint32) {
	i := t.slot(key)
	if t.keys[i] == 0 {
		t.keys[i] = key
		t.n++
	}
	t.counts[i] = n
}

// add counts key once more and returns its count.
func (t *table) add(key uint64) uint32 {
	i := t.slot(key)
	if t.keys[i] != 0 {
		t.counts[i]++
		return t.counts[i]
	}
	if t.n >= t.max {
		t.prune()
		i = t.slot(key)
	} else if 2*(t.n+1) > len(t.keys) {
		t.resize(2 * len(t.keys))
		i = t.slot(key)
	}
	t.keys[i], t.counts[i] = key, 1
	t.n++
	return 1
}

// prune drops the keys seen least, raising the floor until at most half
// the table is kept, and rebuilds the table in place: no second table.
func (t *table) prune() {
	for {
		t.floor++
		n := 0
		for i, k := range t.keys {
			if k != 0 && t.counts[i] > t.floor {
				n++
			}
		}
		if n <= t.max/2 {
			break
		}
	}
	type entry struct {
		key uint64
		n   uint32
	}
	keep := make([]entry, 0, t.max/2)
	for i, k := range t.keys {
		if k != 0 && t.counts[i] > t.floor {
			keep = append(keep, entry{k, t.counts[i]})
		}
	}
	clear(t.keys)
	clear(t.counts)
	t.n = 0
	for _, e := range keep {
		t.put(e.key, e.n)
	}
}

func (t *table) each(fn func(key uint64, n uint32)) {
	for i, k := range t.keys {
		if k != 0 {
			fn(k, t.counts[i])
		}
	}
}
