package main

import (
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
