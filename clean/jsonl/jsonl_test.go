package jsonl

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/decruft/decruft/clean"
	"github.com/decruft/decruft/clean/htmltext"
)

func run(t *testing.T, in string, o Options) (string, Stats, error) {
	t.Helper()
	var out bytes.Buffer
	st, err := Run(context.Background(), strings.NewReader(in), &out, o)
	return out.String(), st, err
}

const cruft = `Sony will launch the PSP in December.\n\nRead More`

func TestRun(t *testing.T) {
	tests := []struct {
		name    string
		o       Options
		in, out string
	}{
		{"replaces only the value",
			Options{},
			`{"z": 1.50, "text":"` + cruft + `" ,"a":1e3,"b" : [ 1,2 ],"n":null}` + "\n",
			`{"z": 1.50, "text":"Sony will launch the PSP in December." ,"a":1e3,"b" : [ 1,2 ],"n":null}` + "\n"},
		{"unchanged line is copied byte for byte",
			Options{},
			`{"text":"Caf\u00e9 \/ \"q\"\n\nNothing to remove.","x":-0.0E+1}` + "\n",
			`{"text":"Caf\u00e9 \/ \"q\"\n\nNothing to remove.","x":-0.0E+1}` + "\n"},
		{"blank runs alone do not count as a change",
			Options{},
			`{"text":"A.\n\n\n\nB.\n\n"}` + "\n",
			`{"text":"A.\n\n\n\nB.\n\n"}` + "\n"},
		{"keeps a final newline the text had",
			Options{},
			`{"text":"A.\n\nRead More\n"}` + "\n",
			`{"text":"A.\n"}` + "\n"},
		{"nested field",
			Options{Field: "article.body"},
			`{"text":"Read More","article":{"title":"T","body":"` + cruft + `"},"id":7}` + "\n",
			`{"text":"Read More","article":{"title":"T","body":"Sony will launch the PSP in December."},"id":7}` + "\n"},
		{"escaped key",
			Options{},
			`{"te\u0078t":"` + cruft + `"}` + "\n",
			`{"te\u0078t":"Sony will launch the PSP in December."}` + "\n"},
		{"escapes and unicode re-encoded",
			Options{},
			`{"text":"\u201cHi\u201d \ud83d\ude00 <b> & \\ \"q\"\t\u0001 \u2028.\n\nRead More"}` + "\n",
			`{"text":"“Hi” 😀 <b> & \\ \"q\"\t\u0001 \u2028."}` + "\n"},
		{"lone surrogate becomes U+FFFD when the text changes",
			Options{},
			`{"text":"x\ud800 y.\n\nRead More"}` + "\n",
			`{"text":"x` + "\ufffd" + ` y."}` + "\n"},
		{"invalid utf-8 becomes U+FFFD when the text changes",
			Options{},
			"{\"text\":\"caf\xe9.\\n\\nRead More\"}\n",
			"{\"text\":\"caf\ufffd.\"}\n"},
		{"invalid utf-8 kept when nothing changes",
			Options{},
			"{\"text\":\"caf\xe9.\"}\n",
			"{\"text\":\"caf\xe9.\"}\n"},
		{"everything removed",
			Options{},
			`{"text":"Advertisement"}` + "\n",
			`{"text":""}` + "\n"},
		{"crlf kept",
			Options{},
			`{"text":"` + cruft + `"}` + "\r\n" + `{"text":"B."}` + "\r\n",
			`{"text":"Sony will launch the PSP in December."}` + "\r\n" + `{"text":"B."}` + "\r\n"},
		{"glued Read More before a final CR keeps the CR",
			Options{},
			`{"text":"The end.\u201d Read More\r"}` + "\n" + `{"text":"A.\r\nThe end.\u201d Read More\r"}` + "\n",
			`{"text":"The end.”\r"}` + "\n" + `{"text":"A.\r\nThe end.”\r"}` + "\n"},
		{"a text ending in a line break still ends in one",
			Options{},
			`{"text":"A.\r\n\r\nRead More\r"}` + "\n" + `{"text":"A.\r\n\r\nRead More"}` + "\n",
			`{"text":"A.\r\n"}` + "\n" + `{"text":"A."}` + "\n"},
		{"final line without newline",
			Options{},
			`{"text":"A."}` + "\n" + `{"text":"` + cruft + `"}`,
			`{"text":"A."}` + "\n" + `{"text":"Sony will launch the PSP in December."}`},
		{"blank lines pass through",
			Options{},
			"\n  \t\n" + `{"text":"A."}` + "\n\r\n",
			"\n  \t\n" + `{"text":"A."}` + "\n\r\n"},
		{"annotation appended",
			Options{Annotate: "decruft"},
			`{"id":1,"text":"` + cruft + `"}` + "\n" + `{"id":2,"text":"B."}` + "\n",
			`{"id":1,"text":"Sony will launch the PSP in December.","decruft":[{"rule":"readmore","start":39,"end":48}]}` + "\n" +
				`{"id":2,"text":"B.","decruft":[]}` + "\n"},
		{"annotation follows the object's spacing",
			Options{Annotate: "decruft"},
			`{"id": 1, "text": "B."} ` + "\n" + `{"text": "B."}` + "\n",
			`{"id": 1, "text": "B.", "decruft": []} ` + "\n" + `{"text": "B.", "decruft": []}` + "\n"},
		{"annotation replaced in place",
			Options{Annotate: "decruft"},
			`{"decruft":{"old":[1]},"text":"` + cruft + `","id":1}` + "\n" +
				`{"text":"` + cruft + `","decruft":null,"id":2}` + "\n",
			`{"decruft":[{"rule":"readmore","start":39,"end":48}],"text":"Sony will launch the PSP in December.","id":1}` + "\n" +
				`{"text":"Sony will launch the PSP in December.","decruft":[{"rule":"readmore","start":39,"end":48}],"id":2}` + "\n"},
		{"nested annotation name is not the top-level one",
			Options{Annotate: "decruft"},
			`{"meta":{"decruft":1},"text":"B."}` + "\n",
			`{"meta":{"decruft":1},"text":"B.","decruft":[]}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, jobs := range []int{1, 3} {
				tt.o.Jobs = jobs
				got, _, err := run(t, tt.in, tt.o)
				if err != nil {
					t.Fatal(err)
				}
				if got != tt.out {
					t.Errorf("jobs=%d\ngot  %q\nwant %q", jobs, got, tt.out)
				}
				if !utf8.ValidString(tt.in) {
					continue
				}
				for _, l := range strings.Split(got, "\n") {
					if strings.TrimSpace(l) != "" && !json.Valid([]byte(l)) {
						t.Errorf("invalid JSON out: %q", l)
					}
				}
			}
			// A Cleaner fed the lines one by one writes the same bytes.
			c, err := NewCleaner(tt.o)
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			for _, line := range splitLines([]byte(tt.in)) {
				if got, _, err = c.AppendLine(got, line); err != nil {
					t.Fatal(err)
				}
			}
			if string(got) != tt.out {
				t.Errorf("Cleaner\ngot  %q\nwant %q", got, tt.out)
			}
		})
	}
}

// TestCleanerBadLine checks that a bad line leaves dst as it was.
func TestCleanerBadLine(t *testing.T) {
	c, err := NewCleaner(Options{})
	if err != nil {
		t.Fatal(err)
	}
	dst := []byte("kept\n")
	out, _, err := c.AppendLine(dst, []byte(`{"text":1}`+"\n"))
	if err == nil || err.Error() != `field "text" is a number, not a string` || string(out) != "kept\n" {
		t.Errorf("out %q, err %v", out, err)
	}
}

// TestAnnotateTwice annotates the output of an annotating run: nothing
// may change, the lists of what the first run removed included.
func TestAnnotateTwice(t *testing.T) {
	in := `{"id":1,"text":"` + cruft + `"}` + "\n" +
		`{"id":2,"text":"B."}` + "\r\n" +
		`{"text":"A.\n\nnews image\n\nC.","decruft":[{"rule":"old","start":0,"end":1}]}` + "\n" +
		`{"text":"D. Read More"}`
	o := Options{Annotate: "decruft"}
	once, _, err := run(t, in, o)
	if err != nil {
		t.Fatal(err)
	}
	twice, st, err := run(t, once, o)
	if err != nil {
		t.Fatal(err)
	}
	if twice != once {
		t.Errorf("annotating twice changed the output:\nonce  %q\ntwice %q", once, twice)
	}
	if st.Changed != 0 {
		t.Errorf("second run changed %d records", st.Changed)
	}
}

func TestBadLines(t *testing.T) {
	in := strings.Join([]string{
		`{"text":"A.\n\nRead More"}`,
		`not json`,
		`[1,2]`,
		`{"id":1}`,
		`{"text":null}`,
		`{"text":"a","text":"b"}`,
		`{"text":"a"} x`,
		`{"text":"a\x"}`,
		`{"text":"B."`,
		`{"article":"x","text":"C."}`,
		`{"text":"D.\n\nRead More"}`,
	}, "\n") + "\n"
	wantErrs := []string{
		`line 2: invalid JSON: unexpected 'n' at column 1 looking for the start of an object`,
		`line 3: not a JSON object but an array`,
		`line 4: field "text" missing`,
		`line 5: field "text" is null, not a string`,
		`line 6: field "text" appears twice`,
		`line 7: invalid JSON: unexpected 'x' at column 14 after the object`,
		`line 8: invalid JSON: unexpected 'x' at column 12 in a string escape`,
		`line 9: invalid JSON: unexpected end of line after an object member, looking for ',' or '}'`,
	}

	t.Run("stop", func(t *testing.T) {
		for _, jobs := range []int{1, 4} {
			out, st, err := run(t, in, Options{Jobs: jobs})
			var le *LineError
			if !errors.As(err, &le) || le.Line != 2 || err.Error() != wantErrs[0] {
				t.Fatalf("err = %v, want %s", err, wantErrs[0])
			}
			if want := `{"text":"A."}` + "\n"; out != want {
				t.Errorf("out = %q, want %q", out, want)
			}
			if st.Lines != 1 {
				t.Errorf("Lines = %d", st.Lines)
			}
		}
	})
	t.Run("skip", func(t *testing.T) {
		var errs []string
		out, st, err := run(t, in, Options{Jobs: 4, SkipBad: true, OnBad: func(e *LineError) { errs = append(errs, e.Error()) }})
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(in, "\n")
		lines[0] = `{"text":"A."}`
		lines[10] = `{"text":"D."}`
		if want := strings.Join(lines, "\n"); out != want {
			t.Errorf("out\n%s\nwant\n%s", out, want)
		}
		if strings.Join(errs, "\n") != strings.Join(wantErrs, "\n") {
			t.Errorf("errors\n%s\nwant\n%s", strings.Join(errs, "\n"), strings.Join(wantErrs, "\n"))
		}
		if st.Lines != 11 || st.Bad != 8 || st.Changed != 2 {
			t.Errorf("stats %+v", st)
		}
	})
	t.Run("nested field not an object", func(t *testing.T) {
		_, _, err := run(t, `{"article":"x"}`, Options{Field: "article.body"})
		if err == nil || err.Error() != `line 1: field "article" is a string, not an object` {
			t.Errorf("err = %v", err)
		}
	})
}

func TestOptionsErrors(t *testing.T) {
	for _, o := range []Options{{Field: "a..b"}, {Field: "."}, {Annotate: "text"}, {Field: "a.b", Annotate: "a"}} {
		if _, _, err := run(t, `{"text":"x"}`, o); err == nil || strings.HasPrefix(err.Error(), "line") {
			t.Errorf("%+v: err = %v, want an options error", o, err)
		}
		if _, err := NewCleaner(o); err == nil {
			t.Errorf("%+v: NewCleaner accepts it", o)
		}
	}
}

// TestOrder cleans many lines of varying length with several workers and
// checks each comes out in its place, cleaned as clean.Text cleans it.
func TestOrder(t *testing.T) {
	var in, want strings.Builder
	for i := range 5000 {
		body := strings.Repeat(fmt.Sprintf("Paragraph %d of record %d. ", i%7, i), 1+(i*37)%50)
		text := body
		if i%3 == 0 {
			text += "\n\nRead More"
		}
		line, _ := json.Marshal(map[string]any{"id": i, "text": text})
		in.Write(line)
		in.WriteByte('\n')
		wline, _ := json.Marshal(map[string]any{"id": i, "text": body})
		want.Write(wline)
		want.WriteByte('\n')
	}
	for _, jobs := range []int{1, 4, 16} {
		got, st, err := run(t, in.String(), Options{Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		if got != want.String() {
			t.Fatalf("jobs=%d: output differs", jobs)
		}
		if st.Lines != 5000 || st.Changed != 1667 || st.Rules["readmore"].Removals != 1667 || st.BytesIn != int64(in.Len()) {
			t.Errorf("jobs=%d: stats %+v", jobs, st)
		}
	}
}

// TestLongLine runs a line of several megabytes (beyond any default
// scanner limit) between short ones.
func TestLongLine(t *testing.T) {
	size := 8 << 20
	if testing.Short() {
		size = 1 << 20
	}
	var paras strings.Builder
	for i := 0; paras.Len() < size; i++ {
		fmt.Fprintf(&paras, "%s paragraph %d \\\"quoted\\\" \\u00e9.\\n\\n", strings.Repeat("word ", 200), i)
	}
	long := paras.String() + "Read More"
	in := `{"text":"A."}` + "\n" + `{"text":"` + long + `","id":2}` + "\n" + `{"text":"B."}` + "\n"
	got, st, err := run(t, in, Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	wantLong := strings.TrimSuffix(paras.String(), `\n\n`)
	wantLong = strings.ReplaceAll(wantLong, `\u00e9`, "é")
	want := `{"text":"A."}` + "\n" + `{"text":"` + wantLong + `","id":2}` + "\n" + `{"text":"B."}` + "\n"
	if got != want {
		t.Errorf("long line differs (got %d bytes, want %d)", len(got), len(want))
	}
	if st.Lines != 3 || st.Changed != 1 {
		t.Errorf("stats %+v", st)
	}
}

// TestCustomClean runs a caller's cleaner: HTML extraction, then rules.
func TestCustomClean(t *testing.T) {
	o := Options{Field: "html", Annotate: "decruft", Clean: func(b []byte) (*clean.Result, error) {
		p, err := htmltext.Extract(b, htmltext.Whole)
		if err != nil {
			return nil, err
		}
		return clean.CleanHinted(p.Text, []*clean.Rule{clean.ReadMore}, p.Hints), nil
	}}
	got, _, err := run(t, `{"html":"<p>A &amp; B.</p><p><a href=/x>Read More</a></p>"}`, o)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"html":"A & B.","decruft":[{"rule":"readmore","start":8,"end":17}]}`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestCleanError makes a line whose text the cleaner refuses a bad line:
// it stops the run, or with SkipBad passes through unchanged.
func TestCleanError(t *testing.T) {
	refused := errors.New("no article found")
	o := Options{Clean: func(b []byte) (*clean.Result, error) {
		if bytes.HasPrefix(b, []byte("<nav>")) {
			return nil, refused
		}
		return clean.Text(b), nil
	}}
	in := `{"text":"A.\n\nRead More"}` + "\n" + `{"text":"<nav>Home</nav>"}` + "\n" + `{"text":"B."}` + "\n"
	out, _, err := run(t, in, o)
	var le *LineError
	if !errors.As(err, &le) || le.Line != 2 || !errors.Is(err, refused) {
		t.Fatalf("err = %v, want line 2: %v", err, refused)
	}
	if want := `{"text":"A."}` + "\n"; out != want {
		t.Errorf("out = %q, want %q", out, want)
	}
	var bad []string
	o.SkipBad, o.OnBad = true, func(e *LineError) { bad = append(bad, e.Error()) }
	out, st, err := run(t, in, o)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"text":"A."}` + "\n" + `{"text":"<nav>Home</nav>"}` + "\n" + `{"text":"B."}` + "\n"; out != want {
		t.Errorf("out = %q, want %q", out, want)
	}
	if len(bad) != 1 || bad[0] != "line 2: no article found" || st.Bad != 1 {
		t.Errorf("bad lines %q, stats %+v", bad, st)
	}
}

type errReader struct{ r io.Reader }

func (e errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, errors.New("disk on fire")
	}
	return n, err
}

func TestReadError(t *testing.T) {
	var out bytes.Buffer
	_, err := Run(context.Background(), errReader{strings.NewReader(`{"text":"A."}` + "\n" + `{"text":"B`)}, &out, Options{})
	if err == nil || err.Error() != "reading line 2: disk on fire" {
		t.Errorf("err = %v", err)
	}
	if out.String() != `{"text":"A."}`+"\n" {
		t.Errorf("out = %q", out.String())
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, strings.NewReader(strings.Repeat(`{"text":"A."}`+"\n", 1000)), io.Discard, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

// FuzzLocate checks the scanner against encoding/json: it accepts what
// json.Valid accepts (duplicate keys aside) and finds the value that
// json.Unmarshal finds.
func FuzzLocate(f *testing.F) {
	for _, s := range []string{`{"text":"a"}`, `{"a":[1,{"text":2}],"text":"\ud83d\ude00\u00e9"}`, `{"text":"x"}x`, `{"te\u0078t" : "\"" }`, `{}`, `{"text":"\ud800"}`, "{\"text\":\"\xff\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		loc, err := locate(b, []string{"text"}, "")
		var m map[string]any
		jerr := json.Unmarshal(b, &m)
		if err == nil {
			if jerr != nil {
				t.Fatalf("locate accepts what json rejects (%v): %q", jerr, b)
			}
			decoded, _ := decodeValue(b, loc, nil)
			unknown := unquote(nil, b[loc.value.start:loc.value.end], false)
			if got := string(decoded); m["text"] != got || string(unknown) != got {
				t.Fatalf("text %q (%q knowing nothing of its UTF-8), json has %q", got, unknown, m["text"])
			}
			return
		}
		if _, isString := m["text"].(string); jerr == nil && isString && !strings.Contains(err.Error(), "twice") {
			t.Fatalf("locate rejects valid JSON %q: %v", b, err)
		}
	})
}

// FuzzQuote checks quote against encoding/json with HTML escaping off.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"a", "<&>\"\\\n\t\x01\x7f", "\u2028\u2029", "\xff\xfe", "é😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(quote(nil, []byte(s))) + "\n"; got != want.String() {
			t.Fatalf("quote(%q) = %s, json %s", s, got, want.String())
		}
	})
}

// TestDeepNesting checks that nesting costs the scanner no stack.
func TestDeepNesting(t *testing.T) {
	const n = 1_000_000
	line := `{"a":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `,"text":"A.\n\nRead More"}` + "\n"
	got, _, err := run(t, line, Options{})
	if want := strings.Replace(line, `\n\nRead More`, "", 1); err != nil || got != want {
		t.Errorf("err = %v; output ok: %v", err, got == want)
	}
	_, _, err = run(t, `{"text":"x","a":`+strings.Repeat("[", n), Options{})
	if err == nil {
		t.Error("unclosed arrays accepted")
	}
}

// TestOnRecord checks that OnRecord sees every record cleaned, in input
// order whatever the workers, with the text its field holds afterwards;
// blank and bad lines are not records.
func TestOnRecord(t *testing.T) {
	in := strings.Join([]string{
		`{"text":"A.\n\nRead More"}`,
		``,
		`not json`,
		`{"text":"B \u00e9."}`,
		`{"text":"C.\n\nRead More"}`,
	}, "\n") + "\n"
	type rec struct {
		line         int
		src, cleaned string
		removals     int
	}
	want := []rec{{1, "A.\n\nRead More", "A.", 1}, {4, "B é.", "B é.", 0}, {5, "C.\n\nRead More", "C.", 1}}
	for _, jobs := range []int{1, 4} {
		var got []rec
		_, _, err := run(t, in, Options{Jobs: jobs, SkipBad: true, OnRecord: func(line int, res *clean.Result, cleaned []byte) {
			got = append(got, rec{line, string(res.Doc.Src), string(cleaned), len(res.Removals)})
		}})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("jobs=%d: records\n%v\nwant\n%v", jobs, got, want)
		}
	}
}

// TestRunLiveStream: a line of a stream that stays open is written once it
// is cleaned, not when 64 KiB have gathered or the stream ends, so that
// "tail -f log.jsonl | decruft" shows each record as it comes.
func TestRunLiveStream(t *testing.T) {
	in, feed := io.Pipe()
	got := make(chan string, 1)
	out := writerFunc(func(p []byte) (int, error) {
		got <- string(p)
		return len(p), nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _, _ = Run(ctx, in, out, Options{Jobs: 1}) }()
	if _, err := io.WriteString(feed, `{"text":"The summit ends on Friday.\n\nRead More"}`+"\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case line := <-got:
		if want := `{"text":"The summit ends on Friday."}` + "\n"; line != want {
			t.Errorf("got %q, want %q", line, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the cleaned line did not come out while the stream stayed open")
	}
	_ = feed.Close()
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestRunByteOrderMark: JSON lets a parser pass over a byte order mark,
// which some tools write at the start of a file; it stays where it was,
// and the line is cleaned as without it.
func TestRunByteOrderMark(t *testing.T) {
	in := "\ufeff" + `{"text":"The summit ends on Friday.\n\nRead More"}` + "\n" + `{"text":"Second."}` + "\n"
	var out bytes.Buffer
	if _, err := Run(context.Background(), strings.NewReader(in), &out, Options{Jobs: 1}); err != nil {
		t.Fatal(err)
	}
	want := "\ufeff" + `{"text":"The summit ends on Friday."}` + "\n" + `{"text":"Second."}` + "\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	var texts []string
	if err := Texts(context.Background(), strings.NewReader(in), "", func(text []byte) { texts = append(texts, string(text)) }, nil); err != nil || len(texts) != 2 {
		t.Errorf("Texts: %q, %v; want both texts", texts, err)
	}
}

// TestAppendLineBadAfterByteOrderMark: a bad line gives dst back as it
// was, the byte order mark before it included; a second mark is no JSON.
func TestAppendLineBadAfterByteOrderMark(t *testing.T) {
	c, err := NewCleaner(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"\ufeff{not json}\n", "\ufeff\ufeff{\"text\":\"A.\"}\n"} {
		out, _, err := c.AppendLine([]byte("kept"), []byte(line))
		if err == nil || string(out) != "kept" {
			t.Errorf("AppendLine(%q) = %q, %v; want \"kept\" and an error", line, out, err)
		}
	}
}
