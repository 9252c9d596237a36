package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/decruft/decruft/clean/corpus"
	"github.com/decruft/decruft/clean/jsonl"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func addCorpusFlags(f *pflag.FlagSet, o *options) {
	f.StringVar(&o.profile, "profile", "", "remove the boilerplate a `FILE` from 'decruft learn' holds, instead of learning it from this run")
	f.IntVar(&o.boilerplateMin, "boilerplate-min", 0, "boilerplate: lines must recur in `N` distinct documents (default 3, or the config's [boilerplate] min)")
}

func newLearnCmd(o *options, stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "learn [PATH...]",
		Short: "Learn the boilerplate of a corpus and write it as a profile",
		Long: `Learn reads a corpus (folders, files, JSONL streams, or a JSONL stream on
standard input) as a cleaning run's first pass does, and writes the lines
that recur in at least --boilerplate-min distinct documents, with the
neighbours they recur beside, as a profile: plain text, one line a row,
most documents first. "decruft --profile FILE" then removes them from
any input, even a single page on standard input.`,
		Example: `  decruft learn crawl/ -o site.profile
  decruft learn --format jsonl dump.jsonl > site.profile
  curl -s https://example.com/story | decruft --format html --profile site.profile`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			o.minGiven = cmd.Flags().Changed("boilerplate-min")
			if err := o.validate(nil); err != nil {
				return err
			}
			p := &processor{o: o, rules: newRuleSet(o), stdin: bufio.NewReaderSize(cancelable(ctx, stdin), sniffWindow)}
			if len(args) == 0 || len(args) == 1 && args[0] == "-" {
				f, err := p.formatOf(source{name: stdinName})
				if ctx.Err() != nil {
					return interruption(ctx)
				}
				if err != nil {
					return err
				}
				if f != formatJSONL {
					return errors.New("learning needs many documents: name files or folders, or pipe a JSONL stream")
				}
			}
			if err := checkProfileOut(o, out, args); err != nil {
				return err
			}
			failed := 0
			k, cleanup, err := p.learn(ctx, args, func(name string, err error) {
				var bad *jsonl.LineError
				if o.skipBad && errors.As(err, &bad) {
					warn(stderr, "decruft: %s: %s; learned from the other lines", name, describe(err))
					return
				}
				failed++
				warn(stderr, "decruft: %s: %s", name, describe(err))
			})
			defer cleanup()
			if err != nil {
				return err
			}
			if failed > 0 {
				return fmt.Errorf("%s not written: %s", profileName(out), plural(failed, "problem")+" with the input")
			}
			var buf bytes.Buffer
			_ = k.Write(&buf) // into a buffer
			if out == "" || out == "-" {
				if _, err := stdout.Write(buf.Bytes()); err != nil {
					return fmt.Errorf("writing the profile: %w", err)
				}
			} else if err := writeAtomic(anywhere{}, out, buf.Bytes(), 0o644, true); err != nil {
				return fmt.Errorf("%s: %s", out, describe(err))
			}
			if !o.quiet {
				warn(stderr, "decruft: %s", learnSummary(k))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&out, "out", "o", "", "write the profile to `FILE` (default: standard output)")
	choiceVar(cmd, &o.format, "format", formatAuto, formats, "input format: auto, text, html or jsonl")
	f.StringVar(&o.field, "field", "text", "JSONL: the dotted `PATH` of the text field")
	f.BoolVar(&o.skipBad, "skip-bad", false, "JSONL: learn from the good lines of a stream that holds bad ones (reported on stderr), as a cleaning run with --skip-bad does, instead of writing no profile")
	addHTMLFlags(f, o)
	f.IntVar(&o.boilerplateMin, "boilerplate-min", 0, "keep lines that recur in at least `N` distinct documents (default 3, or the config's [boilerplate] min)")
	f.StringArrayVar(&o.include, "include", nil, "read only walked files matching `GLOB` (repeatable)")
	f.StringArrayVar(&o.exclude, "exclude", nil, "skip walked files and folders matching `GLOB` (repeatable)")
	f.BoolVar(&o.hidden, "hidden", false, "walk hidden files and folders too")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no summary on standard error")
	f.SortFlags = false
	return cmd
}

// learnSummary says what a corpus taught, for standard error.
func learnSummary(k *corpus.Known) string {
	lines, pairs := k.Size()
	var b strings.Builder
	fmt.Fprintf(&b, "learned from %d documents (%d distinct, %d copies): %d lines recur in at least %d, beside %d neighbours",
		k.Documents, k.Distinct, k.Documents-k.Distinct, lines, k.Min, pairs)
	if k.Distinct < minCorpusDocs {
		fmt.Fprintf(&b, "; with fewer than %d distinct documents a run would not learn alone, but --profile uses what it finds", minCorpusDocs)
	}
	if k.Lossy {
		b.WriteString("; the table was full, so rare lines were dropped and counts are lower bounds")
	}
	return b.String()
}

// profileName names the profile in messages.
func profileName(out string) string {
	if out == "" || out == "-" {
		return "the profile"
	}
	return out
}

// checkProfileOut refuses to write the profile over an input, or into an
// input folder where it would replace a file or be read as an input next
// time. A profile elsewhere in an input folder (crawl/site.profile) is fine.
func checkProfileOut(o *options, out string, args []string) error {
	if out == "" || out == "-" {
		return nil
	}
	target, err := resolve(out)
	if err != nil {
		return nil // the write reports it
	}
	for _, a := range args {
		in, err := resolve(a)
		if a == "-" || err != nil {
			continue
		}
		rel, err := filepath.Rel(in, target)
		switch {
		case err != nil || strings.HasPrefix(rel, ".."):
			continue
		case rel == ".":
			return fmt.Errorf("-o %s: that is the input %s; write the profile elsewhere", out, a)
		}
		includes, base := o.include, filepath.Base(target)
		if len(includes) == 0 {
			includes, base = defaultIncludes, strings.ToLower(base)
		}
		if _, err := os.Stat(out); err == nil || matchAny(includes, base, rel) {
			return fmt.Errorf("-o %s: in the input folder %s, it would replace an input or be read as one; write the profile elsewhere", out, a)
		}
	}
	return nil
}
