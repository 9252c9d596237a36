package corpus

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// A profile is Known as text (Write, ReadProfile), one recurring line or pair of neighbouring
// lines a row, so that two profiles diff line by line:
//
//	# decruft profile 1
//	# documents	412
//	# distinct	398
//	# min	3
//	line	37	Share this:
//	pair	35	Share this:	Twitter
//	pair	31	Like this:
//
// Fields are separated by tabs: a line holds none once its white space is
// folded. A row gives the number of distinct documents, then the line, or
// the two neighbours in order, an empty one standing for the start or end
// of a document. Rows run from the most documents to the fewest.
const profileHeader = "# decruft profile 1"

// Write writes k as a profile.
func (k *Known) Write(w io.Writer) error {
	type row struct {
		pair bool
		n    uint32
		text string
	}
	rows := make([]row, 0, len(k.texts))
	for key, t := range k.texts {
		if n := k.counts[key]; n > 0 {
			rows = append(rows, row{strings.Contains(t, "\t"), n, t})
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		if a.pair != b.pair {
			if a.pair {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.text, b.text))
	})
	// A bufio.Writer's first error sticks: Flush returns it.
	bw := bufio.NewWriter(w)
	_, _ = fmt.Fprintf(bw, "%s\n# documents\t%d\n# distinct\t%d\n# min\t%d\n", profileHeader, k.Documents, k.Distinct, k.Min)
	if k.Lossy {
		_, _ = fmt.Fprintf(bw, "# lossy\ttrue\n")
	}
	for _, r := range rows {
		kind := "line"
		if r.pair {
			kind = "pair"
		}
		_, _ = fmt.Fprintf(bw, "%s\t%d\t%s\n", kind, r.n, r.text)
	}
	return bw.Flush()
}

// ReadProfile reads a profile that Write wrote. An error names the line.
func ReadProfile(r io.Reader) (*Known, error) {
	k := newKnown()
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	n := 0
	for sc.Scan() {
		n++
		row := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 && row != profileHeader {
			if v, ok := strings.CutPrefix(row, "# decruft profile "); ok {
				return nil, fmt.Errorf("line 1: a profile of version %s; this decruft reads version 1", v)
			}
			return nil, fmt.Errorf("line 1: not a decruft profile (want %q first)", profileHeader)
		}
		if err := k.readRow(row); err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, fmt.Errorf("empty: not a decruft profile")
	}
	if k.Min == 0 {
		return nil, fmt.Errorf("no \"# min\" line: not a whole profile")
	}
	return k, nil
}

func (k *Known) readRow(row string) error {
	if header, ok := strings.CutPrefix(row, "# "); ok {
		name, value, ok := strings.Cut(header, "\t")
		if !ok {
			return nil // a comment
		}
		var err error
		switch name {
		case "documents":
			k.Documents, err = strconv.Atoi(value)
		case "distinct":
			k.Distinct, err = strconv.Atoi(value)
		case "min":
			if k.Min, err = strconv.Atoi(value); err == nil && k.Min < 2 {
				err = fmt.Errorf("%d: want 2 or more", k.Min)
			}
		case "lossy":
			k.Lossy, err = strconv.ParseBool(value)
		}
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		return nil
	}
	if row == "" || strings.HasPrefix(row, "#") {
		return nil
	}
	fields := strings.Split(row, "\t")
	if len(fields) < 3 {
		return fmt.Errorf("want KIND, DOCUMENTS and TEXT separated by tabs")
	}
	docs, err := strconv.ParseUint(fields[1], 10, 32)
	if err != nil || docs == 0 {
		return fmt.Errorf("documents %q: want a positive number", fields[1])
	}
	var key uint64
	var text string
	switch {
	case fields[0] == "line" && len(fields) == 3:
		var ok bool
		if key, ok = lineKeyOf([]byte(fields[2])); !ok {
			return fmt.Errorf("an empty line")
		}
		text = normalize([]byte(fields[2]))
	case fields[0] == "pair" && len(fields) == 4:
		a, b := neighbourKey([]byte(fields[2])), neighbourKey([]byte(fields[3]))
		if a == edgeKey && b == edgeKey {
			return fmt.Errorf("a pair of two edges")
		}
		key = pairKey(a, b)
		text = normalize([]byte(fields[2])) + "\t" + normalize([]byte(fields[3]))
	default:
		return fmt.Errorf("want \"line\" with one text or \"pair\" with two")
	}
	k.addText(key, uint32(docs), text)
	return nil
}

// neighbourKey is the key of one side of a pair: a line's, or the edge's
// for an empty one.
func neighbourKey(s []byte) uint64 {
	if key, ok := lineKeyOf(s); ok {
		return key
	}
	return edgeKey
}
