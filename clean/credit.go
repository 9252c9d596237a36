package clean

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Credit removes photo, illustration and image credit lines.
var Credit = &Rule{
	Name:    "credit",
	Default: true,
	Doc: `photo and image credit lines

Removes short lines that only credit a picture: labelled credits such as
"Photograph: Tim Robberts/Getty Images", "Photo: Meg Kinnard, AP",
"(Image credit: Future plc)", "(Image: © NASA/ESA)", "Image: Psyonix",
"Credit: EPA", "Foto: Sean Gallup/Getty Images", "Image copyright Getty
Images" and the BBC's "Image caption …" labels; bylines such as "Photograph
by Robyn Beck/AFP/Getty Images", "Illustration by Nishant Choksi" and "Photo
illustration by Slate. Photo by David Dyer-Bennet."; "(AP Photo/Alan Diaz,
File)"; "© Getty Images"; and bare agency lines such as "Chip
Somodevilla/Getty Images", "AFP via Getty Images" or "Getty Images". A bare
line needs a photo agency at its end and names only (capitalised words)
before it; with a comma before the agency ("Al Goldis, Associated Press") it
must also sit above or below the article, since such a line in the middle
may list people. Credit text inside a sentence stays, and so do lines such
as "Images by Hubble show the galaxy is expanding."`,
	Example: "The rocket lifted off at dawn.\n\nPhotograph: Joe Raedle/Getty Images\n\nIt reached orbit nine minutes later.\n",
	Find: func(d *Doc) []Candidate {
		return spansAs(findCredits(d), Evidence{Kind: Marker, Why: "picture credit"})
	},
}

const maxCreditLen = 160

var (
	// creditLabel is a label and a colon; captions may follow it.
	creditLabel = regexp.MustCompile(`^\(?(?:(?:AP |Staff |File )?(?:Photo(?:graph)?s?|Images?|Pictures?|Pics?|Fotos?|Bild|Bildquelle|Illustrations?)(?: (?i:credits?|source|copyright))?|Photographer|Image copyright|Credits?)\s*:\s*\S`)
	// creditBy is "Photograph by NAMES", possibly twice: "Photo
	// illustration by Slate. Photo by David Dyer-Bennet."
	creditBy = regexp.MustCompile(`^\(?((?:Photo(?:graph)?s?|(?:Photo )?[Ii]llustrations?|Images?|Pictures?|Artwork|Graphics?) (?:by|courtesy of|courtesy)|Courtesy(?: of)?) (.{1,100}?)\)?\.?$`)
	apPhoto  = regexp.MustCompile(`^\(?AP Photos?(?:/[^()]{1,80})?\)?$`)
	bbcLabel = regexp.MustCompile(`^(?:Image|Media) (?:copyright|caption)\b`)
	// agency ends a bare credit line.
	agency = regexp.MustCompile(`(?:^|[/|,]\s*|\s+via\s+|\s+for\s+)\(?(Getty(?: Images)?|Shutterstock(?:\.com)?|iStock(?:photo)?|AFP|Reuters|REUTERS|AP|Associated Press|ASSOCIATED PRESS|EPA(?:-EFE)?|EFE|ZUMA(?: Press| Wire)?|Xinhua|Bloomberg|Alamy(?: Stock Photo)?|PA(?: Images| Wire| Media)?|NurPhoto|SIPA|Sipa(?: USA)?|Anadolu(?: Agency)?|Corbis|Rex(?: Features)?|REX|Shutterstock|Newscom|SWNS|Barcroft(?: Media)?|TASS|Sputnik|Kyodo|Yonhap|dpa|ANP|Imago|Bongarts|WireImage|FilmMagic|The New York Times|The Washington Post)\)?$`)
)

// creditFirstWords start labelled credits and bylines (folded to lower
// case): lines starting otherwise skip those regexps.
var creditFirstWords = setOf("photo", "photos", "photograph", "photographs", "photographer", "image", "images",
	"picture", "pictures", "pic", "pics", "foto", "fotos", "bild", "bildquelle", "illustration",
	"illustrations", "credit", "credits", "ap", "staff", "file", "artwork", "graphic", "graphics", "courtesy", "media")

