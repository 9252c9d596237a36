package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/audit/audittest"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestAuditAgreesWithReport builds the audit page for a corpus and checks
// its figures against --report json for the same run: totals, each rule's
// figures, the histogram, the documents that lost the most and the lines
// removed most often. The corpus is the development corpus when ../shared
// is beside the checkout, else the repo's test data; the same documents as
// one JSONL stream give a page with the same figures.
func TestAuditAgreesWithReport(t *testing.T) {
	files, stream := auditCorpus(t)
	page := runOK(t, "--report", "html", files)
	report := runOK(t, "--report", "json", files)
	var reps []fileReport
	sc := bufio.NewScanner(strings.NewReader(report))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r fileReport
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		reps = append(reps, r)
	}
	want := expectedTables(reps)
	got := pageTables(t, page)
	for caption, rows := range want {
		if fmt.Sprintf("%q", got[caption]) != fmt.Sprintf("%q", rows) {
			t.Errorf("%s:\n got %q\nwant %q", caption, got[caption], rows)
		}
	}
	checkLines(t, got, reps)
	t.Logf("%d documents, %d tables compared", len(reps), len(want))

	// The stream's records are the same documents, but for their names.
	streamed := pageTables(t, runOK(t, "--report", "html", stream))
	for _, caption := range []string{"What each rule removed, and how many of its candidates the guard vetoed", "Documents by the share of their bytes removed"} {
		if fmt.Sprintf("%q", streamed[caption]) != fmt.Sprintf("%q", got[caption]) {
			t.Errorf("JSONL %s:\n got %q\nwant %q", caption, streamed[caption], got[caption])
		}
	}
	// A stream's records keep the text's final newline, or its lack.
	for i, row := range got["What the run read, removed and kept"] {
		if row[0] != "Bytes out" && fmt.Sprint(streamed["What the run read, removed and kept"][i]) != fmt.Sprint(row) {
			t.Errorf("JSONL totals: %q, want %q", streamed["What the run read, removed and kept"][i], row)
		}
	}
}

// runOK runs decruft in this process and returns its standard output.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), append([]string{"-q"}, args...), strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("decruft %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.String()
}

// auditCorpus writes the documents for the audit's tests as files in one
// folder and as one JSONL stream, and returns both paths.
func auditCorpus(t *testing.T) (files, stream string) {
	t.Helper()
	dir := t.TempDir()
	files, stream = filepath.Join(dir, "files"), filepath.Join(dir, "docs.jsonl")
	const shared = "../../../shared"
	if _, err := os.Stat(shared + "/bench/make-corpus.py"); err == nil {
		// Each of the development suites' 626 documents, some twice.
		cmd := exec.Command("python3", shared+"/bench/make-corpus.py", shared+"/eval/data", dir, "1000")
		if out, err := cmd.CombinedOutput(); err == nil {
			return files, stream
		} else {
			t.Logf("make-corpus.py: %v: %s; the repo's test data instead", err, out)
		}
	} else {
		t.Log("no ../shared beside the checkout: the repo's test data instead of the development corpus")
	}
	var docs [][]byte
	for _, pattern := range []string{"../../testdata/*.txt", "../../testdata/hardneg/*.txt"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, data)
		}
	}
	names, _ := filepath.Glob("../../clean/testdata/*/*.txtar")
	for _, n := range names {
		a, err := txtar.ParseFile(n)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if f.Name == "in" {
				docs = append(docs, f.Data)
			}
		}
	}
	// JSON holds text: a document that is not UTF-8 (a golden case of
	// invalid bytes) would reach the stream changed, its bytes replaced.
	docs = slices.DeleteFunc(docs, func(d []byte) bool { return !utf8.Valid(d) })
	if len(docs) < 100 {
		t.Fatalf("only %d documents in the test data", len(docs))
	}
	if err := os.Mkdir(files, 0o755); err != nil {
		t.Fatal(err)
	}
	var lines bytes.Buffer
	for i, d := range docs {
		if err := os.WriteFile(filepath.Join(files, fmt.Sprintf("%06d.txt", i)), d, 0o644); err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]any{"id": i, "text": string(d)})
		lines.Write(line)
		lines.WriteByte('\n')
	}
	if err := os.WriteFile(stream, lines.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return files, stream
}

