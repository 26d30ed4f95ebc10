package furniture

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"broadsheet/issues"
	"broadsheet/layout/geom"
)

// The masthead's 农历 line, for days whose lunar date is published: the Spring
// Festivals of 2020–2030, the first day of leap months and the days around them.
func TestMastheadLunarDates(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		want    string
	}{
		{2020, 1, 25, "农历庚子年正月初一"},
		{2021, 2, 12, "农历辛丑年正月初一"},
		{2022, 2, 1, "农历壬寅年正月初一"},
		{2023, 1, 22, "农历癸卯年正月初一"},
		{2024, 2, 10, "农历甲辰年正月初一"},
		{2025, 1, 29, "农历乙巳年正月初一"},
		{2026, 2, 17, "农历丙午年正月初一"},
		{2027, 2, 6, "农历丁未年正月初一"},
		{2028, 1, 26, "农历戊申年正月初一"},
		{2029, 2, 13, "农历己酉年正月初一"},
		{2030, 2, 3, "农历庚戌年正月初一"},
		{2023, 3, 22, "农历癸卯年闰二月初一"}, // a leap month
		{2023, 4, 19, "农历癸卯年闰二月廿九"}, // its last day
		{2023, 4, 20, "农历癸卯年三月初一"},  // and the month after it
		{2020, 5, 23, "农历庚子年闰四月初一"},
		{2025, 7, 25, "农历乙巳年闰六月初一"},
		{2023, 11, 21, "农历癸卯年十月初九"},
		{2023, 1, 21, "农历壬寅年十二月三十"}, // 除夕, still the year before
	} {
		iss, g, sheet, st := setup(t, 1)
		iss.Date = issues.Date{Year: c.y, Month: time.Month(c.m), Day: c.d}
		iss.Masthead.Lunar = true
		got := lineText(Page(iss, g, sheet, st, MastheadLines(iss, g, sheet)))
		if !slices.Contains(got, c.want) {
			t.Errorf("%v: masthead lines %q, want %q among them", iss.Date, got, c.want)
		}
	}
}

// frontPage is page 1 with every item of the info column and an article in the 报眼.
func frontPage(t *testing.T) (*issues.Issue, Set, geom.Cells, int) {
	t.Helper()
	iss, g, sheet, st := setup(t, 1)
	iss.Masthead = issues.Masthead{CN: "CN 41-0014", IssueNumber: 23456, Lunar: true, Pages: 8,
		Ear: &issues.Ear{Index: 1}}
	mast := MastheadLines(iss, g, sheet)
	ear, err := Ear(iss, g, sheet, st, mast)
	if err != nil {
		t.Fatal(err)
	}
	return iss, Page(iss, g, sheet, st, mast), ear, mast
}

// The info column says what a front page says, each item once.
func TestMastheadInfoColumn(t *testing.T) {
	_, s, _, _ := frontPage(t)
	got := strings.Join(lineText(s), "|")
	for _, want := range []string{"2023年11月21日星期二", "农历癸卯年十月初九", "今日8版", "总第23456期", "国内统一刊号CN41-0014", "责任编辑王一"} {
		if strings.Count(got, want) != 1 {
			t.Errorf("masthead %q: want %q once", got, want)
		}
	}
}

