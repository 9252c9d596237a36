package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
)

// sniffLen is how much of an input is searched for NUL bytes, as git
// decides what is binary.
const sniffLen = 8000

// sniffWindow is how much of standard input is looked at to tell JSON
// lines from text.
const sniffWindow = 64 << 10

// readChunk bounds one read, so that a long input checks for a signal
// between chunks.
const readChunk = 4 << 20

var errBinary = refusal{"binary input (NUL bytes); decruft cleans text"}

// readInput reads all of r. It judges binary input by its first 8000
// bytes before reading on, so /dev/zero or a large binary file is refused
// at once rather than held in memory, and it stops when ctx is done. size
// is the expected size (from a file's stat), or -1.
func readInput(ctx context.Context, r io.Reader, size int64) ([]byte, error) {
	// A known size needs one byte more to see the end; an unknown one
	// starts at a chunk. (A 64 KiB minimum for every file made a mirror of
	// small files spend its time clearing and collecting buffers.)
	capacity := size + 1
	if size < 0 {
		capacity = 64 << 10
	}
	data := make([]byte, 0, capacity)
	sniffed := false
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // let append pick the growth
		}
		n, err := r.Read(data[len(data):min(cap(data), len(data)+readChunk)])
		data = data[:len(data)+n]
		if !sniffed && (len(data) >= sniffLen || err != nil) {
			sniffed = true
			if bytes.IndexByte(data[:min(len(data), sniffLen)], 0) >= 0 {
				return nil, errBinary
			}
		}
		switch {
		case err == io.EOF:
			return data, nil
		case err != nil:
			return nil, err
		case ctx.Err() != nil:
			return nil, ctx.Err()
		}
	}
}

// openInput opens a named input. A FIFO blocks in open until a writer
// comes, and a FIFO or a device in read, so those are opened and read in a
// goroutine of their own that gives way when ctx is done.
func openInput(ctx context.Context, path string) (io.Reader, os.FileInfo, func(), error) {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		f, err := openFile(path, os.O_RDONLY, 0)
		if err != nil {
			return nil, nil, nil, err
		}
		if fi, err = f.Stat(); err != nil {
			_ = f.Close()
			return nil, nil, nil, err
		}
		return f, fi, func() { _ = f.Close() }, nil
	}
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.Open(path)
		ch <- opened{f, err}
	}()
	var f *os.File
	select {
	case o := <-ch:
		if o.err != nil {
			return nil, nil, nil, o.err
		}
		f = o.f
	case <-ctx.Done():
		return nil, nil, nil, ctx.Err()
	}
	fi, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, nil, nil, err
	}
	if fi.IsDir() {
		_ = f.Close()
		return nil, nil, nil, errors.New("is a directory")
	}
	return cancelable(ctx, f), fi, func() { _ = f.Close() }, nil
}

// cancelable returns a reader of r whose Read returns ctx's error as soon
// as ctx is done, even while a read of r is blocked: standard input from
// a pipe or a terminal may never deliver another byte, and the first
// Ctrl-C must still end the run.
func cancelable(ctx context.Context, r io.Reader) io.Reader {
	return &ctxReader{ctx: ctx, r: r}
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
	buf []byte
}

type readResult struct {
	n   int
	err error
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) == 0 {
		return 0, nil
	}
	// The read goes into a buffer of the reader's own: one abandoned
	// when ctx ends must not write into p later.
	if cap(c.buf) < len(p) {
		c.buf = make([]byte, len(p))
	}
	buf := c.buf[:len(p)]
	ch := make(chan readResult, 1)
	go func() {
		n, err := c.r.Read(buf)
		ch <- readResult{n, err}
	}()
	select {
	case res := <-ch:
		return copy(p, buf[:res.n]), res.err
	case <-c.ctx.Done():
		c.buf = nil // the abandoned read still owns it
		return 0, c.ctx.Err()
	}
}
