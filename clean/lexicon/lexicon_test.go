package lexicon

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestFiles checks every embedded language file: it parses, uses only
// known sections, and lists no entry twice.
func TestFiles(t *testing.T) {
	langs := Languages()
	if len(langs) == 0 {
		t.Fatal("no lexicon files embedded")
	}
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			data, err := File(lang)
			if err != nil {
				t.Fatal(err)
			}
			secs, err := Parse(lang+".txt", data)
			if err != nil {
				t.Fatal(err)
			}
			if len(secs) == 0 {
				t.Error("no sections")
			}
			// A mark that ends a word in text ends the label there: an
			// entry holding one could never match.
			for sec, entries := range secs {
				for _, e := range entries {
					if i := strings.IndexFunc(e, func(r rune) bool { return r < 0x80 && r != ' ' && endsWord(byte(r)) }); i >= 0 {
						t.Errorf("[%s] %q holds %q, which ends a word: it never matches", sec, e, e[i])
					}
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"read more\n", "x.txt:1: entry \"read more\" before any [section]"},
		{"[nosuch]\n", "x.txt:1: unknown section \"nosuch\""},
		{"[ads]\nAd\nad\n", "x.txt:3: \"ad\" listed twice in [ads]"},
		{"[ads]\nskip  ad\n", "x.txt:2: entry \"skip  ad\": separate words by single spaces"},
		{"[ads\n", "x.txt:1: want [section]"},
	} {
		_, err := Parse("x.txt", []byte(tc.in))
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q) = %v, want %s", tc.in, err, tc.want)
		}
	}
}

