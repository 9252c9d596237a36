package clean

import "regexp"

// Ads removes advertisement markers left where an ad slot was.
var Ads = &Rule{
	Name:    "ads",
	Default: true,
	Doc: `advertisement markers

Removes lines that only mark an ad slot: "Advertisement", "ADVERTISEMENT",
"Advert", "Skip Advertisement", "Story continues below advertisement",
"Article continues below", "Continue reading the main story", "Continue
Reading Below", "Sponsored content", and the same marker in a few other
languages ("Anzeige", "Publicidade", "Iklan"). Only whole lines go: a
sentence about advertising stays, and so does a subhead such as
"Advertising" or "Sponsors".`,
	Example: "The vote is set for Tuesday.\n\nAdvertisement\n\nBoth parties expect a close result.\n",
	Find: func(d *Doc) []Candidate {
		return shortLines(d, 64, Evidence{Kind: Marker, Why: "ad marker"}, func(_ int, t []byte) bool {
			return len(t) > 0 && adFirstBytes[t[0]] && adLine.Match(t)
		})
	},
}

// adFirstBytes are the bytes an ad marker can start with.
var adFirstBytes = func() (set [256]bool) {
	for _, c := range []byte("aAsScCpPwWrRiI-\xe2") { // \xe2 starts "–" and "—"
		set[c] = true
	}
	return set
}()

var adLine = regexp.MustCompile(`^(?i:(?:skip )?advertisement|advert|ad|` +
	`(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|` +
	`continue reading (?:the main story|below)|scroll to continue with content|` +
	`sponsored(?: content| links?)?|anzeige|werbung|publicidade|publicidad|publicité|pubblicità|reklama|iklan|` +
	`[-–—]+ ?advertisement ?[-–—]+)` + `\s*[:.]?$`)
