package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/jsonl"
)

// The safety tests run the real binary and kill it while it rewrites
// files: whatever the moment, every file must hold its old content or its
// new one, never a mix or a truncation.

// decruftBinary builds the command into a temp folder of t's.
func decruftBinary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to build the binary")
	}
	bin := filepath.Join(t.TempDir(), "decruft")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// articleTree is a tree of article files with cruft, their contents before and
// after cleaning.
type articleTree struct {
	bin      string
	dir      string
	old, new map[string][]byte // by path
}

// makeCorpus writes n text files of various sizes into dir/tree, spread
// over a few folders, each with a "Read More" to remove, and one JSONL
// file of jsonlBytes beside the tree (not walked: named on the command line).
func makeCorpus(t *testing.T, n, jsonlBytes int) *articleTree {
	t.Helper()
	c := &articleTree{bin: decruftBinary(t), dir: t.TempDir(), old: map[string][]byte{}, new: map[string][]byte{}}
	rng := rand.New(rand.NewPCG(1, 2))
	para := "The minister said on Tuesday that the talks would resume, and that both sides had agreed to a timetable. "
	for i := range n {
		var b bytes.Buffer
		fmt.Fprintf(&b, "Story %d\n\n", i)
		for range 1 + rng.IntN(150) {
			b.WriteString(strings.Repeat(para, 1+rng.IntN(4)))
			b.WriteString("\n\n")
		}
		b.WriteString("Read More\n")
		path := filepath.Join(c.dir, "tree", fmt.Sprintf("d%d", i%7), fmt.Sprintf("story-%03d.txt", i))
		c.add(t, path, b.Bytes(), clean.Text(b.Bytes()).Output)
	}
	if jsonlBytes > 0 {
		var in, out bytes.Buffer
		rec := fmt.Sprintf(`{"id":1,"text":"%s\n\nRead More"}`+"\n", strings.Repeat(para, 20))
		for in.Len() < jsonlBytes {
			in.WriteString(rec)
		}
		if _, err := jsonl.Run(t.Context(), bytes.NewReader(in.Bytes()), &out, jsonl.Options{}); err != nil {
			t.Fatal(err)
		}
		c.add(t, filepath.Join(c.dir, "big.jsonl"), in.Bytes(), out.Bytes())
	}
	return c
}

