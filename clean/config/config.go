// Package config reads .decruft.toml files: built-in rules turned on or
// off, and rules of the user's own, built with clean.LineRule. It keeps the
// file system and TOML out of the engine.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/decruft/decruft/clean"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Name is the name of a decruft configuration file.
const Name = ".decruft.toml"

// A Config is a parsed .decruft.toml: built-in rules turned on or off, and
// rules of the user's own that remove lines matching patterns.
//
// The file is TOML:
//
//	# Built-in rules to turn on or off, by name.
//	enable = ["some-rule"]
//	disable = ["teaser"]
//
//	# Each [[rule]] table adds a rule of its own name.
//	[[rule]]
//	name = "planet-promo"          # required: lower-case letters, digits, dashes
//	doc = "Daily Planet promos"    # optional: the rule's title in listings
//	where = "bottom"               # anywhere (the default), top or bottom
//	match = "line"                 # line (the default) or prefix
//	literal = ["Subscribe to the Daily Planet", "Get the Planet app"]
//	regexp = ['Planet Plus: \S+ offer']
//
//	# The boilerplate rule: lines recurring in this many distinct
//	# documents of a run (default 3).
//	[boilerplate]
//	min = 5
//
// A rule removes a whole line when the line, without surrounding spaces and
// tabs, equals one of its literals or matches one of its RE2 regexps
// (match = "line"), or starts with one of them (match = "prefix"). Only
// lines of at most 300 bytes are tried: article paragraphs are longer, and
// regexps stay off them. where = "top" limits the rule to the lines above
// the article's first long paragraph (160 bytes or more), "bottom" to those
// below its last; a text without long paragraphs has neither. User rules
// run after the built-in ones and show under their own names in listings,
// diffs and reports. An unknown key, rule name or value is an error that
// names the file and line.
type Config struct {
	// Path is the file the config was read from.
	Path    string
	Enable  []string
	Disable []string
	// Own are the rules the file defines, in its order.
	Own []*clean.Rule
	// BoilerplateMin is [boilerplate] min: the distinct documents a line
	// must recur in for the boilerplate rule; 0 when unset.
	BoilerplateMin int

	lines map[string]int // where each setting sits: "enable[0]", "rule[1].name"
}

type configFile struct {
	Enable      []string     `toml:"enable"`
	Disable     []string     `toml:"disable"`
	Rule        []ruleConfig `toml:"rule"`
	Boilerplate struct {
		Min *int `toml:"min"`
	} `toml:"boilerplate"`
}

type ruleConfig struct {
	Name    string   `toml:"name"`
	Doc     string   `toml:"doc"`
	Where   string   `toml:"where"`
	Match   string   `toml:"match"`
	Literal []string `toml:"literal"`
	Regexp  []string `toml:"regexp"`
}

