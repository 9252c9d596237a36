package jsonl

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/bits"
	"strings"
)

// A located object is what one pass over a JSON line finds: the byte
// spans that Run splices, and the separator style to copy.
type located struct {
	// value is the span of the target field's raw string, quotes included.
	value span
	// escaped says the raw string holds backslash escapes; ascii that it
	// holds no byte above 0x7f, so it is valid UTF-8.
	escaped, ascii bool
	// annot is the span of an existing top-level annotation value, or
	// {-1, -1}.
	annot span
	// last is where the top-level object's last member value ends: an
	// appended member goes there.
	last int
	// colonSpace and commaSpace say whether the object writes ": " and
	// ", " (as Python's json.dumps does) rather than ":" and ",".
	colonSpace, commaSpace bool
}

type span struct{ start, end int }

// frame is an open container on the scanner's stack.
type frame struct {
	object bool
	// level is how many path components lead to this object, or -1 when
	// it is off the path.
	level int
	// seen is set once the object's key on the path has been met.
	seen bool
}

// locate validates b as one JSON object and finds the string value at
// path (and the top-level member named annot, unless annot is ""). It is
// a single iterative pass: nesting costs heap, not stack.
func locate(b []byte, path []string, annot string) (located, error) {
	loc := located{value: span{-1, -1}, annot: span{-1, -1}, last: -1}
	s := scanner{b: b}
	s.ws()
	if s.i >= len(b) || b[s.i] != '{' {
		if json.Valid(b) {
			return loc, fmt.Errorf("not a JSON object but %s", kind(b[s.i]))
		}
		return loc, s.syntax("looking for the start of an object")
	}
	var stack []frame
	// target is the path level the next value sits at (-1: off the path);
	// annotNext says the next value is the top-level annotation.
	target, annotNext, commas := -1, false, 0
	// open says the scanner has just passed a '{', where '}' may follow.
	open := true
	stack = append(stack, frame{object: true, level: 0})
	s.i++
	goto key

value:
	s.ws()
	if s.i >= len(b) {
		return loc, s.syntax("looking for a value")
	}
	if target >= 0 {
		lvl := target
		target = -1
		name := strings.Join(path[:lvl+1], ".")
		if lvl == len(path)-1 {
			if b[s.i] != '"' {
				return loc, fmt.Errorf("field %q is %s, not a string", name, kind(b[s.i]))
			}
			start := s.i
			esc, err := s.str()
			if err != nil {
				return loc, err
			}
			loc.value, loc.escaped, loc.ascii = span{start, s.i}, esc, !s.nonASCII
			goto after
		}
		if b[s.i] != '{' {
			return loc, fmt.Errorf("field %q is %s, not an object", name, kind(b[s.i]))
		}
		stack = append(stack, frame{object: true, level: lvl + 1})
		s.i++
		open = true
		goto key
	}
	if annotNext {
		annotNext = false
		loc.annot.start = s.i
	}
	switch c := b[s.i]; {
	case c == '{':
		stack = append(stack, frame{object: true, level: -1})
		s.i++
		open = true
		goto key
	case c == '[':
		stack = append(stack, frame{level: -1})
		s.i++
		s.ws()
		if s.i < len(b) && b[s.i] == ']' {
			stack = stack[:len(stack)-1]
			s.i++
			goto after
		}
		goto value
	case c == '"':
		if _, err := s.str(); err != nil {
			return loc, err
		}
	case c == '-' || '0' <= c && c <= '9':
		if err := s.num(); err != nil {
			return loc, err
		}
	case c == 't':
		if err := s.lit("true"); err != nil {
			return loc, err
		}
	case c == 'f':
		if err := s.lit("false"); err != nil {
			return loc, err
		}
	case c == 'n':
		if err := s.lit("null"); err != nil {
			return loc, err
		}
	default:
		return loc, s.syntax("looking for a value")
	}

after:
	// A value has ended; the innermost open container decides what follows.
	if len(stack) == 1 {
		loc.last = s.i
		if loc.annot.start >= 0 && loc.annot.end < 0 {
			loc.annot.end = s.i
		}
	}
	s.ws()
	if stack[len(stack)-1].object {
		if s.i < len(b) {
			switch b[s.i] {
			case ',':
				if len(stack) == 1 && commas == 0 {
					loc.commaSpace = s.i+1 < len(b) && b[s.i+1] == ' '
				}
				if len(stack) == 1 {
					commas++
				}
				s.i++
				open = false
				goto key
			case '}':
				s.i++
				goto closed
			}
		}
		return loc, s.syntax("after an object member, looking for ',' or '}'")
	}
	if s.i < len(b) {
		switch b[s.i] {
		case ',':
			s.i++
			goto value
		case ']':
			s.i++
			goto closed
		}
	}
	return loc, s.syntax("after an array element, looking for ',' or ']'")

key:
	// Inside an object, after '{' or ','.
	s.ws()
	if s.i < len(b) && b[s.i] == '}' && open {
		s.i++
		goto closed
	}
	if s.i >= len(b) || b[s.i] != '"' {
		return loc, s.syntax("looking for an object key")
	}
	{
		start := s.i
		esc, err := s.str()
		if err != nil {
			return loc, err
		}
		top := &stack[len(stack)-1]
		if top.level >= 0 || len(stack) == 1 && annot != "" {
			k := keyString(b[start:s.i], esc)
			if top.level >= 0 && k == path[top.level] {
				if top.seen {
					return loc, fmt.Errorf("field %q appears twice", strings.Join(path[:top.level+1], "."))
				}
				top.seen = true
				target = top.level
			} else if len(stack) == 1 && k == annot {
				if loc.annot.start >= 0 {
					return loc, fmt.Errorf("field %q appears twice", annot)
				}
				annotNext = true
			}
		}
		s.ws()
		if s.i >= len(b) || b[s.i] != ':' {
			return loc, s.syntax("after an object key, looking for ':'")
		}
		s.i++
		if len(stack) == 1 && commas == 0 {
			loc.colonSpace = s.i < len(b) && b[s.i] == ' '
		}
		goto value
	}

closed:
	// A container has closed.
	stack = stack[:len(stack)-1]
	if len(stack) > 0 {
		goto after
	}
	s.ws()
	if s.i < len(b) {
		return loc, s.syntax("after the object")
	}
	if loc.value.start < 0 {
		return loc, fmt.Errorf("field %q missing", strings.Join(path, "."))
	}
	if commas == 0 {
		loc.commaSpace = loc.colonSpace
	}
	return loc, nil
}

