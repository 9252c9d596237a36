package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// siteChrome is what a made-up site puts around each of its articles.
var siteChrome = struct{ top, bottom []string }{
	top:    []string{"Skip to main content", "The Harbour Gazette — Local news since 1887"},
	bottom: []string{"Enjoyed this story? Support local journalism from £1 a month", "Gazette Media Group · Registered in Cornwall"},
}

// gazette wraps real-looking articles of the hard-negative set in the
// site's chrome and writes them as files below dir and as one JSONL stream.
func gazette(t *testing.T, dir string, n int) (names []string, stream string, articles map[string]string) {
	t.Helper()
	files, _ := filepath.Glob("../../testdata/hardneg/*.txt")
	if len(files) < n {
		t.Fatalf("%d hard-negative documents, want %d", len(files), n)
	}
	articles = map[string]string{}
	var jl bytes.Buffer
	for _, f := range files[:n] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(siteChrome.top, "\n\n") + "\n\n" + string(data) + "\n" + strings.Join(siteChrome.bottom, "\n\n") + "\n"
		name := filepath.Base(f)
		names = append(names, name)
		articles[name] = string(data)
		writeFile(t, filepath.Join(dir, "site", name), text)
		rec, _ := json.Marshal(map[string]string{"id": name, "text": text})
		jl.Write(append(rec, '\n'))
	}
	stream = filepath.Join(dir, "site.jsonl")
	writeFile(t, stream, jl.String())
	return names, stream, articles
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runStdin runs decruft in this process on stdin and returns its output.
func runStdin(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb); code != 0 {
		t.Fatalf("decruft %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
	}
	return out.String()
}

// TestCorpusDirectoryAgreesWithStream checks that a folder and a JSONL
// stream of the same documents learn the same boilerplate and give the
// same text; that the site's chrome goes; and that no line the rules keep
// without the corpus pass is lost with it.
func TestCorpusDirectoryAgreesWithStream(t *testing.T) {
	dir := t.TempDir()
	names, stream, _ := gazette(t, dir, 40)
	out := filepath.Join(dir, "out")
	runStdin(t, "", "-q", "-o", out, filepath.Join(dir, "site"))
	plain := filepath.Join(dir, "plain")
	runStdin(t, "", "-q", "--disable", "boilerplate", "-o", plain, filepath.Join(dir, "site"))

	streamed := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(runStdin(t, "", "--format", "jsonl", stream)), "\n") {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		streamed[rec.ID] = rec.Text
	}
	// On standard input the stream is spooled and read twice: the same.
	data, _ := os.ReadFile(stream)
	if got := runStdin(t, string(data), "--format", "jsonl"); got != runStdin(t, "", "--format", "jsonl", stream) {
		t.Error("the stream cleaned from standard input differs from the same stream as a file")
	}
	for _, name := range names {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimRight(string(got), "\n") != strings.TrimRight(streamed[name], "\n") {
			t.Errorf("%s: the folder run and the stream disagree:\n%s\n---\n%s", name, got, streamed[name])
		}
		for _, chrome := range append(siteChrome.top, siteChrome.bottom...) {
			if strings.Contains(string(got), chrome) {
				t.Errorf("%s: the site's %q is left", name, chrome)
			}
		}
		kept, _ := os.ReadFile(filepath.Join(plain, name))
		for _, line := range strings.Split(string(kept), "\n") {
			if line = strings.TrimSpace(line); line != "" && !isChrome(line) && !strings.Contains(string(got), line) {
				t.Errorf("%s: the corpus pass removed %q", name, line)
			}
		}
	}
}

func isChrome(line string) bool {
	for _, c := range append(siteChrome.top, siteChrome.bottom...) {
		if line == c {
			return true
		}
	}
	return false
}

// TestProfileCleansOnePage learns a profile from a folder and uses it on
// one page on standard input, where nothing could be learned.
func TestProfileCleansOnePage(t *testing.T) {
	dir := t.TempDir()
	names, _, articles := gazette(t, dir, 20)
	profile := filepath.Join(dir, "site.profile")
	runStdin(t, "", "learn", "-q", "-o", profile, filepath.Join(dir, "site"))
	text, _ := os.ReadFile(filepath.Join(dir, "site", names[0]))
	alone := runStdin(t, string(text))
	if !strings.Contains(alone, siteChrome.bottom[1]) {
		t.Fatalf("without a profile, one page keeps its chrome (nothing recurs in it); got:\n%s", alone)
	}
	got := runStdin(t, string(text), "--profile", profile)
	for _, chrome := range append(siteChrome.top, siteChrome.bottom...) {
		if strings.Contains(got, chrome) {
			t.Errorf("with the profile, %q is left", chrome)
		}
	}
	if !strings.Contains(got, strings.TrimSpace(strings.SplitN(articles[names[0]], "\n", 2)[0])) {
		t.Errorf("with the profile, the article's first line went:\n%s", got)
	}
	report := runStdin(t, string(text), "--profile", profile, "--report", "json")
	if !strings.Contains(report, `"why":"in 20 of 20 documents"`) {
		t.Errorf("the report does not say how many documents held the line:\n%s", report)
	}
}

// TestStdinSpoolRemoved: a JSONL stream on standard input is copied to a
// temp file to be read twice, and the copy is gone when the run ends, as
// it is on errors.
func TestStdinSpoolRemoved(t *testing.T) {
	dir := t.TempDir()
	_, stream, _ := gazette(t, dir, 12)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	data, _ := os.ReadFile(stream)
	if out := runStdin(t, string(data), "--format", "jsonl", "--stats"); !strings.Contains(out, `"id"`) {
		t.Fatalf("no records out:\n%s", out)
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"--format", "jsonl", "--diff"}, strings.NewReader(string(data)), &out, &errb); code != 2 {
		t.Errorf("--diff on a stream: exit %d, want 2", code)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("temp files left: %v", left)
	}
}
