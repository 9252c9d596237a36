package clean

import "testing"

// TestFinalCarriageReturn holds inputs ending in a carriage return without
// a newline. The CR was taken as the last line's content, and Apply added a
// newline after it, making a CRLF terminator: a second cleaning then saw a
// different line ("\r" blank, "Read More\r" cruft) and removed it. Found
// by FuzzText.
func TestFinalCarriageReturn(t *testing.T) {
	for _, in := range []string{
		"\r",
		" \r\t",
		"A.\n\r",
		"A.\r\n\r\r\n\rB.\r\n",
		"A.\n\nRead More\r",
		"\r\rA.",
		"A.\r",
	} {
		checkInvariants(t, []byte(in), Defaults(All))
	}
}