func TestPrefix(t *testing.T) {
	s := &Set{entries: map[string]bool{"read more": true, "read": true, "lire aussi": true}, maxWords: 2}
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"Read More", len("Read More")},
		{"READ MORE: Senate votes", len("READ MORE")},
		{"Read   more about it", len("Read   more")},
		{"Reader", 0},
		{"Read it", len("Read")},
		{"Lire aussi : la suite", len("Lire aussi")},
		{"", 0},
	} {
		if got := s.Prefix([]byte(tc.in)); got != tc.want {
			t.Errorf("Prefix(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
	if !s.Has("READ MORE") || s.Has("read less") || !s.HasBytes([]byte("Lire Aussi")) {
		t.Error("Has: wrong answer")
	}
}

func TestGetUnion(t *testing.T) {
	f := Get("function")
	if !f.Has("the") || !f.Has("The") {
		t.Errorf("function words lack \"the\": %v", strings.Join(f.Entries()[:5], ","))
	}
}

func TestIndex(t *testing.T) {
	s := &Set{entries: map[string]bool{"all rights reserved": true, "appeared first on": true}, maxWords: 3}
	for _, tc := range []struct {
		in         string
		start, end int
	}{
		{"© 2019 Site. All rights reserved.", 14, 33},
		{"The post X appeared first on Y.", 11, 28},
		{"nothing here", -1, -1},
	} {
		if s0, e0 := s.Index([]byte(tc.in)); s0 != tc.start || e0 != tc.end {
			t.Errorf("Index(%q) = %d, %d, want %d, %d", tc.in, s0, e0, tc.start, tc.end)
		}
	}
}

// TestFirstMask: sets fit the mask's 64 bits, and a line's first word
// tells which sets may start it.
func TestFirstMask(t *testing.T) {
	if len(Sections) > 64 {
		t.Fatalf("%d sections: FirstMask has 64 bits", len(Sections))
	}
	rm := Get("readmore")
	if FirstMask([]byte("Read more: X"))&rm.Bit() == 0 || FirstMask([]byte("(Read More)"))&rm.Bit() == 0 {
		t.Error("\"Read more\" does not start readmore")
	}
	if FirstMask([]byte("Voters went"))&rm.Bit() != 0 {
		t.Error("\"Voters\" starts readmore")
	}
}

func TestUnion(t *testing.T) {
	months, weekdays := Get("months"), Get("weekdays")
	u := Union(months, weekdays)
	for _, w := range []string{"January", "jan", "MONDAY", "Mon", "Lundi", "today", "", "2019", "Januaryx"} {
		if got, want := u.Has(w), months.Has(w) || weekdays.Has(w); got != want {
			t.Errorf("Union.Has(%q) = %v, want %v", w, got, want)
		}
		if got, want := u.Prefix([]byte(w+" 12")), max(months.Prefix([]byte(w+" 12")), weekdays.Prefix([]byte(w+" 12"))); got != want {
			t.Errorf("Union.Prefix(%q) = %v, want %v", w+" 12", got, want)
		}
	}
	hand := &Set{entries: map[string]bool{"x y": true}, maxWords: 2}
	if u := Union(months, hand); u.Prefix([]byte("X y z")) != 3 || !u.Has("jan") {
		t.Error("Union with a set built by hand lost its entries")
	}
}

// FuzzFilters checks that the filters Prefix and Index read before any
// lookup (first words, pairs, prefixes) change no answer. The first byte
// is the exception: a text starting with "İ" or the Kelvin sign, which
// lower-case to ASCII, matches no entry, and the set to compare with keeps
// that test.
func FuzzFilters(f *testing.F) {
	for _, s := range []string{"Comments are closed.", "ADVERTISEMENT:", "by the way, all rights reserved", "Image caption The", "Follow us on Twitter | Facebook", "x", "İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// FirstMask's answer from the masks alone.
		got := FirstMask([]byte(text))
		b := []byte(strings.TrimLeft(text, "([ \t"))
		j := 0
		for j < len(b) && !endsWord(b[j]) {
			j++
		}
		var want uint64
		if j > 0 && j <= 40 {
			key := AppendLower(nil, b[:j])
			want = firstMasks[string(key)] | firstMasks[string(trimPunct(key))]
		}
		if got != want {
			t.Fatalf("FirstMask(%q) = %x, want %x", text, got, want)
		}
		for name := range Sections {
			s := Get(name)
			bare := &Set{entries: s.entries, maxWords: s.maxWords, firsts: s.firsts, firstBytes: s.firstBytes}
			matchesBare(t, name, s, bare, text)
		}
	})
}

func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"", "ABC def", "Ünïcödé ÉTÉ", "\xff\xfeA", "\u212a\u0130\u023a", "Ⱥ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppendLower([]byte("x"), []byte(s)), append([]byte("x"), bytes.ToLower([]byte(s))...); !bytes.Equal(got, want) {
			t.Fatalf("AppendLower(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzHasBytes checks HasBytes, which lower-cases as bytes.ToLower does,
// against a lookup of the phrase as strings.ToLower has it.
func FuzzHasBytes(f *testing.F) {
	for _, s := range []string{"Advertisement", "ANZEIGE", "Publicité", "РЕКЛАМА", "\xffad", "\u212aarte"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, phrase string) {
		for _, name := range []string{"ads", "agencies", "networks", "media"} {
			s := Get(name)
			if got, want := s.HasBytes([]byte(phrase)), s.entries[strings.ToLower(phrase)]; got != want {
				t.Fatalf("[%s].HasBytes(%q) = %v, want %v", name, phrase, got, want)
			}
			if got, want := string(AppendLower(nil, []byte(phrase))), strings.ToLower(phrase); got != want {
				t.Fatalf("AppendLower(%q) = %q, strings.ToLower has %q", phrase, got, want)
			}
		}
	})
}

// FuzzIndex checks Index against the word walk it shortcuts: Prefix at
// the start and after every run of spaces and opening marks.
func FuzzIndex(f *testing.F) {
	for _, s := range []string{"", "All rights reserved.", "x\t(\"[comments are closed", "   we use cookies", "(by  the way) is 12345678 first appeared on"} {
		f.Add(s)
	}
	names := make([]string, 0, len(Sections))
	for n := range Sections {
		names = append(names, n)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range names {
			set := Get(n)
			ws, we := -1, -1
			for i := 0; i < len(s) && len(set.entries) > 0; {
				if k := set.Prefix([]byte(s[i:])); k > 0 && (i+k == len(s) || !isWordByte(s[i+k])) {
					ws, we = i, i+k
					break
				}
				for i < len(s) && s[i] != ' ' && s[i] != '\t' {
					i++
				}
				for i < len(s) && strings.IndexByte(" \t(\"[", s[i]) >= 0 {
					i++
				}
			}
			if gs, ge := set.Index([]byte(s)); gs != ws || ge != we {
				t.Fatalf("[%s].Index(%q) = %d, %d, want %d, %d", n, s, gs, ge, ws, we)
			}
		}
	})
}

