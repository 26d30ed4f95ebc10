package grid

import (
	"testing"

	"broadsheet/issues"
	"broadsheet/layout/geom"
	"broadsheet/layout/style"
)

// A broadsheet of 8 columns × 13 characters at 9 pt on 13.5 pt leading: 111
// characters wide, 103 lines in the 490 mm type area, centred on the page.
func TestBroadsheetGrid(t *testing.T) {
	sheet := style.Default()
	f := issues.Format{Width: geom.Mm(390), Height: geom.Mm(545), Columns: 8, ColumnChars: 13,
		BodySize: geom.Pt(9), Leading: geom.Pt(13.5)}
	g := New(f, &sheet.Grid, 880)
	if g.Lines != 103 || g.Area.W != geom.Pt(9*111) {
		t.Errorf("%d lines, %v wide; want 103 and %v", g.Lines, g.Area.W, geom.Pt(9*111))
	}
	if left, right := g.Area.X, g.Page.W-g.Area.Right(); left != right {
		t.Errorf("margins %v and %v, want centred", left, right)
	}
	if g.SpanWidth(2) != geom.Pt(9*27) || g.ColumnX(1)-g.ColumnX(0) != geom.Pt(9*14) {
		t.Errorf("2 columns %v, column pitch %v", g.SpanWidth(2), g.ColumnX(1)-g.ColumnX(0))
	}
	if g.Baseline(1)-g.Baseline(0) != geom.Pt(13.5) || g.Baseline(0)-g.Area.Y != geom.Em(880, geom.Pt(9)) {
		t.Errorf("baselines %v apart, first %v below the top", g.Baseline(1)-g.Baseline(0), g.Baseline(0)-g.Area.Y)
	}
	r := g.Rect(geom.Cells{Column: 1, Line: 2, Columns: 2, Lines: 3})
	if r.X != g.ColumnX(1) || r.Y != g.LineTop(2) || r.W != g.SpanWidth(2) || r.H != geom.Pt(13.5*2+9) {
		t.Errorf("Rect = %v", r)
	}
	if g.HeadRule >= g.Area.Y || g.HeadBaseline >= g.HeadRule {
		t.Errorf("running head at %v, rule %v, type area %v", g.HeadBaseline, g.HeadRule, g.Area.Y)
	}
}
