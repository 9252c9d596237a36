package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// defaultIncludes are the walked files cleaned when no --include is given,
// matched in any case: F.TXT is text too.
var defaultIncludes = []string{"*.txt", "*.text", "*.md", "*.html", "*.htm", "*.jsonl", "*.ndjson"}

// walk hands send the files below root that the filters let through, in
// lexical order, until send returns false; it reports whether it got to
// the end. Symbolic links below root are not followed, so a walk never
// leaves the tree; hidden entries are skipped unless --hidden.
func walk(o *options, root string, send func(source) bool) bool {
	included := func(name, rel string) bool { return matchAny(o.include, name, rel) }
	if len(o.include) == 0 {
		included = func(name, rel string) bool { return matchAny(defaultIncludes, strings.ToLower(name), rel) }
	}
	root = walkRoot(root)
	stopped := false
	// The callback returns no error but SkipDir and SkipAll, so WalkDir
	// has none to return: errors go to send with their path.
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !send(source{name: path, path: path, walked: true, err: err}) {
				stopped = true
				return filepath.SkipAll
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if filteredOut(o, root, path, rel, d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !included(d.Name(), rel) {
			return nil
		}
		src := source{name: path, path: path, rel: rel, walked: true}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			src.skipped = "a symbolic link; links are not followed"
		case !d.Type().IsRegular():
			src.skipped = "not a regular file"
		}
		if !send(src) {
			stopped = true
			return filepath.SkipAll
		}
		return nil
	})
	return !stopped
}

// walkRoot is root as WalkDir must see it: a link named on the command line
// is the tree the user chose, but WalkDir follows no link, its root's
// included, unless the path ends in a separator.
func walkRoot(root string) string {
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return root + string(filepath.Separator)
	}
	return root
}

// filteredOut reports whether a walk skips an entry below its root: a
// hidden one without --hidden, or one --exclude names.
func filteredOut(o *options, root, path, rel string, d fs.DirEntry) bool {
	return path != root && (!o.hidden && strings.HasPrefix(d.Name(), ".") || matchAny(o.exclude, d.Name(), rel))
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
	root = walkRoot(root)
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if rel, _ := filepath.Rel(root, path); filteredOut(o, root, path, rel, d) {
			return filepath.SkipDir
		}
		if !visit(path) {
			return filepath.SkipAll
		}
		return nil
	})
}
