package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows a batch's advance on a terminal: files done of total,
// MB/s and time left. Only the goroutine that prints outcomes touches it.
type progress struct {
	bar          *progressbar.ProgressBar
	files, total int
}

// newProgress returns nil unless stderr is a terminal and a directory is
// walked: a progress bar in a log file or a pipe is noise.
func newProgress(ctx context.Context, o *options, args []string, stderr io.Writer) *progress {
	if o.quiet || !isTerminal(stderr) || os.Getenv("TERM") == "dumb" {
		return nil
	}
	// Count what the walk will visit, so that the bar has an end.
	var files int
	var size int64
	count := func(s source) bool {
		files++
		if fi, err := os.Stat(s.path); err == nil {
			size += fi.Size()
		}
		return ctx.Err() == nil
	}
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			walk(o, a, count)
		}
	}
	if files < 2 {
		return nil
	}
	bar := progressbar.NewOptions64(size,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
	return &progress{bar: bar, total: files}
}

func (p *progress) add(o outcome) {
	if p == nil {
		return
	}
	p.files++
	p.bar.Describe(fmt.Sprintf("%d/%d files", p.files, p.total))
	if o.res != nil {
		_ = p.bar.Add64(int64(len(o.res.Doc.Src))) // the bar is decoration; its errors are not the run's
	}
}

// clear removes the bar so that a message can be printed in its place.
func (p *progress) clear() {
	if p != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p != nil {
		_ = p.bar.Finish()
	}
}
