package main

import (
	"errors"
	"syscall"
)

// Exit codes, as black and gofmt use them: scripts can tell "would change"
// from "failed".
const (
	exitOK      = 0
	exitChanged = 1 // --check found inputs that would change
	exitError   = 2 // bad usage, or an input failed
	// exitInterrupted is the shell's code for a command ended by SIGINT;
	// SIGTERM gives 143, 128 plus the signal's number, likewise.
	exitInterrupted = 130
)

// errReported marks a failure whose details have already been printed, such
// as a batch in which some files failed.
var errReported = errors.New("errors reported")

// errInterrupted is returned when the run was stopped early.
var errInterrupted = errors.New("interrupted")

// signalled is the cause of a run stopped by a signal.
type signalled struct{ sig syscall.Signal }

func (s signalled) Error() string        { return "interrupted" }
func (s signalled) Is(target error) bool { return target == errInterrupted }

// errChanged is returned under --check when an input would change.
var errChanged = errors.New("inputs would change")

func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errChanged):
		return exitChanged
	case errors.Is(err, errInterrupted):
		var s signalled
		if errors.As(err, &s) {
			return 128 + int(s.sig)
		}
		return exitInterrupted
	default:
		return exitError
	}
}