// expectedTables works out from the JSON reports the page's tables that
// hold figures, by caption.
func expectedTables(reps []fileReport) map[string][][]string {
	type ruleFig struct {
		name                          string
		docs, removals, bytes, vetoes int
		kinds                         map[string]int
	}
	rules := map[string]*ruleFig{}
	rule := func(name string) *ruleFig {
		if rules[name] == nil {
			rules[name] = &ruleFig{name: name, kinds: map[string]int{}}
		}
		return rules[name]
	}
	var in, out, removed, removals, vetoes, changed int
	hist := make([]int, 11)
	type docFig struct {
		name        string
		removed, in int
	}
	var lost []docFig
	for _, r := range reps {
		in += r.BytesIn
		out += r.BytesOut
		if r.Changed {
			changed++
		}
		n := 0
		for _, rm := range r.Removals {
			f := rule(rm.Rule)
			f.removals++
			f.bytes += rm.End - rm.Start
			f.kinds[rm.Kind]++
			n += rm.End - rm.Start
		}
		for _, name := range r.Rules {
			rule(name).docs++
		}
		for _, v := range r.Vetoed {
			rule(v.Rule).vetoes++
		}
		removed += n
		removals += len(r.Removals)
		vetoes += len(r.Vetoed)
		bin := 0
		if n > 0 {
			bin = min(10, (10*n+r.BytesIn-1)/r.BytesIn)
			lost = append(lost, docFig{r.Path, n, r.BytesIn})
		}
		hist[bin]++
	}
	tables := map[string][][]string{}
	tables["What the run read, removed and kept"] = [][]string{
		{"Documents cleaned", commas(len(reps))},
		{"Documents changed (a rule removed something)", commas(changed)},
		{"Bytes in", commas(in)},
		{"Bytes out", commas(out)},
		{"Bytes removed", commas(removed)},
		{"Share of bytes removed", percent(removed, in)},
		{"Removals", commas(removals)},
		{"Candidates the guard vetoed", commas(vetoes)},
		{"Inputs skipped", "0"},
		{"Inputs that failed", "0"},
	}
	var rs []*ruleFig
	for _, f := range rules {
		rs = append(rs, f)
	}
	slices.SortFunc(rs, func(a, b *ruleFig) int {
		return cmp.Or(cmp.Compare(b.bytes, a.bytes), cmp.Compare(b.vetoes, a.vetoes), cmp.Compare(a.name, b.name))
	})
	ruleRows := [][]string{{"Rule", "Documents", "Removals", "Bytes removed", "Share of bytes removed", "Evidence of its removals", "Vetoed"}}
	for _, f := range rs {
		var kinds []string
		for k := clean.Marker; k <= clean.Corpus; k++ {
			if n := f.kinds[k.String()]; n > 0 {
				kinds = append(kinds, k.String()+" "+commas(n))
			}
		}
		ruleRows = append(ruleRows, []string{f.name, commas(f.docs), commas(f.removals), commas(f.bytes),
			percent(f.bytes, removed), strings.Join(kinds, ", "), commas(f.vetoes)})
	}
	tables["What each rule removed, and how many of its candidates the guard vetoed"] = ruleRows
	histRows := [][]string{{"Share removed", "Documents"}}
	for i, n := range hist {
		label := "none"
		if i > 0 {
			label = fmt.Sprintf("%d–%d%%", 10*(i-1), 10*i)
		}
		histRows = append(histRows, []string{label, commas(n)})
	}
	tables["Documents by the share of their bytes removed"] = histRows
	slices.SortFunc(lost, func(a, b docFig) int {
		return cmp.Or(cmp.Compare(b.removed*a.in, a.removed*b.in), cmp.Compare(b.removed, a.removed), cmp.Compare(a.name, b.name))
	})
	lost = lost[:min(30, len(lost))]
	topRows := [][]string{{"#", "Document", "Share removed", "Bytes removed", "Bytes in", "Rules"}}
	for i, d := range lost {
		var rules []string
		for _, r := range reps {
			if r.Path == d.name {
				rules = r.Rules
			}
		}
		topRows = append(topRows, []string{strconv.Itoa(i + 1), d.name, percent(d.removed, d.in), commas(d.removed), commas(d.in), strings.Join(rules, ", ")})
	}
	tables[fmt.Sprintf("The %d documents that lost the largest share of their bytes; each name leads to its diff", len(lost))] = topRows
	return tables
}

