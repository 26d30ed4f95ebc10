package layout

import (
	"math"
	"path/filepath"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout/fit"
	"broadsheet/layout/furniture"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/place"
	"broadsheet/layout/report"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// minFill is the least fill of each shipped page: below it the plan is broken, not the
// page short of copy. compose-11 is short of copy on purpose; so are the twelve briefs
// of compose-03, set narrow and deep with their shortage left in one band.
var minFill = map[string]float64{
	"compose-01-tabloid.toml": 0.92, "compose-02-custom-size.toml": 0.80, "compose-03-briefs.toml": 0.72,
	"compose-04-feature.toml": 0.97, "compose-05-long-lead.toml": 0.97, "compose-06-overset.toml": 0.92,
	"compose-07-pinned.toml": 0.93, "compose-08-photos.toml": 0.92, "compose-09-six-columns.toml": 0.84,
	"compose-10-front-page.toml": 0.84, "compose-11-editorial.toml": 0.66, "compose-13-furniture.toml": 0.89, "punctuation.toml": 0.82,
	"zhengzhou-2023-11-21-p7.toml": 0.94,
}

// overset names the pages that are meant not to fit.
var overset = map[string]bool{"compose-06-overset.toml": true}

// Every page whose text fits is set without overset, and what stays empty is reported
// honestly: the fill agrees with the empty cells, and every empty area more than two
// lines deep is a warning (no photo or white is blown up to hide it). The page that is
// too long reports its overset.
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
			if want := 1 - float64(rep.EmptyLines)/float64(rep.Grid.Columns*rep.Grid.Lines); math.Abs(rep.Fill-want) > 0.0001 {
				t.Errorf("fill %.4f, but %d empty cells make it %.4f", rep.Fill, rep.EmptyLines, want)
			}
			if least := minFill[name]; rep.Fill < least {
				t.Errorf("fill %.4f, under %.2f: the plan leaves far more empty than the rules need", rep.Fill, minFill[name])
			}
			deep, warned := 0, 0
			for _, e := range rep.Empty {
				if e.Lines > 2 {
					deep++
				}
			}
			for _, w := range rep.Warnings {
				if w.Kind == report.WarnEmptySpace && w.Item != "masthead" { // the band's white is not the plan's
					warned++
				}
			}
			if deep != warned {
				t.Errorf("%d empty areas more than two lines deep, %d warnings", deep, warned)
			}
		})
	}
}

// widowsAllowed is how many widows a page may keep where avoiding them would cost
// more: a leg may not be cut below six lines to move a line, and a page short of rows
// has no spare row to move one into. Every other page has none.
var widowsAllowed = map[string]int{
	"compose-06-overset.toml": 1, "compose-08-photos.toml": 2, "compose-09-six-columns.toml": 1,
	"compose-11-editorial.toml": 1, "compose-13-furniture.toml": 1,
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
	p, err := place.Arrange(iss, g, &sheet, prepare(iss, st, g, &sheet), nil, furniture.MastheadLines(iss, g, &sheet), geom.Cells{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}
