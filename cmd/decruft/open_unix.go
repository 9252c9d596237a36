//go:build unix

package main

import (
	"os"
	"syscall"
)

// openFile is os.OpenFile for a regular file, without registering it with
// the runtime's poller: a regular file is never pollable, and the attempt
// costs five system calls, as many as the rest of reading a small file.
func openFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	mode := uint32(perm.Perm())
	if perm&os.ModeSetuid != 0 {
		mode |= syscall.S_ISUID
	}
	if perm&os.ModeSetgid != 0 {
		mode |= syscall.S_ISGID
	}
	if perm&os.ModeSticky != 0 {
		mode |= syscall.S_ISVTX
	}
	for {
		fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, mode)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}

// keepOwner gives tmp the owner and group of the file at path, which tmp
// is to replace, when the run may: only root gives a file away.
func keepOwner(tmp *os.File, path string) error {
	if os.Geteuid() != 0 {
		return nil
	}
	fi, err := os.Lstat(path)
	if err != nil {
		return nil // nothing to replace yet
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	return tmp.Chown(int(st.Uid), int(st.Gid))
}
