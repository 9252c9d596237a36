package config

import (
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/decruft/decruft/clean"
)

func TestConfigFile(t *testing.T) {
	c, err := Load("testdata/valid.toml")
	if err != nil {
		t.Fatal(err)
	}
	rules, err := c.Rules(clean.All)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(clean.Names(rules), ",")
	want := "aggregator,cartoon,readmore,teaser,navigation,byline,credit,ads,related,social,media,consent,footer,truncation,boilerplate,planet-promo,planet-footer"
	if got != want {
		t.Errorf("rules %s, want %s", got, want)
	}
	if title := clean.Lookup(rules, "planet-promo").Title(); title != "Daily Planet promos" {
		t.Errorf("title %q", title)
	}
	body := strings.Repeat("The council met on Monday and voted to keep the library open for another year, after residents handed in a petition. ", 2)
	in := "Subscribe to the Daily Planet\n\n" +
		"Planet Plus: half-price offer\n\n" +
		"The Daily Planet © 2024\n\n" +
		body + "\n\n" +
		"Subscribe to the Daily Planet today, she said.\n\n" +
		"The Daily Planet © 2024\n"
	res := clean.Clean([]byte(in), rules)
	wantOut := "The Daily Planet © 2024\n\n" + body + "\n\nSubscribe to the Daily Planet today, she said.\n"
	if string(res.Output) != wantOut {
		t.Errorf("got\n%s\nwant\n%s", res.Output, wantOut)
	}
	var by []string
	for _, r := range res.Removals {
		by = append(by, r.Rule)
	}
	if got := strings.Join(by, ","); got != "planet-promo,planet-promo,planet-footer" {
		t.Errorf("removals by %s", got)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct{ name, file, want string }{
		{"syntax", "enable = [\"ads\"\n", "x.toml:1: "},
		{"unknown key", "[[rule]]\nname = \"a\"\nliteral = [\"x\"]\nwher = \"top\"\n", `x.toml:4: unknown key "rule.wher"`},
		{"wrong type", "disable = \"teaser\"\n", `x.toml:1: disable: want a list of rule names, e.g. ["teaser"]`},
		{"wrong type in a list", "enable = [\"ads\", 2]\n", `x.toml:1: enable: want a list of rule names`},
		{"wrong type in a rule", "\n[[rule]]\nname = 3\n", `x.toml:3: rule.name: want a string`},
		{"bad name", "[[rule]]\nname = \"Bad Name\"\nliteral = [\"x\"]\n", `x.toml:2: rule name "Bad Name": want lower-case letters, digits and dashes`},
		{"twice", "[[rule]]\nname = \"a\"\nliteral = [\"x\"]\n[[rule]]\nname = \"a\"\nliteral = [\"y\"]\n", `x.toml:5: rule "a" defined twice`},
		{"bad where", "[[rule]]\nname = \"a\"\nwhere = \"middle\"\nliteral = [\"x\"]\n", `x.toml:3: rule "a": where = "middle": want anywhere, top or bottom`},
		{"bad match", "[[rule]]\nname = \"a\"\nmatch = \"word\"\nliteral = [\"x\"]\n", `x.toml:3: rule "a": match = "word"`},
		{"no patterns", "\n[[rule]]\nname = \"a\"\n", `x.toml:2: rule "a": no literal or regexp patterns`},
		{"empty literal", "[[rule]]\nname = \"a\"\nliteral = [\"x\",\n  \" \"]\n", `x.toml:4: rule "a": empty literal`},
		{"bad regexp", "[[rule]]\nname = \"a\"\nregexp = ['a(']\n", `x.toml:3: rule "a": bad regexp "a(": missing closing )`},
		{"unknown builtin", "\n\ndisable = [\"ads\", \"nosuch\"]\n", `x.toml:3: disable: no built-in rule "nosuch"`},
		{"on and off", "enable = [\"ads\"]\ndisable = [\"ads\"]\n", `x.toml:1: rule "ads" both enabled and disabled`},
		{"builtin name", "[[rule]]\nname = \"ads\"\nliteral = [\"x\"]\n", `x.toml:2: rule "ads": a built-in rule has that name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("x.toml", []byte(tt.file))
			if err == nil {
				_, err = c.Rules(clean.All)
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want one starting %q", err, tt.want)
			}
		})
	}
}

// TestConfigErrorsNameNoGo checks that errors speak of the file, not of
// the Go types it is decoded into.
func TestConfigErrorsNameNoGo(t *testing.T) {
	for _, file := range []string{"disable = \"teaser\"\n", "rule = 3\n", "[[rule]]\nname = \"a\"\nliteral = [1]\n"} {
		_, err := Parse("x.toml", []byte(file))
		if err == nil || strings.Contains(err.Error(), "struct") || strings.Contains(err.Error(), "[]string") {
			t.Errorf("%q: error %v, want one in the file's terms", file, err)
		}
	}
}

func TestLoadMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.toml")
	_, err := Load(path)
	if want := path + ": no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

func TestConfigBadRegexpLine(t *testing.T) {
	_, err := Load("testdata/bad-regexp.toml")
	want := `testdata/bad-regexp.toml:9: rule "foo": bad regexp "(unclosed": missing closing )`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(deep); err != nil || p != "" && strings.HasPrefix(p, root) {
		t.Fatalf("FindConfig with no file = %q, %v", p, err)
	}
	want := filepath.Join(root, "a", Name)
	if err := os.WriteFile(want, []byte("disable = [\"ads\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(deep, Name), 0o755); err != nil { // a folder is no config
		t.Fatal(err)
	}
	if p, err := Find(deep); err != nil || p != want {
		t.Errorf("FindConfig = %q, %v; want %q", p, err, want)
	}
}

// TestEngineReadsNoConfig keeps the file system and TOML out of the engine:
// reading configs is this package's job.
func TestEngineReadsNoConfig(t *testing.T) {
	pkg, err := build.ImportDir("..", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if imp == "os" || imp == "path/filepath" || imp == "io/fs" || strings.Contains(imp, "toml") {
			t.Errorf("package clean imports %s", imp)
		}
	}
}
