package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"runtime"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/decruft/decruft/clean/jsonl"
)

func init() {
	register.DoFn4x1[context.Context, string, string, func(string), error](&cleanFn{})
	register.Emitter1[string]()
	register.DoFn3x1[context.Context, string, func(string), error](&writeBundleFn{})
	register.Function2x0(emitMarker)
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&finalizeFn{})
	register.Iter1[string]()
}

// build adds to s the pipeline that reads the JSON lines of the files
// input matches, cleans them, and writes them to files named after output.
func build(s beam.Scope, input, output string, jobs int, set settings) {
	lines := textio.ReadWithFilename(s, input)
	cleaned := beam.ParDo(s, &cleanFn{Settings: set, Jobs: jobs}, lines)
	writeFiles(s.Scope("writeFiles"), output, cleaned)
}

var (
	records = beam.NewCounter("decruft", "records")
	changed = beam.NewCounter("decruft", "changed")
	bad     = beam.NewCounter("decruft", "bad")
)

// cleanFn cleans JSON lines (without their LF; a CR before it stays) with
// the per-record API the CLI's stream is built on. It cleans Jobs records
// at a time, as the direct runner gives it one bundle on one goroutine;
// records come out in the order they finish, which Beam does not promise
// to keep anyway.
type cleanFn struct {
	Settings settings
	// Jobs is how many records a bundle cleans at once; 0 means one per
	// CPU of the worker it runs on.
	Jobs int

	cleaner  *jsonl.Cleaner
	work     chan *task // to the workers
	done     chan *task // from the workers
	inFlight int        // tasks sent to work and not yet taken from done
}

// A task is one record on its way through a worker.
type task struct {
	file, line string
	out        string
	changed    bool
	err        error
}

func (f *cleanFn) Setup() error {
	var err error
	if f.cleaner, err = f.Settings.cleaner(); err != nil {
		return err
	}
	jobs := f.Jobs
	if jobs == 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	// With at most 2*jobs tasks in flight, neither channel ever blocks a
	// sender.
	f.work, f.done = make(chan *task, 2*jobs), make(chan *task, 2*jobs)
	for range jobs {
		go func() {
			var in, out []byte // reused: a record costs one allocation, its output
			for t := range f.work {
				in = append(in[:0], t.line...)
				var rec jsonl.Record
				out, rec, t.err = f.cleaner.AppendLine(out[:0], in)
				t.out, t.changed = string(out), rec.Changed
				f.done <- t
			}
		}()
	}
	return nil
}

func (f *cleanFn) Teardown() {
	if f.work != nil {
		close(f.work)
	}
}

func (f *cleanFn) ProcessElement(ctx context.Context, file, line string, emit func(string)) error {
	if f.inFlight == cap(f.work) {
		if err := f.finish(ctx, <-f.done, emit); err != nil {
			return err
		}
	}
	f.work <- &task{file: file, line: line}
	f.inFlight++
	for {
		select {
		case t := <-f.done:
			if err := f.finish(ctx, t, emit); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

func (f *cleanFn) FinishBundle(ctx context.Context, emit func(string)) error {
	for f.inFlight > 0 {
		if err := f.finish(ctx, <-f.done, emit); err != nil {
			return err
		}
	}
	return nil
}

// finish emits a cleaned record, or a bad one unchanged with SkipBad.
func (f *cleanFn) finish(ctx context.Context, t *task, emit func(string)) error {
	f.inFlight--
	records.Inc(ctx, 1)
	if t.err != nil {
		err := fmt.Errorf("%s: record %.60q: %v", t.file, t.line, t.err)
		if !f.Settings.SkipBad {
			return err
		}
		bad.Inc(ctx, 1)
		log.Warnf(ctx, "%v; passed through unchanged", err)
		emit(t.line)
		return nil
	}
	if t.changed {
		changed.Inc(ctx, 1)
	}
	emit(t.out)
	return nil
}

// writeFiles writes each bundle's lines, each ending in LF, to a file of
// its own, and once every bundle is done, names the files
// output-SSSSS-of-NNNNN.jsonl. No record is shuffled: the files are as
// many as the runner made bundles (one on the direct runner), and the
// memory a worker needs does not grow with the input.
func writeFiles(s beam.Scope, output string, lines beam.PCollection) {
	launch := rand.Text()[:10]
	temps := beam.ParDo(s, &writeBundleFn{Output: output, Launch: launch}, lines)
	// The marker makes the finalizer run even when no bundle wrote a file.
	marker := beam.ParDo(s, emitMarker, beam.Impulse(s))
	all := beam.GroupByKey(s, beam.AddFixedKey(s, beam.Flatten(s, temps, marker)))
	beam.ParDo0(s, &finalizeFn{Output: output, Launch: launch}, all)
}

func emitMarker(_ []byte, emit func(string)) { emit("") }

func shardName(output string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", output, i, n)
}

func tempPattern(output, launch string) string {
	return fmt.Sprintf("%s-tmp-%s-*.jsonl", output, launch)
}
