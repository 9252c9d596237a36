package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/config"
	"github.com/decruft/decruft/clean/corpus"
	"github.com/decruft/decruft/clean/jsonl"
)

// minCorpusDocs is the number of distinct documents from which a run
// learns its boilerplate: with fewer, "recurring in 3" says little.
const minCorpusDocs = 10

// prepareCorpus gives the boilerplate rule what it needs: a profile
// (--profile), or what a first pass over the run's inputs learns. Standard
// input that is a JSONL stream is spooled to a temp file to be read twice;
// the returned cleanup removes it.
func (p *processor) prepareCorpus(ctx context.Context, args []string) (cleanup func(), err error) {
	cleanup = func() {}
	o := p.o
	if o.profile != "" {
		k, err := readProfile(o.profile)
		if err != nil {
			return cleanup, err
		}
		if o.boilerplateMin > 0 {
			if o.boilerplateMin < k.Min {
				return cleanup, fmt.Errorf("--boilerplate-min %d: %s holds the lines of at least %d documents; learn it again to go lower", o.boilerplateMin, o.profile, k.Min)
			}
			k.Min = o.boilerplateMin
		}
		p.corpus = k
		return cleanup, nil
	}
	first := ""
	if len(args) > 0 && args[0] != "-" {
		first = args[0]
	}
	rules, err := p.rules.forPath(first)
	if err != nil || !slices.Contains(rules, clean.Boilerplate) {
		return cleanup, nil // a bad config is reported by the run itself
	}
	k, cleanup, err := p.learn(ctx, args)
	if err != nil || k.Distinct < minCorpusDocs {
		return cleanup, err
	}
	p.corpus = k
	return cleanup, nil
}

// boilerplateMin is the run's threshold: --boilerplate-min, else the
// [boilerplate] min of the config for the first input, else the default.
func (p *processor) boilerplateMin(first string) int {
	if p.o.boilerplateMin > 0 {
		return p.o.boilerplateMin
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
		cfg, _ = config.Find(dir)
	}
	if cfg != "" {
		if c, err := config.Load(cfg); err == nil && c.BoilerplateMin > 0 {
			return c.BoilerplateMin
		}
	}
	return corpus.DefaultMin
}

// learn reads every input once and counts its lines. Inputs that cannot be
// read are passed over: the cleaning pass reports them.
func (p *processor) learn(ctx context.Context, args []string) (*corpus.Known, func(), error) {
	cleanup := func() {}
	first := ""
	if len(args) > 0 && args[0] != "-" {
		first = args[0]
	}
	c := corpus.NewCounter(corpus.Options{Min: p.boilerplateMin(first)})
	stdin := len(args) == 0 || slices.Contains(args, "-")
	spool := ""
	if stdin {
		f, err := p.formatOf(source{name: stdinName})
		if ctx.Err() != nil {
			return nil, cleanup, interruption(ctx)
		}
		if err != nil {
			return nil, cleanup, err
		}
		if f == formatJSONL {
			if spool, cleanup, err = p.spoolStdin(ctx); err != nil {
				return nil, cleanup, err
			}
		}
	}
	sources := make(chan source)
	go func() {
		defer close(sources)
		gather(ctx, p.o, args, sources)
	}()
	for src := range sources {
		if src.err != nil || src.skipped != "" {
			continue
		}
		if src.path == "" {
			if spool == "" {
				continue // one text: nothing recurs in it
			}
			src.path = spool
		}
		p.count(ctx, c, src)
	}
	if ctx.Err() != nil {
		return nil, cleanup, interruption(ctx)
	}
	return c.Known(), cleanup, nil
}

// count adds one source's documents to c: a JSONL file's records, or a
// text or HTML file's text as the rules will read it.
func (p *processor) count(ctx context.Context, c *corpus.Counter, src source) {
	if fi, err := os.Stat(src.path); err != nil || !fi.Mode().IsRegular() {
		return // a FIFO or device is read once, by the cleaning pass
	}
	f, err := p.formatOf(src)
	if err != nil {
		return
	}
	if f == formatJSONL {
		r, _, done, err := openInput(ctx, src.path)
		if err != nil {
			return
		}
		defer done()
		_ = jsonl.Texts(ctx, r, p.o.field, func(field []byte) {
			if p.o.fieldFormat == "html" {
				page, err := p.htmlText(field)
				if err != nil {
					return
				}
				field = page.Text
			}
			c.Add(field)
		}) // a read error shows in the cleaning pass
		return
	}
	if in, err := p.load(ctx, src, f); err == nil {
		c.Add(in.text)
	}
}

// spoolStdin copies standard input to a temp file that the run reads
// instead, and returns its path and a function that removes it.
func (p *processor) spoolStdin(ctx context.Context) (string, func(), error) {
	tmp, err := os.CreateTemp("", "decruft-stdin-*.jsonl")
	if err != nil {
		return "", func() {}, fmt.Errorf("spooling standard input to read it twice: %w", err)
	}
	cleanup := func() {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
	}
	if _, err := io.Copy(tmp, p.stdin); err != nil {
		if ctx.Err() != nil {
			return "", cleanup, interruption(ctx)
		}
		return "", cleanup, fmt.Errorf("spooling standard input to %s: %w", tmp.Name(), err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return "", cleanup, err
	}
	p.stdin = bufio.NewReaderSize(tmp, sniffWindow)
	return tmp.Name(), cleanup, nil
}

// readProfile reads --profile's file; errors name it.
func readProfile(path string) (*corpus.Known, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--profile: %w", err)
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
