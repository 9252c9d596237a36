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
}

type removalReport struct {
	Rule      string `json:"rule"`
	StartLine int    `json:"start_line"` // 1-based, inclusive
	EndLine   int    `json:"end_line"`
	Start     int    `json:"start"` // byte offsets in the input, end exclusive
	End       int    `json:"end"`
	Text      string `json:"text"`
}

func writeReport(w *bytes.Buffer, name string, res *clean.Result) {
	rep := fileReport{
		Path: name, Changed: res.Changed(),
		BytesIn: len(res.Doc.Src), BytesOut: len(res.Output),
		Rules: []string{}, Removals: []removalReport{},
	}
	for _, r := range res.Removals {
		if !slices.Contains(rep.Rules, r.Rule) {
			rep.Rules = append(rep.Rules, r.Rule)
		}
		rep.Removals = append(rep.Removals, removalReport{
			Rule:      r.Rule,
			StartLine: res.Doc.LineAt(r.Start) + 1,
			EndLine:   res.Doc.LineAt(r.End-1) + 1,
			Start:     r.Start,
			End:       r.End,
			Text:      string(res.Doc.Src[r.Start:r.End]),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(rep)
}