// Find returns the path of the nearest .decruft.toml in dir or a
// folder above it, or "" if there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, Name)
		switch info, err := os.Stat(p); {
		case err == nil && !info.IsDir():
			return p, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and checks the config file at path. Its errors name the file,
// the line and the problem:
//
//	x/.decruft.toml:7: rule "foo": bad regexp "(": missing closing )
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path leads the message already
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse is Load for a file's contents; path names it in errors.
func Parse(path string, data []byte) (*Config, error) {
	var f configFile
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var de *toml.DecodeError
		var se *toml.StrictMissingError
		switch {
		case errors.As(err, &se) && len(se.Errors) > 0:
			row, _ := se.Errors[0].Position()
			return nil, fmt.Errorf("%s:%d: unknown key %q", path, row, strings.Join(se.Errors[0].Key(), "."))
		case errors.As(err, &de) && len(de.Key()) > 0:
			// A value of the wrong type: say what the key wants, in the
			// file's terms rather than Go's.
			row, _ := de.Position()
			key := strings.Join(de.Key(), ".")
			if want, ok := wantType[key]; ok {
				return nil, fmt.Errorf("%s:%d: %s: want %s", path, row, key, want)
			}
			return nil, fmt.Errorf("%s:%d: %s: a value of the wrong type", path, row, key)
		case errors.As(err, &de):
			row, _ := de.Position()
			return nil, fmt.Errorf("%s:%d: %s", path, row, strings.TrimPrefix(de.Error(), "toml: "))
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	c := &Config{Path: path, Enable: f.Enable, Disable: f.Disable, lines: settingLines(data)}
	if m := f.Boilerplate.Min; m != nil {
		if *m < 2 {
			return nil, c.errorf("boilerplate.min", "boilerplate.min %d: want 2 or more", *m)
		}
		c.BoilerplateMin = *m
	}
	names := map[string]bool{}
	for i, rc := range f.Rule {
		at := fmt.Sprintf("rule[%d]", i)
		if names[rc.Name] {
			return nil, c.errorf(at+".name", "rule %q defined twice", rc.Name)
		}
		names[rc.Name] = true
		r, err := c.userRule(at, rc)
		if err != nil {
			return nil, err
		}
		c.Own = append(c.Own, r)
	}
	return c, nil
}

// Rules returns the rules to run: the defaults of builtin with the config's
// enable and disable applied, then the config's own rules.
func (c *Config) Rules(builtin []*clean.Rule) ([]*clean.Rule, error) {
	on := map[string]bool{}
	for _, r := range builtin {
		on[r.Name] = r.Default
	}
	for _, set := range []struct {
		key   string
		names []string
		value bool
	}{{"enable", c.Enable, true}, {"disable", c.Disable, false}} {
		for i, n := range set.names {
			at := fmt.Sprintf("%s[%d]", set.key, i)
			if _, ok := on[n]; !ok {
				return nil, c.errorf(at, "%s: no built-in rule %q", set.key, n)
			}
			if set.value && slices.Contains(c.Disable, n) {
				return nil, c.errorf(at, "rule %q both enabled and disabled", n)
			}
			on[n] = set.value
		}
	}
	var rules []*clean.Rule
	for _, r := range builtin {
		if on[r.Name] {
			rules = append(rules, r)
		}
	}
	for i, r := range c.Own {
		if _, ok := on[r.Name]; ok {
			return nil, c.errorf(fmt.Sprintf("rule[%d].name", i), "rule %q: a built-in rule has that name", r.Name)
		}
		rules = append(rules, r)
	}
	if err := clean.Validate(rules); err != nil {
		return nil, fmt.Errorf("%s: %v", c.Path, err)
	}
	return rules, nil
}

// userRule builds the rule that rule table rc describes.
func (c *Config) userRule(at string, rc ruleConfig) (*clean.Rule, error) {
	// The engine's own check of a rule's name, reported at its line.
	if err := clean.Validate([]*clean.Rule{clean.LineRule(rc.Name, "-", clean.Anywhere, nil)}); err != nil {
		return nil, c.errorf(at+".name", "%v", err)
	}
	where := rc.Where
	switch where {
	case "":
		where = "anywhere"
	case "anywhere", "top", "bottom":
	default:
		return nil, c.errorf(at+".where", "rule %q: where = %q: want anywhere, top or bottom", rc.Name, rc.Where)
	}
	prefix := false
	switch rc.Match {
	case "", "line":
	case "prefix":
		prefix = true
	default:
		return nil, c.errorf(at+".match", "rule %q: match = %q: want line or prefix", rc.Name, rc.Match)
	}
	if len(rc.Literal) == 0 && len(rc.Regexp) == 0 {
		return nil, c.errorf(at, "rule %q: no literal or regexp patterns", rc.Name)
	}
	m := &lineMatcher{prefix: prefix, exact: map[string]bool{}}
	for i, lit := range rc.Literal {
		lit = strings.TrimSpace(lit)
		if lit == "" {
			return nil, c.errorf(fmt.Sprintf("%s.literal[%d]", at, i), "rule %q: empty literal", rc.Name)
		}
		if prefix {
			m.prefixes = append(m.prefixes, []byte(lit))
		} else {
			m.exact[lit] = true
		}
	}
	for i, expr := range rc.Regexp {
		if _, err := regexp.Compile(expr); err != nil {
			msg := strings.TrimPrefix(err.Error(), "error parsing regexp: ")
			return nil, c.errorf(fmt.Sprintf("%s.regexp[%d]", at, i), "rule %q: bad regexp %q: %s", rc.Name, expr, msg)
		}
		anchored := `^(?:` + expr + `)`
		if !prefix {
			anchored += `$`
		}
		re := regexp.MustCompile(anchored)
		m.res = append(m.res, re)
	}
	doc := rc.Doc
	if strings.TrimSpace(doc) == "" {
		doc = "lines set in " + filepath.Base(c.Path)
	}
	doc += fmt.Sprintf("\n\nA rule from %s: it removes whole lines (where: %s).", c.Path, where)
	return clean.LineRule(rc.Name, doc, wheres[where], m.match), nil
}

var wheres = map[string]clean.Where{"anywhere": clean.Anywhere, "top": clean.Top, "bottom": clean.Bottom}

// wantType says, for each key of a config file, what its value must be.
var wantType = map[string]string{
	"enable":          `a list of rule names, e.g. ["teaser"]`,
	"disable":         `a list of rule names, e.g. ["teaser"]`,
	"rule":            "[[rule]] tables",
	"boilerplate":     "a [boilerplate] table",
	"boilerplate.min": "a whole number of documents, e.g. 5",
	"rule.name":       "a string",
	"rule.doc":        "a string",
	"rule.where":      `a string: "anywhere", "top" or "bottom"`,
	"rule.match":      `a string: "line" or "prefix"`,
	"rule.literal":    `a list of strings, e.g. ["Subscribe now"]`,
	"rule.regexp":     `a list of strings, e.g. ['Planet Plus: \S+ offer']`,
}

// A lineMatcher holds one user rule's patterns.
type lineMatcher struct {
	prefix   bool
	exact    map[string]bool
	prefixes [][]byte
	res      []*regexp.Regexp
}

func (m *lineMatcher) match(t []byte) bool {
	if m.exact[string(t)] {
		return true
	}
	for _, p := range m.prefixes {
		if bytes.HasPrefix(t, p) {
			return true
		}
	}
	for _, re := range m.res {
		if re.Match(t) {
			return true
		}
	}
	return false
}

// errorf formats an error at the line of setting key.
func (c *Config) errorf(key, format string, args ...any) error {
	line, ok := c.lines[key]
	for !ok && strings.Contains(key, ".") {
		// No line for "rule[1].where" (it was left out): use its table's.
		key = key[:strings.LastIndex(key, ".")]
		line, ok = c.lines[key]
	}
	if !ok {
		return fmt.Errorf("%s: %s", c.Path, fmt.Sprintf(format, args...))
	}
	return fmt.Errorf("%s:%d: %s", c.Path, line, fmt.Sprintf(format, args...))
}

// settingLines maps each setting of a config file that decodes to the line
// it starts on: "enable[0]", "rule[1]" (its [[rule]] header), "rule[1].name",
// "rule[1].regexp[2]".
func settingLines(data []byte) map[string]int {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	table, rules := "", 0
	line := func(r unstable.Range) int { return p.Shape(r).Start.Line }
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.ArrayTable, unstable.Table:
			key := keyOf(e.Key())
			table = ""
			if e.Kind == unstable.ArrayTable && key == "rule" {
				table = fmt.Sprintf("rule[%d]", rules)
				rules++
				if k := e.Key(); k.Next() {
					lines[table] = line(k.Node().Raw)
				}
			} else if e.Kind == unstable.Table {
				table = key
			}
		case unstable.KeyValue:
			key := keyOf(e.Key())
			if table != "" {
				key = table + "." + key
			}
			if k := e.Key(); k.Next() {
				lines[key] = line(k.Node().Raw)
			}
			if v := e.Value(); v.Kind == unstable.Array {
				i := 0
				for it := v.Children(); it.Next(); {
					if n := it.Node(); n.Kind != unstable.Comment {
						lines[fmt.Sprintf("%s[%d]", key, i)] = line(n.Raw)
						i++
					}
				}
			}
		}
	}
	return lines
}

func keyOf(it unstable.Iterator) string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return strings.Join(parts, ".")
}

// Select applies --enable and --disable style lists to the rules on by
// default (defaults, a subset of all): enable turns rules on, disable off,
// and disable wins when both name a rule. An unknown name is an error that
// lists the known ones. The rules come back in all's order.
func Select(all, defaults []*clean.Rule, enable, disable []string) ([]*clean.Rule, error) {
	on := map[string]bool{}
	for _, r := range defaults {
		on[r.Name] = true
	}
	for _, list := range []struct {
		names []string
		value bool
	}{{enable, true}, {disable, false}} {
		for _, n := range list.names {
			if clean.Lookup(all, n) == nil {
				return nil, fmt.Errorf("unknown rule %q (rules: %s)", n, strings.Join(clean.Names(all), ", "))
			}
			on[n] = list.value
		}
	}
	var rules []*clean.Rule
	for _, r := range all {
		if on[r.Name] {
			rules = append(rules, r)
		}
	}
	return rules, nil
}
