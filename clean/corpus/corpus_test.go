package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// article returns the i-th of a set of distinct articles: long lines of
// prose that no other article shares.
func article(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 1))
	var b strings.Builder
	for range 4 {
		for w := range 30 {
			if w > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocabulary[r.IntN(len(vocabulary))])
		}
		b.WriteString(".\n\n")
	}
	return b.String()
}

var vocabulary = strings.Fields(`council harbour ferry lifeboat bakery museum choir school market bridge
festival storm tide pier cliff trawler rescue budget mayor vote planning homes road closure bus route
hospital station rugby title league coach volunteers charity appeal donation record crowd summer winter
spring autumn night morning crew residents petition inquiry report figures rise fall cost delay row plan
the a of to in and said that was for on with as by at from after before their its new old first last`)

const promo = "Subscribe to the Daily Planet for unlimited access"

func siteDoc(i int) []byte {
	return []byte("Daily Planet\n\n" + article(i) + promo + "\n\nShare this:\nFacebook\n")
}

// boiler is what the boilerplate rule asks: in how many documents line
// recurs beside prev or next (nil at an edge), 0 when it does not.
func boiler(k *Known, prev, line, next []byte) (int, int) {
	if k.Beside(prev, line) == 0 && k.Beside(line, next) == 0 {
		return 0, 0
	}
	return k.Recurs(line)
}

func learn(t *testing.T, o Options, docs ...[]byte) *Known {
	t.Helper()
	c := NewCounter(o)
	for _, d := range docs {
		c.Add(d)
	}
	return c.Known()
}

func TestCounterLearnsASitesLines(t *testing.T) {
	var docs [][]byte
	for i := range 5 {
		docs = append(docs, siteDoc(i))
	}
	k := learn(t, Options{}, docs...)
	if k.Documents != 5 || k.Distinct != 5 {
		t.Fatalf("documents %d, distinct %d; want 5, 5", k.Documents, k.Distinct)
	}
	for _, tc := range []struct {
		prev, line, next string
		want             int
	}{
		{"", "Daily Planet", "Paragraph 0 of story 9 …", 5},                                    // at the top, as everywhere
		{"…", promo, "Share this:", 5},                                                         // before the same line
		{"Share this:", "Facebook", "", 5},                                                     // at the end
		{"…", "  Subscribe  to the Daily\u00a0Planet for unlimited access ", "Share this:", 5}, // spaces folded
		{"A new line", "Facebook", "Another", 0},                                               // elsewhere, with other neighbours
		{"", "Paragraph 0 of story 1 tells", "", 0},                                            // an article's own line
	} {
		var prev, next []byte
		if tc.prev != "" {
			prev = []byte(tc.prev)
		}
		if tc.next != "" {
			next = []byte(tc.next)
		}
		if n, of := boiler(k, prev, []byte(tc.line), next); n != tc.want || (n > 0 && of != 5) {
			t.Errorf("Recurs(%q, %q, %q) = %d of %d, want %d of 5", tc.prev, tc.line, tc.next, n, of, tc.want)
		}
	}
}

// The same article scraped five times, each copy with its own small
// differences, counts once: its lines are not boilerplate.
func TestCopiesCountOnce(t *testing.T) {
	var docs [][]byte
	for i := range 5 {
		docs = append(docs, []byte(fmt.Sprintf("Headline of the day\n\n%sCopy %d\n", article(1), i)))
	}
	k := learn(t, Options{}, docs...)
	if k.Distinct != 1 {
		t.Fatalf("distinct %d, want 1", k.Distinct)
	}
	if n, _ := boiler(k, nil, []byte("Headline of the day"), []byte("x")); n != 0 {
		t.Errorf("a copied article's headline recurs in %d documents", n)
	}
}

