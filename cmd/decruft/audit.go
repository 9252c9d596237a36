package main

import (
	"fmt"
	"io"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/audit"
	"github.com/decruft/decruft/clean/jsonl"
)

// An auditor gathers --report html's page over the run, in input order,
// on the goroutine that prints outcomes, and writes it when the run ends.
// A nil auditor, for the other modes, does nothing.
type auditor struct{ a *audit.Audit }

func newAuditor(o *options, args []string) *auditor {
	if o.report != reportHTML {
		return nil
	}
	if len(args) == 0 {
		args = []string{stdinName}
	}
	return &auditor{audit.New(args)}
}

// add records an input's outcome. A JSONL stream's records are added one
// by one as it runs (record).
func (au *auditor) add(out outcome) {
	switch {
	case au == nil:
	case out.err != nil:
		au.a.Fail(out.src.name, describe(out.err))
	case out.skipped:
		au.a.Skip(out.src.name, out.notice)
	case out.res != nil:
		au.a.Add(out.src.name, out.res, len(out.output))
	}
}

// record is a JSONL stream's hook that adds its records, named by line:
// "docs.jsonl:17".
func (au *auditor) record(name string) func(int, *clean.Result, []byte) {
	if au == nil {
		return nil
	}
	return func(line int, res *clean.Result, cleaned []byte) {
		au.a.Add(recordName(name, line), res, len(cleaned))
	}
}

// badLine records a JSONL line passed through with --skip-bad.
func (au *auditor) badLine(name string, err *jsonl.LineError) {
	if au != nil {
		au.a.Fail(recordName(name, err.Line), err.Err.Error())
	}
}

func recordName(name string, line int) string { return fmt.Sprintf("%s:%d", name, line) }

// write writes the page, whole: it is rendered before a byte is written.
func (au *auditor) write(w io.Writer) error {
	if au == nil {
		return nil
	}
	return au.a.WriteHTML(w, versionString(), clean.All)
}
