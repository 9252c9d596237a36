package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/jsonl"
)

// formatByName is the format of a file at path before its bytes are read:
// --format when given, else by extension; auto leaves it to the content.
func formatByName(f format, path string) format {
	if f != formatAuto {
		return f
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".html", ".htm":
		return formatHTML
	}
	return formatAuto
}

// formatOf is a source's format before it is read whole: by name, and for
// standard input under auto by its first line, since a stream of JSON
// lines has no name to go by.
func (p *processor) formatOf(src source) (format, error) {
	f := formatByName(p.o.format, src.path)
	if f != formatAuto || src.path != "" {
		return f, nil
	}
	head, err := p.stdin.Peek(sniffWindow)
	whole := errors.Is(err, io.EOF)
	if err != nil && !whole {
		return f, err
	}
	if looksLikeJSONL(head, whole) {
		return formatJSONL, nil
	}
	return f, nil
}

// looksLikeJSONL reports whether an input that starts with head (all of
// it, if whole) starts with a JSON object on a line of its own; when the
// first line is longer than head, whether it starts with `{"`, as no
// article does.
func looksLikeJSONL(head []byte, whole bool) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	line, _, complete := bytes.Cut(head, []byte("\n"))
	if !complete && !whole {
		return bytes.HasPrefix(head, []byte(`{"`))
	}
	return bytes.HasPrefix(line, []byte("{")) && json.Valid(line)
}

// jsonlOutcome defers a JSONL source to its turn to print, where it is
// streamed line by line (see outcome.stream).
func (p *processor) jsonlOutcome(ctx context.Context, out outcome, rules []*clean.Rule) outcome {
	if p.o.diff || p.o.report == reportJSON {
		out.err = errors.New("--diff and --report json work on text and HTML; for JSONL, --annotate adds each record's removals to it, and --report html shows a run's")
		return out
	}
	out.stream = func(stdout, stderr io.Writer) outcome {
		return p.streamJSONL(ctx, out, rules, stdout, stderr)
	}
	return out
}

func (p *processor) streamJSONL(ctx context.Context, out outcome, rules []*clean.Rule, stdout, stderr io.Writer) outcome {
	src := out.src
	var in io.Reader = p.stdin
	var perm os.FileMode
	if src.path != "" {
		r, fi, done, err := openInput(ctx, p.pathOf(src))
		if err != nil {
			out.err = err
			return out
		}
		defer done()
		in, perm = r, keptMode(fi)
	}
	opts := jsonl.Options{
		Field:    p.o.field,
		Annotate: p.o.annotate,
		SkipBad:  p.o.skipBad,
		Jobs:     p.o.jobs,
		Clean:    p.fieldCleaner(rules),
		OnBad: func(err *jsonl.LineError) {
			warn(stderr, "decruft: %s: %v; passed through unchanged", src.name, err)
			p.audit.badLine(src.name, err)
		},
		OnRecord: p.audit.record(src.name),
	}
	w, tmp, dst, name, err := p.jsonlDestination(src, perm, stdout)
	if err != nil {
		out.err = p.outputError(dst, err)
		return out
	}
	st, err := jsonl.Run(ctx, in, w, opts)
	out.lines, out.changed, out.err = &st, st.Changed > 0, err
	switch {
	case tmp == nil:
	case err != nil || p.o.write && !out.changed:
		abandon(tmp) // a file that needs no change is not rewritten
	case !p.o.write && sameFile(tmp.at, tmp.name, name):
		abandon(tmp) // nor a copy that holds the content already
	default:
		out.err = p.outputError(dst, commit(tmp, name, perm, p.o.write))
	}
	if p.o.list && out.changed && out.err == nil {
		p.listName(stdout, src.name)
	}
	return out
}

// outputError names an -o copy whose write failed (see copyError); -w's
// output is its input, which the report names already.
func (p *processor) outputError(dst string, err error) error {
	if p.o.outDir == "" || dst == "" {
		return err
	}
	return copyError(dst, err)
}

// jsonlDestination says where a JSONL source's cleaned lines go: stdout,
// nowhere (-l, --check), or a temp file tmp that is renamed to name when
// complete (-w, -o); dst names that for messages.
func (p *processor) jsonlDestination(src source, perm os.FileMode, stdout io.Writer) (w io.Writer, tmp *tempFile, dst, name string, err error) {
	var at place = anywhere{}
	switch {
	case p.o.write:
		dst, name = src.path, src.path
	case p.o.outDir != "":
		if dst, name, err = p.mirrorPath(src.rel); err != nil {
			return nil, nil, "", "", err
		}
		at = p.outRoot
	case p.o.mode() != showText:
		return io.Discard, nil, "", "", nil
	default:
		return stdout, nil, "", "", nil
	}
	if tmp, err = createTemp(at, name, perm); err != nil {
		return nil, nil, dst, name, err
	}
	return tmp, tmp, dst, name, nil
}
