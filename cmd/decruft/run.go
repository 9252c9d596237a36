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
	"slices"
	"strings"
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

// runClean is the root command: clean every input as the options say.
func runClean(ctx context.Context, o *options, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if err := o.validate(args); err != nil {
		return err
	}
	rules := newRuleSet(o)
	if err := rules.check(o, args); err != nil {
		return err
	}
	if o.outDir != "" {
		if err := makeOutDir(o.outDir); err != nil {
			return err
		}
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
		if cause := context.Cause(ctx); errors.Is(cause, errInterrupted) {
			return cause
		}
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
	case o.outGiven && o.outDir == "":
		return errors.New("-o needs a folder name")
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
	for flag, globs := range map[string][]string{"--include": o.include, "--exclude": o.exclude} {
		for _, g := range globs {
			if _, err := filepath.Match(g, ""); err != nil {
				return fmt.Errorf("%s %q: %v", flag, g, err)
			}
		}
	}
	if o.outDir != "" {
		return checkOutDir(o.outDir, args)
	}
	return nil
}

// mirrorFormat is the format that decides a copy's name: HTML by flag or
// by extension. (HTML found by its content keeps its file's name.)
func mirrorFormat(o *options, path string) string {
	if o.format == "html" {
		return "html"
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		if o.format == "auto" {
			return "html"
		}
	}
	return o.format
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
		if copies != nil && s.err == nil {
			name := mirrorName(s.rel, mirrorFormat(o, s.path))
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
