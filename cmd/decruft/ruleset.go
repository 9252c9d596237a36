package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/config"
)

// A ruleSet picks the rules for each input: the built-in defaults, changed
// by the nearest .decruft.toml above the input (or --config), then by
// --enable and --disable. Configs are read once; workers share the cache.
type ruleSet struct {
	config          string // --config: one file for every input
	enable, disable []string

	mu      sync.Mutex
	nearest map[string]string   // folder -> config path found from it ("" for none)
	rules   map[string]resolved // config path -> its rules
}

type resolved struct {
	all, on []*clean.Rule // every rule the config knows; the ones that run
	err     error
}

func newRuleSet(o *options) *ruleSet {
	return &ruleSet{config: o.config, enable: o.enable, disable: o.disable,
		nearest: map[string]string{}, rules: map[string]resolved{}}
}

// forPath returns the rules for an input file, or for standard input when
// path is "" (its config is found from the working folder).
func (s *ruleSet) forPath(path string) ([]*clean.Rule, error) {
	r := s.resolve(path)
	return r.on, r.err
}

// all returns every rule known for path: built-in ones and the config's.
func (s *ruleSet) all(path string) ([]*clean.Rule, error) {
	r := s.resolve(path)
	return r.all, r.err
}

func (s *ruleSet) resolve(path string) resolved {
	s.mu.Lock()
	defer s.mu.Unlock()
	cfg := s.config
	if cfg == "" {
		dir := "."
		if path != "" {
			dir = filepath.Dir(path)
		}
		found, ok := s.nearest[dir]
		if !ok {
			var err error
			if found, err = config.Find(dir); err != nil {
				return resolved{err: err}
			}
			found = relative(found)
			s.nearest[dir] = found
		}
		cfg = found
	}
	r, ok := s.rules[cfg]
	if !ok {
		r = s.load(cfg)
		s.rules[cfg] = r
	}
	return r
}

func (s *ruleSet) load(cfg string) resolved {
	all, defaults := clean.All, clean.Defaults(clean.All)
	if cfg != "" {
		c, err := config.Load(cfg)
		if err != nil {
			return resolved{err: err}
		}
		if defaults, err = c.Rules(clean.All); err != nil {
			return resolved{err: err}
		}
		all = append(append([]*clean.Rule(nil), clean.All...), c.Own...)
	}
	on, err := config.Select(all, defaults, s.enable, s.disable)
	if err != nil && cfg != "" {
		err = fmt.Errorf("%w (with %s)", err, cfg)
	}
	return resolved{all: all, on: on, err: err}
}

// check resolves the rules for every input before any work starts, so
// that a bad config or rule name is one clear error, before a file is
// touched: the configs above each argument, and, unless --config names
// one for all, those in the folders a walk will enter.
func (s *ruleSet) check(o *options, args []string) error {
	if len(args) == 0 {
		args = []string{"-"}
	}
	for _, a := range args {
		path := a
		fi, err := os.Stat(a)
		switch {
		case a == "-":
			path = ""
		case err == nil && fi.IsDir():
			path = filepath.Join(a, "x") // the folder's own config
		}
		if _, err := s.forPath(path); err != nil {
			return err
		}
		if s.config != "" || err != nil || !fi.IsDir() {
			continue
		}
		var bad error
		walkDirs(o, a, func(dir string) bool {
			if _, err := os.Lstat(filepath.Join(dir, config.Name)); err == nil {
				_, bad = s.forPath(filepath.Join(dir, "x"))
			}
			return bad == nil
		})
		if bad != nil {
			return bad
		}
	}
	return nil
}

// relative shortens a path below the working folder for messages.
func relative(path string) string {
	wd, err := os.Getwd()
	if err != nil || path == "" {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}
