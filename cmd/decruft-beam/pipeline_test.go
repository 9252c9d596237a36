package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct" //nolint:staticcheck // deprecated for prism, yet the one runner without a job service
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

var binDir string

func TestMain(m *testing.M) {
	var err error
	if binDir, err = os.MkdirTemp("", "decruft-beam-test"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	beamlog.LogLevel = "warn" // the runners' plans and progress drown test output
	tuneGC()
	code := ptest.MainRetWithDefault(m, "prism")
	if err := os.RemoveAll(binDir); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(code)
}

// cli builds the decruft command of this checkout, once.
var cli = sync.OnceValues(func() (string, error) {
	bin := filepath.Join(binDir, "decruft")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/decruft")
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building decruft: %v\n%s", err, out)
	}
	return bin, nil
})

// runCLI returns decruft --format jsonl's output for each file, one line
// per record, with the LF that the pipeline gives a final line without one.
func runCLI(t *testing.T, files []string, args ...string) []string {
	t.Helper()
	bin, err := cli()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range files {
		cmd := exec.Command(bin, append([]string{"--format", "jsonl", f}, args...)...)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("decruft %s: %v", f, err)
		}
		lines = append(lines, splitLF(out)...)
	}
	return lines
}

// runPipeline runs the pipeline on runner and returns its output lines,
// after checking that the files written are named as promised, and that
// no temporary file is left.
func runPipeline(t *testing.T, runner, input string, set settings) []string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "clean")
	p, s := beam.NewPipelineWithRoot()
	build(s, input, out, 2, set)
	if _, err := beam.Run(t.Context(), runner, p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	written, _ := filepath.Glob(filepath.Join(dir, "*"))
	var want []string
	for i := range written {
		want = append(want, shardName(out, i, len(written)))
	}
	if len(written) == 0 || !slices.Equal(written, want) {
		t.Fatalf("files written: %q, want %q", written, want)
	}
	var lines []string
	for _, f := range written {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, splitLF(data)...)
	}
	return lines
}

// splitLF splits b into lines ending in LF; a final line gets one.
func splitLF(b []byte) []string {
	var lines []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			lines = append(lines, string(b)+"\n")
			break
		}
		lines = append(lines, string(b[:i+1]))
		b = b[i+1:]
	}
	return lines
}

// sameRecords fails t unless got and want hold the same lines, in any
// order.
func sameRecords(t *testing.T, got, want []string) {
	t.Helper()
	slices.Sort(got)
	slices.Sort(want)
	if slices.Equal(got, want) {
		return
	}
	t.Errorf("%d records out, the CLI wrote %d", len(got), len(want))
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("first difference:\npipeline %q\ncli      %q", got[i], want[i])
			break
		}
	}
}

func record(text string) string { return `{"text":` + quote(text) + `}` }

