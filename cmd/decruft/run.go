package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// describe turns an error about a file into the reason alone, since
// messages already start with the file's name.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// warn prints a message line to standard error. A message that cannot be
// written there has nowhere else to go, so its error is dropped.
func warn(stderr io.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(stderr, format+"\n", args...)
}

// runClean is the root command: clean every input as the options say.
func runClean(ctx context.Context, o *options, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if err := o.validate(args); err != nil {
		return err
	}
	// A reader of standard output that goes away (| head) stops the run.
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	rules := newRuleSet(o)
	if err := rules.check(o, args); err != nil {
		return err
	}
	if o.outDir != "" {
		if err := makeOutDir(o.outDir); err != nil {
			return err
		}
	}
	p := &processor{o: o, rules: rules, color: useColor(o.color, stdout),
		stdin: bufio.NewReaderSize(cancelable(ctx, stdin), sniffWindow), audit: newAuditor(o, args)}
	if o.outDir != "" {
		root, err := os.OpenRoot(o.outDir)
		if err != nil {
			return fmt.Errorf("-o %s: %s", o.outDir, describe(err))
		}
		defer func() { _ = root.Close() }()
		p.outRoot = root
	}
	cleanup, err := p.prepareCorpus(ctx, args)
	defer cleanup()
	if err != nil {
		return err
	}
	if p.notice != "" && !o.quiet {
		warn(stderr, "decruft: %s", p.notice)
	}
	batch := false
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			batch = true
		}
	}
	sources := make(chan source)
	go func() {
		defer close(sources)
		gather(ctx, o, args, sources)
	}()
	var bar *progress
	if batch {
		bar = newProgress(ctx, o, args, stderr)
	}
	e := &emitter{o: o, w: bufio.NewWriterSize(stdout, 64<<10), stderr: stderr, bar: bar, audit: p.audit, corpus: p.corpusNote(), stop: stop}
	sequence(ctx, max(1, o.jobs), sources, func(s source) outcome { return p.process(ctx, s) }, e.emit)
	bar.finish()
	if ctx.Err() == nil {
		if err := e.audit.write(e.w); err != nil {
			return fmt.Errorf("writing the audit page: %w", err)
		}
	}
	if err := e.w.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if errors.Is(context.Cause(ctx), syscall.EPIPE) {
		return context.Cause(ctx)
	}
	if ctx.Err() != nil {
		return interruption(ctx)
	}
	return e.finish(batch)
}

// An emitter prints outcomes in input order, from one goroutine, and
// counts them.
type emitter struct {
	o      *options
	w      *bufio.Writer // standard output; its first error sticks
	stderr io.Writer
	bar    *progress
	tally  tally
	audit  *auditor
	corpus string // for --stats: what the corpus pass learned
	stop   context.CancelCauseFunc
}

// finish prints the run's summary and returns its error, if any: some
// inputs failed, or --check found cruft.
func (e *emitter) finish(batch bool) error {
	o, t := e.o, &e.tally
	switch {
	case o.stats:
		warn(e.stderr, "%s%s", t.stats(), e.corpus)
	case batch && !o.quiet && (o.mode() == showText || o.write || o.outDir != ""):
		// The modes that print a line per input (-d, -l, --report) or
		// nothing (--check) stay quiet, as gofmt is; the others say what
		// a walk found, which their output does not show.
		warn(e.stderr, "%s", t.summary())
	}
	switch {
	case t.failed > 0:
		return errReported
	case o.check && t.changed > 0:
		return errChanged
	}
	return nil
}

func (e *emitter) emit(out outcome) {
	if out.stream != nil {
		out = out.stream(e.w, e.stderr)
	}
	e.tally.add(out)
	e.audit.add(out)
	_, _ = e.w.Write(out.stdout) // an error shows at the final Flush
	msg := out.notice
	if e.o.quiet {
		msg = ""
	}
	if errors.Is(out.err, syscall.EPIPE) {
		// The reader of standard output went away: nothing more to say.
		e.stop(out.err)
		return
	}
	if out.err != nil && !errors.Is(out.err, context.Canceled) {
		msg = describe(out.err)
	}
	if msg != "" {
		// In order with standard output, should both be one terminal.
		_ = e.w.Flush()
		e.bar.clear()
		warn(e.stderr, "decruft: %s: %s", out.src.name, msg)
	}
	e.bar.add(out)
}

// gather sends the sources named by args, walking directories.
func gather(ctx context.Context, o *options, args []string, out chan<- source) {
	if len(args) == 0 {
		args = []string{"-"}
	}
	// Under -o two inputs could mirror to one place: two named files with
	// one name, or x.html (copied as x.txt) beside x.txt. The second is
	// an error, decided here in input order.
	var copies map[string]string
	if o.outDir != "" {
		copies = map[string]string{}
	}
	send := func(s source) bool {
		if copies != nil && s.err == nil && s.skipped == "" {
			name := mirrorName(s.rel, formatByName(o.format, s.path))
			if first, ok := copies[name]; ok {
				s.err = fmt.Errorf("its copy would overwrite that of %s in %s; not written", first, o.outDir)
			} else {
				copies[name] = s.name
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
