package htmltext

import (
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, want, enc string
	}{
		{"ascii", "<p>a</p>", "<p>a</p>", "utf-8"},
		{"utf-8", "<p>café</p>", "<p>café</p>", "utf-8"},
		{"utf-8 bom", "\ufeff<p>é</p>", "<p>é</p>", "utf-8"},
		{"utf-16le bom", "\xff\xfe<\x00p\x00>\x00\xe9\x00", "<p>é", "utf-16le"},
		{"utf-16be bom", "\xfe\xff\x00<\x00p\x00>\x00\xe9", "<p>é", "utf-16be"},
		{"meta charset", `<meta charset="ISO-8859-1"><p>caf` + "\xe9", `<meta charset="ISO-8859-1"><p>café`, "windows-1252"},
		{"http-equiv", `<meta http-equiv=content-type content="text/html; charset=koi8-r"><p>` + "\xc4\xc1", `<meta http-equiv=content-type content="text/html; charset=koi8-r"><p>да`, "koi8-r"},
		{"content without http-equiv", `<meta content="text/html; charset=koi8-r"><p>` + "\xc4", `<meta content="text/html; charset=koi8-r"><p>` + "\xc4", ""},
		{"stale declaration", `<meta charset="iso-8859-1"><p>café`, `<meta charset="iso-8859-1"><p>café`, "utf-8"},
		{"declared utf-16 means utf-8", `<meta charset="utf-16"><p>a`, `<meta charset="utf-16"><p>a`, "utf-8"},
		{"unknown label", `<meta charset="klingon"><p>` + "\xe9", `<meta charset="klingon"><p>` + "\xe9", ""},
		{"undeclared", "<p>caf\xe9", "<p>caf\xe9", ""},
		{"declared past 1024 bytes", strings.Repeat(" ", 1024) + `<meta charset="iso-8859-1"><p>` + "\xe9", strings.Repeat(" ", 1024) + `<meta charset="iso-8859-1"><p>` + "\xe9", ""},
	}
	for _, tt := range tests {
		got, enc := decode([]byte(tt.in))
		if string(got) != tt.want || enc != tt.enc {
			t.Errorf("%s: decode = %q, %q; want %q, %q", tt.name, got, enc, tt.want, tt.enc)
		}
	}
}

func TestTooDeep(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"shallow", "<html><body><div><p>a</p></div></body></html>", false},
		{"deep divs", strings.Repeat("<div>", 11), true},
		{"closed divs", strings.Repeat("<div></div>", 100), false},
		{"upper case", strings.Repeat("<DIV></Div>", 100), false},
		{"void and implied", strings.Repeat("<p><li><br><img src=x><td>", 100), false},
		{"self-closing", strings.Repeat("<path d='x'/>", 100), false},
		{"comment", "<!--" + strings.Repeat("<div>", 100) + "-->", false},
		{"script", "<script>" + strings.Repeat("<div>", 100) + "</SCRIPT>", false},
		{"unclosed script", "<script>" + strings.Repeat("<div>", 100), false},
		{"end tag of an element not counted", strings.Repeat("<div><p></p>", 11), true},
		{"stray end tags", strings.Repeat("</div>", 100) + "<div>", false},
		{"text", strings.Repeat("a < b and c > d ", 100), false},
	}
	for _, tt := range tests {
		if got := tooDeep([]byte(tt.in), 10); got != tt.want {
			t.Errorf("%s: tooDeep = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNameSignal(t *testing.T) {
	tests := []struct{ in, rule, name string }{
		{"share-bar", "social", "share-bar"},
		{"article__share-buttons", "social", "article__share-buttons"},
		{"shareBar", "social", "shareBar"},
		{"story relatedLinks", "related", "relatedLinks"},
		{"newsletter_signup", "social", "newsletter_signup"},
		{"promo-box", "ads", "promo-box"},
		{"ad-slot", "ads", "ad-slot"},
		{"wp-caption-text", "credit", "wp-caption-text"},
		{"byline", "byline", "byline"},
		{"entry-author-bio", "byline", "entry-author-bio"},
		{"post type-post author-jane-doe comment-author-x", "", ""},
		{"post tag-share-prices category-related-news", "", ""},
		{"breadcrumbs", "navigation", "breadcrumbs"},
		{"shared-view", "", ""},
		{"head read loading", "", ""},
		{"social-media-embed", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		if rule, name := nameSignal(tt.in); rule != tt.rule || name != tt.name {
			t.Errorf("nameSignal(%q) = %q, %q; want %q, %q", tt.in, rule, name, tt.rule, tt.name)
		}
	}
}
