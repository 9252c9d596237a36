package clean

import "testing"

// TestAuthorWidgetLength checks the bound isAuthorWidget relies on.
func TestAuthorWidgetLength(t *testing.T) {
	for w := range authorWidgets {
		if len(w) > len("see all articles by this author") {
			t.Errorf("author widget %q is longer than isAuthorWidget assumes", w)
		}
	}
}
