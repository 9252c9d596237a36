// Package jsonl cleans the text field of JSON Lines records as a stream.
//
// Each input line is a JSON object whose text sits in a string field named
// by a dotted path ("text", "article.body"). Each output line is the input
// line with only that field's value replaced by the cleaned text: other
// members, key order, number spellings and white space are kept byte for
// byte, and so is the line terminator (LF or CRLF, or none on a final line
// without one). A record whose text has nothing removed is copied whole,
// escapes and all. A cleaned text ends in a line break only when the
// field's text did.
//
// Run cleans a stream; a Cleaner cleans one line, or one record's text,
// for engines that split the stream themselves. Run is a Cleaner fed line
// by line, so both give the same bytes.
//
// The field's value is found by one iterative scan of the raw line, which
// also checks that the line is valid JSON, and replaced by splicing in the
// re-encoded string. Strings are decoded as encoding/json decodes them: an
// invalid UTF-8 byte or an unpaired surrogate escape in the text becomes
// U+FFFD, so a changed text holds U+FFFD where the input had such bytes.
// The new string is encoded as encoding/json encodes it, except that "<",
// ">" and "&" are not escaped.
package jsonl

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/decruft/decruft/clean"
)

// Options configure Run and NewCleaner. The zero value cleans the field
// "text" with the default rules, one worker per CPU, and stops at the first
// bad line.
type Options struct {
	// Field is the dotted path of the text field ("article.body"); keys
	// that themselves hold dots cannot be named. Default "text".
	Field string
	// Annotate, when set, names a top-level member that lists what was
	// removed: [{"rule":"teaser","start":12,"end":340}], byte offsets
	// into the text that was cleaned (the field's decoded value unless
	// Clean transforms it). The member is appended as the object's last,
	// or, when the object already has one of that name (from an earlier
	// run), its value is replaced in place if the text loses something
	// now, and kept if not: annotating twice changes nothing.
	Annotate string
	// SkipBad passes bad lines through unchanged, calling OnBad for each,
	// instead of stopping at the first.
	SkipBad bool
	// OnBad is called with each bad line's error when SkipBad is set, in
	// input order, from Run's goroutine.
	OnBad func(err *LineError)
	// Jobs is the number of lines cleaned in parallel; the output stays in
	// input order. Default runtime.GOMAXPROCS(0).
	Jobs int
	// Clean cleans one text; it must be safe for concurrent use. Default
	// clean.Text (the default rules). An error makes the line a bad line,
	// as a missing field does: a cleaner that extracts text from HTML may
	// find none.
	Clean func(text []byte) (*clean.Result, error)
	// OnRecord, when set, is called for each record cleaned, in input
	// order, from Run's goroutine: its 1-based line number, what cleaning
	// its text gave, and the text its field holds now (the text itself
	// when nothing was removed). Neither may be kept after it returns.
	OnRecord func(line int, res *clean.Result, cleaned []byte)
}

