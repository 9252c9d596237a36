package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// zeros is an endless stream of NUL bytes, like /dev/zero, that counts
// what was read from it.
type zeros struct{ read atomic.Int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.read.Add(int64(len(p)))
	return len(p), nil
}

// runAsync runs decruft in-process and returns its exit code on a channel.
func runAsync(ctx context.Context, args []string, stdin io.Reader, stderr *syncBuffer) <-chan int {
	done := make(chan int, 1)
	go func() { done <- run(ctx, args, stdin, io.Discard, stderr) }()
	return done
}

// wait returns the exit code, failing the test if the run does not end:
// a hang is the bug these tests look for.
func wait(t *testing.T, done <-chan int) int {
	t.Helper()
	select {
	case code := <-done:
		return code
	case <-time.After(30 * time.Second):
		t.Fatal("decruft did not return")
		return 0
	}
}

// TestBinaryStdinRefusedEarly: endless binary input is refused after its
// first bytes, not read whole first (decruft < /dev/zero grew without bound).
func TestBinaryStdinRefusedEarly(t *testing.T) {
	for _, args := range [][]string{nil, {"--format", "text"}, {"-l"}} {
		var z zeros
		var stderr syncBuffer
		code := wait(t, runAsync(t.Context(), args, &z, &stderr))
		if code != exitError || !strings.Contains(stderr.String(), "<stdin>: binary input") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and binary input", args, code, stderr.String())
		}
		if n := z.read.Load(); n > 1<<20 {
			t.Errorf("%v: read %d bytes of binary input before refusing it", args, n)
		}
	}
}

// blockingStdin is standard input from a pipe that never delivers: it
// says when decruft starts waiting on it.
type blockingStdin struct {
	waiting chan struct{}
	once    atomic.Bool
	r       *io.PipeReader
}

func newBlockingStdin(t *testing.T) *blockingStdin {
	r, w := io.Pipe()
	t.Cleanup(func() { _ = w.Close() })
	return &blockingStdin{waiting: make(chan struct{}), r: r}
}

func (b *blockingStdin) Read(p []byte) (int, error) {
	if b.once.CompareAndSwap(false, true) {
		close(b.waiting)
	}
	return b.r.Read(p)
}

// TestInterruptWhileWaitingOnStdin: the first SIGINT ends a run that waits
// on standard input (sleep 30 | decruft needed a second Ctrl-C).
func TestInterruptWhileWaitingOnStdin(t *testing.T) {
	for _, args := range [][]string{nil, {"--format", "jsonl"}, {"-d"}} {
		stdin := newBlockingStdin(t)
		ctx, cancel := context.WithCancelCause(t.Context())
		var stderr syncBuffer
		done := runAsync(ctx, args, stdin, &stderr)
		select {
		case <-stdin.waiting:
		case code := <-done:
			t.Fatalf("%v: returned %d before reading stdin; stderr %q", args, code, stderr.String())
		}
		cancel(signalled{syscall.SIGINT})
		if code := wait(t, done); code != 130 {
			t.Errorf("%v: exit %d after SIGINT, want 130; stderr %q", args, code, stderr.String())
		}
	}
}

// yes is endless text, like the output of yes(1); it says when a
// megabyte has been read.
type yes struct {
	read    atomic.Int64
	started chan struct{}
}

func (y *yes) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "y\n"[i%2]
	}
	if y.read.Add(int64(len(p))) >= 1<<20 && y.read.Load()-int64(len(p)) < 1<<20 {
		close(y.started)
	}
	return len(p), nil
}

// TestTerminateWhileReading: SIGTERM ends a run that reads endless text
// (timeout 5 decruft did not stop it).
func TestTerminateWhileReading(t *testing.T) {
	y := &yes{started: make(chan struct{})}
	ctx, cancel := context.WithCancelCause(t.Context())
	var stderr syncBuffer
	done := runAsync(ctx, nil, y, &stderr)
	<-y.started
	cancel(signalled{syscall.SIGTERM})
	if code := wait(t, done); code != 143 {
		t.Errorf("exit %d after SIGTERM, want 143; stderr %q", code, stderr.String())
	}
}

// syncBuffer is a bytes.Buffer safe for a run's goroutines and the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
