package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/decruft/decruft/clean/config"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…"; else
// it is the module version "go install" recorded, if any.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// options holds the root command's flags.
type options struct {
	diff, check, list bool
	report            string
	stats             bool
	color             string
	enable, disable   []string
	write             bool
	outDir            string
	outGiven          bool // -o was given, maybe with an empty value
	jobs              int
	include, exclude  []string
	hidden, quiet     bool
	config            string
	format, field     string
	annotate          string
	skipBad           bool
}

const rootExamples = `  # Filter: clean stdin to stdout
  decruft < scraped.txt > clean.txt
  curl -s https://example.com/feed.txt | decruft | wc -w

  # Clean files one after another to stdout
  decruft a.txt b.txt > out.txt

  # Preview what would go, as a patch naming the rule for each hunk
  decruft --diff article.txt
  decruft -d article.txt | patch -p1        # apply it

  # CI over a corpus: exit 1 if anything would change, and list what
  decruft --check -l corpus/

  # Explain every removal as JSON lines (rule, lines, bytes, text)
  decruft --report json article.txt | jq '.removals[].rule'

  # Rewrite a directory in place, or mirror it cleaned into another one
  decruft -w corpus/
  decruft -o cleaned/ corpus/

  # HTML pages and JSON lines (one document per line, text in a field)
  decruft page.html
  decruft --format jsonl --field article.body < docs.jsonl > clean.jsonl
  parallel --pipe --keep-order decruft --format jsonl < docs.jsonl > clean.jsonl

  # Choose rules, and count what they took
  decruft rules                             # list them
  decruft rules teaser                      # what one removes and keeps
  decruft --disable teaser --stats article.txt`

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	o := &options{}
	cmd := &cobra.Command{
		Use:   "decruft [flags] [path ...]",
		Short: "Remove cruft from scraped news-article text",
		Long: `decruft removes the cruft that scraping leaves in news-article text:
duplicated teasers, "Read More" links, cartoon captions, aggregator
boilerplate. It never deletes article text: a rule that is unsure keeps it.

With no paths, or the path "-", it reads standard input. A directory is
walked recursively for ` + strings.Join(defaultIncludes, ", ") + ` files (see --include).
Cleaned text goes to standard output unless -w or -o says otherwise.

Exit status: 0 on success, 1 when --check finds input that would change,
2 on errors (bad usage, unreadable or unwritable files), 130 or 143
when interrupted by SIGINT or SIGTERM. With several inputs, a failing one is reported as
"decruft: <path>: <reason>" and the others are still processed.`,
		Example:       rootExamples,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.outGiven = cmd.Flags().Changed("out")
			return runClean(cmd.Context(), o, args, stdin, stdout, stderr)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.diff, "diff", "d", false, "print a unified diff of what would be removed instead of the cleaned text")
	f.BoolVar(&o.check, "check", false, "print nothing (or the diff with -d); exit 1 if any input would change")
	f.BoolVarP(&o.list, "list", "l", false, "print the names of inputs whose content would change")
	f.StringVar(&o.report, "report", "", `print a report instead of the cleaned text; "json": one JSON object per input`)
	f.BoolVar(&o.stats, "stats", false, "print a one-line summary of the run to standard error")
	f.StringVar(&o.color, "color", "auto", "colour diffs: auto, always or never (auto honours NO_COLOR)")
	f.StringSliceVar(&o.enable, "enable", nil, "run these rules too (comma-separated names; see 'decruft rules')")
	f.StringSliceVar(&o.disable, "disable", nil, "do not run these rules (comma-separated names)")
	f.StringVar(&o.format, "format", "auto", "input format: auto, text, html or jsonl (auto: .jsonl/.ndjson files are JSONL, markup is HTML)")
	f.StringVar(&o.field, "field", "text", "JSONL: the dotted `PATH` of the text field in each object, e.g. article.body")
	f.StringVar(&o.annotate, "annotate", "", "JSONL: add a member `NAME` to each object listing its removals (rule, byte span)")
	f.BoolVar(&o.skipBad, "skip-bad", false, "JSONL: pass bad lines through unchanged (reported on stderr) instead of stopping")
	f.BoolVarP(&o.write, "write", "w", false, "rewrite files in place (atomically; unchanged files are not touched)")
	f.StringVarP(&o.outDir, "out", "o", "", "write cleaned copies into `DIR`, mirroring the input tree")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "number of files cleaned in parallel")
	f.StringArrayVar(&o.include, "include", nil, "clean only walked files matching `GLOB` (repeatable; default "+strings.Join(defaultIncludes, ", ")+")")
	f.StringArrayVar(&o.exclude, "exclude", nil, "skip walked files and folders matching `GLOB` (repeatable)")
	f.BoolVar(&o.hidden, "hidden", false, "walk hidden files and folders too")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress bar or batch summary")
	cmd.PersistentFlags().StringVar(&o.config, "config", "", "read rule settings from this `FILE` instead of the nearest "+config.Name)
	f.SortFlags = false
	cmd.SetIn(stdin)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	cmd.SetVersionTemplate("decruft {{.Version}}\n")
	cmd.AddCommand(newRulesCmd(o))
	// cobra's completion command prints its help and succeeds when given
	// an unknown shell; a script should see that fail.
	cmd.InitDefaultCompletionCmd()
	for _, c := range cmd.Commands() {
		if c.Name() == "completion" {
			c.Args = cobra.NoArgs
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		}
	}
	return cmd
}

// run executes decruft with args and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := newRootCmd(stdin, stdout, stderr)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(ctx)
	switch {
	case err == nil, err == errReported, err == errChanged:
	default:
		fmt.Fprintf(stderr, "decruft: %v\n", err)
	}
	return exitCode(err)
}
