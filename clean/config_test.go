package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigFile(t *testing.T) {
	c, err := LoadConfig("testdata/config/valid.toml")
	if err != nil {
		t.Fatal(err)
	}
	rules, err := c.Rules(All)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(Names(rules), ",")
	want := "aggregator,cartoon,readmore,teaser,navigation,byline,credit,ads,related,social,media,consent,footer,truncation,planet-promo,planet-footer"
	if got != want {
		t.Errorf("rules %s, want %s", got, want)
	}
	if title := Lookup(rules, "planet-promo").Title(); title != "Daily Planet promos" {
		t.Errorf("title %q", title)
	}
	body := strings.Repeat("The council met on Monday and voted to keep the library open for another year, after residents handed in a petition. ", 2)
	in := "Subscribe to the Daily Planet\n\n" +
		"Planet Plus: half-price offer\n\n" +
		"The Daily Planet © 2024\n\n" +
		body + "\n\n" +
		"Subscribe to the Daily Planet today, she said.\n\n" +
		"The Daily Planet © 2024\n"
	res := Clean([]byte(in), rules)
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
		{"wrong type", "enable = \"ads\"\n", "x.toml:1: "},
		{"bad name", "[[rule]]\nname = \"Bad Name\"\nliteral = [\"x\"]\n", `x.toml:2: rule "Bad Name": want a name`},
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
			c, err := ParseConfig("x.toml", []byte(tt.file))
			if err == nil {
				_, err = c.Rules(All)
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want one starting %q", err, tt.want)
			}
		})
	}
}

func TestConfigBadRegexpLine(t *testing.T) {
	_, err := LoadConfig("testdata/config/bad-regexp.toml")
	want := `testdata/config/bad-regexp.toml:9: rule "foo": bad regexp "(unclosed": missing closing )`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}

func TestFindConfig(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := FindConfig(deep); err != nil || p != "" && strings.HasPrefix(p, root) {
		t.Fatalf("FindConfig with no file = %q, %v", p, err)
	}
	want := filepath.Join(root, "a", ConfigName)
	if err := os.WriteFile(want, []byte("disable = [\"ads\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(deep, ConfigName), 0o755); err != nil { // a folder is no config
		t.Fatal(err)
	}
	if p, err := FindConfig(deep); err != nil || p != want {
		t.Errorf("FindConfig = %q, %v; want %q", p, err, want)
	}
}
