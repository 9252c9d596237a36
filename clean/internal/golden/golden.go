// Package golden compares the sections of txtar golden files with what a
// test computed, or rewrites them. Tests of several packages share it.
package golden

import (
	"bytes"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Compare checks each named section of the archive read from file against
// got; with update it rewrites those sections from got instead. Every
// section got names must exist in the archive.
func Compare(t *testing.T, file string, ar *txtar.Archive, got map[string][]byte, update bool) {
	t.Helper()
	if update {
		for i, f := range ar.Files {
			if g, ok := got[f.Name]; ok {
				ar.Files[i].Data = g
			}
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, f := range ar.Files {
		if g, ok := got[f.Name]; ok && !bytes.Equal(g, f.Data) {
			t.Errorf("%s differs\n--- got\n%s--- want\n%s", f.Name, g, f.Data)
		}
	}
	for name := range got {
		Section(t, ar, name)
	}
}

// Section returns the data of the archive's section name, failing the
// test when there is none.
func Section(t *testing.T, ar *txtar.Archive, name string) []byte {
	t.Helper()
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	t.Fatalf("no %q section", name)
	return nil
}
