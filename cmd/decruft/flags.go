package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// A format is how an input's bytes are read.
type format string

const (
	formatAuto  format = "auto" // by extension, else by content
	formatText  format = "text"
	formatHTML  format = "html"
	formatJSONL format = "jsonl"
)

var formats = []format{formatAuto, formatText, formatHTML, formatJSONL}

// A colorMode is --color's value.
type colorMode string

const (
	colorAuto   colorMode = "auto" // a terminal, unless NO_COLOR or TERM=dumb
	colorAlways colorMode = "always"
	colorNever  colorMode = "never"
)

var colorModes = []colorMode{colorAuto, colorAlways, colorNever}

// A reportFormat is --report's value; "" for no report.
type reportFormat string

const (
	reportJSON reportFormat = "json"
	reportHTML reportFormat = "html" // one page for the run (audit.go)
)

var reportFormats = []reportFormat{reportJSON, reportHTML}

// A choice is a flag whose value is one of a few words. Its values are
// also what shell completion offers.
type choice[T ~string] struct {
	p      *T
	values []T
}

func newChoice[T ~string](p *T, value T, values []T) *choice[T] {
	*p = value
	return &choice[T]{p: p, values: values}
}

func (c *choice[T]) String() string { return string(*c.p) }
func (c *choice[T]) Type() string   { return "string" }

func (c *choice[T]) Set(s string) error {
	for _, v := range c.values {
		if string(v) == s {
			*c.p = v
			return nil
		}
	}
	return fmt.Errorf("want %s", orList(c.words()))
}

func (c *choice[T]) words() []string {
	ws := make([]string, len(c.values))
	for i, v := range c.values {
		ws[i] = string(v)
	}
	return ws
}

// choiceVar defines a flag of a few words, and completes them.
func choiceVar[T ~string](cmd *cobra.Command, p *T, name string, value T, values []T, usage string) {
	c := newChoice(p, value, values)
	cmd.Flags().Var(c, name, usage)
	complete(cmd, name, c.words())
}

// complete makes shell completion offer words for a flag.
func complete(cmd *cobra.Command, flag string, words []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	})
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// flagError words a bad flag value as decruft's other errors are, without
// Go's internals: `--jobs "abc": want a whole number`, not strconv's.
func flagError(_ *cobra.Command, err error) error {
	var ive *pflag.InvalidValueError
	if !errors.As(err, &ive) {
		return err
	}
	why := errors.Unwrap(ive)
	var ne *strconv.NumError
	if errors.As(why, &ne) {
		why = errors.New("want a whole number")
	}
	return fmt.Errorf("--%s %q: %v", ive.GetFlag().Name, ive.GetValue(), why)
}
