// Command decruft removes cruft from scraped news-article text.
//
// See README.md or run "decruft --help".
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// Cleaning allocates short-lived buffers per document; collecting
		// at twice the live heap rather than at once its size saves a fifth
		// of the time on a JSONL stream, for a heap that stays small.
		debug.SetGCPercent(200)
	}
	// The first SIGINT, SIGTERM or SIGHUP (a closed terminal or a dropped
	// ssh session) stops the run cleanly; a second one kills at once, as
	// the signal's default does. A signal the run was started to ignore
	// (nohup, a background job) stays ignored.
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		if !signal.Ignored(sig) {
			signal.Notify(sigs, sig)
		}
	}
	go func() {
		sig := <-sigs
		signal.Stop(sigs)
		cancel(signalled{sig.(syscall.Signal)})
	}()
	// A reader that goes away (| head) makes writes fail with EPIPE, rather
	// than kill the run before it removes its temp files; run then exits
	// quietly, as the signal would have.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	cancel(nil)
	os.Exit(code)
}
