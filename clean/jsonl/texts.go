package jsonl

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
)

// Texts calls fn with the decoded text of field (a dotted path, default
// "text") in each line of r, in order, as Run would clean it, for a pass
// that reads a stream before cleaning it (learning its boilerplate). Blank
// lines are passed over, and so are bad ones, after a call to onBad when
// it is not nil. The text is only valid until fn returns.
func Texts(ctx context.Context, r io.Reader, field string, fn func(text []byte), onBad func(*LineError)) error {
	if field == "" {
		field = "text"
	}
	path := strings.Split(field, ".")
	br := bufio.NewReaderSize(r, 64<<10)
	var long, scratch []byte // a line longer than br's buffer; decoded texts
	for n := 1; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		// A line that fits the reader's buffer is read there, not copied.
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long[:0], line...)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("reading line %d: %w", n, err)
		}
		body := bytes.TrimPrefix(bytes.TrimRight(line, "\r\n"), byteOrderMark)
		loc, lerr := locate(body, path, "")
		switch {
		case len(bytes.Trim(body, " \t\r")) == 0:
		case lerr != nil:
			if onBad != nil {
				onBad(&LineError{Line: n, Err: lerr})
			}
		default:
			var text []byte
			text, scratch = decodeValue(body, loc, scratch)
			fn(text)
		}
		if err == io.EOF {
			return nil
		}
	}
}