// agencyLastWords end the agency names a bare credit line may end in.
var agencyLastWords = setOf("Images", "Getty", "Shutterstock", "Shutterstock.com", "iStock", "iStockphoto", "AFP",
	"Reuters", "REUTERS", "AP", "Press", "PRESS", "EPA", "EPA-EFE", "EFE", "ZUMA", "Wire", "Xinhua", "Bloomberg",
	"Alamy", "Photo", "PA", "Media", "NurPhoto", "SIPA", "USA", "Sipa", "Anadolu", "Agency", "Corbis", "Rex",
	"Features", "REX", "Newscom", "SWNS", "Barcroft", "TASS", "Sputnik", "Kyodo", "Yonhap", "dpa", "ANP", "Imago",
	"Bongarts", "WireImage", "FilmMagic", "Times", "Post")

// aloneAgencies may make up a credit line on their own; other agency names
// alone ("Bloomberg", "EPA") are as likely to be a heading.
var aloneAgencies = map[string]bool{
	"Getty Images": true, "Getty": true, "Shutterstock": true, "AFP": true, "Reuters": true,
	"REUTERS": true, "AP": true, "Associated Press": true, "ASSOCIATED PRESS": true,
}

func findCredits(d *Doc) []Span {
	z := d.zone()
	return spansOf(shortLines(d, maxCreditLen, Evidence{}, func(i int, t []byte) bool {
		return isCredit(t, z.edge(i))
	}))
}

// isCredit reports whether trimmed line t is a picture credit; edge says
// whether it sits in a boilerplate zone.
func isCredit(t []byte, edge bool) bool {
	if len(t) < 2 {
		return false
	}
	if creditFirstWords[firstWord(t)] {
		switch {
		case creditLabel.Match(t):
			// A labelled credit names; a long label line is a caption,
			// and "Photo: the crowd grew all morning." is a sentence.
			return (!bytes.HasPrefix(t, []byte("Credit")) || len(t) <= 100) && !proseAfterLabel(t)
		case bbcLabel.Match(t), apPhoto.Match(t), isCreditBy(string(t)):
			return true
		}
	}
	if bytes.HasPrefix(t, []byte("©")) {
		rest := bytes.TrimSpace(t[len("©"):])
		rest = bytes.TrimPrefix(rest, []byte("Foto:"))
		return len(rest) > 0 && len(t) <= 100 && !unicode.IsDigit(rune(rest[0]))
	}
	if !agencyLastWords[string(lastWord(t))] {
		return false
	}
	return isBareCredit(string(t), edge)
}

// isCreditBy reports whether s is one to three bylines such as "Photo
// illustration by Slate. Photo by David Dyer-Bennet."
func isCreditBy(s string) bool {
	var parts []string
	for _, p := range strings.SplitAfter(s, ". ") {
		if len(parts) > 0 && !creditByStart.MatchString(p) {
			parts[len(parts)-1] += p // "Photo by Toni L. Sandys"
			continue
		}
		parts = append(parts, p)
	}
	if len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		m := creditBy.FindStringSubmatch(strings.TrimSpace(p))
		if m == nil || !creditNames(m[2]) {
			return false
		}
	}
	return true
}

var creditByStart = regexp.MustCompile(`^(?:Photo|Illustration|Image|Picture|Artwork|Graphic|Courtesy)`)

// isBareCredit reports whether s is names ending in a photo agency:
// "Chip Somodevilla/Getty Images", "AFP via Getty Images", "Getty Images".
func isBareCredit(s string, edge bool) bool {
	if len(s) > 100 {
		return false
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	m := agency.FindStringSubmatchIndex(s)
	if m == nil {
		return false
	}
	names, sep := s[:m[0]], s[m[0]:m[2]]
	if names == "" && sep == "" || names == "" && strings.TrimSpace(sep) == "(" {
		return aloneAgencies[s[m[2]:m[3]]]
	}
	if strings.Contains(sep, ",") && !edge {
		return false
	}
	return names != "" && creditNames(names)
}

// creditNames reports whether s reads as a list of names: at most twelve
// words, each capitalised or a particle, joined by spaces, slashes, commas,
// "and", "via".
func creditNames(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '/' || r == '|' || r == '\u200b' || r == '\u00a0'
	})
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ",.;()[]'\"’‘“”-–")
		if w == "" || w == "&" || nameParticles[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

var nameParticles = map[string]bool{
	"and": true, "via": true, "for": true, "of": true, "the": true, "de": true, "da": true, "di": true,
	"del": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "du": true,
	"al": true, "el": true, "bin": true, "y": true, "e": true, "dos": true, "das": true, "ter": true,
}
