package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// writeInPlace replaces path's content atomically: a temp file in the same
// folder is written, synced and given the original's mode (and, when run
// by root, its owner), then renamed over the original. On any failure the original is untouched and
// the temp file removed. Symbolic links and other non-regular files are
// refused, so -w never writes through a link.
func writeInPlace(path string, data []byte) error {
	fi, err := regularFile(path)
	if err != nil {
		return err
	}
	return writeAtomic(anywhere{}, path, data, keptMode(fi), true)
}

// keptMode returns the mode bits that a file rewritten in place keeps: its
// permissions, and its setuid, setgid and sticky bits.
func keptMode(fi os.FileInfo) os.FileMode {
	return fi.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)
}

// regularFile returns path's info, or an error unless it is a regular
// file itself, not a link to one.
func regularFile(path string) (os.FileInfo, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	switch {
	case fi.Mode()&os.ModeSymlink != 0:
		return nil, errors.New("a symbolic link; -w rewrites regular files only, never through a link")
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("not a regular file (%s); -w rewrites regular files only", fi.Mode().Type())
	}
	return fi, nil
}

// rewritable checks, before a file is read, that -w may rewrite it: a
// regular file (a FIFO would block, a link is refused) that the user may
// write to. The rename that replaces it needs only the folder's
// permission, so without this check -w would replace a read-only file,
// and one owned by another user would end up the user's own; gofmt -w
// refuses with "permission denied", and so does decruft.
func rewritable(path string) error {
	if _, err := regularFile(path); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	return f.Close()
}

// writeMirror writes a cleaned copy of src below dir, at the source's path
// relative to its walk root, with the source's permissions.
func (p *processor) writeMirror(rel string, perm os.FileMode, data []byte) error {
	dst, name, err := p.mirrorPath(rel)
	if err != nil {
		return err
	}
	return copyError(dst, writeNew(p.outRoot, name, data, perm))
}

// A place is where a run writes files: anywhere, for -w and learn -o, or
// below -o's folder through an os.Root, which resolves no name to outside
// the folder, even when another process swaps a folder in it for a link
// while the run writes.
type place interface {
	OpenFile(name string, flag int, perm os.FileMode) (*os.File, error)
	Rename(oldname, newname string) error
	Remove(name string) error
	Lstat(name string) (os.FileInfo, error)
}

// anywhere is the file system as paths name it.
type anywhere struct{}

func (anywhere) OpenFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	return openFile(name, flag, perm)
}
func (anywhere) Rename(oldname, newname string) error   { return os.Rename(oldname, newname) }
func (anywhere) Remove(name string) error               { return os.Remove(name) }
func (anywhere) Lstat(name string) (os.FileInfo, error) { return os.Lstat(name) }

// A tempFile is a temp file being written, and where it is.
type tempFile struct {
	*os.File
	at   place
	name string // its name in at
}

// copyError names the -o copy whose write failed: the message is about
// the copy, not the input that is reported with it ("no space left on
// device" is not the input's fault).
func copyError(dst string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("writing %s: %s", dst, describe(err))
}

// writeNew writes a -o copy. A new file is written in place: nobody has
// seen it, and a failure removes it, so no partial copy stays (and a temp
// file plus a rename per file would make a mirror of many small files
// three times slower on ext4). A copy that exists already, from an
// earlier run, is left alone if it holds the content already, as -w leaves
// files alone, and else replaced atomically, so that it stays whole until
// the new one is; the rename replaces a symbolic link, never writing
// through it.
func writeNew(at place, name string, data []byte, perm os.FileMode) error {
	f, err := at.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if errors.Is(err, fs.ErrExist) {
		if sameContent(at, name, data) {
			return nil
		}
		return writeAtomic(at, name, data, perm, false)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = at.Remove(name) // best effort: the write's error is the one to report
	}
	return err
}

// sameContent reports whether name is a regular file that holds data.
func sameContent(at place, name string, data []byte) bool {
	fi, err := at.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	f, err := at.OpenFile(name, os.O_RDONLY, 0)
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }()
	old, err := io.ReadAll(f)
	return err == nil && bytes.Equal(old, data)
}

// sameFile reports whether the files a and b hold the same bytes; b must
// be a regular file, not a link.
func sameFile(at place, a, b string) bool {
	fa, err := at.Lstat(a)
	if err != nil {
		return false
	}
	fb, err := at.Lstat(b)
	if err != nil || !fb.Mode().IsRegular() || fa.Size() != fb.Size() {
		return false
	}
	ra, err := at.OpenFile(a, os.O_RDONLY, 0)
	if err != nil {
		return false
	}
	defer func() { _ = ra.Close() }()
	rb, err := at.OpenFile(b, os.O_RDONLY, 0)
	if err != nil {
		return false
	}
	defer func() { _ = rb.Close() }()
	bufA, bufB := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, errA := io.ReadFull(ra, bufA)
		nb, errB := io.ReadFull(rb, bufB)
		if na != nb || !bytes.Equal(bufA[:na], bufB[:nb]) {
			return false
		}
		if errA != nil || errB != nil {
			return errors.Is(errA, io.EOF) || errors.Is(errA, io.ErrUnexpectedEOF)
		}
	}
}

// mirrorPath returns where -o puts the copy of a file at rel below its
// walk root: dst names it for messages, name in p.outRoot. It makes the
// copy's folder.
func (p *processor) mirrorPath(rel string) (dst, name string, err error) {
	name = filepath.Clean(rel)
	if name == "." || filepath.IsAbs(name) || name == ".." || strings.HasPrefix(name, ".."+string(filepath.Separator)) {
		return "", "", fmt.Errorf("cannot mirror %q below %s", rel, p.o.outDir)
	}
	dst = filepath.Join(p.o.outDir, name)
	if dir := filepath.Dir(name); !p.madeDir(dir) {
		if err := mkdirBelow(p.outRoot, dir, p.o.outDir); err != nil {
			return "", "", err
		}
		p.dirs.Store(dir, true)
	}
	return dst, name, nil
}

