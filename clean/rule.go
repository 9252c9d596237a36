package clean

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// A Rule finds one kind of cruft. It is a value, like a go/analysis
// Analyzer: rules only report spans; Apply edits.
type Rule struct {
	// Name identifies the rule in flags, diffs and reports.
	Name string
	// Doc describes the rule: its first line is a short lower-case title,
	// the rest explains what is removed and what is kept.
	Doc string
	// Default says whether the rule runs when none is named.
	Default bool
	// Example is a short input showing what the rule removes.
	Example string
	// Needs states the evidence the rule needs before it proposes a
	// removal, for "decruft rules NAME".
	Needs string
	// Requires lists the rules whose candidates Find reads, through
	// d.ResultOf, as go/analysis analyzers require each other. They run
	// first, once per document, whether or not they are enabled.
	Requires []*Rule
	// Find proposes removals from d, each with its evidence. The guard
	// decides which go.
	Find func(d *Doc) []Candidate
}

// A Span is a half-open byte range [Start, End) of a document's source.
type Span struct{ Start, End int }

// A Removal is a span removed by a named rule, with the evidence for it.
type Removal struct {
	Rule string
	Span
	Evidence
}

// Title is the first line of the rule's doc.
func (r *Rule) Title() string {
	title, _, _ := strings.Cut(r.Doc, "\n")
	return title
}

// All lists the built-in rules in the order they run. Order matters only
// for attribution: when two rules remove the same bytes, the earlier one
// is credited.
var All = []*Rule{
	Aggregator,
	Cartoon,
	ReadMore,
	Teaser,
	Navigation,
	Byline,
	Credit,
	Ads,
	Related,
	Social,
	Media,
	Consent,
	Footer,
	Truncation,
	Duplicate,
	Boilerplate,
}

var ruleName = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// Validate checks that rules are usable together: well-formed unique
// names, a doc whose first line is a title, and a Find function.
func Validate(rules []*Rule) error {
	seen := map[string]bool{}
	for _, r := range rules {
		switch {
		case !ruleName.MatchString(r.Name):
			return fmt.Errorf("rule name %q: want lower-case letters, digits and dashes", r.Name)
		case seen[r.Name]:
			return fmt.Errorf("rule %q defined twice", r.Name)
		case strings.TrimSpace(r.Title()) == "":
			return fmt.Errorf("rule %q: empty doc", r.Name)
		case r.Find == nil:
			return fmt.Errorf("rule %q: no Find function", r.Name)
		case requiresItself(r, r, 0):
			return fmt.Errorf("rule %q requires itself", r.Name)
		}
		seen[r.Name] = true
	}
	return nil
}

// requiresItself reports whether r is among the requirements of req, at
// any depth.
func requiresItself(r, req *Rule, depth int) bool {
	if depth > len(All)+8 {
		return true // a cycle that does not pass through r
	}
	for _, q := range req.Requires {
		if q == r || requiresItself(r, q, depth+1) {
			return true
		}
	}
	return false
}

// Defaults returns the rules of all that are on by default.
func Defaults(all []*Rule) []*Rule {
	var on []*Rule
	for _, r := range all {
		if r.Default {
			on = append(on, r)
		}
	}
	return on
}

// Lookup returns the rule named name, or nil.
func Lookup(all []*Rule, name string) *Rule {
	i := slices.IndexFunc(all, func(r *Rule) bool { return r.Name == name })
	if i < 0 {
		return nil
	}
	return all[i]
}

// Names lists the rules' names in order.
func Names(rules []*Rule) []string {
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = r.Name
	}
	return names
}
