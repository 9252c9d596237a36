package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// writeInPlace replaces path's content atomically: a temp file in the same
// folder is written, synced and given the original's permissions, then
// renamed over the original. On any failure the original is untouched and
// the temp file removed. Symbolic links and other non-regular files are
// refused, so -w never writes through a link.
func writeInPlace(path string, data []byte) error {
	fi, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("not a regular file (%s); not rewritten", fi.Mode().Type())
	}
	return writeAtomic(path, data, fi.Mode().Perm())
}

// writeMirror writes a cleaned copy of src below dir, at the source's path
// relative to its walk root.
func writeMirror(dir string, src source, data []byte) error {
	rel := filepath.Clean(src.rel)
	if rel == "." || filepath.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("cannot mirror %q below %s", src.rel, dir)
	}
	dst := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	perm := os.FileMode(0o644)
	if fi, err := os.Stat(src.path); err == nil {
		perm = fi.Mode().Perm()
	}
	if fi, err := os.Lstat(dst); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("%s exists and is not a regular file; not overwritten", dst)
	}
	return writeAtomic(dst, data, perm)
}

func writeAtomic(path string, data []byte, perm os.FileMode) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".decruft-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// checkOutDir refuses an output folder inside (or equal to) an input tree,
// where cleaned copies would be walked as inputs again.
func checkOutDir(dir string, args []string) error {
	out, err := resolve(dir)
	if err != nil {
		return err
	}
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil || !fi.IsDir() {
			continue
		}
		in, err := resolve(a)
		if err != nil {
			return err
		}
		if out == in || strings.HasPrefix(out, in+string(filepath.Separator)) {
			return fmt.Errorf("-o %s: the output folder is inside the input tree %s", dir, a)
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
