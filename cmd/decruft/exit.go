package main

import "errors"

// Exit codes, as black and gofmt use them: scripts can tell "would change"
// from "failed".
const (
	exitOK      = 0
	exitChanged = 1 // --check found inputs that would change
	exitError   = 2 // bad usage, or an input failed
)

// errReported marks a failure whose details have already been printed, such
// as a batch in which some files failed.
var errReported = errors.New("errors reported")

// errChanged is returned under --check when an input would change.
var errChanged = errors.New("inputs would change")

func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errChanged):
		return exitChanged
	default:
		return exitError
	}
}
