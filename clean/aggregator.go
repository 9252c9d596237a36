package clean

import "regexp"

// Aggregator removes the boilerplate that NewsAPI-fed aggregator sites put
// around an article.
var Aggregator = &Rule{
	Name:    "aggregator",
	Default: true,
	Doc: `aggregator boilerplate lines ("Powered by NewsAPI", "news image")

Removes lines that news aggregators fed by NewsAPI add to every article:
the source line "Powered by NewsAPI , in <Category> on <date>." (category
and date may be empty) and the image placeholder line "news image". Only
whole lines go: a sentence that mentions NewsAPI stays.`,
	Example: "Powered by NewsAPI , in Liberal Perspective on .\n\nnews image\n",
	Find: func(d *Doc) []Candidate {
		return shortLines(d, 160, Evidence{Kind: Marker, Why: "aggregator template"}, func(_ int, t []byte) bool {
			return aggregatorFirstWords[firstWord(t)] && aggregatorLine.Match(t)
		})
	},
}

var aggregatorFirstWords = setOf("news", "powered")

var aggregatorLine = regexp.MustCompile(`^(?i:news image)$|^Powered by NewsAPI\s*(?:,\s*in\b.{0,80}?\bon\b[^.]{0,40})?\s*\.?$`)