// checkLines checks each rule's lines removed most often against the
// lines of its removals in the reports, while the counts are exact.
func checkLines(t *testing.T, page map[string][][]string, reps []fileReport) {
	t.Helper()
	type lineFig struct {
		text        string
		count, docs int
		evidence    map[string]bool
	}
	byRule := map[string]map[string]*lineFig{}
	for _, r := range reps {
		seen := map[string]bool{}
		for _, rm := range r.Removals {
			if byRule[rm.Rule] == nil {
				byRule[rm.Rule] = map[string]*lineFig{}
			}
			for l := range strings.SplitSeq(rm.Text, "\n") {
				l = strings.TrimSpace(l)
				if l == "" {
					continue
				}
				f := byRule[rm.Rule][l]
				if f == nil {
					f = &lineFig{text: l, evidence: map[string]bool{}}
					byRule[rm.Rule][l] = f
				}
				f.count++
				f.evidence[rm.Kind+": "+rm.Why] = true
				if !seen[rm.Rule+"\x00"+l] {
					seen[rm.Rule+"\x00"+l] = true
					f.docs++
				}
			}
		}
	}
	checked := 0
	for rule, lines := range byRule {
		var fs []*lineFig
		for _, f := range lines {
			if f.docs >= 2 {
				fs = append(fs, f)
			}
		}
		slices.SortFunc(fs, func(a, b *lineFig) int {
			return cmp.Or(cmp.Compare(b.docs, a.docs), cmp.Compare(b.count, a.count), cmp.Compare(clipText(a.text), clipText(b.text)))
		})
		fs = fs[:min(15, len(fs))]
		caption := fmt.Sprintf("The lines %s removed from the most documents, of %d distinct line", rule, len(lines))
		if len(lines) != 1 {
			caption += "s"
		}
		caption += " counted"
		if len(lines) > 1000 {
			continue // counted in 1,000 slots: not exact
		}
		rows := page[caption]
		if len(fs) == 0 {
			if rows != nil {
				t.Errorf("%s: %q, want no table", rule, rows)
			}
			continue
		}
		if len(rows) != len(fs)+1 {
			t.Errorf("%s: %d lines, want %d (caption %q)", rule, len(rows)-1, len(fs), caption)
			continue
		}
		for i, f := range fs {
			row := rows[i+1]
			if row[0] != clipText(f.text) || row[1] != commas(f.count) || row[2] != commas(f.docs) || !f.evidence[row[3]] {
				t.Errorf("%s line %d: %q, want %q, %d, %d", rule, i+1, row, f.text, f.count, f.docs)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Error("no line checked")
	}
}

// clipText is a line as the page shows it: at most 160 bytes, cut at a
// character.
func clipText(s string) string {
	if len(s) <= 160 {
		return strings.Join(strings.Fields(s), " ")
	}
	n := 160
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.Join(strings.Fields(s[:n]+"…"), " ")
}

func commas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func percent(n, of int) string {
	return strconv.FormatFloat(100*float64(n)/float64(max(1, of)), 'f', 1, 64) + "%"
}

// pageTables returns the page's tables by caption, each a list of rows of
// cell texts, white space collapsed.
func pageTables(t *testing.T, page string) map[string][][]string {
	t.Helper()
	out, err := audittest.Tables(page)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
