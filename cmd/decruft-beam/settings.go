package main

import (
	"bytes"
	"fmt"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/config"
	"github.com/decruft/decruft/clean/corpus"
	"github.com/decruft/decruft/clean/jsonl"
)

// settings say how records are cleaned. They travel to the workers inside
// the pipeline as JSON, the config file's contents included, so that a
// worker needs no file of the launcher's.
type settings struct {
	Field    string
	Annotate string
	SkipBad  bool
	Enable   []string
	Disable  []string
	// ConfigPath names the config file in messages; Config is its text.
	ConfigPath string
	Config     []byte
	// ProfilePath names the boilerplate profile in messages; Profile is
	// its text. Records are one at a time here, so a pipeline learns
	// nothing itself: decruft learn makes the profile beforehand.
	ProfilePath string
	Profile     []byte
}

// cleaner builds the per-record cleaner these settings describe, with the
// rules the CLI would pick for the same flags and config.
func (s settings) cleaner() (*jsonl.Cleaner, error) {
	all, defaults := clean.All, clean.Defaults(clean.All)
	if s.ConfigPath != "" {
		c, err := config.Parse(s.ConfigPath, s.Config)
		if err != nil {
			return nil, err
		}
		if defaults, err = c.Rules(clean.All); err != nil {
			return nil, err
		}
		all = append(append([]*clean.Rule(nil), clean.All...), c.Own...)
	}
	rules, err := config.Select(all, defaults, s.Enable, s.Disable)
	if err != nil {
		if s.ConfigPath != "" {
			err = fmt.Errorf("%w (with %s)", err, s.ConfigPath)
		}
		return nil, err
	}
	var opts clean.Options
	if s.ProfilePath != "" {
		k, err := corpus.ReadProfile(bytes.NewReader(s.Profile))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.ProfilePath, err)
		}
		opts.Corpus = k
	}
	return jsonl.NewCleaner(jsonl.Options{
		Field:    s.Field,
		Annotate: s.Annotate,
		Clean:    func(text []byte) (*clean.Result, error) { return clean.CleanWith(text, rules, opts), nil },
	})
}
