package main

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/decruft/decruft/clean"
)

// A fileReport is one line of --report json. Field names are part of the
// interface: README.md documents them for jq users.
type fileReport struct {
	Path     string          `json:"path"`
	Changed  bool            `json:"changed"`
	BytesIn  int             `json:"bytes_in"`
	BytesOut int             `json:"bytes_out"`
	Rules    []string        `json:"rules"`
	Removals []removalReport `json:"removals"`
	Vetoed   []vetoReport    `json:"vetoed"`
}

// A spanReport places a span of the input: lines and bytes, and its text.
type spanReport struct {
	StartLine int    `json:"start_line"` // 1-based, inclusive
	EndLine   int    `json:"end_line"`
	Start     int    `json:"start"` // byte offsets in the input, end exclusive
	End       int    `json:"end"`
	Text      string `json:"text"`
}

type removalReport struct {
	Rule string `json:"rule"`
	spanReport
	Kind string `json:"kind"` // the evidence: marker, label, shape, copy, markup, corpus
	Why  string `json:"why"`
}

// A vetoReport is a candidate the guard kept in the text, and why.
type vetoReport struct {
	Rule string `json:"rule"`
	spanReport
	Reason string `json:"reason"`
}

func writeReport(w *bytes.Buffer, name string, res *clean.Result, output []byte) error {
	rep := fileReport{
		Path: name, Changed: len(res.Removals) > 0,
		BytesIn: len(res.Doc.Src), BytesOut: len(output),
		Rules: []string{}, Removals: []removalReport{}, Vetoed: []vetoReport{},
	}
	for _, r := range res.Removals {
		if !slices.Contains(rep.Rules, r.Rule) {
			rep.Rules = append(rep.Rules, r.Rule)
		}
		rep.Removals = append(rep.Removals, removalReport{
			Rule: r.Rule, spanReport: spanOf(res.Doc, r.Span),
			Kind: r.Kind.String(), Why: r.Why,
		})
	}
	for _, v := range res.Vetoed {
		rep.Vetoed = append(rep.Vetoed, vetoReport{Rule: v.Rule, spanReport: spanOf(res.Doc, v.Span), Reason: v.Reason})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

func spanOf(d *clean.Doc, s clean.Span) spanReport {
	return spanReport{
		StartLine: d.LineAt(s.Start) + 1,
		EndLine:   d.LineAt(max(s.Start, s.End-1)) + 1,
		Start:     s.Start,
		End:       s.End,
		Text:      string(d.Src[s.Start:s.End]),
	}
}
