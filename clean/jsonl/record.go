package jsonl

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/decruft/decruft/clean"
)

// A Cleaner cleans JSON Lines records one at a time, as Run does: Run is
// a Cleaner fed line by line. It serves where something else splits the
// stream (a Beam DoFn, a Spark map, a queue consumer). A Cleaner is safe
// for concurrent use.
type Cleaner struct {
	path     []string
	annotate string
	clean    func(text []byte) (*clean.Result, error)
}

// NewCleaner returns a Cleaner for o's Field, Annotate and Clean, with
// Run's defaults and checks. Jobs, SkipBad and OnBad shape a stream and
// are Run's alone.
func NewCleaner(o Options) (*Cleaner, error) {
	if o.Field == "" {
		o.Field = "text"
	}
	path := strings.Split(o.Field, ".")
	for _, p := range path {
		if p == "" {
			return nil, fmt.Errorf("field path %q: empty key", o.Field)
		}
	}
	if o.Annotate != "" && o.Annotate == path[0] {
		return nil, fmt.Errorf("annotation field %q would replace the text field %q", o.Annotate, o.Field)
	}
	if o.Clean == nil {
		o.Clean = func(text []byte) (*clean.Result, error) { return clean.Text(text), nil }
	}
	return &Cleaner{path: path, annotate: o.Annotate, clean: o.Clean}, nil
}

// A Record is what cleaning one line did.
type Record struct {
	// Blank says the line held only white space and was passed through.
	Blank bool
	// Changed says the text lost something.
	Changed bool
	// TextLen is the length of the text cleaned: the field's decoded value.
	TextLen int
	// Removals are the byte spans of that text that went, by rule.
	Removals []clean.Removal
	// Result is what cleaning the text gave (nil for a blank line), and
	// Cleaned the text the field holds now: the text itself when nothing
	// changed. Both may share memory the next line reuses.
	Result  *clean.Result
	Cleaned []byte
}

// AppendLine appends the cleaned form of one JSON line to dst. The line
// may end in LF or CRLF, which is kept, or in neither. A bad line (not
// JSON, not an object, no string at the field's path, a text Clean
// refuses) is an error saying why, and dst comes back as it was.
func (c *Cleaner) AppendLine(dst, line []byte) ([]byte, Record, error) {
	out, _, rec, err := c.appendLine(dst, nil, line)
	return out, rec, err
}

// Text cleans one record's text as AppendLine cleans the field's decoded
// value, for callers that decode records themselves. It returns the text
// to store: text itself when nothing changed, else the cleaned text, which
// ends in a line break only when text did. Its error is Clean's.
func (c *Cleaner) Text(text []byte) ([]byte, Record, error) {
	value, rec, err := c.text(text)
	if value == nil && err == nil {
		value = text
	}
	return value, rec, err
}

// text cleans a field's decoded value; the value to store is nil when
// the raw value stays.
func (c *Cleaner) text(text []byte) ([]byte, Record, error) {
	res, err := c.clean(text)
	if err != nil {
		return nil, Record{}, err
	}
	rec := Record{TextLen: len(text), Removals: res.Removals, Result: res, Cleaned: text}
	if len(res.Removals) == 0 && bytes.Equal(res.Doc.Src, text) {
		return nil, rec, nil
	}
	rec.Changed = true
	rec.Cleaned = fieldValue(res, text)
	return rec.Cleaned, rec, nil
}

// fieldValue is the cleaned text to store in the field: the source bytes
// the engine kept, without the line break it completes at the end of its
// output, and without the last kept line's own break when the field's text
// ended without one (a final CR is a line break, as Parse reads it).
func fieldValue(res *clean.Result, text []byte) []byte {
	d := res.Doc
	kept, _ := res.Fates()
	n, last := d.BOM, -1
	for i, pieces := range kept {
		if pieces == nil {
			continue
		}
		for _, p := range pieces {
			n += p.End - p.Start
		}
		n += d.Lines[i].Next - d.Lines[i].End
		last = i
	}
	if last >= 0 && !bytes.HasSuffix(text, []byte("\n")) && !bytes.HasSuffix(text, []byte("\r")) {
		n -= d.Lines[last].Next - d.Lines[last].End
	}
	return res.Output[:n]
}

var byteOrderMark = []byte("\xef\xbb\xbf")

// appendLine is AppendLine with a scratch buffer for the decoded text,
// which it returns for reuse.
func (c *Cleaner) appendLine(dst, scratch, line []byte) ([]byte, []byte, Record, error) {
	given := len(dst) // a bad line gives dst back as it was
	if rest, ok := bytes.CutPrefix(line, byteOrderMark); ok {
		// JSON allows a parser to pass over a byte order mark, as some
		// tools start a file with one; it stays where it was.
		dst, line = append(dst, byteOrderMark...), rest
	}
	body := line
	if len(body) > 0 && body[len(body)-1] == '\n' {
		body = body[:len(body)-1]
		if len(body) > 0 && body[len(body)-1] == '\r' {
			body = body[:len(body)-1]
		}
	}
	eol := line[len(body):]
	if len(bytes.Trim(body, " \t\r")) == 0 {
		return append(dst, line...), scratch, Record{Blank: true}, nil
	}
	loc, err := locate(body, c.path, c.annotate)
	if err != nil {
		return dst[:given], scratch, Record{}, err
	}
	var text []byte
	text, scratch = decodeValue(body, loc, scratch)
	value, rec, err := c.text(text)
	if err != nil {
		return dst[:given], scratch, Record{}, err
	}

	// Splice: edits are the value and the annotation, in byte order.
	out := slices.Grow(dst, len(line))
	pos := 0
	put := func(at, end int, repl []byte) {
		out = append(out, body[pos:at]...)
		out = append(out, repl...)
		pos = end
	}
	var note []byte
	// A record that loses nothing keeps the list an earlier run gave it,
	// so that annotating twice changes nothing.
	if c.annotate != "" && (rec.Changed || loc.annot.start < 0) {
		note = annotation(rec.Removals)
	}
	valueEdit := func() {
		if value != nil {
			put(loc.value.start, loc.value.end, quote(nil, value))
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
		member := make([]byte, 0, len(c.annotate)+len(note)+8)
		member = append(member, ',')
		if loc.commaSpace {
			member = append(member, ' ')
		}
		member = quote(member, []byte(c.annotate))
		member = append(member, ':')
		if loc.colonSpace {
			member = append(member, ' ')
		}
		member = append(member, note...)
		put(loc.last, loc.last, member)
	}
	out = append(out, body[pos:]...)
	return append(out, eol...), scratch, rec, nil
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