// keyString returns a raw key's text, decoding escapes when it has any.
func keyString(raw []byte, escaped bool) string {
	if !escaped {
		return string(raw[1 : len(raw)-1])
	}
	return string(unquote(nil, raw, false))
}

func kind(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '"':
		return "a string"
	}
	return "a number"
}

type scanner struct {
	b []byte
	i int
	// nonASCII says the last string str consumed holds a byte above 0x7f.
	nonASCII bool
}

func (s *scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
			continue
		}
		return
	}
}

func (s *scanner) syntax(where string) error {
	if s.i >= len(s.b) {
		return fmt.Errorf("invalid JSON: unexpected end of line %s", where)
	}
	c := s.b[s.i]
	if c < 0x20 || c >= 0x7f {
		return fmt.Errorf("invalid JSON: unexpected byte %#02x at column %d %s", c, s.i+1, where)
	}
	return fmt.Errorf("invalid JSON: unexpected %q at column %d %s", c, s.i+1, where)
}

// str consumes a string starting at its opening quote and reports whether
// it holds escapes. It checks escapes and control characters; invalid
// UTF-8 is left for unquote to replace.
func (s *scanner) str() (escaped bool, err error) {
	b := s.b
	i := s.i + 1
	s.nonASCII = false
	for {
		n, nonASCII := plainPrefix(b[i:])
		i += n
		s.nonASCII = s.nonASCII || nonASCII
		if i >= len(b) {
			s.i = len(b)
			return escaped, s.syntax("in a string")
		}
		switch b[i] {
		case '"':
			s.i = i + 1
			return escaped, nil
		case '\\':
		default:
			s.i = i
			return escaped, s.syntax("in a string")
		}
		escaped = true
		if i+1 >= len(b) {
			s.i = len(b)
			return escaped, s.syntax("in a string escape")
		}
		switch b[i+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i += 2
		case 'u':
			if i+6 > len(b) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) || !isHex(b[i+5]) {
				s.i = i
				return escaped, s.syntax("in a \\u escape")
			}
			i += 6
		default:
			s.i = i + 1
			return escaped, s.syntax("in a string escape")
		}
	}
}

// plainPrefix returns the length of b's leading run of plain string
// content: bytes other than the closing quote, a backslash, and control
// characters (invalid in strings), and whether the run holds a byte above
// 0x7f. It looks at eight bytes at a time.
func plainPrefix(b []byte) (n int, nonASCII bool) {
	var seen uint64 // the bytes of the run so far, or-ed
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if stop := stringStops(x); stop != 0 {
			k := bits.TrailingZeros64(stop) / 8
			seen |= x & (1<<(8*k) - 1)
			return i + k, seen&highs != 0
		}
		seen |= x
	}
	for ; i < len(b); i++ {
		c := b[i]
		if c < 0x20 || c == '"' || c == '\\' {
			break
		}
		seen |= uint64(c)
	}
	return i, seen&highs != 0
}

// highs has the high bit of each of a word's bytes set.
const highs = 0x8080808080808080

// stringStops returns the high bits of the bytes of x, eight bytes of a
// string, that end plain content: a quote, a backslash, or a byte below
// 0x20. Bytes after one may be set too (a borrow): the lowest is exact.
func stringStops(x uint64) uint64 {
	const ones = 0x0101010101010101
	quote, backslash := x^(ones*'"'), x^(ones*'\\')
	return ((quote-ones)&^quote | (backslash-ones)&^backslash | (x-ones*0x20)&^x) & highs
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f'
}

// num consumes a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) num() error {
	b := s.b
	if s.i < len(b) && b[s.i] == '-' {
		s.i++
	}
	switch {
	case s.i < len(b) && b[s.i] == '0':
		s.i++
	case s.i < len(b) && '1' <= b[s.i] && b[s.i] <= '9':
		s.digits()
	default:
		return s.syntax("in a number")
	}
	if s.i < len(b) && b[s.i] == '.' {
		s.i++
		if s.digits() == 0 {
			return s.syntax("after a decimal point")
		}
	}
	if s.i < len(b) && b[s.i]|0x20 == 'e' {
		s.i++
		if s.i < len(b) && (b[s.i] == '+' || b[s.i] == '-') {
			s.i++
		}
		if s.digits() == 0 {
			return s.syntax("in an exponent")
		}
	}
	return nil
}

func (s *scanner) digits() int {
	start := s.i
	for s.i < len(s.b) && '0' <= s.b[s.i] && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i - start
}

func (s *scanner) lit(word string) error {
	if !bytes.HasPrefix(s.b[s.i:], []byte(word)) {
		return s.syntax("in a literal")
	}
	s.i += len(word)
	return nil
}