// edgeFiles writes four JSONL files with what a stream can hold: CRLF,
// invalid UTF-8, blank lines, a last line without LF, and the real
// articles in ../../testdata.
func edgeFiles(t *testing.T) (glob string, files []string) {
	t.Helper()
	dir := t.TempDir()
	articles, _ := filepath.Glob("../../testdata/*.txt")
	var real strings.Builder
	for i, f := range articles {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&real, `{"id": %d, "text": %s}`+"\n", i, quote(string(data)))
	}
	contents := map[string]string{
		"a.jsonl": real.String(),
		"b.jsonl": record("The end.\u201d Read More\r") + "\r\n" +
			record("A.\r\n\r\nnews image\r\n\r\nB.") + "\r\n" + record("Nothing to do.") + "\r\n",
		"c.jsonl": "{\"text\":\"caf\xe9.\\n\\nRead More\"}\n\n  \n" + "{\"text\":\"caf\xe9, unchanged.\"}\n",
		"d.jsonl": record("One.\n\nRead More") + "\n" + record("Two.\n\nAdvertisement\n\nThree.") + "\n" + record("Last, without LF. Read More"),
	}
	for name, data := range contents {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	slices.Sort(files)
	return filepath.Join(dir, "*.jsonl"), files
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestMatchesCLI runs the pipeline on prism over a glob of four files and
// checks that it writes the records decruft --format jsonl writes.
func TestMatchesCLI(t *testing.T) {
	glob, files := edgeFiles(t)
	for _, tc := range []struct {
		name string
		set  settings
		args []string
	}{
		{"defaults", settings{Field: "text"}, nil},
		{"annotated, teaser off", settings{Field: "text", Annotate: "decruft", Disable: []string{"teaser"}},
			[]string{"--annotate", "decruft", "--disable", "teaser"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sameRecords(t, runPipeline(t, "prism", glob, tc.set), runCLI(t, files, tc.args...))
		})
	}
}

// TestDevSuites runs the pipeline on prism over the development suites
// beside the checkout and checks record identity with the CLI.
func TestDevSuites(t *testing.T) {
	data := "../../../shared/eval/data"
	files, _ := filepath.Glob(filepath.Join(data, "*.jsonl"))
	if len(files) == 0 {
		t.Skip("no development suites in " + data)
	}
	// One profile learned from all the suites, given to both: the CLI
	// learns nothing itself then, and the records must agree.
	bin, err := cli()
	if err != nil {
		t.Fatal(err)
	}
	profile := filepath.Join(t.TempDir(), "suites.profile")
	learn := exec.Command(bin, append([]string{"learn", "-q", "--field", "input", "-o", profile}, files...)...)
	if out, err := learn.CombinedOutput(); err != nil {
		t.Fatalf("decruft learn: %v\n%s", err, out)
	}
	text, err := os.ReadFile(profile)
	if err != nil {
		t.Fatal(err)
	}
	got := runPipeline(t, "prism", filepath.Join(data, "*.jsonl"), settings{Field: "input", ProfilePath: profile, Profile: text})
	want := runCLI(t, files, "--field", "input", "--profile", profile)
	if len(want) < 500 {
		t.Fatalf("only %d records in the suites", len(want))
	}
	sameRecords(t, got, want)
}

// TestDirect checks the direct runner too: it is the one that runs the
// pipeline in one bundle, where the cleaner's workers do the parallel work.
func TestDirect(t *testing.T) {
	glob, files := edgeFiles(t)
	sameRecords(t, runPipeline(t, "direct", glob, settings{Field: "text"}), runCLI(t, files))
}

// TestBadRecord checks that a bad record fails the pipeline with an error
// naming its file, and that with SkipBad it passes through unchanged.
func TestBadRecord(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(in, []byte(record("A.\n\nRead More")+"\n"+`{"text": 5}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	p, s := beam.NewPipelineWithRoot()
	build(s, in, filepath.Join(dir, "out"), 2, settings{Field: "text"})
	_, err := beam.Run(t.Context(), "prism", p)
	if err == nil || !strings.Contains(err.Error(), in+`: record "{\"text\": 5}": field "text" is a number, not a string`) {
		t.Errorf("err = %v", err)
	}

	got := runPipeline(t, "prism", in, settings{Field: "text", SkipBad: true})
	sameRecords(t, got, []string{record("A.") + "\n", `{"text": 5}` + "\n"})
}

func TestSettingsErrors(t *testing.T) {
	for _, tc := range []struct {
		set  settings
		want string
	}{
		{settings{Enable: []string{"nosuch"}}, `unknown rule "nosuch"`},
		{settings{Field: "a..b"}, `field path "a..b": empty key`},
		{settings{ConfigPath: "x.toml", Config: []byte("enable = 1\n")}, "x.toml:1"},
	} {
		if _, err := tc.set.cleaner(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err = %v, want %q", tc.set, err, tc.want)
		}
	}
	set := settings{ConfigPath: "x.toml", Config: []byte("disable = [\"readmore\"]\n")}
	c, err := set.cleaner()
	if err != nil {
		t.Fatal(err)
	}
	if out, _, _ := c.AppendLine(nil, []byte(record("A. Read More"))); string(out) != record("A. Read More") {
		t.Errorf("the config's disable was not applied: %s", out)
	}
}

// TestEmptyInput checks that a run without records still writes a file.
func TestEmptyInput(t *testing.T) {
	in := filepath.Join(t.TempDir(), "empty.jsonl")
	if err := os.WriteFile(in, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := runPipeline(t, "prism", in, settings{Field: "text"}); len(got) != 0 {
		t.Errorf("records out of an empty file: %q", got)
	}
}

// TestMatchesSome checks the launch-time check that an input exists: Beam
// itself reads a missing file as no input.
func TestMatchesSome(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(in, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ok := range []string{in, filepath.Join(dir, "*.jsonl")} {
		if err := matchesSome(t.Context(), ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	missing := filepath.Join(dir, "b*.jsonl")
	if err := matchesSome(t.Context(), missing); err == nil || err.Error() != missing+": no such file" {
		t.Errorf("%s: err = %v", missing, err)
	}
}
