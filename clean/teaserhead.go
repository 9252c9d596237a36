package clean

// normalizedHead returns appendNormalized(dst, b, n), or, when b's start
// is plain (printable ASCII words parted by single spaces, which
// normalising leaves as they are), b's own bytes: most heads are plain.
func normalizedHead(dst, b []byte, n int) []byte {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	start, out := i, 0 // the head is b[start:start+out]
	for i < len(b) && out < n {
		switch c := b[i]; {
		case isPlainByte(c):
			out++
			i++
		case c == ' ' && i+1 < len(b) && isPlainByte(b[i+1]):
			// A space stays, as the byte after it comes with it.
			out += 2
			i += 2
		default:
			return appendNormalized(dst, b, n)
		}
	}
	return b[start : start+out]
}

// isPlainByte reports whether c is printable ASCII other than a space.
func isPlainByte(c byte) bool { return '!' <= c && c <= '~' }
