package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/decruft/decruft/clean/corpus"
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
			if err := o.validate(nil); err != nil {
				return err
			}
			p := &processor{o: o, rules: newRuleSet(o), stdin: bufio.NewReaderSize(cancelable(cmd.Context(), stdin), sniffWindow)}
			if len(args) == 0 || args[0] == "-" && len(args) == 1 {
				f, err := p.formatOf(source{name: stdinName})
				if err != nil {
					return err
				}
				if f != formatJSONL {
					return errors.New("learning needs many documents: name files or folders, or pipe a JSONL stream")
				}
			}
			k, cleanup, err := p.learn(cmd.Context(), args)
			defer cleanup()
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			_ = k.Write(&buf) // into a buffer
			if out == "" || out == "-" {
				if _, err := stdout.Write(buf.Bytes()); err != nil {
					return fmt.Errorf("writing the profile: %w", err)
				}
			} else if err := writeAtomic(out, buf.Bytes(), 0o644, true); err != nil {
				return err
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
