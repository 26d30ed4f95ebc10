package layout

import (
	"path/filepath"
	"testing"
)

// mostHoles is how many empty areas more than two lines deep each shipped page may
// have: each is a hole the report flags for a person. A page short of copy keeps its
// shortfall in one band at its foot rather than in holes at many column feet; the
// twelve briefs had 17 such holes before it could. compose-11, short of copy on
// purpose, has one more since its 25-line story is no longer spread in a strip: the
// white it hid is a band of its own.
var mostHoles = map[string]int{
	"compose-01-tabloid.toml": 0, "compose-02-custom-size.toml": 7, "compose-03-briefs.toml": 6,
	"compose-04-feature.toml": 0, "compose-05-long-lead.toml": 0, "compose-06-overset.toml": 1,
	"compose-07-pinned.toml": 7, "compose-08-photos.toml": 3, "compose-09-six-columns.toml": 4,
	"compose-10-front-page.toml": 2, "compose-11-editorial.toml": 8, "compose-12-front-masthead.toml": 3,
	"compose-13-furniture.toml": 1, "punctuation.toml": 4, "zhengzhou-2023-11-21-p7.toml": 4,
}

// No page has more holes deeper than two lines than mostHoles allows it.
func TestFewHoles(t *testing.T) {
	for _, file := range pages(t) {
		name := filepath.Base(file)
		_, rep := compose(t, file)
		holes := 0
		for _, e := range rep.Empty {
			if e.Lines > 2 {
				holes++
			}
		}
		if most, ok := mostHoles[name]; ok && holes > most {
			t.Errorf("%s: %d empty areas more than two lines deep, want at most %d", name, holes, most)
		}
	}
}
