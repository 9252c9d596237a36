package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/jsonl"
)

const stdinName = "<stdin>"

// A source is one input: a file named on the command line, a file found
// by walking a directory, or standard input (path "").
type source struct {
	name   string // as printed: the path as given or walked, or <stdin>
	path   string // file to read; "" for standard input
	rel    string // path below its walk root, for mirroring with -o
	walked bool   // found by walking, so filters and skips apply
	err    error  // a walk error, reported in order with the outcomes
}

// An outcome is what processing one source produced. Outcomes are printed
// in input order by one goroutine; workers never print.
type outcome struct {
	src     source
	stdout  []byte // for standard output
	notice  string // a skip notice for standard error
	changed bool
	skipped bool
	err     error
	res     *clean.Result
	// stream, for JSONL input, does the work when the outcome's turn to
	// print comes, writing straight to stdout: a stream is never held
	// whole in memory.
	stream func(stdout io.Writer, stderr io.Writer) outcome
	lines  *jsonl.Stats // for a JSONL stream, what it did
}

// processor cleans sources according to the options.
type processor struct {
	dirs  sync.Map // output folders already made for -o
	o     *options
	rules *ruleSet
	stdin io.Reader
	color bool
}

func (p *processor) process(ctx context.Context, src source) outcome {
	out := outcome{src: src, err: src.err}
	if out.err == nil {
		out.err = ctx.Err()
	}
	if out.err != nil {
		return out
	}
	rules, err := p.rules.forPath(src.path)
	if err != nil {
		out.err = err
		return out
	}
	format := p.formatOf(src)
	if format == "jsonl" {
		return p.jsonlOutcome(ctx, out, rules)
	}
	if p.o.write && src.path != "" {
		// Before reading, whether or not the file needs cleaning.
		if err := rewritable(src.path); err != nil {
			out.err = err
			return out
		}
	}
	data, perm, err := p.read(ctx, src)
	if errors.Is(err, errBinary) {
		return refuse(out, err.Error())
	}
	if err != nil {
		out.err = err
		return out
	}
	if !utf8.Valid(data) {
		out.notice = "not valid UTF-8 (another encoding?); cleaned as bytes, kept lines unchanged"
	}
	if format == "auto" {
		format = "text"
		if clean.LooksLikeHTML(data) {
			format = "html"
		}
	}
	if format == "html" {
		if p.o.write {
			// Its output is text: rewriting would lose the markup.
			return refuse(out, "HTML is not rewritten in place, since its cleaned form is text; use -o DIR")
		}
		data = clean.HTMLToText(data)
		out.src.rel = mirrorName(src.rel, format)
	}
	res := clean.Clean(data, rules)
	output := cleanedText(res)
	out.res, out.changed = res, len(res.Removals) > 0
	var buf bytes.Buffer
	switch {
	case p.o.report == "json":
		out.err = writeReport(&buf, src.name, res, output)
	case p.o.list:
		if out.changed {
			fmt.Fprintln(&buf, src.name)
		}
	case p.o.diff:
		if out.changed {
			out.err = writeDiff(&buf, src.name, res, p.color)
		}
	case p.o.check || p.o.write || p.o.outDir != "":
	default:
		// The output itself, not a copy: a document may be large.
		out.stdout = output
	}
	if buf.Len() > 0 {
		out.stdout = buf.Bytes()
	}
	switch {
	case out.err != nil:
	case p.o.write && out.changed:
		out.err = writeInPlace(src.path, output)
	case p.o.outDir != "":
		out.err = p.writeMirror(out.src.rel, perm, output)
	}
	return out
}

// cleanedText is what decruft writes for res: the engine's output when a
// rule removed something, else the input itself, byte for byte. The engine
// also collapses blank lines and completes the last line; that tidies the
// gaps removals leave, but alone it is no reason to touch a text, so -l,
// --check, -w and the counts concern only texts with cruft, as gofmt -l
// lists only files gofmt would change, and as JSONL records already are.
func cleanedText(res *clean.Result) []byte {
	if len(res.Removals) == 0 {
		return res.Doc.Src
	}
	return res.Output
}

// mirrorName is the path below -o's folder for the copy of a file at rel:
// HTML becomes text, so x.html is copied to x.txt.
func mirrorName(rel, format string) string {
	if format != "html" {
		return rel
	}
	return strings.TrimSuffix(rel, filepath.Ext(rel)) + ".txt"
}

// refuse ends a source's processing: with a notice when it was found by a
// walk, which filters as it goes, or with an error when it was named.
func refuse(out outcome, why string) outcome {
	if out.src.walked {
		out.skipped, out.notice = true, why+"; skipped"
	} else {
		out.err = errors.New(why)
	}
	return out
}

// read returns a source's bytes and, for files, their permissions.
func (p *processor) read(ctx context.Context, src source) ([]byte, os.FileMode, error) {
	if src.path == "" {
		data, err := readInput(ctx, cancelable(ctx, p.stdin), -1)
		return data, 0, err
	}
	r, fi, done, err := openInput(ctx, src.path)
	if err != nil {
		return nil, 0, err
	}
	defer done()
	size := int64(-1)
	if fi.Mode().IsRegular() {
		size = fi.Size()
	}
	data, err := readInput(ctx, r, size)
	return data, fi.Mode().Perm(), err
}