// A subhead that many articles share, each time between other lines, is
// not boilerplate: only its arrangement would make it so.
func TestSharedSubheadIsNotBoilerplate(t *testing.T) {
	var docs [][]byte
	for i := range 6 {
		docs = append(docs, []byte(fmt.Sprintf("%s\nIngredients\n\n%d eggs and %d cups of flour for dish %d\n\n%s", article(i), i+1, i+2, i, article(i+100))))
	}
	k := learn(t, Options{}, docs...)
	if n, _ := boiler(k, []byte("Paragraph 3 of story 0 …"), []byte("Ingredients"), []byte("1 eggs")); n != 0 {
		t.Errorf("a shared subhead counts as boilerplate (%d documents)", n)
	}
}

func TestProfileRoundTrip(t *testing.T) {
	var docs [][]byte
	for i := range 5 {
		docs = append(docs, siteDoc(i))
	}
	k := learn(t, Options{}, docs...)
	var buf bytes.Buffer
	if err := k.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "line\t5\t"+promo+"\n") || !strings.Contains(buf.String(), "pair\t5\tFacebook\t\n") {
		t.Errorf("profile lacks the promo line or Facebook's pair with the end:\n%s", buf.String())
	}
	back, err := ReadProfile(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Min != k.Min || back.Documents != 5 || back.Distinct != 5 {
		t.Errorf("header read back as min %d, %d documents, %d distinct", back.Min, back.Documents, back.Distinct)
	}
	if n, _ := boiler(back, []byte("Share this:"), []byte("Facebook"), nil); n != 5 {
		t.Errorf("read back, Facebook at the end recurs in %d documents, want 5", n)
	}
	var again bytes.Buffer
	if err := back.Write(&again); err != nil {
		t.Fatal(err)
	}
	if again.String() != k.String(t) {
		t.Errorf("profile changed when read and written:\n%s\nwant\n%s", again.String(), k.String(t))
	}
}

func (k *Known) String(t *testing.T) string {
	var buf bytes.Buffer
	if err := k.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestReadProfileErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "empty"},
		{"line\t3\tx\n", "line 1: not a decruft profile"},
		{"# decruft profile 1\n# min\t3\nline\tthree\tx\n", `line 3: documents "three"`},
		{"# decruft profile 1\n# min\t3\nword\t3\tx\n", `line 3: want "line" with one text or "pair" with two`},
		{"# decruft profile 1\n# min\tx\n", "line 2: min:"},
		{"# decruft profile 1\nline\t3\tx\n", `no "# min" line`},
	} {
		_, err := ReadProfile(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadProfile(%q) = %v, want an error with %q", tc.in, err, tc.want)
		}
	}
}

// A full table drops the rarest lines and keeps the ones that keep
// recurring: memory stays bounded, and counts become lower bounds.
func TestTableStaysBounded(t *testing.T) {
	c := NewCounter(Options{MaxLines: 1 << 10})
	for i := range 2000 {
		c.Add([]byte(fmt.Sprintf("%sunique line %d\n", siteDoc(i), i)))
	}
	k := c.Known()
	if !k.Lossy {
		t.Error("the table never filled")
	}
	if c.counts.n > 1<<10 {
		t.Errorf("the table holds %d keys, over its bound", c.counts.n)
	}
	if n, _ := boiler(k, []byte("x"), []byte(promo), []byte("Share this:")); n < 1000 {
		t.Errorf("the promo recurs in %d documents after pruning, want most of 2000", n)
	}
}

// A line's key is its folded form's, whichever way the line is spaced.
func TestLineKeyFoldsSpace(t *testing.T) {
	want, _ := lineKeyOf([]byte("Share this: Facebook"))
	for _, in := range []string{"  Share this:\tFacebook ", "Share\u00a0this:  Facebook", "Share this:\u2003Facebook\r"} {
		if got, ok := lineKeyOf([]byte(in)); !ok || got != want {
			t.Errorf("key of %q differs from the folded line's", in)
		}
	}
	for _, in := range []string{"", "  \t", strings.Repeat("x", maxLineLen+1)} {
		if _, ok := lineKeyOf([]byte(in)); ok {
			t.Errorf("%.20q has a key", in)
		}
	}
	if a, _ := lineKeyOf([]byte("Share this")); a == want {
		t.Error("different lines share a key")
	}
}
