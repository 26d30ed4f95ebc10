package layout

import (
	"path/filepath"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout/fit"
	"broadsheet/layout/furniture"
	"broadsheet/layout/grid"
	"broadsheet/layout/place"
	"broadsheet/layout/report"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
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
				if w.Kind == report.WarnEmptySpace {
					t.Errorf("warning: %s", w.Message)
				}
			}
		})
	}
}

// widowsAllowed is how many widows a page may keep where avoiding them would cost
// holes: a page exactly full of short two-column briefs has no spare row to move a
// line into. Every other page has none.
var widowsAllowed = map[string]int{
	"compose-02-custom-size.toml": 1, "compose-03-briefs.toml": 4, "compose-05-long-lead.toml": 2,
	"compose-06-overset.toml": 1,
}

// Columns do not start with the last line of a paragraph that began in the column
// before (a widow at the column top), beyond what widowsAllowed grants.
func TestNoWidowsAtColumnTops(t *testing.T) {
	for _, file := range pages(t) {
		iss, err := issues.Decode(file)
		if err != nil {
			t.Fatal(err)
		}
		widows := 0
		for _, m := range arrangePage(t, iss).Modules {
			for c := fit.WidowColumn(m.Story, m.Legs, 0); c >= 0; c = fit.WidowColumn(m.Story, m.Legs, c+1) {
				t.Logf("%s: article[%d] column %d starts with a widow", filepath.Base(file), m.Story.Index, c+1)
				widows++
			}
		}
		if name := filepath.Base(file); widows > widowsAllowed[name] {
			t.Errorf("%s: %d widows at column tops, want at most %d", name, widows, widowsAllowed[name])
		}
	}
}

// arrangePage runs the stages of Compose up to placement.
func arrangePage(t *testing.T, iss *issues.Issue) *place.Page {
	t.Helper()
	sheet := style.Default()
	faces, err := text.LoadFaces()
	if err != nil {
		t.Fatal(err)
	}
	g := grid.New(iss.Format, &sheet.Grid, faces.Ascent(sheet.Body))
	st := text.NewSetter(iss.Format, g, &sheet, faces)
	p, err := place.Arrange(iss, g, &sheet, prepare(iss, st, g, &sheet), furniture.MastheadLines(iss, g, &sheet))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
