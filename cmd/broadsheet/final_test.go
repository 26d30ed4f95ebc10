package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --final writes no PDF for a page that needs a person and says why; a page that
// needs nobody is written as usual.
func TestFinalRefusesPagesThatNeedAPerson(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		file   string
		reason string // "" for a page that is written
	}{
		{"../../issues/compose-08-photos.toml", "not written (--final): low-resolution: article[3].photo[0]"},
		{sample, "not written (--final): placeholder: article[0].photo[0]"},
		{"../../issues/compose-06-overset.toml", "not written (--final): overset"},
		{"../../issues/compose-03-briefs.toml", ""},
	}
	for _, c := range cases {
		out := filepath.Join(dir, filepath.Base(c.file)+".pdf")
		code, _, stderr := broadsheet(t, "--final", "-o", out, c.file)
		_, statErr := os.Stat(out)
		if c.reason == "" {
			if code != exitOK || statErr != nil {
				t.Errorf("%s: exit %d, PDF %v; want it written\n%s", c.file, code, statErr, stderr)
			}
			continue
		}
		if code != exitAttention || statErr == nil || !strings.Contains(stderr, c.reason) {
			t.Errorf("%s: exit %d, PDF written: %v; want exit 1, no PDF and %q in:\n%s", c.file, code, statErr == nil, c.reason, stderr)
		}
	}
}
