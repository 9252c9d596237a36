//go:build !unix

package main

import "os"

// openFile is os.OpenFile; see open_unix.go.
func openFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}

// keepOwner does nothing where files have no Unix owner.
func keepOwner(*os.File, string) error { return nil }
