package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// defaultIncludes are the walked files cleaned when no --include is given.
var defaultIncludes = []string{"*.txt", "*.text", "*.md", "*.html", "*.htm"}

// walk hands send the files below root that the filters let through, in
// lexical order, until send returns false; it reports whether it got to
// the end. Symbolic links below root are not followed, so a walk never
// leaves the tree; hidden entries are skipped unless --hidden.
func walk(o *options, root string, send func(source) bool) bool {
	includes := o.include
	if len(includes) == 0 {
		includes = defaultIncludes
	}
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// A link named on the command line is the tree the user chose:
		// WalkDir does not follow its root otherwise, and would find nothing.
		root += string(filepath.Separator)
	}
	stopped := false
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !send(source{name: path, path: path, walked: true, err: err}) {
				stopped = true
				return filepath.SkipAll
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if path != root {
			if !o.hidden && strings.HasPrefix(d.Name(), ".") || matchAny(o.exclude, d.Name(), rel) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
		}
		if !d.Type().IsRegular() || !matchAny(includes, d.Name(), rel) {
			return nil
		}
		if !send(source{name: path, path: path, rel: rel, walked: true}) {
			stopped = true
			return filepath.SkipAll
		}
		return nil
	})
	return !stopped
}

// matchAny reports whether a glob matches the base name, or, for globs
// with a slash, the path relative to the walk root.
func matchAny(globs []string, name, rel string) bool {
	for _, g := range globs {
		target := name
		if strings.Contains(g, "/") {
			target = filepath.ToSlash(rel)
		}
		if ok, _ := filepath.Match(g, target); ok {
			return true
		}
	}
	return false
}

// walkDirs hands visit the folders below root (root included) that a walk
// enters, until visit returns false.
func walkDirs(o *options, root string, visit func(dir string) bool) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if path != root && (!o.hidden && strings.HasPrefix(d.Name(), ".") || matchAny(o.exclude, d.Name(), rel)) {
			return filepath.SkipDir
		}
		if !visit(path) {
			return filepath.SkipAll
		}
		return nil
	})
}
