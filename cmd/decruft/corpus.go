package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/config"
	"github.com/decruft/decruft/clean/corpus"
	"github.com/decruft/decruft/clean/jsonl"
)

// minCorpusDocs is the number of distinct documents from which a run
// learns its boilerplate: with fewer, "recurring in 3" says little.
const minCorpusDocs = 10

// prepareCorpus gives the boilerplate rule what it needs: a profile
// (--profile), or what a first pass over the run's inputs learns. Inputs
// that can be read only once (standard input that is JSONL, a named pipe)
// are spooled to temp files; the returned cleanup removes them.
func (p *processor) prepareCorpus(ctx context.Context, args []string) (cleanup func(), err error) {
	cleanup = func() {}
	o := p.o
	if o.profile != "" {
		k, err := readProfile(o.profile)
		if err != nil {
			return cleanup, err
		}
		if o.minGiven {
			if o.boilerplateMin < k.Min {
				return cleanup, fmt.Errorf("--boilerplate-min %d: %s holds the lines of at least %d documents; learn it again to go lower", o.boilerplateMin, o.profile, k.Min)
			}
			k.Min = o.boilerplateMin
		}
		p.corpus = k
		return cleanup, nil
	}
	rules, err := p.rules.forPath(firstPath(args))
	if err != nil || !slices.Contains(rules, clean.Boilerplate) || !p.mayHoldCorpus(args) {
		return cleanup, nil // a bad config is reported by the run itself
	}
	k, cleanup, err := p.learn(ctx, args, nil)
	if err != nil {
		return cleanup, err
	}
	p.learned = k
	if k.Distinct >= minCorpusDocs {
		p.corpus = k
	}
	return cleanup, nil
}

