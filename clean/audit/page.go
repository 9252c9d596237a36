package audit

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/decruft/decruft/clean"
)

//go:embed audit.tmpl
var pageTemplate string

var page = template.Must(template.New("audit").Funcs(template.FuncMap{
	"num": func(n any) string { return group(toInt64(n)) },
	"pct": func(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" },
	"add": func(a, b int) int { return a + b },
	"plural": func(n any, word string) string {
		if toInt64(n) == 1 {
			return "1 " + word
		}
		return group(toInt64(n)) + " " + word + "s"
	},
	"caption": func(caption string, rows []row) linesView {
		return linesView{caption, rows}
	},
	"markWords": func(mark string) string { return markWords[mark] },
}).Parse(pageTemplate))

func toInt64(n any) int64 {
	switch n := n.(type) {
	case int:
		return int64(n)
	case int64:
		return n
	}
	panic(fmt.Sprintf("not a count: %T", n))
}

// linesView is an excerpt's table with its caption.
type linesView struct {
	Caption string
	Rows    []row
}

// markWords say what each mark of an excerpt means, for screen readers.
var markWords = map[string]string{"−": "removed", "±": "removed in part", "◦": "proposed and kept"}

// A view is what the page shows, worked out from an Audit.
type view struct {
	Title            string
	Inputs           []string
	MoreInputs       int
	Version          string
	Docs, Changed    int
	Skipped, Failed  int
	BytesIn          int64
	BytesOut         int64
	Removed          int64
	RemovedShare     float64
	Removals, Vetoes int
	Rules            []ruleView
	ShareBarW        int // the width of a rule's bar for all bytes removed
	Hist             []histBar
	HistChart        chart
	Top              []*docView
	Failures         []failure
	Bounds           bounds
}

type bounds struct{ TopDocs, TopLines, LineSlots, Samples, VetoSamples, Failures, ViewRows int }

type ruleView struct {
	Name, ID         string
	Title            string // the rule's doc title, when it is known
	Docs, Removals   int
	Bytes            int64
	Share            float64 // of all bytes removed
	BarW             int     // its bar's width, for Share
	Kinds            string  // "marker 12, label 3"
	Vetoes, VetoDocs int
	VetoesRemoved    int
	Lines            []lineView
	LinesCounted     int  // distinct lines in the sketch
	Full             bool // more distinct lines than the sketch's slots
	Inexact          bool // a line shown has a count that may be too high
	Samples          []*sample
	Reasons          []reasonView
	VetoSamples      []*sample
}

type lineView struct {
	Text, Count, Docs, Evidence string
}

type reasonView struct {
	Reason         string
	Count, Removed int
}

type histBar struct {
	Label string
	Count int
}

// A chart is an SVG column chart laid out in Go: the template only places
// what is computed here.
type chart struct {
	ID            string
	Width, Height int
	Axis          int // the baseline's y, if drawn
	XTitle        string
	XTitleX       int
	XTitleY       int
	Bars          []bar
	Title, Desc   string
}

// A bar is a column, its label below it and its value above it.
type bar struct {
	X, Y, W, H     int
	Label, Value   string
	LabelX, LabelY int
	ValueX, ValueY int
}

// WriteHTML writes the page. version names the decruft that cleaned;
// rules, when given, supply each rule's title.
func (a *Audit) WriteHTML(w io.Writer, version string, rules []*clean.Rule) error {
	v := a.view(version, rules)
	var buf bytes.Buffer
	if err := page.Execute(&buf, v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// shareBarW is the width of the bar beside a rule's share.
const shareBarW = 80

// maxInputs is how many of the inputs the heading names.
const maxInputs = 10

func (a *Audit) view(version string, rules []*clean.Rule) *view {
	v := &view{
		Title:   "decruft audit",
		Version: version,
		Docs:    a.docs, Changed: a.changed, Skipped: a.skipped, Failed: a.failed,
		BytesIn: a.bytesIn, BytesOut: a.bytesOut, Removed: a.removed,
		RemovedShare: float64(a.removed) / float64(max(1, a.bytesIn)),
		Removals:     a.removals, Vetoes: a.vetoes,
		Top:      a.top.sorted(),
		Failures: a.failures,
		Bounds:   bounds{TopDocs, TopLines, LineSlots, Samples, VetoSamples, Failures, viewRows},
	}
	v.Inputs = a.inputs[:min(len(a.inputs), maxInputs)]
	v.MoreInputs = len(a.inputs) - len(v.Inputs)
	if len(a.inputs) > 0 {
		v.Title += ": " + strings.Join(v.Inputs, " ")
		if v.MoreInputs > 0 {
			v.Title += " …"
		}
	}
	for _, r := range a.rules {
		rv := ruleView{
			Name: r.name, ID: "rule-" + anchor(r.name),
			Docs: r.docs, Removals: r.removals, Bytes: r.bytes,
			Share:  float64(r.bytes) / float64(max(1, a.removed)),
			Vetoes: r.vetoes, VetoDocs: r.vetoDocs, VetoesRemoved: r.vetoesRemoved,
			Samples:      sortSamples(r.samples.sorted()),
			VetoSamples:  sortSamples(r.vetoSample.sorted()),
			LinesCounted: len(r.lines.heap),
			Full:         r.lines.evicted > 0,
		}
		if rule := clean.Lookup(rules, r.name); rule != nil {
			rv.Title = rule.Title()
		}
		var kinds []string
		for _, k := range slices.Sorted(maps.Keys(r.kinds)) {
			kinds = append(kinds, fmt.Sprintf("%s %s", k, group(int64(r.kinds[k]))))
		}
		rv.Kinds = strings.Join(kinds, ", ")
		for _, c := range r.lines.top(TopLines) {
			if c.docs-c.docsErr < 2 {
				break // a line of one document is no pattern
			}
			lv := lineView{Text: c.text, Evidence: c.evidence,
				Count: group(int64(c.count)), Docs: group(int64(c.docs))}
			if c.countErr > 0 {
				rv.Inexact = true
				lv.Count = "≥ " + group(int64(c.count-c.countErr))
				lv.Docs = "≥ " + group(int64(c.docs-c.docsErr))
			}
			rv.Lines = append(rv.Lines, lv)
		}
		for reason, n := range r.reasons {
			rv.Reasons = append(rv.Reasons, reasonView{reason, n.n, n.removed})
		}
		slices.SortFunc(rv.Reasons, func(a, b reasonView) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Reason, b.Reason))
		})
		v.Rules = append(v.Rules, rv)
	}
	slices.SortFunc(v.Rules, func(a, b ruleView) int {
		return cmp.Or(cmp.Compare(b.Bytes, a.Bytes), cmp.Compare(b.Vetoes, a.Vetoes), cmp.Compare(a.Name, b.Name))
	})
	for i, n := range a.hist {
		label := histLabel(i)
		if i > 0 {
			label += "%"
		}
		v.Hist = append(v.Hist, histBar{label, n})
	}
	v.HistChart = histChart(a.hist[:])
	v.ShareBarW = shareBarW
	for i := range v.Rules {
		v.Rules[i].BarW = max(1, int(float64(shareBarW-1)*v.Rules[i].Share+0.5))
	}
	return v
}

