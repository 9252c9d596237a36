package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// nobody is the user the permission tests run as when the tests run as
// root, whom no file mode stops.
const nobody = 65534

// asUser returns cmd set to run as an ordinary user: the test's own when
// it is not root, else nobody, for whom bin and dir are made reachable.
func asUser(t *testing.T, cmd *exec.Cmd) *exec.Cmd {
	t.Helper()
	if os.Geteuid() != 0 {
		return cmd
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	// t.TempDir's folders are private to their owner: open the way to
	// the binary and the working folder, up to the temp folder.
	tmp := filepath.Clean(os.TempDir()) + string(filepath.Separator)
	for _, d := range []string{filepath.Dir(cmd.Path), cmd.Dir} {
		for ; strings.HasPrefix(d, tmp); d = filepath.Dir(d) {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	return cmd
}

// chown gives path to the user asUser runs as.
func chown(t *testing.T, path string) {
	t.Helper()
	if os.Geteuid() == 0 {
		if err := os.Chown(path, nobody, nobody); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWriteNeedsPermission: -w rewrites only files the user may write, as
// gofmt -w does. It used to rename a new file over a read-only one (the
// folder allowed it), and a root-owned file ended up the user's.
func TestWriteNeedsPermission(t *testing.T) {
	bin := decruftBinary(t)
	dir := t.TempDir()
	text := []byte("Officials met on Tuesday.\n\nRead More\n")
	record := []byte(`{"text":"Officials met on Tuesday.\n\nRead More"}` + "\n")
	own := filepath.Join(dir, "own")
	shared := filepath.Join(dir, "shared")
	for _, d := range []string{own, shared} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	chown(t, own)
	if err := os.Chmod(shared, 0o777); err != nil { // anyone may add and rename files here
		t.Fatal(err)
	}
	files := map[string][]byte{
		filepath.Join(own, "ro.txt"):      text,   // the user's own, mode 0444
		filepath.Join(own, "ro.jsonl"):    record, // likewise, streamed
		filepath.Join(shared, "root.txt"): text,   // root's, 0444, in a 0777 folder
	}
	for path, data := range files {
		if err := os.WriteFile(path, data, 0o444); err != nil {
			t.Fatal(err)
		}
		if filepath.Dir(path) == own {
			chown(t, path)
		}
	}
	if os.Geteuid() != 0 {
		delete(files, filepath.Join(shared, "root.txt")) // root's only when root runs the test
	}
	for path, data := range files {
		cmd := exec.Command(bin, "-w", path)
		cmd.Dir = dir
		cmd = asUser(t, cmd)
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitError || !bytes.Contains(out, []byte(path+": permission denied")) {
			t.Errorf("-w %s: %v, %q; want exit 2 and permission denied", path, err, out)
		}
		got, _ := os.ReadFile(path)
		fi, statErr := os.Stat(path)
		if !bytes.Equal(got, data) || statErr != nil || fi.Mode().Perm() != 0o444 {
			t.Errorf("-w %s changed the file: %q, %v", path, got, fi.Mode())
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && os.Geteuid() == 0 && filepath.Dir(path) == shared && st.Uid != 0 {
			t.Errorf("-w %s: now owned by uid %d", path, st.Uid)
		}
	}
}

// TestMirrorLeavesSameCopies: -o leaves a copy that holds its content
// already, as -w leaves a file with no cruft: a second run changed every
// copy's mtime. A copy whose content is stale is replaced.
func TestMirrorLeavesSameCopies(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	files := map[string]string{
		"a.txt":   "Officials met on Tuesday.\n\nRead More\n",
		"b.txt":   "Clean text.\n",
		"c.jsonl": `{"text":"Officials met on Tuesday.\n\nRead More"}` + "\n",
	}
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(in, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mirror := func() {
		t.Helper()
		var stderr bytes.Buffer
		if code := run(t.Context(), []string{"-q", "-o", out, in}, nil, io.Discard, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	mirror()
	long := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	for name := range files {
		if err := os.Chtimes(filepath.Join(out, name), long, long); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(out, "b.txt"), []byte("stale\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mirror()
	for name := range files {
		fi, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if rewritten := !fi.ModTime().Equal(long); rewritten != (name == "b.txt") {
			t.Errorf("%s: rewritten %v, want %v", name, rewritten, name == "b.txt")
		}
	}
	if got, _ := os.ReadFile(filepath.Join(out, "b.txt")); string(got) != files["b.txt"] {
		t.Errorf("stale copy not replaced: %q", got)
	}
}

// TestOutDirReadOnly: an -o folder that refuses new files is one error
// naming it, up front, not one per input.
func TestOutDirReadOnly(t *testing.T) {
	bin := decruftBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	out := filepath.Join(dir, "out")
	for _, d := range []string{in, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(filepath.Join(in, name), []byte("Text.\n\nRead More\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(out, 0o555); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-o", "out", "in")
	cmd.Dir = dir
	cmd = asUser(t, cmd)
	got, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitError {
		t.Fatalf("-o into a read-only folder: %v, %q; want exit 2", err, got)
	}
	if want := "decruft: -o out: permission denied\n"; string(got) != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
}

// TestWriteKeepsModeAndOwner: -w keeps the setuid, setgid and sticky bits
// with the permissions, for text and JSONL alike, and, run by root, the
// owner and group (a stranger found root's -w gave nobody's files to root).
func TestWriteKeepsModeAndOwner(t *testing.T) {
	bin := decruftBinary(t)
	dir := t.TempDir()
	files := map[string]os.FileMode{
		"setuid.txt":   0o755 | os.ModeSetuid,
		"setgid.txt":   0o750 | os.ModeSetgid,
		"sticky.txt":   0o644 | os.ModeSticky,
		"setuid.jsonl": 0o640 | os.ModeSetuid,
	}
	for name, mode := range files {
		path := filepath.Join(dir, name)
		data := []byte("Officials met on Tuesday.\n\nRead More\n")
		if strings.HasSuffix(name, ".jsonl") {
			data = []byte(`{"text":"Officials met on Tuesday.\n\nRead More"}` + "\n")
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if os.Geteuid() == 0 {
			if err := os.Chown(path, nobody, nobody); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chmod(path, mode); err != nil { // after chown, which clears setuid
			t.Fatal(err)
		}
	}
	if out, err := exec.Command(bin, "-w", dir).CombinedOutput(); err != nil {
		t.Fatalf("decruft -w: %v\n%s", err, out)
	}
	for name, mode := range files {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky); got != mode {
			t.Errorf("%s: mode %v after -w, want %v", name, got, mode)
		}
		if st := fi.Sys().(*syscall.Stat_t); os.Geteuid() == 0 && (st.Uid != nobody || st.Gid != nobody) {
			t.Errorf("%s: owner %d:%d after -w, want %d:%d", name, st.Uid, st.Gid, nobody, nobody)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, name)); bytes.Contains(data, []byte("Read More")) {
			t.Errorf("%s: not rewritten: %q", name, data)
		}
	}
}

// TestMirrorStaysInsideWhenFolderSwapped: -o checks each folder of DIR for
// links once, when it first writes there; a folder swapped for a link to
// elsewhere after that must not lead later copies out of DIR (a stranger
// found 6,762 copies written through such a link).
func TestMirrorStaysInsideWhenFolderSwapped(t *testing.T) {
	dir := t.TempDir()
	out, victim := filepath.Join(dir, "out"), filepath.Join(dir, "victim")
	for _, d := range []string{out, victim} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(out)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = root.Close() }()
	p := &processor{o: &options{outDir: out}, outRoot: root}
	if err := p.writeMirror(filepath.Join("sub", "a.txt"), 0o644, []byte("A.\n")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(out, "sub"), filepath.Join(out, "sub.real")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(out, "sub")); err != nil {
		t.Fatal(err)
	}
	if err := p.writeMirror(filepath.Join("sub", "b.txt"), 0o644, []byte("B.\n")); err == nil {
		t.Error("a copy was written through a folder swapped for a link")
	}
	if names, _ := os.ReadDir(victim); len(names) > 0 {
		t.Errorf("copies outside DIR: %v", names)
	}
}
