package clean

// Where limits a line rule to part of a document.
type Where uint8

const (
	// Anywhere: every line.
	Anywhere Where = iota
	// Top: the lines above the article's first long paragraph.
	Top
	// Bottom: the lines below the article's last long paragraph.
	Bottom
)

// maxUserLine is the longest line a LineRule tries: article paragraphs are
// longer, and patterns stay off them.
const maxUserLine = 300

// LineRule returns a rule that proposes to remove each whole line, of at
// most 300 bytes, for which match reports true; match gets the line without
// surrounding spaces and tabs. Its candidates are markers: the rule's author
// says these lines are cruft, and the guard still keeps a line that the text
// above introduces (after a line of prose ending in a colon). Users' own
// rules (.decruft.toml) are built with it.
func LineRule(name, doc string, where Where, match func(line []byte) bool) *Rule {
	return &Rule{
		Name:    name,
		Doc:     doc,
		Default: true,
		Needs:   "a whole line that its patterns match" + whereNeeds[where] + ".",
		Find: func(d *Doc) []Candidate {
			z := d.zone()
			return shortLines(d, maxUserLine, Evidence{Kind: Marker, Why: "matches " + name + "'s patterns"}, func(i int, t []byte) bool {
				switch {
				case where == Top && !z.top(i), where == Bottom && !z.bottom(i):
					return false
				}
				return match(t)
			})
		},
	}
}

var whereNeeds = [...]string{Anywhere: "", Top: ", above the article", Bottom: ", below the article"}