func (c *articleTree) add(t *testing.T, path string, old, new []byte) {
	t.Helper()
	if bytes.Equal(old, new) {
		t.Fatalf("%s: nothing to clean", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, old, 0o640); err != nil {
		t.Fatal(err)
	}
	c.old[path], c.new[path] = old, new
}

// reset puts every file back to its old content.
func (c *articleTree) reset(t *testing.T) {
	t.Helper()
	for path, old := range c.old {
		if err := os.WriteFile(path, old, 0o640); err != nil {
			t.Fatal(err)
		}
	}
}

// check asserts that every file holds its old or new content with its
// permissions, and that anything else in the folder is a decruft temp
// file. It returns how many files were rewritten and temp files found.
func (c *articleTree) check(t *testing.T) (rewritten, temps int) {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(c.dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		old, ok := c.old[path]
		if !ok {
			if !strings.HasPrefix(d.Name(), ".") || !strings.Contains(d.Name(), ".decruft-") {
				t.Errorf("unexpected file %s", path)
			} else if _, ok := c.old[filepath.Join(filepath.Dir(path), strings.Split(d.Name()[1:], ".decruft-")[0])]; !ok {
				t.Errorf("temp file %s names no input", path)
			}
			temps++
			return nil
		}
		seen[path] = true
		got, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch {
		case bytes.Equal(got, old):
		case bytes.Equal(got, c.new[path]):
			rewritten++
		default:
			t.Errorf("%s: %d bytes, neither its old (%d) nor its new content (%d)", path, len(got), len(old), len(c.new[path]))
		}
		if fi, err := d.Info(); err == nil && fi.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %v, want 0640", path, fi.Mode().Perm())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(c.old) {
		t.Errorf("%d of %d files left", len(seen), len(c.old))
	}
	return rewritten, temps
}

// removeTemps removes the temp files a killed run left.
func (c *articleTree) removeTemps(t *testing.T) {
	t.Helper()
	temps, err := filepath.Glob(filepath.Join(c.dir, "tree", "*", ".*.decruft-*"))
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob(filepath.Join(c.dir, ".*.decruft-*"))
	for _, tmp := range append(temps, more...) {
		if err := os.Remove(tmp); err != nil {
			t.Fatal(err)
		}
	}
}

func (c *articleTree) command() *exec.Cmd {
	args := []string{"-w", "-q", "-j", "2", filepath.Join(c.dir, "tree")}
	if _, ok := c.old[filepath.Join(c.dir, "big.jsonl")]; ok {
		args = append(args, filepath.Join(c.dir, "big.jsonl"))
	}
	cmd := exec.Command(c.bin, args...)
	cmd.Dir = c.dir
	return cmd
}

// TestKillDuringWrite kills a -w batch with SIGKILL at random moments,
// several rounds, and checks that no file is ever left partial. The
// temp files a SIGKILL strands are hidden and never the real file.
func TestKillDuringWrite(t *testing.T) {
	n, rounds := 200, 6
	if testing.Short() {
		n, rounds = 50, 2
	}
	c := makeCorpus(t, n, 4<<20)

	// A full run first, to learn how long one takes.
	start := time.Now()
	if out, err := c.command().CombinedOutput(); err != nil {
		t.Fatalf("full run: %v\n%s", err, out)
	}
	full := time.Since(start)
	if r, temps := c.check(t); r != len(c.old) || temps != 0 {
		t.Fatalf("full run: %d of %d files rewritten, %d temp files left", r, len(c.old), temps)
	}

	rng := rand.New(rand.NewPCG(3, 4))
	for round := range rounds {
		c.reset(t)
		cmd := c.command()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int64N(int64(full)))
		time.Sleep(delay)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		r, temps := c.check(t)
		t.Logf("round %d: killed after %v (a full run takes %v): %v; %d of %d files rewritten, %d temp files left",
			round, delay.Round(time.Millisecond), full.Round(time.Millisecond), err, r, len(c.old), temps)
		c.removeTemps(t)
	}

	// Hidden temp files are not walked, so a rerun finishes the job.
	c.reset(t)
	if out, err := c.command().CombinedOutput(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	if r, _ := c.check(t); r != len(c.old) {
		t.Errorf("rerun: %d of %d files rewritten", r, len(c.old))
	}
}

// TestInterruptDuringWrite: Ctrl-C during -w leaves no temp file, the
// original intact, and exit 130.
func TestInterruptDuringWrite(t *testing.T) { interruptDuringWrite(t, syscall.SIGINT) }

// TestTerminateDuringWrite: SIGTERM does the same, with exit 143.
func TestTerminateDuringWrite(t *testing.T) { interruptDuringWrite(t, syscall.SIGTERM) }

// TestHangUpDuringWrite: SIGHUP, as when a terminal closes or an ssh
// session drops, is handled as SIGTERM is (a stranger found it left the
// temp file behind).
func TestHangUpDuringWrite(t *testing.T) { interruptDuringWrite(t, syscall.SIGHUP) }

// interruptDuringWrite sends sig while -w streams a JSONL file
// into its temp file: the temp file must go, the original stay intact,
// and the exit status 128 plus the signal's number. Text files done before the signal
// hold their new content, the others their old.
func interruptDuringWrite(t *testing.T, sig syscall.Signal) {
	c := makeCorpus(t, 20, 64<<20)
	big := filepath.Join(c.dir, "big.jsonl")
	cmd := c.command()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for the JSONL stream's temp file, then interrupt.
	deadline := time.Now().Add(30 * time.Second)
	for {
		temps, _ := filepath.Glob(filepath.Join(c.dir, ".big.jsonl.decruft-*"))
		if len(temps) > 0 {
			break
		}
		if time.Now().After(deadline) || cmd.ProcessState != nil {
			_ = cmd.Process.Kill() // on the way to failing
			_ = cmd.Wait()
			t.Fatalf("no temp file appeared; stderr:\n%s", stderr.String())
		}
		time.Sleep(time.Millisecond)
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
		t.Errorf("exit: %v, want status %d; stderr:\n%s", err, 128+int(sig), stderr.String())
	}
	r, temps := c.check(t)
	if temps != 0 {
		t.Errorf("%d temp files left after %v", temps, sig)
	}
	if got, _ := os.ReadFile(big); !bytes.Equal(got, c.old[big]) {
		t.Errorf("the interrupted JSONL file changed")
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr does not say interrupted:\n%s", stderr.String())
	}
	t.Logf("%d of %d files rewritten before the interrupt; stderr:\n%s", r, len(c.old), stderr.String())
}

// TestReaderGoesAway: when standard output's reader exits early (| head),
// a JSONL stream on standard input stops quietly with 141, as the signal
// would have, and its spooled copy is removed (a stranger found every
// "decruft < big.jsonl | head" left the whole input in $TMPDIR).
func TestReaderGoesAway(t *testing.T) {
	bin := decruftBinary(t)
	tmp := t.TempDir()
	var stream bytes.Buffer
	for i := range 20000 {
		fmt.Fprintf(&stream, `{"id":%d,"text":"Story %d about the harbour and its ferries, as the council saw it.\n\nRead More"}`+"\n", i, i)
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	cmd.Stdin = &stream
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(out, make([]byte, 100)); err != nil {
		t.Fatal(err)
	}
	_ = out.Close()
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 141 {
		t.Errorf("exit: %v, want status 141; stderr:\n%s", err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("left in TMPDIR: %v", left)
	}
}
