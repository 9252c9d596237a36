package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/jsonl"
)

// formatOf is a source's input format before its bytes are read: --format
// when given, else by file extension; "auto" leaves it to the content.
func (p *processor) formatOf(src source) string {
	if p.o.format != "auto" {
		return p.o.format
	}
	switch strings.ToLower(filepath.Ext(src.path)) {
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".html", ".htm":
		return "html"
	}
	return "auto"
}

// jsonlOutcome defers a JSONL source to its turn to print, where it is
// streamed line by line (see outcome.stream).
func (p *processor) jsonlOutcome(ctx context.Context, out outcome, rules []*clean.Rule) outcome {
	if p.o.diff || p.o.report != "" {
		out.err = errors.New("--diff and --report work on text and HTML; for JSONL, --annotate adds each record's removals to it")
		return out
	}
	out.stream = func(stdout, stderr io.Writer) outcome {
		return p.streamJSONL(ctx, out, rules, stdout, stderr)
	}
	return out
}

func (p *processor) streamJSONL(ctx context.Context, out outcome, rules []*clean.Rule, stdout, stderr io.Writer) outcome {
	src := out.src
	if p.o.write {
		// Before opening, whether or not the file needs cleaning.
		if err := rewritable(src.path); err != nil {
			out.err = err
			return out
		}
	}
	in := cancelable(ctx, p.stdin)
	var perm os.FileMode
	if src.path != "" {
		r, fi, done, err := openInput(ctx, src.path)
		if err != nil {
			out.err = err
			return out
		}
		defer done()
		in, perm = r, fi.Mode().Perm()
	}
	opts := jsonl.Options{
		Field:    p.o.field,
		Annotate: p.o.annotate,
		SkipBad:  p.o.skipBad,
		Jobs:     p.o.jobs,
		Clean:    func(text []byte) *clean.Result { return clean.Clean(text, rules) },
		OnBad: func(err *jsonl.LineError) {
			fmt.Fprintf(stderr, "decruft: %s: %v; passed through unchanged\n", src.name, err)
		},
	}
	// Where the cleaned lines go: stdout, nowhere (-l, --check), or a temp
	// file renamed into place when complete (-w, -o).
	w := stdout
	var tmp *os.File
	var dst string
	switch {
	case p.o.write:
		dst = src.path
	case p.o.outDir != "":
		var err error
		if dst, err = p.mirrorPath(src.rel); err != nil {
			out.err = err
			return out
		}
	case p.o.list || p.o.check:
		w = io.Discard
	}
	if dst != "" {
		var err error
		if tmp, err = createTemp(dst, perm); err != nil {
			out.err = err
			return out
		}
		w = tmp
	}
	st, err := jsonl.Run(ctx, in, w, opts)
	out.lines, out.changed, out.err = &st, st.Changed > 0, err
	switch {
	case tmp == nil:
	case err != nil || p.o.write && !out.changed:
		abandon(tmp) // a file that needs no change is not rewritten
	default:
		out.err = commit(tmp, dst, perm, p.o.write)
	}
	if p.o.list && out.changed && out.err == nil {
		fmt.Fprintln(stdout, src.name)
	}
	return out
}
