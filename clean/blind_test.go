package clean

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBlindSets cleans the documents of ../testdata/blind, written by
// testers who had not seen the rules, and fails when a line of a
// document's gold (its article) is missing from the output.
func TestBlindSets(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "blind", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no blind sets in ../testdata/blind (%v)", err)
	}
	rules := Defaults(All)
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		cruft, removed := 0, 0
		for sc.Scan() {
			var c struct{ ID, Input, Gold string }
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			out := map[string]int{}
			for _, l := range strings.Split(string(CleanWith([]byte(c.Input), rules, Options{}).Output), "\n") {
				out[strings.TrimSpace(l)]++
			}
			gold := map[string]int{}
			for _, l := range strings.Split(c.Gold, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					gold[l]++
					if out[l] == 0 {
						t.Errorf("%s: article line lost: %q", c.ID, l)
					}
					out[l]--
				}
			}
			for _, l := range strings.Split(c.Input, "\n") {
				if l = strings.TrimSpace(l); l != "" && gold[l] == 0 {
					cruft++
					if out[l] <= 0 {
						removed++
					}
				}
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d of %d cruft lines removed", filepath.Base(path), removed, cruft)
	}
}
