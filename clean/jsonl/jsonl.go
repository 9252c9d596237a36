// Package jsonl cleans the text field of JSON Lines records as a stream.
//
// Each input line is a JSON object whose text sits in a string field named
// by a dotted path ("text", "article.body"). Each output line is the input
// line with only that field's value replaced by the cleaned text: other
// members, key order, number spellings and white space are kept byte for
// byte, and so is the line terminator (LF or CRLF, or none on a final line
// without one). A record whose text has nothing removed is copied whole,
// escapes and all.
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
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/decruft/decruft/clean"
)

// Options configure Run. The zero value cleans the field "text" with the
// default rules, one worker per CPU, and stops at the first bad line.
type Options struct {
	// Field is the dotted path of the text field ("article.body"); keys
	// that themselves hold dots cannot be named. Default "text".
	Field string
	// Annotate, when set, names a top-level member that lists what was
	// removed: [{"rule":"teaser","start":12,"end":340}], byte offsets
	// into the text that was cleaned (the field's decoded value unless
	// Clean transforms it). The member is appended as the object's last,
	// or, when the object already has one of that name (from an earlier
	// run), its value is replaced in place.
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
	if o.Field == "" {
		o.Field = "text"
	}
	path := strings.Split(o.Field, ".")
	for _, p := range path {
		if p == "" {
			return st, fmt.Errorf("field path %q: empty key", o.Field)
		}
	}
	if o.Annotate != "" && o.Annotate == path[0] {
		return st, fmt.Errorf("annotation field %q would replace the text field %q", o.Annotate, o.Field)
	}
	if o.Clean == nil {
		o.Clean = func(text []byte) (*clean.Result, error) { return clean.Text(text), nil }
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.GOMAXPROCS(0)
	}
	p := &processor{path: path, o: &o}

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
				p.process(j)
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
	for {
		var j *job
		var ok bool
		select {
		case j, ok = <-done:
		case <-ctx.Done():
			return st, errors.Join(ctx.Err(), bw.Flush())
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
			if j.res != nil {
				o.OnRecord(j.seq+1, j.res, j.cleaned)
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

// A job carries one line through the pipeline, with buffers it reuses.
type job struct {
	seq  int
	in   []byte // the line, terminator included
	text []byte // the decoded field value
	out  []byte // the line to write
	err  *LineError
	// What the writer adds to Stats.
	blank, changed bool
	textLen        int
	removals       []clean.Removal
	// For Options.OnRecord: the result and the field's new text.
	res     *clean.Result
	cleaned []byte
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
	j.removals, j.res, j.cleaned = nil, nil, nil
}

func (st *Stats) add(j *job) {
	st.Lines++
	st.BytesIn += int64(len(j.in))
	switch {
	case j.err != nil:
		st.Bad++
		return
	case j.blank:
		st.Blank++
		return
	}
	st.Text += int64(j.textLen)
	if j.changed {
		st.Changed++
	}
	for _, r := range j.removals {
		n := int64(r.End - r.Start)
		st.Removed += n
		rs := st.Rules[r.Rule]
		rs.Removals++
		rs.Bytes += n
		st.Rules[r.Rule] = rs
	}
}

type processor struct {
	path []string
	o    *Options
}

// process turns j.in into j.out, or sets j.err (and j.out to the line
// unchanged).
func (p *processor) process(j *job) {
	j.err, j.blank, j.changed, j.textLen, j.removals = nil, false, false, 0, nil
	j.res, j.cleaned = nil, nil
	line := j.in
	body := line
	if len(body) > 0 && body[len(body)-1] == '\n' {
		body = body[:len(body)-1]
		if len(body) > 0 && body[len(body)-1] == '\r' {
			body = body[:len(body)-1]
		}
	}
	eol := line[len(body):]
	if len(bytes.Trim(body, " \t\r")) == 0 {
		j.blank = true
		j.out = append(j.out[:0], line...)
		return
	}
	loc, err := locate(body, p.path, p.o.Annotate)
	if err != nil {
		j.err = &LineError{Line: j.seq + 1, Err: err}
		j.out = append(j.out[:0], line...)
		return
	}
	raw := body[loc.value.start:loc.value.end]
	text := raw[1 : len(raw)-1]
	if loc.escaped || !utf8.Valid(text) {
		j.text = unquote(j.text[:0], raw)
		text = j.text
	}
	j.textLen = len(text)
	res, err := p.o.Clean(text)
	if err != nil {
		j.err = &LineError{Line: j.seq + 1, Err: err}
		j.out = append(j.out[:0], line...)
		return
	}
	j.removals = res.Removals
	newValue := []byte(nil) // nil: keep the raw value
	if len(res.Removals) > 0 || !bytes.Equal(res.Doc.Src, text) {
		j.changed = true
		newValue = output(res, text)
	}
	if p.o.OnRecord != nil {
		j.res, j.cleaned = res, text
		if j.changed {
			j.cleaned = newValue
		}
	}

	// Splice: edits are the value and the annotation, in byte order.
	out := j.out[:0]
	pos := 0
	put := func(at, end int, repl []byte) {
		out = append(out, body[pos:at]...)
		out = append(out, repl...)
		pos = end
	}
	var note []byte
	if p.o.Annotate != "" {
		note = annotation(res.Removals)
	}
	valueEdit := func() {
		if newValue != nil {
			put(loc.value.start, loc.value.end, quote(nil, newValue))
		}
	}
	switch {
	case note == nil:
		valueEdit()
	case loc.annot.start >= 0 && loc.annot.start < loc.value.start:
		put(loc.annot.start, loc.annot.end, note)
		valueEdit()
	case loc.annot.start >= 0:
		valueEdit()
		put(loc.annot.start, loc.annot.end, note)
	default:
		valueEdit()
		member := make([]byte, 0, len(p.o.Annotate)+len(note)+8)
		member = append(member, ',')
		if loc.commaSpace {
			member = append(member, ' ')
		}
		member = quote(member, []byte(p.o.Annotate))
		member = append(member, ':')
		if loc.colonSpace {
			member = append(member, ' ')
		}
		member = append(member, note...)
		put(loc.last, loc.last, member)
	}
	out = append(out, body[pos:]...)
	j.out = append(out, eol...)
}

// output is the cleaned text to store. Apply ends non-empty output in a
// newline; a field value that had none gets none back.
func output(res *clean.Result, text []byte) []byte {
	out := res.Output
	if len(text) > 0 && text[len(text)-1] == '\n' || len(out) == 0 {
		return out
	}
	added := "\n"
	for _, l := range res.Doc.Lines {
		if l.Next > l.End {
			added = string(res.Doc.Src[l.End:l.Next])
			break
		}
	}
	return bytes.TrimSuffix(out, []byte(added))
}

// annotation encodes removals as a JSON array.
func annotation(rs []clean.Removal) []byte {
	b := make([]byte, 0, 2+len(rs)*48)
	b = append(b, '[')
	for i, r := range rs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"rule":`...)
		b = quote(b, []byte(r.Rule))
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(r.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(r.End), 10)
		b = append(b, '}')
	}
	return append(b, ']')
}
