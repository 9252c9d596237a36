// Command decruft-beam cleans JSON Lines with decruft on Apache Beam: on
// one machine with the direct or prism runner, or on Dataflow, Flink or
// Spark. Each record's text field is cleaned exactly as decruft --format
// jsonl cleans it; the records are written to shards, in no particular
// order. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

func main() {
	tuneGC()
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "decruft-beam: %v\n", err)
		os.Exit(2)
	}
}

func run() error {
	var (
		input  = flag.String("input", "", "JSONL files to clean: a path or glob (local, gs://…)")
		output = flag.String("output", "", "prefix of the files to write: PREFIX-00000-of-00008.jsonl …")
		jobs   = flag.Int("jobs", 0, "records each bundle cleans in parallel (default: the worker's CPUs)")
		config = flag.String("config", "", "rule settings from this .decruft.toml, read at launch")
		prof   = flag.String("profile", "", "boilerplate from this profile of 'decruft learn', read at launch")
		set    settings
	)
	flag.Var((*listFlag)(&set.Enable), "enable", "rules to turn on (comma-separated, repeatable)")
	flag.Var((*listFlag)(&set.Disable), "disable", "rules to turn off (comma-separated, repeatable); wins over --enable")
	flag.StringVar(&set.Field, "field", "text", "dotted path of the text field")
	flag.StringVar(&set.Annotate, "annotate", "", "add a member of this name listing each record's removals")
	flag.BoolVar(&set.SkipBad, "skip-bad", false, "pass bad records through unchanged, with a warning, instead of failing")
	flag.Parse()
	beam.Init()

	switch {
	case *input == "" || *output == "":
		return fmt.Errorf("--input and --output are required")
	case *jobs < 0:
		return fmt.Errorf("--jobs %d: want 0 (the worker's CPUs) or more", *jobs)
	case flag.NArg() > 0:
		return fmt.Errorf("unexpected argument %q: inputs go in --input", flag.Arg(0))
	}
	// Files read at launch, to travel inside the pipeline.
	for _, f := range []struct {
		path  string
		name  *string
		bytes *[]byte
	}{{*config, &set.ConfigPath, &set.Config}, {*prof, &set.ProfilePath, &set.Profile}} {
		if f.path == "" {
			continue
		}
		data, err := os.ReadFile(f.path)
		if err != nil {
			if pe, ok := errors.AsType[*fs.PathError](err); ok {
				err = pe.Err
			}
			return fmt.Errorf("%s: %v", f.path, err)
		}
		*f.name, *f.bytes = f.path, data
	}
	// The workers build the same cleaner; a bad config or rule name
	// fails here, before any work is submitted.
	if _, err := set.cleaner(); err != nil {
		return err
	}

	// Beam reads a glob that matches nothing as no input, and succeeds.
	ctx := context.Background()
	if err := matchesSome(ctx, *input); err != nil {
		return err
	}

	p, s := beam.NewPipelineWithRoot()
	build(s, *input, *output, *jobs, set)
	return beamx.Run(ctx, p)
}

// matchesSome checks that the input names at least one file.
func matchesSome(ctx context.Context, input string) error {
	fsys, err := filesystem.New(ctx, input)
	if err != nil {
		return err
	}
	files, err := fsys.List(ctx, input)
	switch {
	case err != nil:
		err = fmt.Errorf("%s: %v", input, err)
	case len(files) == 0:
		err = fmt.Errorf("%s: no such file", input)
	}
	return errors.Join(err, fsys.Close())
}

// tuneGC collects garbage less often, unless GOGC says otherwise. Beam's
// own heap is large and lives as long as the process: at the default GOGC
// the direct runner collects 92 times on the development corpus and spends
// 15% of its CPU on it; at 400, 21 times.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// listFlag collects names from repeated or comma-separated values, as the
// CLI's --enable and --disable do.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(value string) error {
	for n := range strings.SplitSeq(value, ",") {
		if n = strings.TrimSpace(n); n != "" {
			*l = append(*l, n)
		}
	}
	return nil
}
