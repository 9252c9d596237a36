package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// writeBundleFn writes a bundle's lines to a temporary file and, when the
// bundle finishes, passes its name on to the finalizer. A bundle that
// fails leaves a file the finalizer never hears of, and removes.
type writeBundleFn struct {
	Output, Launch string

	fs   filesystem.Interface
	temp string
	w    io.WriteCloser
	bw   *bufio.Writer
}

// ProcessElement writes a line. Its emitter declares the output, the
// file's name, which FinishBundle emits.
func (f *writeBundleFn) ProcessElement(ctx context.Context, line string, _ func(string)) error {
	if f.bw == nil {
		fs, err := filesystem.New(ctx, f.Output)
		if err != nil {
			return err
		}
		f.fs = fs
		f.temp = fmt.Sprintf("%s-tmp-%s-%s.jsonl", f.Output, f.Launch, rand.Text()[:10])
		if f.w, err = fs.OpenWrite(ctx, f.temp); err != nil {
			return err
		}
		f.bw = bufio.NewWriterSize(f.w, 1<<20)
	}
	if _, err := f.bw.WriteString(line); err != nil {
		return err
	}
	return f.bw.WriteByte('\n')
}

func (f *writeBundleFn) FinishBundle(ctx context.Context, emit func(string)) error {
	if f.bw == nil {
		return nil
	}
	err := errors.Join(f.bw.Flush(), f.w.Close(), f.fs.Close())
	temp := f.temp
	f.bw, f.w, f.fs = nil, nil, nil
	if err != nil {
		return fmt.Errorf("writing %s: %w", temp, err)
	}
	emit(temp)
	return nil
}

// Teardown closes the file of a bundle that failed; the finalizer removes it.
func (f *writeBundleFn) Teardown() error {
	if f.bw == nil {
		return nil
	}
	return errors.Join(f.w.Close(), f.fs.Close())
}

// finalizeFn names the files of the bundles that succeeded
// output-SSSSS-of-NNNNN.jsonl, and removes those of attempts that failed.
// With no file at all, it writes one empty file, so that the output
// exists. Run again after a failure, it skips files already renamed.
type finalizeFn struct {
	Output, Launch string
}

func (f *finalizeFn) ProcessElement(ctx context.Context, _ int, names func(*string) bool) (err error) {
	var temps []string
	var name string
	for names(&name) {
		if name != "" {
			temps = append(temps, name)
		}
	}
	slices.Sort(temps)
	fs, err := filesystem.New(ctx, f.Output)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, fs.Close()) }()
	if len(temps) == 0 {
		return filesystem.Write(ctx, fs, shardName(f.Output, 0, 1), nil)
	}
	for i, temp := range temps {
		final := shardName(f.Output, i, len(temps))
		if _, err := fs.Size(ctx, temp); err != nil {
			if _, done := fs.Size(ctx, final); done == nil {
				continue
			}
		}
		if err := filesystem.Rename(ctx, fs, temp, final); err != nil {
			return err
		}
	}
	stale, err := fs.List(ctx, tempPattern(f.Output, f.Launch))
	if rm, ok := fs.(filesystem.Remover); ok && err == nil {
		for _, s := range stale {
			err = errors.Join(err, rm.Remove(ctx, s))
		}
	}
	return err
}
