package clean

import "fmt"

// Recurring knows which lines recur across the documents of a run, as
// package corpus learns them.
type Recurring interface {
	// Recurs reports in how many distinct documents line recurs, and of
	// how many; docs is 0 below the run's threshold.
	Recurs(line []byte) (docs, of int)
	// Beside reports whether line a is followed by line b in the
	// threshold's number of distinct documents; nil stands for the start
	// (a) or end (b) of a document.
	Beside(a, b []byte) bool
}

// Boilerplate removes the lines a corpus pass found recurring across many
// distinct documents. Without a corpus (one text, no --profile) it finds
// nothing.
var Boilerplate = &Rule{
	Name:    "boilerplate",
	Default: true,
	Doc: `lines that recur across the documents of a run

Removes a line that a corpus pass (a folder, a JSONL stream, or a
--profile learned from one) found in at least a threshold of distinct
documents (3 by default), in the same arrangement: with the same line
before it or after it, or at the same edge of the document. A site's
subscribe promo, comment policy or author box recurs like that on every
page; an article's lines recur only in copies of it, and copies of one
article (the same page scraped twice, syndicated text) count once. Lines
that read as sentences of the article stay, as for every rule whose
evidence is not a fixed marker.`,
	Needs:   `a corpus pass or a profile in which the line, with one of its neighbours, recurs in at least the threshold of distinct documents.`,
	Example: "",
	Find:    findBoilerplate,
}

// findBoilerplate proposes the lines that recur across the corpus in the
// same arrangement: beside a neighbour (or an edge of the document) that
// they recur beside. A neighbour that reads as a sentence is no such
// evidence: a line that recurs only beside a recurring paragraph of prose
// belongs with that paragraph, which the guard keeps.
func findBoilerplate(d *Doc) []Candidate {
	if d.corpus == nil {
		return nil
	}
	var cs []Candidate
	prev := -1
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		before := prev
		prev = i
		t, _ := d.trimmed(l)
		n, of := d.corpus.Recurs(t)
		if n == 0 {
			continue
		}
		after := nextNonBlank(d, i)
		if d.besideChrome(before, t, true) || d.besideChrome(after, t, false) {
			cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Corpus, Why: fmt.Sprintf("in %d of %d documents", n, of)}})
		}
	}
	return cs
}

// besideChrome reports whether line t recurs beside line j (before it, or
// after it), with j the edge when it is -1, and j is not prose.
func (d *Doc) besideChrome(j int, t []byte, before bool) bool {
	var nb []byte
	if j >= 0 {
		nb, _ = d.trimmed(d.Lines[j])
		if readsAsSentence(nb) {
			return false
		}
	}
	if before {
		return d.corpus.Beside(nb, t)
	}
	return d.corpus.Beside(t, nb)
}

func nextNonBlank(d *Doc, i int) int {
	for j := i + 1; j < len(d.Lines); j++ {
		if !d.Lines[j].Blank {
			return j
		}
	}
	return -1
}