// The 报眼 takes the whole columns between the name and the info column, across the
// band; nothing of the masthead is set in it, a thin rule runs down either side, and
// the band is fuller than without an ear: name, ear and info leave under a column of
// white each side of the ear.
func TestEarFillsTheBand(t *testing.T) {
	iss, s, ear, mast := frontPage(t)
	_, g, sheet, _ := setup(t, 1)
	if ear.Line != 0 || ear.Lines != mast || ear.Columns < 2 {
		t.Fatalf("ear %+v in a band of %d lines, want two or more columns across it", ear, mast)
	}
	left, right := g.ColumnX(ear.Column), g.ColumnX(ear.Column)+g.SpanWidth(ear.Columns)
	var nameEnd, infoStart geom.Length = 0, g.Area.Right()
	for _, l := range s.Lines {
		if l.X < right && l.X+l.Width > left {
			t.Errorf("masthead line %v–%v runs into the ear %v–%v", l.X, l.X+l.Width, left, right)
		}
		if l.X+l.Width <= left {
			nameEnd = geom.Max(nameEnd, l.X+l.Width)
		} else {
			infoStart = geom.Min(infoStart, l.X)
		}
		if top := g.LineTop(0); l.Y < top || l.Y > g.LineTop(mast-1)+g.Body {
			t.Errorf("masthead line at %v, outside the band", l.Y)
		}
	}
	pitch := g.ColumnWidth() + g.Body
	if left-nameEnd > pitch || infoStart-right > pitch {
		t.Errorf("white of %v left and %v right of the ear, want under a column (%v) each", left-nameEnd, infoStart-right, pitch)
	}
	down := 0
	for _, r := range s.Rules {
		if r.X1 == r.X2 && (r.X1 == left-g.Body/2 || r.X1 == right+g.Body/2) && r.Width == sheet.Rules.Thin {
			down++
		}
	}
	if down != 2 || !s.EmptyEar.Empty() {
		t.Errorf("%d rules beside the ear, want 2; empty ear %+v, want none", down, s.EmptyEar)
	}
	iss.Masthead.Ear = nil
	_, g, sheet, st := setup(t, 1)
	if s := Page(iss, g, sheet, st, MastheadLines(iss, g, sheet)); s.EmptyEar.Columns < 1 {
		t.Errorf("without an ear: empty ear %+v, want the band's free columns reported", s.EmptyEar)
	}
}

// A logo replaces the typeset name: placed at its aspect at the band's left, as tall
// as the name would be or narrower, never over the 报眼.
func TestLogo(t *testing.T) {
	iss, g, sheet, st := setup(t, 1)
	iss.Masthead = issues.Masthead{Logo: "logo.png", LogoWidth: 1400, LogoHeight: 350, Ear: &issues.Ear{}}
	mast := MastheadLines(iss, g, sheet)
	ear, err := Ear(iss, g, sheet, st, mast)
	if err != nil {
		t.Fatal(err)
	}
	s := Page(iss, g, sheet, st, mast)
	if len(s.Images) != 1 || slices.Contains(lineText(s), "郑州日报") {
		t.Fatalf("images %+v, lines %q: want the logo instead of the name", s.Images, lineText(s))
	}
	r := s.Images[0].Placed
	if aspect := float64(r.W) / float64(r.H); aspect < 3.99 || aspect > 4.01 {
		t.Errorf("logo placed at %v × %v, aspect %.3f, want 4", r.W, r.H, aspect)
	}
	band := g.LineTop(mast-1) + g.Body - g.LineTop(0)
	if r.X != g.Area.X || r.Y < g.LineTop(0) || r.Bottom() > g.LineTop(0)+band || r.Right() > g.ColumnX(ear.Column) {
		t.Errorf("logo at %+v, want at the band's left (%v), inside it, left of the ear at %v", r, g.Area.X, g.ColumnX(ear.Column))
	}
}

// A name and an info column so long that no column is left for the 报眼 is an error
// at the ear.
func TestEarWithoutRoom(t *testing.T) {
	iss, g, sheet, st := setup(t, 1)
	iss.Newspaper = strings.Repeat("郑州日报", 10)
	iss.Editor = strings.Repeat("王一 ", 40)
	iss.Masthead.Ear = &issues.Ear{Pos: issues.Pos{File: "p.toml", Line: 9, Col: 7}, Index: 2}
	_, err := Ear(iss, g, sheet, st, MastheadLines(iss, g, sheet))
	var list issues.ErrorList
	if !errors.As(err, &list) || len(list) != 1 || list[0].Item != "article[2].ear" || list[0].Pos.Line != 9 ||
		!strings.Contains(list[0].Msg, "want a shorter name or logo, or ear = false") {
		t.Errorf("error %v, want one at p.toml:9:7 article[2].ear", err)
	}
}
