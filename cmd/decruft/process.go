package main

import (
	"bufio"
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
	"github.com/decruft/decruft/clean/corpus"
	"github.com/decruft/decruft/clean/htmltext"
	"github.com/decruft/decruft/clean/jsonl"
)

const stdinName = "<stdin>"

// A source is one input: a file named on the command line, a file found
// by walking a directory, or standard input (path "").
type source struct {
	name    string // as printed: the path as given or walked, or <stdin>
	path    string // file to read; "" for standard input
	rel     string // path below its walk root, for mirroring with -o
	walked  bool   // found by walking, so filters and skips apply
	err     error  // a walk error, reported in order with the outcomes
	skipped string // why a walk passed it by, if it did
}

// An outcome is what processing one source produced. Outcomes are printed
// in input order by one goroutine; workers never print.
type outcome struct {
	src     source
	stdout  []byte // for standard output
	notice  string // a skip notice for standard error
	changed bool   // cruft was removed
	skipped bool
	err     error
	res     *clean.Result
	format  format // text or HTML, for the diff's labels
	output  []byte // the cleaned text
	// stream, for JSONL input, does the work when the outcome's turn to
	// print comes, writing straight to stdout: a stream is never held
	// whole in memory.
	stream func(stdout io.Writer, stderr io.Writer) outcome
	lines  *jsonl.Stats // for a JSONL stream, what it did
}

// processor cleans sources according to the options.
type processor struct {
	dirs    sync.Map // folders already made below outRoot, for -o
	outRoot *os.Root // -o's folder
	o       *options
	rules   *ruleSet
	stdin   *bufio.Reader // standard input, buffered so its start can be sniffed
	color   bool
	audit   *auditor // --report html's page
	// corpus is what a first pass over the run learned, or --profile
	// holds; nil for none. learned is what the pass learned, even from
	// too few documents to use.
	corpus, learned *corpus.Known
	// Inputs that can be read only once are read from copies: stdinSpool
	// for a JSONL stream on standard input, spools for named pipes.
	stdinSpool  string
	stdinStream bool // decruft learn reads a stream on standard input as it comes
	spools      map[string]string
	notice      string // for standard error: why the corpus pass passed an input by
}

func (p *processor) process(ctx context.Context, src source) outcome {
	out := outcome{src: src, err: src.err}
	if out.err == nil {
		out.err = ctx.Err()
	}
	if out.err != nil {
		return out
	}
	if src.skipped != "" {
		return refuse(out, src.skipped)
	}
	rules, err := p.rules.forPath(src.path)
	if err == nil && p.o.write {
		err = rewritable(src.path) // before reading, whether or not it needs cleaning
	}
	f := formatAuto
	if err == nil {
		f, err = p.formatOf(src)
	}
	if err == nil && f == formatJSONL {
		return p.jsonlOutcome(ctx, out, rules)
	}
	var in input
	if err == nil {
		in, err = p.load(ctx, src, f)
	}
	var r refusal
	switch {
	case errors.As(err, &r):
		return refuse(out, r.why)
	case err != nil:
		out.err = err
		return out
	}
	out.notice = in.notice
	out.src.rel = mirrorName(src.rel, in.format)
	out.format = in.format
	res := clean.CleanWith(in.text, rules, p.cleanOptions(in.hints))
	out.res, out.output, out.changed = res, cleanedText(res), len(res.Removals) > 0
	if out.stdout, out.err = p.render(out); out.err == nil {
		out.err = p.store(out, in.perm)
	}
	return out
}

// An input is a text or HTML source, read.
type input struct {
	text   []byte       // what the rules read: HTML is made text
	hints  []clean.Hint // what an HTML page's markup says of its text
	perm   os.FileMode
	format format // text or HTML
	notice string // for standard error
}

// A refusal is a reason not to clean an input: a walk skips it with a
// notice, and one named is an error.
type refusal struct{ why string }

func (r refusal) Error() string { return r.why }

// load reads a text or HTML source and returns the text the rules read.
func (p *processor) load(ctx context.Context, src source, f format) (input, error) {
	data, perm, err := p.read(ctx, src)
	if err != nil {
		return input{}, err
	}
	in := input{text: data, perm: perm, format: f}
	if !utf8.Valid(data) {
		in.notice = "not valid UTF-8 (another encoding?); cleaned as bytes, kept lines unchanged"
	}
	if in.format == formatAuto {
		in.format = formatText
		if htmltext.LooksLikeHTML(data) {
			in.format = formatHTML
		}
	}
	if len(p.o.jsonlFlags) > 0 && !src.walked {
		// In a walk they are for the JSONL files among the others.
		return in, fmt.Errorf("%s: for JSONL input, and this is %s (see --format)", strings.Join(p.o.jsonlFlags, ", "), in.format)
	}
	if in.format == formatHTML {
		if p.o.write {
			// Its output is text: rewriting would lose the markup.
			return in, refusal{"HTML is not rewritten in place, since its cleaned form is text; use -o DIR"}
		}
		page, err := p.htmlText(data)
		if err != nil {
			return in, err
		}
		in.text, in.hints = page.Text, page.Hints
		if utf8.Valid(in.text) {
			in.notice = "" // it declared its charset
		}
	}
	return in, nil
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

// render returns what standard output gets for a cleaned text.
func (p *processor) render(out outcome) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch p.o.mode() {
	case showText:
		return out.output, nil // itself, not a copy: a document may be large
	case showReport:
		if p.o.report == reportHTML {
			return nil, nil // one page for the run, at its end
		}
		err = writeReport(&buf, out.src.name, out.res, out.output)
	case showList:
		if out.changed {
			p.listName(&buf, out.src.name)
		}
	case showDiff:
		if out.changed {
			from, to := diffLabels(out.src.name, out.format)
			err = writeDiff(&buf, from, to, out.res, p.color)
		}
	}
	return buf.Bytes(), err
}

// listName writes a name as -l lists it: on a line, or ended by NUL.
func (p *processor) listName(w io.Writer, name string) {
	end := "\n"
	if p.o.null {
		end = "\x00"
	}
	_, _ = io.WriteString(w, name+end) // w is a buffer, or stdout's, whose error sticks
}

// store writes a cleaned text where -w or -o says.
func (p *processor) store(out outcome, perm os.FileMode) error {
	switch {
	case p.o.write && out.changed:
		return writeInPlace(out.src.path, out.output)
	case p.o.outDir != "":
		return p.writeMirror(out.src.rel, perm, out.output)
	}
	return nil
}

// mirrorName is the path below -o's folder for the copy of a file at rel:
// HTML becomes text, so x.html is copied to x.txt.
func mirrorName(rel string, f format) string {
	if f != formatHTML {
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
		data, err := readInput(ctx, p.stdin, -1)
		return data, 0, err
	}
	r, fi, done, err := openInput(ctx, p.pathOf(src))
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
