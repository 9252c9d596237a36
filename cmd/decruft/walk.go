package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// defaultIncludes are the walked files cleaned when no --include is given.
var defaultIncludes = []string{"*.txt", "*.text", "*.md", "*.html", "*.htm"}

// walk sends the files below root that the filters let through, in
// lexical order. Symbolic links below root are not followed, so a walk
// never leaves the tree; hidden entries are skipped unless --hidden.
func walk(ctx context.Context, o *options, root string, out chan<- source) {
	includes := o.include
	if len(includes) == 0 {
		includes = defaultIncludes
	}
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// A link named on the command line is the tree the user chose:
		// WalkDir does not follow its root otherwise, and would find nothing.
		root += string(filepath.Separator)
	}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return filepath.SkipAll
		}
		if err != nil {
			out <- source{name: path, path: path, walked: true, err: err}
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
		out <- source{name: path, path: path, rel: rel, walked: true}
		return nil
	})
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