// mayHoldCorpus reports whether args may hold enough documents to learn
// from: a folder, a JSONL stream, or enough files. A few texts are not
// read twice for nothing.
func (p *processor) mayHoldCorpus(args []string) bool {
	if p.o.format == formatJSONL {
		return true
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	for _, a := range args {
		if a == "-" {
			if f, err := p.formatOf(source{name: stdinName}); err == nil && f == formatJSONL {
				return true
			}
			continue
		}
		if fi, err := os.Stat(a); err == nil && fi.IsDir() || formatByName(p.o.format, a) == formatJSONL {
			return true
		}
	}
	return len(args) >= minCorpusDocs
}

// corpusNote says, for --stats, where the boilerplate rule's knowledge
// came from, or why it had none.
func (p *processor) corpusNote() string {
	switch k := p.learned; {
	case p.o.profile != "":
		return "; boilerplate from " + p.o.profile
	case k == nil || k.Documents < minCorpusDocs:
		return ""
	case p.corpus == nil:
		return fmt.Sprintf("; boilerplate not learned: %s, fewer than %d", plural(k.Distinct, "distinct document"), minCorpusDocs)
	default:
		lines, _ := k.Size()
		return fmt.Sprintf("; boilerplate learned from %d documents (%d distinct): %d lines in at least %d", k.Documents, k.Distinct, lines, k.Min)
	}
}

// firstPath is the input whose config sets the run's threshold: the first
// argument, or "" for standard input.
func firstPath(args []string) string {
	if len(args) > 0 && args[0] != "-" {
		return args[0]
	}
	return ""
}

// boilerplateMin is the run's threshold: --boilerplate-min, else the
// [boilerplate] min of the config for the first input, else the default.
func (p *processor) boilerplateMin(first string) (int, error) {
	if p.o.minGiven {
		return p.o.boilerplateMin, nil
	}
	cfg := p.o.config
	if cfg == "" {
		dir := "."
		if first != "" {
			if fi, err := os.Stat(first); err == nil && fi.IsDir() {
				dir = first
			} else {
				dir = filepath.Dir(first)
			}
		}
		var err error
		if cfg, err = config.Find(dir); err != nil {
			return 0, err
		}
	}
	if cfg != "" {
		c, err := config.Load(cfg)
		if err != nil {
			return 0, err
		}
		if c.BoilerplateMin > 0 {
			return c.BoilerplateMin, nil
		}
	}
	return corpus.DefaultMin, nil
}

// learn reads every input once and counts its lines. A cleaning run
// passes report nil: what it cannot read, it reports when it cleans, and
// what can be read only once is spooled for that. decruft learn passes a
// function that reports each problem, and reads such inputs as they come.
func (p *processor) learn(ctx context.Context, args []string, report func(name string, err error)) (*corpus.Known, func(), error) {
	var spools []string
	cleanup := func() {
		for _, s := range spools {
			_ = os.Remove(s)
		}
	}
	first := firstPath(args)
	threshold, err := p.boilerplateMin(first)
	if err != nil {
		return nil, cleanup, err
	}
	c := corpus.NewCounter(corpus.Options{Min: threshold})
	if len(args) == 0 || slices.Contains(args, "-") {
		f, err := p.formatOf(source{name: stdinName})
		if ctx.Err() != nil {
			return nil, cleanup, interruption(ctx)
		}
		if err != nil {
			return nil, cleanup, err
		}
		switch {
		case f != formatJSONL:
		case report != nil:
			p.stdinStream = true // decruft learn reads it once, as it comes
		default:
			path, err := p.spoolStdin(ctx)
			if path != "" {
				spools = append(spools, path)
			}
			var nt noTemp
			switch {
			case errors.As(err, &nt):
				// Nothing is read yet: clean the stream without.
				p.notice = nt.Error() + "; cleaned without learning its boilerplate"
			case err != nil:
				return nil, cleanup, err
			}
		}
	}
	// Documents are digested on every core and counted in input order, so
	// that runs agree: which of two copies counts is the first one's.
	units, unitsDone := make(chan unit), make(chan struct{})
	go func() {
		defer close(unitsDone)
		defer close(units)
		p.units(ctx, args, report != nil, units, func(path string) { spools = append(spools, path) })
	}()
	var spoolErr error
	// Workers skip the line keys of what looks like a copy already; the
	// lock lets them look while documents are added.
	var mu sync.RWMutex
	copied := func(d *corpus.Digest) bool {
		mu.RLock()
		defer mu.RUnlock()
		return c.Copied(d)
	}
	sequence(ctx, max(1, p.o.jobs), units, func(u unit) unit { return p.digest(ctx, u, copied) }, func(u unit) {
		switch {
		case u.spoolErr != nil:
			spoolErr = cmp.Or(spoolErr, u.spoolErr)
		case u.err != nil && report != nil:
			report(u.name, u.err)
		default:
			mu.Lock()
			for _, d := range u.digests {
				c.AddDigest(d)
				digests.Put(d)
			}
			mu.Unlock()
		}
	})
	<-unitsDone // it may still be copying a pipe when ctx ends
	if ctx.Err() != nil {
		return nil, cleanup, interruption(ctx)
	}
	if spoolErr != nil {
		return nil, cleanup, spoolErr
	}
	return c.Known(), cleanup, nil
}

// A unit is work for one worker, or a source's error: a file to read
// (src), or a batch of JSONL records' texts; once the worker is done,
// their digests.
type unit struct {
	name     string
	src      *source
	texts    [][]byte
	digests  []*corpus.Digest
	err      error // the source's: for decruft learn to report
	spoolErr error // a pipe that could not be copied: the run stops
}

var digests = sync.Pool{New: func() any { return new(corpus.Digest) }}

// units sends the documents of args to count, in order: text and HTML
// files to be read by the workers, and JSONL records read here. Strict
// (decruft learn) reads pipes as they come; a cleaning run copies a
// stream from a pipe first, to read it again, and passes spooled the copy.
func (p *processor) units(ctx context.Context, args []string, strict bool, out chan<- unit, spooled func(string)) {
	send := func(u unit) bool {
		select {
		case out <- u:
			return true
		case <-ctx.Done():
			return false
		}
	}
	sources := make(chan source)
	go func() {
		defer close(sources)
		gather(ctx, p.o, args, sources)
	}()
	defer func() {
		for range sources { // let gather finish
		}
	}()
	for src := range sources {
		switch {
		case src.err != nil:
			if strict && !send(unit{name: src.name, err: src.err}) {
				return
			}
			continue
		case src.skipped != "":
			continue
		case src.path == "" && p.stdinStream:
			if err := p.sendRecords(ctx, src.name, p.stdin, send); err != nil && !send(unit{name: src.name, err: err}) {
				return
			}
			continue
		case src.path == "":
			if p.stdinSpool == "" {
				continue // one text: nothing recurs in it
			}
			src.path = p.stdinSpool
		case !strict && !p.o.write && formatByName(p.o.format, src.path) == formatJSONL:
			// A pipe is read once: keep a copy of a stream for the
			// cleaning pass. (A device is never spooled: /dev/zero has
			// no end, and binary input is refused when it is cleaned.)
			if fi, err := os.Stat(src.path); err == nil && fi.Mode()&fs.ModeNamedPipe != 0 {
				path, err := p.spool(ctx, src.path)
				if path != "" {
					spooled(path)
				}
				if err != nil {
					send(unit{name: src.name, spoolErr: err})
					return
				}
			}
		}
		if err := p.sendDocs(ctx, src, strict, send); err != nil && strict && !send(unit{name: src.name, err: err}) {
			return
		}
	}
}

// sendDocs sends one source's documents: a JSONL file's records, each a
// text, or the file itself for a worker to read. Its error is the
// source's, or the first bad record's.
func (p *processor) sendDocs(ctx context.Context, src source, strict bool, send func(unit) bool) error {
	path := p.pathOf(src)
	if fi, err := os.Stat(path); err != nil {
		return err
	} else if !strict && !fi.Mode().IsRegular() {
		return nil // -w refuses it before reading it
	}
	f, err := p.formatOf(source{name: src.name, path: src.path})
	if err != nil {
		return err
	}
	if src.path == p.stdinSpool {
		f = formatJSONL // only a stream is spooled from standard input
	}
	if f != formatJSONL {
		src.path = path
		send(unit{name: src.name, src: &src})
		return nil
	}
	r, _, done, err := openInput(ctx, path)
	if err != nil {
		return err
	}
	defer done()
	return p.sendRecords(ctx, src.name, r, send)
}

// sendRecords sends the texts of a JSONL stream's records. Its error is
// the stream's, or its first bad record's.
func (p *processor) sendRecords(ctx context.Context, name string, r io.Reader, send func(unit) bool) error {
	// Records go in batches: a hand-off per record would cost more than
	// digesting it.
	var batch [][]byte
	size := 0
	flush := func() {
		if len(batch) > 0 {
			send(unit{name: name, texts: batch})
		}
		batch, size = nil, 0
	}
	bad := 0
	var firstBad error
	err := jsonl.Texts(ctx, r, p.o.field, func(text []byte) {
		batch = append(batch, bytes.Clone(text))
		if size += len(text); size >= 64<<10 || len(batch) == 64 {
			flush()
		}
	}, func(e *jsonl.LineError) {
		if bad++; bad == 1 {
			firstBad = e
		}
	})
	flush()
	switch {
	case err != nil:
		return err
	case bad > 1:
		return fmt.Errorf("%w (and %d more bad lines)", firstBad, bad-1)
	}
	return firstBad
}

// digest reads a unit's documents, as the rules will read them, and
// digests them: a file's text or HTML page's article, or records' texts or
// pages.
func (p *processor) digest(ctx context.Context, u unit, copied func(*corpus.Digest) bool) unit {
	texts := u.texts
	if u.src != nil {
		in, err := p.load(ctx, *u.src, formatByName(p.o.format, u.src.path))
		var r refusal
		if errors.As(err, &r) && u.src.walked {
			return unit{} // a walk skips it, with a notice when it cleans
		}
		if err != nil {
			return unit{name: u.name, err: err}
		}
		texts = [][]byte{in.text}
	}
	out := unit{name: u.name, err: u.err, spoolErr: u.spoolErr}
	for _, text := range texts {
		if p.o.fieldFormat == "html" && u.src == nil {
			page, err := p.htmlText(text)
			if err != nil {
				continue // the cleaning pass reports a page without an article
			}
			text = page.Text
		}
		d := digests.Get().(*corpus.Digest)
		d.Reset(text)
		if !copied(d) {
			d.Keys()
		}
		out.digests = append(out.digests, d)
	}
	return out
}

// pathOf is the file to read for src: its spooled copy, if it has one.
func (p *processor) pathOf(src source) string {
	if s, ok := p.spools[src.path]; ok {
		return s
	}
	return src.path
}

// spoolStdin copies standard input to a temp file that the run reads
// instead, and returns its path.
func (p *processor) spoolStdin(ctx context.Context) (string, error) {
	path, err := spoolTo(ctx, p.stdin, stdinName, "decruft-stdin-*.jsonl")
	if err != nil {
		return path, err
	}
	f, err := os.Open(path)
	if err != nil {
		return path, err
	}
	p.stdinSpool = path
	p.stdin = bufio.NewReaderSize(f, sniffWindow) // closed on exit
	return path, nil
}

// spool copies a named pipe to a temp file that the run reads instead.
func (p *processor) spool(ctx context.Context, name string) (string, error) {
	r, _, done, err := openInput(ctx, name)
	if err != nil {
		return "", nil // the cleaning pass reports it
	}
	defer done()
	path, err := spoolTo(ctx, r, name, "decruft-pipe-*"+filepath.Ext(name))
	if err == nil {
		if p.spools == nil {
			p.spools = map[string]string{}
		}
		p.spools[name] = path
	}
	return path, err
}

// spoolTo copies r to a new temp file and returns its path.
func spoolTo(ctx context.Context, r io.Reader, name, pattern string) (string, error) {
	tmp, err := os.CreateTemp("", pattern)
	if err != nil {
		return "", noTemp{fmt.Errorf("%s: no temp file to copy it to, to read it twice: %w", name, err)}
	}
	_, err = io.Copy(tmp, r)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	switch {
	case ctx.Err() != nil:
		return tmp.Name(), interruption(ctx)
	case err != nil:
		return tmp.Name(), fmt.Errorf("%s: copying it to %s to read it twice: %w", name, tmp.Name(), err)
	}
	return tmp.Name(), nil
}

// noTemp is the error of a copy that could not start: nothing is read.
type noTemp struct{ err error }

func (e noTemp) Error() string { return e.err.Error() }
func (e noTemp) Unwrap() error { return e.err }

// readProfile reads --profile's file; errors name it.
func readProfile(path string) (*corpus.Known, error) {
	f, err := os.Open(path)
	if err == nil {
		var fi os.FileInfo
		if fi, err = f.Stat(); err == nil && fi.IsDir() {
			err = errors.New("is a directory")
		}
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("--profile %s: %w", path, err)
	}
	defer func() { _ = f.Close() }()
	k, err := corpus.ReadProfile(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// cleanOptions are what the engine gets beside each text: the page's hints
// and the run's corpus.
func (p *processor) cleanOptions(hints []clean.Hint) clean.Options {
	o := clean.Options{Hints: hints}
	if p.corpus != nil {
		o.Corpus = p.corpus
	}
	return o
}

// interruption is the error of a run its context ended: the signal's.
func interruption(ctx context.Context) error {
	if cause := context.Cause(ctx); errors.Is(cause, errInterrupted) {
		return cause
	}
	return errInterrupted
}