// mkdirBelow makes the folder rel in root, as MkdirAll does, but refuses
// a symbolic link (or anything but a folder) on the way: a link left in
// the output folder must not lead copies elsewhere. Messages name the
// folders below display, root's name.
func mkdirBelow(root *os.Root, rel, display string) error {
	dir := ""
	for _, name := range strings.Split(rel, string(filepath.Separator)) {
		if name == "." {
			continue
		}
		dir = filepath.Join(dir, name)
		err := root.Mkdir(dir, 0o755)
		if err == nil {
			continue
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
		fi, err := root.Lstat(dir)
		if err != nil {
			return err
		}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s is a symbolic link; not written through", filepath.Join(display, dir))
		case !fi.IsDir():
			return fmt.Errorf("%s is not a folder", filepath.Join(display, dir))
		}
	}
	return nil
}

func (p *processor) madeDir(dir string) bool {
	_, ok := p.dirs.Load(dir)
	return ok
}

// writeAtomic writes data to a temp file beside path and renames it over
// path, so no reader ever sees a partial file. With sync, the data reaches
// the disk before the rename, so a crash leaves the old or the new content;
// -w needs that, since the original is at stake. -o copies skip it: an
// fsync per file would make a mirror of many small files many times slower.
func writeAtomic(at place, path string, data []byte, perm os.FileMode, sync bool) error {
	tmp, err := createTemp(at, path, perm)
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		abandon(tmp)
		return err
	}
	return commit(tmp, path, perm, sync)
}

// commit renames a finished temp file over path; see writeAtomic.
func commit(tmp *tempFile, path string, perm os.FileMode, sync bool) error {
	err := func() error {
		if sync {
			// The umask applied at creation; -w keeps the original's exact
			// mode, set after the owner, as a change of owner clears the
			// setuid and setgid bits.
			if err := keepOwner(tmp.File, path); err != nil {
				return err
			}
			if err := tmp.Chmod(perm); err != nil {
				return err
			}
			if err := tmp.Sync(); err != nil {
				return err
			}
		}
		return tmp.Close()
	}()
	if err == nil {
		if err = tmp.at.Rename(tmp.name, path); err != nil {
			var le *os.LinkError
			if errors.As(err, &le) {
				err = fmt.Errorf("cannot replace it: %w", le.Err)
			}
		}
	}
	if err != nil {
		abandon(tmp)
	}
	return err
}

// abandon closes and removes a temp file that will not be used. It is
// called on the way out of a failure, or with nothing written that matters,
// so its own errors have nothing to add.
func abandon(tmp *tempFile) {
	_ = tmp.Close()
	_ = tmp.at.Remove(tmp.name)
}

// createTemp creates a new hidden file beside path, named after it so that
// a leftover is recognisable: ".<name>.decruft-<random>".
func createTemp(at place, path string, perm os.FileMode) (*tempFile, error) {
	dir, base := filepath.Split(path)
	for range 100 {
		name := filepath.Join(dir, "."+base+".decruft-"+strconv.FormatUint(uint64(rand.Uint32()), 36))
		f, err := at.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm.Perm())
		if err == nil {
			return &tempFile{f, at, name}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("creating a temp file beside it: %s", describe(err))
		}
	}
	return nil, fmt.Errorf("cannot create a temp file beside %s", path)
}

// makeOutDir makes -o's folder, or checks that it is one, before any input
// is read: a problem with it is one error that names it, not one per input.
func makeOutDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case err == nil && !fi.IsDir():
		return fmt.Errorf("-o %s: not a directory", dir)
	case err != nil:
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("-o %s: %s", dir, describe(err))
		}
	}
	// A folder that exists may refuse new files: say so once.
	f, err := os.CreateTemp(dir, ".decruft-check-*")
	if err != nil {
		return fmt.Errorf("-o %s: %s", dir, describe(err))
	}
	name := f.Name()
	_ = f.Close()
	return os.Remove(name)
}

// checkOutDir refuses an output folder inside (or equal to) an input tree,
// where cleaned copies would be walked as inputs again, and one that holds
// an input, which a copy could overwrite: a named file is copied to
// DIR/<its name>, and a tree's files to their paths below DIR.
func checkOutDir(dir string, args []string) error {
	out, err := resolve(dir)
	if err != nil {
		return fmt.Errorf("-o %s: %s", dir, describe(err))
	}
	below := func(path, folder string) bool { return strings.HasPrefix(path, folder+string(filepath.Separator)) }
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			continue
		}
		in, err := resolve(a)
		if err != nil {
			return err
		}
		switch {
		case fi.IsDir() && (out == in || below(out, in)):
			return fmt.Errorf("-o %s: the output folder is inside the input tree %s", dir, a)
		case below(in, out):
			return fmt.Errorf("-o %s: the output folder holds the input %s, which a copy could overwrite; choose a folder outside the inputs", dir, a)
		}
	}
	return nil
}

// resolve returns path absolute with symbolic links resolved, as far as it
// exists: the output folder may not exist yet.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	var rest []string
	for p := abs; ; p = filepath.Dir(p) {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, os.ErrNotExist) || p == filepath.Dir(p) {
			return "", err
		}
		rest = append([]string{filepath.Base(p)}, rest...)
	}
}
