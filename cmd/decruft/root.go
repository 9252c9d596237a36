package main

import (
	"context"
	"errors"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/config"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…"; else
// it comes from what the go command recorded in the binary.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return buildVersion(bi)
}

// buildVersion is the module version "go install" recorded, or, for a
// build from a checkout, the commit and its time (and "modified" when the
// tree had changes), so that two devel builds can be told apart.
func buildVersion(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	vcs := map[string]string{}
	for _, s := range bi.Settings {
		vcs[s.Key] = s.Value
	}
	rev := vcs["vcs.revision"]
	if rev == "" {
		return "devel"
	}
	parts := []string{rev[:min(len(rev), 12)]}
	if t := vcs["vcs.time"]; t != "" {
		parts = append(parts, t)
	}
	if vcs["vcs.modified"] == "true" {
		parts = append(parts, "modified")
	}
	return "devel (" + strings.Join(parts, ", ") + ")"
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

  # HTML pages: their article, or all their text; JSON lines (one document
  # per line, text or HTML in a field)
  decruft page.html
  curl -s https://example.com/story.html | decruft
  decruft --extract none page.html
  decruft --format jsonl --field html --field-format html < pages.jsonl
  decruft --format jsonl --field article.body < docs.jsonl > clean.jsonl

  # Many documents (a folder, a JSONL stream) are read twice: first to learn
  # the lines their pages share (the boilerplate rule), then to clean. Learn
  # once to clean pieces apart, or single pages, with what the whole taught.
  decruft learn crawl/ -o site.profile
  curl -s https://example.com/story.html | decruft --profile site.profile
  parallel --pipepart -a docs.jsonl --block -1 --keep-order decruft --format jsonl -j1 --profile docs.profile

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
Many documents (a folder, a JSONL stream) are read twice: first to learn
the lines that recur across them, which the boilerplate rule removes: a
run learns once it holds 10 distinct documents, and a line counts when 3
of them hold it (see --boilerplate-min, 'decruft learn' and --profile).
Cleaned text goes to standard output unless -w or -o says otherwise.

Exit status: 0 on success, 1 when --check finds input that would change,
2 on errors (bad usage, unreadable or unwritable files, an HTML page
without an article), 129, 130 or 143
when interrupted by SIGHUP, SIGINT or SIGTERM, 141 when standard output's
reader goes away (| head). With several inputs, a failing one is reported as
"decruft: <path>: <reason>" and the others are still processed.`,
		Example:       rootExamples,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.outGiven = cmd.Flags().Changed("out")
			o.minGiven = cmd.Flags().Changed("boilerplate-min")
			for _, name := range []string{"field", "annotate", "skip-bad"} {
				if cmd.Flags().Changed(name) {
					o.jsonlFlags = append(o.jsonlFlags, "--"+name)
				}
			}
			return runClean(cmd.Context(), o, args, stdin, stdout, stderr)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.diff, "diff", "d", false, "print a unified diff of what would be removed instead of the cleaned text")
	f.BoolVar(&o.check, "check", false, "print nothing (or the diff with -d, the names with -l); exit 1 if any input has cruft")
	f.BoolVarP(&o.list, "list", "l", false, "print the names of inputs that have cruft")
	f.BoolVarP(&o.null, "null", "z", false, "with -l, end each name with a NUL byte instead of a newline (for xargs -0)")
	choiceVar(cmd, &o.report, "report", "", reportFormats, `print a report instead of the cleaned text; "json": one JSON object per input; "html": one audit page for the whole run`)
	f.BoolVar(&o.stats, "stats", false, "print a one-line summary of the run to standard error")
	choiceVar(cmd, &o.color, "color", colorAuto, colorModes, "colour diffs: auto, always or never (auto honours NO_COLOR)")
	f.StringSliceVar(&o.enable, "enable", nil, "run these rules even if a "+config.Name+" turns them off (comma-separated names; see 'decruft rules')")
	f.StringSliceVar(&o.disable, "disable", nil, "do not run these rules (comma-separated names)")
	choiceVar(cmd, &o.format, "format", formatAuto, formats, "input format: auto, text, html or jsonl (auto: .jsonl/.ndjson files and JSON lines on stdin are JSONL, markup is HTML)")
	f.StringVar(&o.field, "field", "text", "JSONL: the dotted `PATH` of the text field in each object, e.g. article.body")
	f.StringVar(&o.annotate, "annotate", "", "JSONL: add a member `NAME` to each object listing its removals (rule, byte span)")
	f.BoolVar(&o.skipBad, "skip-bad", false, "JSONL: pass bad lines through unchanged (reported on stderr) instead of stopping")
	addHTMLFlags(f, o)
	addCorpusFlags(f, o)
	f.BoolVarP(&o.write, "write", "w", false, "rewrite files that have cruft in place (atomically; other files are not touched)")
	f.StringVarP(&o.outDir, "out", "o", "", "write cleaned copies into `DIR`, mirroring the input tree")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "number of files cleaned in parallel")
	f.StringArrayVar(&o.include, "include", nil, "clean only walked files matching `GLOB` (repeatable; default "+strings.Join(defaultIncludes, ", ")+", in any case)")
	f.StringArrayVar(&o.exclude, "exclude", nil, "skip walked files and folders matching `GLOB` (repeatable)")
	f.BoolVar(&o.hidden, "hidden", false, "walk hidden files and folders too")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no notices, progress bar or batch summary")
	cmd.PersistentFlags().StringVar(&o.config, "config", "", "read rule settings from this `FILE` instead of the nearest "+config.Name)
	f.SortFlags = false
	ruleNames := func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		all, _ := newRuleSet(o).all("")
		return clean.Names(all), cobra.ShellCompDirectiveNoFileComp
	}
	for _, name := range []string{"enable", "disable"} {
		_ = cmd.RegisterFlagCompletionFunc(name, ruleNames)
	}
	cmd.SetFlagErrorFunc(flagError)
	cmd.SetIn(stdin)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	cmd.SetVersionTemplate("decruft {{.Version}}\n")
	cmd.AddCommand(newRulesCmd(o), newLearnCmd(o, stdin, stdout, stderr))
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
	if errors.Is(err, syscall.EPIPE) {
		// Standard output's reader went away (| head): exit as the
		// signal would have, quietly.
		return 128 + int(syscall.SIGPIPE)
	}
	if err != nil && !errors.Is(err, errReported) && !errors.Is(err, errChanged) {
		warn(stderr, "decruft: %v", err)
	}
	return exitCode(err)
}
