package furniture

import (
	"strings"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

func setup(t *testing.T, page int) (*issues.Issue, grid.Grid, *style.Sheet, *text.Setter) {
	t.Helper()
	faces, err := text.LoadFaces()
	if err != nil {
		t.Fatal(err)
	}
	sheet := style.Default()
	f := issues.Format{Width: geom.Mm(390), Height: geom.Mm(545), Columns: 8, ColumnChars: 13,
		BodySize: geom.Pt(9), Leading: geom.Pt(13.5), Kinsoku: "strict"}
	g := grid.New(f, &sheet.Grid, faces.Ascent(sheet.Body))
	iss := &issues.Issue{Newspaper: "郑州日报", Date: issues.Date{Year: 2023, Month: 11, Day: 21}, PageNo: page,
		Section: "经开区新闻", Editor: "王一", Format: f}
	return iss, g, &sheet, text.NewSetter(f, g, &sheet, faces)
}

func lineText(s Set) []string {
	var out []string
	for _, l := range s.Lines {
		var b strings.Builder
		for _, r := range l.Runs {
			b.WriteString(r.Text)
		}
		out = append(out, b.String())
	}
	return out
}

// The running head puts the date inside and the page number outside: at the left of
// an even page, at the right of an odd one, with the paper's name centred between.
func TestRunningHeadSides(t *testing.T) {
	for _, page := range []int{6, 7} {
		iss, g, sheet, st := setup(t, page)
		s := Page(iss, g, sheet, st, MastheadLines(iss, g, sheet))
		got := lineText(s)
		if len(got) != 3 || got[1] != "郑州日报" || len(s.Rules) != 2 {
			t.Fatalf("page %d: lines %q, %d rules", page, got, len(s.Rules))
		}
		left, right := got[0], got[2]
		if page%2 == 0 {
			left, right = right, left
		}
		if !strings.HasPrefix(left, "2023年11月21日星期二") || !strings.HasSuffix(right, "第7版") && page == 7 {
			t.Errorf("page %d: left %q right %q", page, left, right)
		}
		if s.Lines[0].Y != g.HeadBaseline || s.Lines[2].X+s.Lines[2].Width != g.Area.Right() {
			t.Errorf("page %d: head not on its baseline or not flush right", page)
		}
	}
}

// Only page 1 has a masthead, in its first lines, with the date, page and editor.
func TestMasthead(t *testing.T) {
	iss, g, sheet, st := setup(t, 1)
	mast := MastheadLines(iss, g, sheet)
	if mast < sheet.Mast.MinLines {
		t.Fatalf("masthead of %d lines", mast)
	}
	s := Page(iss, g, sheet, st, mast)
	got := strings.Join(lineText(s), "|")
	for _, want := range []string{"郑州日报", "2023年11月21日星期二", "第1版", "责任编辑"} {
		if !strings.Contains(got, want) {
			t.Errorf("masthead %q lacks %q", got, want)
		}
	}
	for _, r := range s.Rules {
		if r.Y1 <= g.LineTop(mast-1)+g.Body || r.Y1 >= g.LineTop(mast+1) {
			t.Errorf("masthead rule at %v, not in the gap line", r.Y1)
		}
	}
	if iss.PageNo = 2; MastheadLines(iss, g, sheet) != 0 {
		t.Errorf("page 2 has a masthead")
	}
}

// Two modules side by side over a third: one rule down the gutter between the top
// two, one across the gap line over the third, running the type area's width.
func TestRulesBetweenModules(t *testing.T) {
	_, g, sheet, _ := setup(t, 2)
	mods := []geom.Cells{{Columns: 5, Lines: 40}, {Column: 5, Columns: 3, Lines: 40}, {Line: 41, Columns: 8, Lines: g.Lines - 41}}
	rules := Rules(g, sheet, mods, nil, nil)
	if len(rules) != 2 {
		t.Fatalf("%d rules: %+v", len(rules), rules)
	}
	across, down := rules[0], rules[1]
	if across.Y1 != across.Y2 || across.X2-across.X1 != g.Area.W {
		t.Errorf("rule across %+v, want the type area's width %v", across, g.Area.W)
	}
	if down.X1 != down.X2 || down.X1 != g.ColumnX(5)-g.Body/2 {
		t.Errorf("rule down %+v, want in the gutter at %v", down, g.ColumnX(5)-g.Body/2)
	}
	if down.Y1 != g.Area.Y || down.Y2 != across.Y1 {
		t.Errorf("rule down from %v to %v, want from the type area's top %v to the rule across at %v (a T-joint)",
			down.Y1, down.Y2, g.Area.Y, across.Y1)
	}
}

// A running head too long for its page is set smaller, down to 六号, and what still
// does not fit is left out and reported: its parts never overlap or leave the page.
func TestLongRunningHeadShrinksThenCuts(t *testing.T) {
	iss, g, sheet, st := setup(t, 7)
	iss.Newspaper = strings.Repeat("郑州日报", 6) + "特刊"
	iss.Section = "经开区新闻·航空港区新闻·高新区新闻·金水区新闻·二七区新闻"
	iss.Editor = "王一 李二 张三 赵四 钱五 孙六 周七 吴八"
	s := Page(iss, g, sheet, st, 0)
	if len(s.Lines) != 3 {
		t.Fatalf("%d lines", len(s.Lines))
	}
	left, name, right := s.Lines[0], s.Lines[1], s.Lines[2]
	if left.X < g.Area.X || left.X+left.Width > name.X || name.X+name.Width > right.X || right.X+right.Width > g.Area.Right()+1 {
		t.Errorf("parts overlap or leave the type area: left %v+%v, name %v+%v, right %v+%v, area %v–%v",
			left.X, left.Width, name.X, name.Width, right.X, right.Width, g.Area.X, g.Area.Right())
	}
	for _, l := range s.Lines {
		if l.Size < sheet.Running.Floor {
			t.Errorf("a part at %v, under the floor %v", l.Size, sheet.Running.Floor)
		}
	}
	if left.Size >= sheet.Running.Info && right.Size >= sheet.Running.Info {
		t.Errorf("nothing set smaller: left %v, right %v", left.Size, right.Size)
	}
	iss.Section = strings.Repeat(iss.Section, 4)
	if s := Page(iss, g, sheet, st, 0); len(s.Cut) != 1 || s.Cut[0].Item != "section" || s.Cut[0].Size != sheet.Running.Floor {
		t.Errorf("an overlong section: cut %+v, want it reported at the floor", s.Cut)
	}
}

// A masthead name of 170 characters keeps a size a masthead can carry and reports
// what it cannot hold, instead of shrinking to a few points or running off the page.
func TestLongMastheadNameIsCutNotShrunk(t *testing.T) {
	iss, g, sheet, st := setup(t, 1)
	iss.Newspaper = strings.Repeat("郑州日报", 42) + "特刊"
	mast := MastheadLines(iss, g, sheet)
	s := Page(iss, g, sheet, st, mast)
	band := g.LineTop(mast-1) + g.Body - g.LineTop(0)
	name := s.Lines[0]
	if name.Size < sheet.Mast.NameFloor.Of(band) || name.X+name.Width > g.Area.Right() {
		t.Errorf("name at %v (floor %v), ends at %v past %v", name.Size, sheet.Mast.NameFloor.Of(band), name.X+name.Width, g.Area.Right())
	}
	if len(s.Cut) == 0 || s.Cut[0].Item != "newspaper" || s.Cut[0].Lost < 100 {
		t.Errorf("cut %+v", s.Cut)
	}
}
