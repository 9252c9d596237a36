package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// options holds the root command's flags.
type options struct {
	diff, check, list bool
	null              bool // -z: -l ends names with NUL
	report            reportFormat
	stats             bool
	color             colorMode
	enable, disable   []string
	write             bool
	outDir            string
	outGiven          bool // -o was given, maybe with an empty value
	jobs              int
	include, exclude  []string
	hidden, quiet     bool
	config            string
	format            format
	field, annotate   string
	skipBad           bool
	jsonlFlags        []string // the JSONL-only flags given, for errors
	extract           string   // HTML: article or none (html.go)
	fieldFormat       string   // JSONL: text or html (html.go)
	profile           string   // --profile: boilerplate learned before
	boilerplateMin    int      // --boilerplate-min, when minGiven
	minGiven          bool
}

// A mode is what decruft prints on standard output for each input.
type mode int

const (
	showText   mode = iota // the cleaned text
	showDiff               // -d
	showList               // -l
	showReport             // --report
	showNone               // --check, -w, -o without -d or -l
)

func (o *options) mode() mode {
	switch {
	case o.diff:
		return showDiff
	case o.list:
		return showList
	case o.report != "":
		return showReport
	case o.check || o.write || o.outDir != "":
		return showNone
	}
	return showText
}

// validate rejects flag combinations that have no sensible meaning.
func (o *options) validate(args []string) error {
	modes := 0
	for _, on := range []bool{o.diff, o.list, o.report != ""} {
		if on {
			modes++
		}
	}
	stdin := len(args) == 0 || slices.Contains(args, "-")
	switch {
	case o.outGiven && o.outDir == "":
		return errors.New("-o needs a folder name")
	case modes > 1:
		return errors.New("--diff, --list and --report are alternatives: use one")
	case o.null && !o.list:
		return errors.New("-z ends the names -l prints with NUL: use it with -l")
	case o.write && o.outDir != "":
		return errors.New("-w and -o are alternatives: rewrite in place, or write copies")
	case o.check && (o.write || o.outDir != ""):
		return errors.New("--check only looks; it cannot be used with -w or -o")
	case (o.write || o.outDir != "") && stdin:
		return errors.New("cannot use -w or -o with standard input: name files or directories")
	case o.minGiven && o.boilerplateMin < 2:
		return fmt.Errorf("--boilerplate-min %d: want 2 or more", o.boilerplateMin)
	case o.jobs < 1:
		return fmt.Errorf("--jobs %d: want at least 1", o.jobs)
	case len(o.jsonlFlags) > 0 && (o.format == formatText || o.format == formatHTML):
		return fmt.Errorf("%s: for JSONL input, not --format %s", strings.Join(o.jsonlFlags, ", "), o.format)
	}
	for flag, globs := range map[string][]string{"--include": o.include, "--exclude": o.exclude} {
		for _, g := range globs {
			if _, err := filepath.Match(g, ""); err != nil {
				return fmt.Errorf("%s %q: %v", flag, g, err)
			}
		}
	}
	if err := o.validateHTML(); err != nil {
		return err
	}
	if o.outDir != "" {
		return checkOutDir(o.outDir, args)
	}
	return nil
}
