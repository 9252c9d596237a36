package clean

// bodyLen is the length from which a line counts as article body: a
// paragraph of prose, longer than any menu entry, heading or credit.
const bodyLen = 160

// A zone marks the boilerplate blocks of a document: the lines above its
// first body line and below its last (body lines are at least bodyLen
// bytes long). Like NVIDIA NeMo's boilerplate filters, rules use position
// as evidence: site chrome sits in a block above or below the article, so
// a line that is cruft there may be content between the two.
type zone struct{ first, last int }

// zone finds d's boilerplate zones. A document without body lines has
// none: nothing in it is known to be chrome.
func (d *Doc) zone() zone {
	if !d.zoneKnown {
		d.zoneOf, d.zoneKnown = findZone(d), true
	}
	return d.zoneOf
}

func findZone(d *Doc) zone {
	for _, n := range []int{bodyLen, shortBodyLen} {
		z := zone{-1, -1}
		for i, l := range d.Lines {
			if l.Width() >= n {
				if z.first < 0 {
					z.first = i
				}
				z.last = i
			}
		}
		if z.first >= 0 && (n == bodyLen || z.last > z.first) {
			return z
		}
	}
	return zone{-1, -1}
}

// shortBodyLen is the body line's length in a text of short paragraphs,
// none of bodyLen: two of them or more mark its body.
const shortBodyLen = 100

// top reports whether line i comes before the first body line.
func (z zone) top(i int) bool { return z.first >= 0 && i < z.first }

// bottom reports whether line i comes after the last body line.
func (z zone) bottom(i int) bool { return z.last >= 0 && i > z.last }

// edge reports whether line i is in either zone.
func (z zone) edge(i int) bool { return z.top(i) || z.bottom(i) }
