// Package furniture sets what a page carries besides its articles: the running head
// (报眉) over pages 2 and on, page 1's masthead (报头) with its logo, info column and
// the cells of its 报眼, and the rules between modules.
//
// It works from the issue's page facts, the grid and the modules' cells, and returns
// placed lines, rules and the logo as values; it places no article, not even the one
// in the 报眼: it only says where that is.
package furniture

import (
	"fmt"

	"broadsheet/fonts"
	"broadsheet/issues"
	"broadsheet/layout/calendar"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/lines"
	"broadsheet/layout/place"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// Set is the furniture of a page: lines of text where they land, and rules.
type Set struct {
	Lines []place.Line
	Rules []display.Rule
	// Images holds the masthead's logo, when the issue gives a picture; Forms holds
	// it when the issue gives a PDF.
	Images []display.Image
	Forms  []display.Form
	// Missing lists the characters of the paper's name, section and editor that no
	// embedded face has.
	Missing []text.Missing
	// Cut lists the furniture text that did not fit even at its smallest size.
	Cut []Cut
	// EmptyEar is the free part of page 1's masthead band when no item has ear = true:
	// columns the 报眼 could fill, left white. Empty otherwise.
	EmptyEar geom.Cells
}

// Cut is furniture text that does not fit its room at the smallest size the sheet
// allows: its last characters are left out rather than drawn over other text or off
// the page.
type Cut struct {
	Item string      // the input it comes from: "newspaper", "section" or "editor"
	Text string      // the whole text
	Lost int         // characters left out
	Size geom.Length // the size it is set at
}

// ChineseDate formats a date as a Chinese paper prints it: 2023年11月21日 星期二.
func ChineseDate(d issues.Date) string {
	y, m, day := d.Year, int(d.Month), d.Day
	return calendar.Gregorian(y, m, day) + " " + calendar.Weekday(y, m, day)
}

// Page sets the page's running head, or its masthead across its first mast lines.
func Page(iss *issues.Issue, g grid.Grid, sheet *style.Sheet, st *text.Setter, mast int) Set {
	var s Set
	if mast > 0 {
		s.masthead(iss, g, sheet, st, mast)
	} else {
		s.runningHead(iss, g, sheet, st)
	}
	f := &sheet.Faces
	for _, c := range []struct {
		item, text string
		face       fonts.ID
	}{{"newspaper", iss.Newspaper, f.PaperName}, {"section", iss.Section, f.HeadSection}, {"editor", iss.Editor, f.HeadInfo}} {
		s.Missing = append(s.Missing, st.MissingIn(-1, c.item, "", c.text, c.face)...)
	}
	return s
}

// runningHead sets the 报眉 above the type area: the paper's name in the centre, the
// date at the inner edge, page number and section at the outer edge (right on odd
// pages, left on even ones), the editor beside the date, and a thick and a thin rule.
func (s *Set) runningHead(iss *issues.Issue, g grid.Grid, sheet *style.Sheet, st *text.Setter) {
	rh, f := &sheet.Running, &sheet.Faces
	y := g.HeadBaseline
	inner := ChineseDate(iss.Date)
	if iss.Editor != "" {
		inner += "　责任编辑　" + iss.Editor
	}
	outer := fmt.Sprintf("第%d版", iss.PageNo)
	if iss.Section != "" {
		outer = iss.Section + "　" + outer
		if iss.PageNo%2 == 0 {
			outer = fmt.Sprintf("第%d版　%s", iss.PageNo, iss.Section)
		}
	}
	left, right := inner, outer
	if iss.PageNo%2 == 0 {
		left, right = outer, inner
	}
	leftItem, rightItem := "editor", "section"
	if iss.PageNo%2 == 0 {
		leftItem, rightItem = rightItem, leftItem
	}
	name := s.fitted(st, "newspaper", iss.Newspaper, f.PaperName, rh.Name, rh.Floor, g.Area.W/2)
	side := (g.Area.W-name.width())/2 - rh.Gap
	l := s.fitted(st, leftItem, left, f.HeadInfo, rh.Info, rh.Floor, side)
	r := s.fitted(st, rightItem, right, f.HeadSection, rh.Info, rh.Floor, side)
	s.place(l, g.Area.X, y, alignLeft)
	s.place(name, g.Area.X+g.Area.W/2, y, alignCentre)
	s.place(r, g.Area.Right(), y, alignRight)
	s.rule(g.Area.X, g.HeadRule, g.Area.Right(), rh.Thick)
	s.rule(g.Area.X, g.HeadRule+rh.RuleGap, g.Area.Right(), rh.Thin)
}

// wholePoints rounds a size down to whole points.
func wholePoints(l geom.Length) geom.Length { return l / geom.Point * geom.Point }

// oneLineEm is a measure, in em, wider than any line of furniture: each is set on one
// line, and fitted measures it.
const oneLineEm = 10000

// Alignments of a furniture line at its x.
const (
	alignLeft = iota
	alignCentre
	alignRight
)

// setText is one line of furniture text as set.
type setText struct {
	lines []lines.Line
	size  geom.Length
}

func (t setText) width() geom.Length {
	if len(t.lines) == 0 {
		return 0
	}
	return t.lines[0].Width
}

// fitted sets t on one line at size, or smaller down the 号 scale to floor so that it
// fits room; past the floor, its last characters are left out and recorded as Cut.
func (s *Set) fitted(st *text.Setter, item, t string, id fonts.ID, size, floor, room geom.Length) setText {
	if t == "" {
		return setText{size: size}
	}
	for _, sz := range sizes(st.Sheet, size, floor) {
		if set := oneLine(st, t, id, sz); set.width() <= room {
			return set
		}
	}
	rs := []rune(t)
	keep := len(rs)
	for keep > 0 && oneLine(st, string(rs[:keep]), id, floor).width() > room {
		keep--
	}
	s.Cut = append(s.Cut, Cut{Item: item, Text: t, Lost: len(rs) - keep, Size: floor})
	return oneLine(st, string(rs[:keep]), id, floor)
}

// sizes lists size, then the 号 sizes below it down to floor, then floor.
func sizes(sheet *style.Sheet, size, floor geom.Length) []geom.Length {
	out := []geom.Length{size}
	for _, h := range geom.HaoScale() {
		if h.Size < size && h.Size > floor {
			out = append(out, h.Size)
		}
	}
	return append(out, floor)
}

// oneLine sets t on one line at size.
func oneLine(st *text.Setter, t string, id fonts.ID, size geom.Length) setText {
	set := lines.Compose([]lines.Span{{Text: t, Font: st.Faces.Font(id)}}, lines.Options{Width: size * oneLineEm, Size: size})
	return setText{lines: set.Lines[:min(1, len(set.Lines))], size: size}
}

// place puts a set line at x (its left edge, centre or right edge) on baseline y.
func (s *Set) place(t setText, x, y geom.Length, align int) {
	for _, l := range t.lines {
		s.Lines = append(s.Lines, place.Line{Line: l, X: x - l.Width*geom.Length(align)/2, Y: y, Size: t.size})
	}
}

// rule adds a black rule across from x1 to x2 at y.
func (s *Set) rule(x1, y, x2, width geom.Length) {
	s.Rules = append(s.Rules, display.Rule{X1: x1, Y1: y, X2: x2, Y2: y, Width: width, Color: display.Black})
}
