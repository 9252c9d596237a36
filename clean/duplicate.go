package clean

import (
	"bytes"
	"fmt"
	"hash/maphash"
)

// Duplicate removes later copies of a long paragraph.
var Duplicate = &Rule{
	Name:    "duplicate",
	Default: true,
	Doc: `long paragraphs repeated later in the text

Removes a paragraph that repeats, byte for byte (surrounding spaces aside),
a long paragraph earlier in the same text: scrapers that walk a page twice,
or pick up a caption or a pull quote again, leave such copies. The first
copy stays. Only long paragraphs count (at least 160 bytes, with lines of
60 bytes on average): short repeated lines are often content, such as a
meal plan's "Eat every 2–3 hours", a song's refrain or a repeated subhead.
A teaser near the top that the teaser rule removes is left to that rule, so
that the article's own copy of it stays.`,
	Example: dupPara + "\n\nCrews worked through the night.\n\nRepairs began on Monday.\n\nSchools stayed closed.\n\n" +
		"The mayor thanked the crews.\n\nResidents were told to boil water.\n\nMore rain is due on Friday.\n\n" + dupPara + "\n",
	Find: findDuplicates,
}

const dupPara = "The storm brought down power lines across the county, leaving thousands of homes without " +
	"electricity for much of the weekend, officials of the regional utility said on Sunday evening."

const (
	dupMinLen     = 160
	dupMinLineAvg = 60
)

func findDuplicates(d *Doc) []Candidate {
	var teaser Span
	if t := findTeaser(d); t != nil {
		teaser = t.Span
	}
	// Paragraphs are keyed by hash, not by a copy of their text, which
	// would double the memory a large document needs; a hit is compared
	// byte for byte, and a rare collision of different paragraphs keeps
	// both.
	seed := maphash.MakeSeed()
	seen := map[uint64]int{} // hash -> index of the first paragraph
	var cs []Candidate
	for i, p := range d.Paras {
		t := bytes.TrimSpace(d.ParaText(p))
		if len(t) < dupMinLen || len(t) < dupMinLineAvg*(p.Last-p.First+1) {
			continue
		}
		h := maphash.Bytes(seed, t)
		if first, ok := seen[h]; ok {
			if f := d.Paras[first]; bytes.Equal(bytes.TrimSpace(d.ParaText(f)), t) {
				cs = append(cs, Candidate{Span{p.Start, p.End}, Evidence{Kind: Copy,
					Why: fmt.Sprintf("repeats line %d", f.First+1), Copy: Span{f.Start, f.End}}})
			}
			continue
		}
		if p.Start >= teaser.Start && p.End <= teaser.End && teaser.End > 0 {
			// The teaser rule removes this copy; the next is the article's.
			continue
		}
		seen[h] = i
	}
	return cs
}
