package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the scripts' expected outputs")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"decruft": main})
}

// TestScript runs the end-to-end scripts in testdata/script: the real
// binary on real files, standard input and errors.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		// [root]: permissions do not stop the superuser, so the scripts
		// that chmod files away guard those steps with [!root].
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		// Input forms a txtar file cannot hold, made from ones it can.
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"crlf":  editCmd(func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }),
			"bom":   editCmd(func(b []byte) []byte { return append([]byte("\xef\xbb\xbf"), b...) }),
			"chomp": editCmd(func(b []byte) []byte { return bytes.TrimSuffix(b, []byte("\n")) }),
		},
		Setup: func(env *testscript.Env) error {
			// The real sample articles, shared with the library's tests.
			for _, name := range []string{"newyorker-nato", "newyorker-duolingo"} {
				for _, ext := range []string{".txt", ".clean.txt"} {
					data, err := os.ReadFile("../../testdata/" + name + ext)
					if err != nil {
						return err
					}
					if err := os.WriteFile(env.WorkDir+"/"+name+ext, data, 0o644); err != nil {
						return err
					}
				}
			}
			env.Setenv("NO_COLOR", "")
			return nil
		},
	})
}

// editCmd returns a script command that rewrites each file named with edit.
func editCmd(edit func([]byte) []byte) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) == 0 {
			ts.Fatalf("usage: COMMAND file...")
		}
		for _, name := range args {
			path := ts.MkAbs(name)
			data, err := os.ReadFile(path)
			ts.Check(err)
			ts.Check(os.WriteFile(path, edit(data), 0o644))
		}
	}
}
