package clean

import (
	"bytes"
	"regexp"
)

// Related removes links to other stories and the lists of them that sites
// put above or below an article.
var Related = &Rule{
	Name:    "related",
	Default: true,
	Doc: `links and lists of other stories

Removes lines that link to another story: "Related: <headline>", "ALSO
READ: …", "[Related: …]", "SEE MORE: …", "Related post: …". (The readmore
rule owns "Read more: <headline>".) Above or below the article (before its
first or after its last long paragraph) it also removes list headings such
as "Related Stories", "Most Read", "Trending", "More from Sky News" or "You
may also like...", and, below the article, the short headlines that follow
such a heading up to the first line that reads as a sentence; above the
article, those in the heading's own paragraph. In the middle
of the article those headings stay: there they are as likely subheads.`,
	Example: "The bill passed by 52 votes to 48.\n\nRelated: Senate leaders trade blame over budget\n\nIt now goes to the House.\n",
	Find: func(d *Doc) []Candidate {
		return spansAs(findRelated(d), Evidence{Kind: Label, Why: "link to other stories"})
	},
}

const maxHeadline = 160

var (
	relatedLink = regexp.MustCompile(`^\[?(?i:related(?: (?:articles?|stories|story|posts?|content|coverage|links?|news|reading|video))?|also read|read also|see also|also see|see more|more on this(?: story)?|watch)\s*[:|]\s*\S.{0,150}$`)
	// relatedHeading introduces a list of other stories.
	relatedHeading = regexp.MustCompile(`^(?i:related|related (?:articles?|stories|story|posts?|content|coverage|links?|news|topics|tags|videos?)|` +
		`more (?:stories|news|articles|videos|headlines)|more from .{1,40}|more great .{1,30} stories|more:|` +
		`most (?:read|popular|viewed|shared|commented|watched)(?: (?:stories|articles|news|this week|today|now))?|` +
		`popular (?:now|this week|today|stories|posts|articles)|trending(?: now| stories| articles| topics| news)?|` +
		`recent (?:articles|posts|stories|news)|latest (?:news|stories|articles|posts|headlines)|top stories|editor['’]?s picks|` +
		`recommended(?: for you| stories| articles| reading)?|you (?:may|might) also (?:like|enjoy)|you may be interested in|` +
		`what to read next|read next|up next|don['’]t miss|in other news|related coverage(?: from .{1,60})?)` +
		`\s*(?::|\.\.\.|…)?$`)
)

var (
	relatedFirstWords = setOf("related", "also", "read", "see", "more", "watch")
	headingFirstWords = setOf("related", "more", "more:", "most", "popular", "trending", "recent", "latest", "top", "editor's",
		"editors", "editor’s", "recommended", "you", "what", "read", "up", "don't", "don’t", "in")
)

func findRelated(d *Doc) []Span {
	z := d.zone()
	var spans []Span
	for i := 0; i < len(d.Lines); i++ {
		l := d.Lines[i]
		if l.Blank || l.End-l.Start > maxHeadline+20 {
			continue
		}
		t, _ := d.trimmed(l)
		w := firstWord(t)
		if relatedFirstWords[w] && relatedLink.Match(t) && !proseAfterLabel(t) {
			spans = append(spans, Span{l.Start, l.End})
			continue
		}
		if l.End-l.Start > 80 || !z.edge(i) || !headingFirstWords[w] || !relatedHeading.Match(t) {
			continue
		}
		end := l.End
		if z.top(i) {
			// Above the article a list ends with its paragraph; without
			// blank lines between paragraphs its end is unknown.
			if p := paraOf(d, i); p.Last > i {
				for j := i + 1; j <= p.Last && j < z.first && isHeadline(d, d.Lines[j]); j++ {
					end = d.Lines[j].End
				}
			}
		} else {
			j := i + 1
			for ; j < len(d.Lines); j++ {
				n := d.Lines[j]
				if n.Blank {
					continue
				}
				if !isHeadline(d, n) {
					break
				}
				end = n.End
			}
			i = j - 1
		}
		spans = append(spans, Span{l.Start, end})
	}
	return spans
}

// paraOf returns the paragraph holding line i.
func paraOf(d *Doc, i int) Para {
	for _, p := range d.Paras {
		if p.First <= i && i <= p.Last {
			return p
		}
	}
	return Para{First: i, Last: i}
}

// isHeadline reports whether line l reads as a headline rather than a
// sentence: short, and not closed by a full stop.
func isHeadline(d *Doc, l Line) bool {
	t, _ := d.trimmed(l)
	if len(t) == 0 || len(t) > maxHeadline {
		return false
	}
	return !bytes.HasSuffix(t, []byte(".")) || bytes.HasSuffix(t, []byte("..."))
}