// A LineError is a bad input line: not JSON, not an object, or without a
// string at the field's path.
type LineError struct {
	Line int // 1-based
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// Stats count what Run did, for a summary.
type Stats struct {
	Lines   int   // lines read and written, blank and bad ones included
	Blank   int   // lines holding only white space, passed through
	Bad     int   // bad lines passed through (SkipBad)
	Changed int   // lines whose text lost something
	BytesIn int64 // input bytes of the lines counted
	Text    int64 // bytes of decoded text cleaned
	Removed int64 // bytes removed from those texts
	// Rules counts removals and removed bytes by rule name.
	Rules map[string]RuleStats
}

// RuleStats count one rule's removals.
type RuleStats struct {
	Removals int
	Bytes    int64
}

// Run reads JSON lines from r and writes one line to w for each line read,
// in input order. Blank lines pass through unchanged.
//
// A bad line stops Run: every earlier line is written, nothing after, and
// the error is a *LineError naming the line. With SkipBad, the bad line is
// written unchanged, counted, and reported to OnBad. Other errors (reading,
// writing, ctx) also stop Run after the lines before them are written.
//
// Memory is bounded by the longest line times a small multiple of Jobs;
// lines of any length work. When Run returns early, a Read on r already in
// progress may still complete; nothing it returns is used.
func Run(ctx context.Context, r io.Reader, w io.Writer, o Options) (Stats, error) {
	st := Stats{Rules: map[string]RuleStats{}}
	c, err := NewCleaner(o)
	if err != nil {
		return st, err
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.GOMAXPROCS(0)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// n jobs circulate: free → reader → work → workers → done → writer →
	// free. With n in flight at most, the writer's reorder ring of n slots
	// never collides.
	n := 2*o.Jobs + 2
	free := make(chan *job, n)
	for range n {
		free <- new(job)
	}
	work := make(chan *job, n)
	done := make(chan *job, n)

	var readErr error // set by the reader before it closes work
	go func() {
		defer close(work)
		br := bufio.NewReaderSize(r, 64<<10)
		for seq := 0; ; seq++ {
			var j *job
			select {
			case j = <-free:
			case <-ctx.Done():
				return
			}
			j.seq = seq
			j.in = j.in[:0]
			var err error
			for {
				var s []byte
				s, err = br.ReadSlice('\n')
				j.in = append(j.in, s...)
				if err != bufio.ErrBufferFull {
					break
				}
			}
			if err != nil && err != io.EOF {
				readErr = fmt.Errorf("reading line %d: %w", seq+1, err)
				return
			}
			if len(j.in) > 0 {
				work <- j // never blocks: work holds n
			}
			if err == io.EOF {
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range o.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.process(c)
				select {
				case done <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	bw := bufio.NewWriterSize(w, 64<<10)
	ring := make([]*job, n)
	next := 0
	idle := time.NewTimer(time.Hour)
	defer idle.Stop()
	for {
		var j *job
		var ok bool
		select {
		case j, ok = <-done:
		case <-ctx.Done():
			return st, errors.Join(ctx.Err(), bw.Flush())
		default:
			// Nothing is ready. Lines written wait in bw, which is right
			// for a file but not for a live stream (tail -f): when the
			// wait lasts, they go out.
			idle.Reset(flushAfter)
			select {
			case j, ok = <-done:
			case <-ctx.Done():
				return st, errors.Join(ctx.Err(), bw.Flush())
			case <-idle.C:
				if err := bw.Flush(); err != nil {
					return st, err
				}
				select {
				case j, ok = <-done:
				case <-ctx.Done():
					return st, errors.Join(ctx.Err(), bw.Flush())
				}
			}
		}
		if !ok {
			break
		}
		ring[j.seq%n] = j
		for {
			j := ring[next%n]
			if j == nil || j.seq != next {
				break
			}
			ring[next%n] = nil
			next++
			if j.err != nil && !o.SkipBad {
				return st, errors.Join(j.err, bw.Flush())
			}
			if _, err := bw.Write(j.out); err != nil {
				return st, err
			}
			st.add(j)
			if o.OnRecord != nil && j.rec.Result != nil {
				o.OnRecord(j.seq+1, j.rec.Result, j.rec.Cleaned)
			}
			if j.err != nil && o.OnBad != nil {
				o.OnBad(j.err)
			}
			j.release()
			free <- j
		}
	}
	if err := bw.Flush(); err != nil {
		return st, err
	}
	if readErr == nil {
		readErr = ctx.Err() // a cancelled reader stops early
	}
	return st, readErr
}

// flushAfter is how long cleaned lines may wait in the output buffer while
// no more are ready: long beside a line's cleaning, short for a reader of
// a live stream.
const flushAfter = 50 * time.Millisecond

// A job carries one line through the pipeline, with buffers it reuses.
type job struct {
	seq  int
	in   []byte // the line, terminator included
	text []byte // scratch for the decoded field value
	out  []byte // the line to write
	err  *LineError
	rec  Record // what the writer adds to Stats
}

// process turns j.in into j.out, or sets j.err (and j.out to the line
// unchanged).
func (j *job) process(c *Cleaner) {
	var err error
	j.out, j.text, j.rec, err = c.appendLine(j.out[:0], j.text, j.in)
	j.err = nil
	if err != nil {
		j.err = &LineError{Line: j.seq + 1, Err: err}
		j.out = append(j.out[:0], j.in...)
	}
}

// release drops buffers a very long line left big, so that one such line
// does not pin its memory for the rest of the run.
func (j *job) release() {
	const keep = 4 << 20
	if cap(j.in) > keep {
		j.in = nil
	}
	if cap(j.text) > keep {
		j.text = nil
	}
	if cap(j.out) > keep {
		j.out = nil
	}
	j.rec = Record{}
}

func (st *Stats) add(j *job) {
	st.Lines++
	st.BytesIn += int64(len(j.in))
	switch {
	case j.err != nil:
		st.Bad++
		return
	case j.rec.Blank:
		st.Blank++
		return
	}
	st.Text += int64(j.rec.TextLen)
	if j.rec.Changed {
		st.Changed++
	}
	for _, r := range j.rec.Removals {
		n := int64(r.End - r.Start)
		st.Removed += n
		rs := st.Rules[r.Rule]
		rs.Removals++
		rs.Bytes += n
		st.Rules[r.Rule] = rs
	}
}
