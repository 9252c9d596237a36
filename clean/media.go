package clean

import (
	"bytes"

	"github.com/decruft/decruft/clean/lexicon"
)

// Media removes what video and audio players leave in extracted text.
var Media = &Rule{
	Name:    "media",
	Default: true,
	Doc: `video and audio player residue

Removes the text of embedded players: notices that playback is not
supported ("Your browser does not support the video tag", "Media playback
is unsupported on your device"), embed cards ("Embed <title> 0:39 autoplay
autoplay Copy this code to your website or blog"), oEmbed credits ("<title>
from NAME on Vimeo."), and runs of player controls ("Play", "Embed",
"Enlarge image", a duration such as "0:39") of two lines or more. A lone
"Video" or "Watch" line may be a subhead and stays.`,
	Needs: `a line that is a player notice of the [media] lexicon of three words or
more, holds "autoplay" twice or "Copy this code", ends in "on Vimeo." or "on
YouTube." after "from NAME"; or a run of two lines or more of [media] words
and durations.`,
	Example: "Storm hits coast\n\nYour browser does not support the video tag.\n\nThe storm reached the coast at dawn.\n",
	Find:    findMedia,
}

var mediaWords = lexicon.Get("media")

func findMedia(d *Doc) []Candidate {
	var cs []Candidate
	runStart, runEnd, run, words := -1, -1, 0, 0
	flush := func() {
		// Times alone are a list of splits or a tracklist's lengths.
		if run >= 2 && words > 0 {
			cs = append(cs, Candidate{Span{d.Lines[runStart].Start, d.Lines[runEnd].End}, Evidence{Kind: Shape, Why: "run of player controls"}})
		}
		runStart, runEnd, run, words = -1, -1, 0, 0
	}
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		t, _ := d.trimmed(l)
		if len(t) <= 40 && mediaControl(t) {
			if runStart < 0 {
				runStart = i
			}
			runEnd = i
			run++
			if !isDuration(t) {
				words++
			}
			continue
		}
		flush()
		if len(t) > 400 {
			continue
		}
		if playerNotice(t) || imageAddress(t) {
			cs = append(cs, Candidate{Span{l.Start, l.End}, Evidence{Kind: Marker, Why: "video player text"}})
		}
	}
	flush()
	return cs
}

// mediaControl reports whether short line t is a player control or a
// duration.
func mediaControl(t []byte) bool {
	k := undecorate(t)
	return bytes.Count(k, []byte(" ")) < 3 && (isDuration(t) || mediaWords.HasBytes(k))
}

var autoplay = rareNeedle([]byte("autoplay"))

var copyCode = rareNeedle([]byte("Copy this code to your website"))

// playerNotice reports whether t is the text of an embedded player.
func playerNotice(t []byte) bool {
	k := undecorate(t)
	if n := mediaWords.Prefix(k); n > 0 && n == len(k) && bytes.Count(k, []byte(" ")) >= 2 {
		return true
	}
	if i := autoplay.index(t); i >= 0 && autoplay.index(t[i+len(autoplay.sep):]) >= 0 || copyCode.index(t) >= 0 {
		return true
	}
	switch t[len(t)-1] {
	case '.', 'o', 'e': // how the sites below end
	default:
		return false
	}
	for _, site := range [][]byte{[]byte(" on Vimeo."), []byte(" on Vimeo"), []byte(" on YouTube."), []byte(" on YouTube")} {
		if bytes.HasSuffix(t, site) {
			head := t[:len(t)-len(site)]
			if i := bytes.LastIndex(head, []byte(" from ")); i > 0 && len(head)-i < 60 {
				return true
			}
		}
	}
	return false
}

// imageAddress reports whether t is only the address of an image file,
// which extractors leave where a picture was.
func imageAddress(t []byte) bool {
	if !isLink(t) || bytes.IndexByte(t, ' ') >= 0 {
		return false
	}
	u := bytes.ToLower(t)
	if i := bytes.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"} {
		if bytes.HasSuffix(u, []byte(ext)) {
			return true
		}
	}
	return false
}

// isDuration reports whether t is a running time: "0:39", "12:05", "1:02:33".
func isDuration(t []byte) bool {
	if a, b, ok := bytes.Cut(t, []byte(" / ")); ok {
		return isDuration(a) && isDuration(b) // a player's place: "00:00 / 41:27"
	}
	if len(t) < 4 || len(t) > 8 {
		return false
	}
	ok, strong := numericDate(string(t))
	return ok && strong && bytes.IndexByte(t, ':') > 0
}
