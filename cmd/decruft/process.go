package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
	data, perm, err := p.read(src)
	if err != nil {
		out.err = err
		return out
	}
	if isBinary(data) {
		return refuse(out, "binary input (NUL bytes); decruft cleans text")
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
		out.src.rel = strings.TrimSuffix(src.rel, filepath.Ext(src.rel)) + ".txt"
	}
	res := clean.Clean(data, rules)
	out.res, out.changed = res, res.Changed()
	var buf bytes.Buffer
	switch {
	case p.o.report == "json":
		writeReport(&buf, src.name, res)
	case p.o.list:
		if out.changed {
			fmt.Fprintln(&buf, src.name)
		}
	case p.o.diff:
		if out.changed {
			writeDiff(&buf, src.name, res, p.color)
		}
	case p.o.check || p.o.write || p.o.outDir != "":
	default:
		// The output itself, not a copy: a document may be large.
		out.stdout = res.Output
	}
	if buf.Len() > 0 {
		out.stdout = buf.Bytes()
	}
	switch {
	case p.o.write && out.changed:
		out.err = writeInPlace(src.path, res.Output)
	case p.o.outDir != "":
		out.err = p.writeMirror(out.src.rel, perm, res.Output)
	}
	return out
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
func (p *processor) read(src source) ([]byte, os.FileMode, error) {
	if src.path == "" {
		data, err := io.ReadAll(p.stdin)
		return data, 0, err
	}
	f, err := os.Open(src.path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if fi.IsDir() {
		return nil, 0, errors.New("is a directory")
	}
	data := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, fi.Mode().Perm(), nil
		}
		if err != nil {
			return nil, 0, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grew since the stat
		}
	}
}

// isBinary reports NUL bytes in the first 8000 bytes, as git decides.
func isBinary(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0
}

// sequence processes sources with jobs workers and hands their outcomes
// to emit in input order. At most a few outcomes per worker wait at once,
// so memory does not grow with the number of files.
func sequence(ctx context.Context, jobs int, sources <-chan source, work func(source) outcome, emit func(outcome)) {
	type job struct {
		src source
		out chan outcome
	}
	queue := make(chan chan outcome, 2*jobs)
	jobsCh := make(chan job, jobs)
	for range jobs {
		go func() {
			for j := range jobsCh {
				j.out <- work(j.src)
			}
		}()
	}
	go func() {
		defer close(queue)
		defer close(jobsCh)
		for src := range sources {
			ch := make(chan outcome, 1)
			select {
			case queue <- ch:
			case <-ctx.Done():
				return
			}
			jobsCh <- job{src, ch}
		}
	}()
	for ch := range queue {
		emit(<-ch)
	}
}

// describe turns an error about a file into the reason alone, since
// messages already start with the file's name.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// runClean is the root command: clean every input as the options say.
func runClean(ctx context.Context, o *options, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if err := o.validate(args); err != nil {
		return err
	}
	rules := newRuleSet(o)
	if err := rules.check(args); err != nil {
		return err
	}
	p := &processor{o: o, rules: rules, stdin: stdin, color: useColor(o.color, stdout)}
	sources := make(chan source)
	batch := false
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			batch = true
		}
	}
	go func() {
		defer close(sources)
		gather(ctx, o, args, sources)
	}()
	var bar *progress
	if batch {
		bar = newProgress(ctx, o, args, stderr)
	}
	w := bufio.NewWriterSize(stdout, 64<<10)
	var t tally
	sequence(ctx, max(1, o.jobs), sources, func(s source) outcome { return p.process(ctx, s) }, func(out outcome) {
		if out.stream != nil {
			out = out.stream(w, stderr)
		}
		t.add(out)
		w.Write(out.stdout)
		msg := out.notice
		if o.quiet {
			msg = ""
		}
		if out.err != nil && !errors.Is(out.err, context.Canceled) {
			msg = describe(out.err)
		}
		if msg != "" {
			w.Flush()
			bar.clear()
			fmt.Fprintf(stderr, "decruft: %s: %s\n", out.src.name, msg)
		}
		bar.add(out)
	})
	bar.finish()
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	if batch && !o.quiet {
		fmt.Fprintln(stderr, t.summary())
	}
	if o.stats {
		fmt.Fprintln(stderr, t.stats())
	}
	switch {
	case t.failed > 0:
		return errReported
	case o.check && t.changed > 0:
		return errChanged
	}
	return nil
}

// validate rejects flag combinations that have no sensible meaning.
func (o *options) validate(args []string) error {
	modes := 0
	for _, on := range []bool{o.diff, o.list, o.report != ""} {
		if on {
			modes++
		}
	}
	stdin := len(args) == 0 || slices.Contains(args, "-")
	switch {
	case modes > 1:
		return errors.New("--diff, --list and --report are alternatives: use one")
	case o.report != "" && o.report != "json":
		return fmt.Errorf("--report %q: the only report format is json", o.report)
	case o.write && o.outDir != "":
		return errors.New("-w and -o are alternatives: rewrite in place, or write copies")
	case o.check && (o.write || o.outDir != ""):
		return errors.New("--check only looks; it cannot be used with -w or -o")
	case (o.write || o.outDir != "") && stdin:
		return errors.New("cannot use -w or -o with standard input: name files or directories")
	case o.color != "auto" && o.color != "always" && o.color != "never":
		return fmt.Errorf("--color %q: want auto, always or never", o.color)
	case o.format != "auto" && o.format != "text" && o.format != "html" && o.format != "jsonl":
		return fmt.Errorf("--format %q: want auto, text, html or jsonl", o.format)
	case o.jobs < 1:
		return fmt.Errorf("--jobs %d: want at least 1", o.jobs)
	}
	for _, g := range append(o.include, o.exclude...) {
		if _, err := filepath.Match(g, ""); err != nil {
			return fmt.Errorf("glob %q: %v", g, err)
		}
	}
	if o.outDir != "" {
		return checkOutDir(o.outDir, args)
	}
	return nil
}

// gather sends the sources named by args, walking directories.
func gather(ctx context.Context, o *options, args []string, out chan<- source) {
	if len(args) == 0 {
		args = []string{"-"}
	}
	// With -o and several inputs, two of them could mirror to one place.
	var copies map[string]string
	if o.outDir != "" && len(args) > 1 {
		copies = map[string]string{}
	}
	send := func(s source) bool {
		if copies != nil && s.err == nil {
			if first, ok := copies[s.rel]; ok {
				s.err = fmt.Errorf("its copy would overwrite that of %s in %s; not written", first, o.outDir)
			} else {
				copies[s.rel] = s.name
			}
		}
		select {
		case out <- s:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, a := range args {
		if a == "-" {
			if !send(source{name: stdinName}) {
				return
			}
			continue
		}
		fi, err := os.Stat(a)
		if err != nil || !fi.IsDir() {
			// Named files are always processed; reading reports any error.
			if !send(source{name: a, path: a, rel: filepath.Base(a)}) {
				return
			}
			continue
		}
		if !walk(o, a, send) {
			return
		}
	}
}
