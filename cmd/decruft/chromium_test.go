package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

var screenshot = flag.String("screenshot", "", "also write the audit page's screenshot to this PNG `file` (the README's is docs/audit.png)")

// TestAuditPageInChromium opens the audit page in headless Chromium, from
// a file, and checks that it renders with no console error, no request
// but for the page itself, and every link within the page leading
// somewhere; it takes a screenshot of its top. It skips when Chromium is
// not installed (.ci/run installs Debian's chromium).
func TestAuditPageInChromium(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no Chromium to open the page with")
	}
	files, _ := auditCorpus(t)
	path, err := filepath.Abs(filepath.Join(t.TempDir(), "audit.html"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(files)) // the page names the folder as a user would
	if err := os.WriteFile(path, []byte(runOK(t, "--report", "html", filepath.Base(files))), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + path

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run its sandbox as root
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ctx, cancel = chromedp.NewExecAllocator(ctx, opts...)
	defer cancel()
	ctx, cancel = chromedp.NewContext(ctx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Skipf("Chromium at %s does not start: %v", browser, err)
	}

	// Whatever the console says, and any request but for the page itself.
	watch, stopWatching := context.WithCancel(ctx)
	messages := chromedp.Console(watch)
	requests := chromedp.Events(watch, network.RequestWillBeSent)
	var mu sync.Mutex
	var problems []string
	problem := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleWarning, chromedp.ConsoleError, chromedp.ConsoleException:
				problem("console %s: %s", m.Type, m.Text)
			}
		}
	})
	wg.Go(func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			if ev.Request.URL != url {
				problem("request for %s", ev.Request.URL)
			}
		}
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1100, 800), chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	title := must(chromedp.Run(ctx, chromedp.Title()))(t)
	heading := must(chromedp.Run(ctx, chromedp.Text("h1")))(t)
	linksLead := must(chromedp.Run(ctx, chromedp.Evaluate[bool](
		`[...document.querySelectorAll('a[href^="#"]')].every(a => document.getElementById(decodeURIComponent(a.hash.slice(1))))`)))(t)
	chartDrawn := must(chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('svg.chart').getBoundingClientRect().height > 100`)))(t)
	shot := must(chromedp.Run(ctx, chromedp.CaptureScreenshot()))(t)
	stopWatching()
	wg.Wait()
	for _, p := range problems {
		t.Error(p)
	}
	if !strings.HasPrefix(title, "decruft audit") || heading != "decruft audit" {
		t.Errorf("title %q, heading %q", title, heading)
	}
	if !linksLead {
		t.Error("a link within the page leads nowhere")
	}
	if !chartDrawn {
		t.Error("the histogram is not drawn")
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1100 || b.Dy() != 800 {
		t.Errorf("screenshot %v", b)
	}
	if *screenshot != "" {
		if err := os.WriteFile(*screenshot, shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// must ends the test at an error, else gives the value.
func must[T any](v T, err error) func(*testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}
