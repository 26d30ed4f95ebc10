package layout

import (
	"path/filepath"
	"testing"

	"broadsheet/layout/style"
)

// A short story gets a narrow module, not a strip: on every shipped page, no story
// without photos whose body is under Costs.StripBody lines is set wider than its body
// needs to run in legs of Costs.MinDepth lines (or Costs.StripCols columns, a
// 豆腐块). What a page is short of copy stays empty and is reported instead.
func TestShortStoriesAreNotStrips(t *testing.T) {
	c := style.Default().Costs
	for _, file := range pages(t) {
		name := filepath.Base(file)
		_, rep := compose(t, file)
		for _, a := range rep.Articles {
			if a.Module == nil || len(a.Photos) > 0 || a.LinesSet >= c.StripBody {
				continue
			}
			if most := max(c.StripCols, a.LinesSet/c.MinDepth); a.Module.Columns > most {
				t.Errorf("%s: article[%d] sets %d body lines %d columns wide (legs %v): want at most %d, legs of %d lines or more",
					name, a.Index, a.LinesSet, a.Module.Columns, a.Legs, most, c.MinDepth)
			}
		}
	}
}

// The twelve briefs, all short, run in legs a reader can follow: every leg holds at
// least Costs.MinDepth lines, the page's shortage of copy left empty in one band.
func TestBriefsRunInDeepLegs(t *testing.T) {
	c := style.Default().Costs
	_, rep := compose(t, "../issues/compose-03-briefs.toml")
	for _, a := range rep.Articles {
		for k, n := range a.Legs {
			if n > 0 && n < c.MinDepth {
				t.Errorf("article[%d] leg %d holds %d lines (legs %v), want at least %d", a.Index, k+1, n, a.Legs, c.MinDepth)
			}
		}
	}
}
