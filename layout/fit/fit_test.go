package fit

import (
	"fmt"
	"strings"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/plan"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// article prepares an article of n short paragraphs on a default broadsheet.
func article(t *testing.T, n int) *Article {
	t.Helper()
	faces, err := text.LoadFaces()
	if err != nil {
		t.Fatal(err)
	}
	sheet := style.Default()
	f := issues.Format{Width: geom.Mm(390), Height: geom.Mm(545), Columns: 8, ColumnChars: 13,
		BodySize: geom.Pt(9), Leading: geom.Pt(13.5), Kinsoku: "strict", FullwidthPunctuation: true}
	g := grid.New(f, &sheet.Grid, faces.Ascent(sheet.Body))
	var paras []string
	for i := range n {
		paras = append(paras, fmt.Sprintf("第%d段，%s", i+1, strings.Repeat("郑州经开区推进项目建设。", 2)))
	}
	a := &issues.Article{Headline: "经开区推进项目建设", Paragraphs: paras}
	return New(text.NewSetter(f, g, &sheet, faces).Story(0, 1, a), g, &sheet)
}

// A module that holds the whole body fits without overset and costs less than one
// that does not; a module too small for the headline block is priced, not refused.
func TestFitPricesOversetAboveEverything(t *testing.T) {
	a := article(t, 10)
	body := len(a.S.Body)
	heads := a.HeadChoices(3)
	roomy := a.Fit(3, body/3+12, heads)
	tight := a.Fit(3, body/3, heads)
	if roomy.Overset != 0 || roomy.Cost >= plan.Infinite {
		t.Fatalf("roomy module: overset %d cost %d", roomy.Overset, roomy.Cost)
	}
	if tight.Overset == 0 || tight.Cost <= roomy.Cost {
		t.Errorf("tight module: overset %d cost %d, roomy cost %d", tight.Overset, tight.Cost, roomy.Cost)
	}
	if tiny := a.Fit(3, 2, heads); tiny.Cost >= plan.Infinite || tiny.Overset != body {
		t.Errorf("tiny module: cost %d overset %d of %d", tiny.Cost, tiny.Overset, body)
	}
}

// The legs of a module share the body: level columns (a line may move to keep a
// paragraph's last line off a column top), every line once.
func TestShareLinesLevelsTheColumns(t *testing.T) {
	a := article(t, 10)
	body := len(a.S.Body)
	f := a.Fit(3, body/3+12, a.HeadChoices(3))
	legs := make([]int, 3)
	ShareLines(a.S, legs, &f, body, MinLeg(a.sheet, body))
	sum, lo, hi := 0, legs[0], legs[0]
	for _, n := range legs {
		sum += n
		lo, hi = min(lo, n), max(hi, n)
	}
	if hi-lo > 2 {
		t.Errorf("legs %v not level", legs)
	}
	if sum != body {
		t.Errorf("legs %v hold %d lines, want %d", legs, sum, body)
	}
}

func TestLevel(t *testing.T) {
	for _, c := range []struct{ need, cols, pc, pl, b, want int }{
		{30, 3, 0, 0, 50, 10}, {31, 3, 0, 0, 50, 11}, {30, 3, 0, 0, 8, 8},
		{10, 3, 1, 10, 50, 5}, {40, 3, 1, 10, 50, 17},
	} {
		if got := level(c.need, c.cols, c.pc, c.pl, c.b); got != c.want {
			t.Errorf("level%v = %d, want %d", c, got, c.want)
		}
	}
}