// sortSamples orders samples as a reader meets them: by document, then
// by place.
func sortSamples(ss []*sample) []*sample {
	slices.SortStableFunc(ss, func(a, b *sample) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(firstLine(a), firstLine(b)))
	})
	return ss
}

func firstLine(s *sample) int {
	for _, r := range s.Rows {
		if r.N > 0 {
			return r.N
		}
	}
	return 0
}

// histLabel names bin i: "none", or the tenth it covers, "10–20".
func histLabel(i int) string {
	if i == 0 {
		return "none"
	}
	return fmt.Sprintf("%d–%d", 10*(i-1), 10*i)
}

// histChart lays out the histogram: a column per bin, its count above it.
func histChart(bins []int) chart {
	const (
		colW, gapW  = 40, 12
		plotH, left = 160, 8
		top, bottom = 24, 44
		labelOffset = 18
	)
	c := chart{ID: "hist", Width: left + len(bins)*(colW+gapW), Height: top + plotH + bottom,
		Axis: top + plotH, Title: "Documents by the share of their bytes removed",
		XTitle: "% of the document removed", XTitleY: top + plotH + 2*labelOffset}
	c.XTitleX = c.Width / 2
	most := 1
	for _, n := range bins {
		most = max(most, n)
	}
	var desc []string
	for i, n := range bins {
		h := 0
		if n > 0 {
			h = max(1, plotH*n/most)
		}
		x := left + i*(colW+gapW)
		c.Bars = append(c.Bars, bar{
			X: x, Y: top + plotH - h, W: colW, H: h,
			Label: histLabel(i), LabelX: x + colW/2, LabelY: top + plotH + labelOffset,
			Value: group(int64(n)), ValueX: x + colW/2, ValueY: top + plotH - h - 6,
		})
		desc = append(desc, fmt.Sprintf("%s%%: %d", histLabel(i), n))
	}
	c.Desc = "Documents with " + strings.Join(desc, "; ") + "."
	return c
}

// group writes n with commas between thousands: 1,234,567.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// anchor makes a rule's name safe as part of an id.
func anchor(name string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, strings.ToLower(name))
}
