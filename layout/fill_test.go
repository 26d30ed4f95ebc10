package layout

import (
	"path/filepath"
	"testing"
)

// overset names the pages that are meant not to fit.
var overset = map[string]bool{"compose-06-overset.toml": true}

// Every page that has enough text fills at least 98 % of its type area's cells with no
// overset and no warning of empty space; the page that is too long reports its overset.
func TestFillAndOverset(t *testing.T) {
	for _, file := range pages(t) {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			_, rep := compose(t, file)
			chars := 0
			for _, a := range rep.Articles {
				if a.Overset != nil {
					chars += a.Overset.Characters
				}
			}
			t.Logf("fill %.1f%%, %d empty cells, %d overset characters", 100*rep.Fill, rep.EmptyLines, chars)
			if overset[name] {
				if chars == 0 || !rep.NeedsAttention() {
					t.Errorf("an overlong page reports no overset")
				}
				return
			}
			if chars > 0 {
				t.Errorf("%d characters overset on a page whose text fits", chars)
			}
			if rep.Fill < 0.98 {
				t.Errorf("fill %.4f, want at least 0.98", rep.Fill)
			}
			for _, w := range rep.Warnings {
				if w.Kind == WarnEmptySpace {
					t.Errorf("warning: %s", w.Message)
				}
			}
		})
	}
}