// TestFiltersOnEntries is FuzzFilters on every entry, with the changes a
// text makes to it: case, spaces, punctuation, a word cut or run on.
func TestFiltersOnEntries(t *testing.T) {
	for name := range Sections {
		s := Get(name)
		bare := &Set{entries: s.entries, maxWords: s.maxWords, firsts: s.firsts, firstBytes: s.firstBytes}
		for e := range s.entries {
			words := strings.Split(e, " ")
			texts := []string{e, strings.ToUpper(e), strings.Join(words, "   "), strings.Join(words, "\t "), e + ".", e + ":", e + "s", "x " + e + ", y"}
			for i := range words {
				cut := slices.Clone(words)
				cut[i] = cut[i][:len(cut[i])/2+1]
				texts = append(texts, strings.Join(cut, " "), strings.Join(words[:i+1], " ")+". x", strings.Join(words[:i+1], " ")+"a b")
			}
			for _, text := range texts {
				matchesBare(t, name, s, bare, text)
			}
		}
	}
}

// TestStartsAt checks startsAt against mayStart on every one, two and
// three bytes, in the sets Index reads and a union.
func TestStartsAt(t *testing.T) {
	var ss []*Set
	for _, name := range []string{"notices", "referents", "consent", "syndication", "contributed", "contact", "sitelinks"} {
		ss = append(ss, Get(name))
	}
	for _, s := range append(ss, Union(ss...)) {
		if s.started.Do(s.markStarts); s.starts == nil {
			t.Fatalf("[%s] has no starts", s.name)
		}
		for a := range 256 {
			for b := range 256 {
				for c := range 256 + 2 {
					text := []byte{byte(a), byte(b), byte(c)}
					if c >= 256 {
						text = text[:c-256+1] // one byte, two
					}
					if got, want := s.startsAt(text, 0), s.mayStart(text); got != want {
						t.Fatalf("[%s].startsAt(%q) = %v, mayStart says %v", s.name, text, got, want)
					}
				}
			}
		}
	}
}

// matchesBare fails t unless set s, with its filters, finds in text what
// bare, the same entries without filters, finds.
func matchesBare(t *testing.T, name string, s, bare *Set, text string) {
	t.Helper()
	if got, want := s.Prefix([]byte(text)), bare.Prefix([]byte(text)); got != want {
		t.Fatalf("[%s].Prefix(%q) = %d, want %d", name, text, got, want)
	}
	gs, ge := s.Index([]byte(text))
	ws, we := bare.Index([]byte(text))
	if gs != ws || ge != we {
		t.Fatalf("[%s].Index(%q) = %d, %d, want %d, %d", name, text, gs, ge, ws, we)
	}
}

// TestHasFilters checks that Has and HasBytes, which rule phrases out by
// their first bytes, answer as the bare entries do, on every entry in the
// ways text changes it (case, punctuation, cuts, a Kelvin sign or "İ"
// before it, which lower-case to ASCII) and on random short words.
func TestHasFilters(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "B", "y", "É", "é", "\u212a", "\u0130", "i", ".", ":", "\xff", "ß", "ẞ", "Σ", " "}
	var random []string
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		random = append(random, b.String())
	}
	for name := range Sections {
		s := Get(name)
		bare := &Set{entries: s.entries}
		words := random
		for _, e := range s.Entries() {
			words = append(words, e, strings.ToUpper(e), strings.ToUpper(e[:1])+e[1:], e+".", e[:len(e)/2], "\u212a"+e, "\u0130"+e, "\u212a"+e[1:], "\u0130"+e[1:])
		}
		for _, w := range words {
			if got, want := s.Has(w), bare.Has(w); got != want {
				t.Fatalf("[%s].Has(%q) = %v, want %v", name, w, got, want)
			}
			if got, want := s.HasBytes([]byte(w)), bare.HasBytes([]byte(w)); got != want {
				t.Fatalf("[%s].HasBytes(%q) = %v, want %v", name, w, got, want)
			}
		}
	}
}
