package clean

import "fmt"

// A Candidate is a removal a rule proposes, with the evidence for it. Rules
// only propose: the engine's guard decides what goes (see guard.go).
type Candidate struct {
	Span
	Evidence
}

// Evidence says why a rule proposes a removal. The guard weighs it against
// what the text looks like: prose is kept unless the evidence is strong.
type Evidence struct {
	// Kind is the sort of evidence.
	Kind Kind
	// Why says in a few words what the rule recognised: `label "Share
	// this"`, `copy of line 7`, `in 37 of 412 documents`.
	Why string
	// Tail is the part of the span after a recognised label, which the rule
	// matched by shape only (a headline, a name, a link): the guard checks
	// that it does not run on as a sentence. Empty when there is none.
	Tail Span
	// Copy is where the copy of repeated text that stays is (Kind Copy).
	Copy Span
}

// Kind is the sort of evidence behind a candidate.
type Kind uint8

const (
	// Marker: the whole span is a fixed, machine-made marker or template
	// ("Advertisement", "[+2481 chars]", "Powered by NewsAPI …"). Strong.
	Marker Kind = iota
	// Label: a known label ("Read more:", "Follow us on Twitter") and a
	// Tail that the guard reads.
	Label
	// Shape: the span's shape and position alone: a list of names above
	// the article, a run of menu words, a date line.
	Shape
	// Copy: the span repeats text that stays (Evidence.Copy). Strong.
	Copy
	// Markup: the page's markup put the text in a share bar, a caption, a
	// navigation block.
	Markup
	// Corpus: the line recurs across many distinct documents of a run.
	Corpus
)

var kindNames = [...]string{"marker", "label", "shape", "copy", "markup", "corpus"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// strong reports whether evidence of kind k may remove text that reads as
// prose: a fixed marker, or a copy of text that stays.
func (k Kind) strong() bool { return k == Marker || k == Copy }

// A Veto is a candidate that the guard kept in the text, and why.
type Veto struct {
	Rule string
	Candidate
	Reason string
}
