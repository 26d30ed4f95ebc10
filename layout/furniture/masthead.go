package furniture

import (
	"fmt"

	"broadsheet/issues"
	"broadsheet/layout/calendar"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// MastheadLines is the number of type-area lines the masthead takes on page 1; every
// other page has a running head above the type area instead, and 0 here. A band with
// a 报眼 is taller, to hold the ear's headline and some of its text.
func MastheadLines(iss *issues.Issue, g grid.Grid, sheet *style.Sheet) int {
	if iss.PageNo != 1 {
		return 0
	}
	m := &sheet.Mast
	height := m.Height
	if iss.Masthead.Ear != nil {
		height = m.EarHeight
	}
	return min(int(m.MaxShare.Of(geom.Length(g.Lines))), max(m.MinLines, int((height+g.Leading-1)/g.Leading)))
}

// Ear returns the cells of the 报眼 on page 1: the whole columns of the masthead band
// between the paper's name (or logo) and the info column, across the band's lines.
// They are empty when no item has ear = true; when the band has no column to spare,
// the error is an issues.ErrorList at the ear.
func Ear(iss *issues.Issue, g grid.Grid, sheet *style.Sheet, st *text.Setter, mast int) (geom.Cells, error) {
	e := iss.Masthead.Ear
	if mast == 0 || e == nil {
		return geom.Cells{}, nil
	}
	var scratch Set
	b := scratch.band(iss, g, sheet, st, mast)
	if b.free.Columns == 0 {
		var errs issues.ErrorList
		errs.Add(e.Pos, e.Item()+".ear", "the masthead band has no column free for the 报眼 between the paper's name (it ends at %v) and the info column (%v wide); want a shorter name or logo, or ear = false",
			b.right-g.Area.X, b.infoWidth)
		return geom.Cells{}, errs.Err()
	}
	return b.free, nil
}

// band is the layout of page 1's masthead band, left to right: the name or logo, the
// free part (the 报眼), the info column.
type band struct {
	top, bottom geom.Length // the band's first line's top and last line's foot
	name        setText     // the typeset name, when there is no logo
	logo        geom.Rect   // the logo's frame, when there is one
	right       geom.Length // where the name or logo ends
	info        []setText   // date, 农历, page, issue number, 刊号, editor
	infoWidth   geom.Length // the widest info line
	infoX       geom.Length // the info part's left edge
	free        geom.Cells  // the whole columns between; empty when there are none
}

// band lays the masthead band out: the name at its size, or up to NameGive smaller
// when that frees a column; the info column as narrow as its widest line allows; the
// columns between them free for the 报眼.
func (s *Set) band(iss *issues.Issue, g grid.Grid, sheet *style.Sheet, st *text.Setter, lines int) band {
	m := &sheet.Mast
	b := band{top: g.LineTop(0), bottom: g.LineTop(lines-1) + g.Body}
	s.nameOrLogo(&b, iss, g, sheet, st)
	info := infoLines(iss)
	size := infoSize(b.bottom-b.top, len(info), m)
	for _, t := range info {
		set := s.fitted(st, t.item, t.text, sheet.Faces.HeadSection, size, m.InfoFloor, g.Area.W/2)
		b.info = append(b.info, set)
		b.infoWidth = geom.Max(b.infoWidth, set.width())
	}
	first := firstColumnAfter(g, b.right+m.Gap)
	infoCols := 1
	for infoCols < g.Columns && g.Area.Right()-g.ColumnX(g.Columns-infoCols) < b.infoWidth+m.Gap {
		infoCols++
	}
	b.infoX = g.ColumnX(g.Columns - infoCols)
	if n := g.Columns - infoCols - first; n > 0 {
		b.free = geom.Cells{Column: first, Columns: n, Lines: lines}
	}
	return b
}

// infoSize is the size of n info lines in a band of height: the sheet's, or smaller
// so that they keep InfoPitch, but not under the floor.
func infoSize(height geom.Length, n int, m *style.Masthead) geom.Length {
	fits := height.Scale(m.InfoPitch.Den, int64(n-1)*m.InfoPitch.Num+m.InfoPitch.Den)
	return geom.Max(m.InfoFloor, geom.Min(m.Info, fits/(geom.Point/2)*(geom.Point/2)))
}

// firstColumnAfter is the first basic column starting at or right of x.
func firstColumnAfter(g grid.Grid, x geom.Length) int {
	c := 0
	for c < g.Columns && g.ColumnX(c) < x {
		c++
	}
	return c
}

// logoAspect is the logo's width and height in any one unit: a PDF's page size, or a
// picture's pixels.
func logoAspect(ms issues.Masthead) (w, h int64) {
	if ms.LogoPDF != nil {
		return int64(ms.LogoPDF.Width), int64(ms.LogoPDF.Height)
	}
	return int64(ms.LogoWidth), int64(ms.LogoHeight)
}

// nameOrLogo sizes the paper's name, or its logo, at the band's left: NameShare of
// the band's height, at most NameWidth of the type area's width, and with a 报眼 up to
// NameGive smaller when that ends it a column sooner.
func (s *Set) nameOrLogo(b *band, iss *issues.Issue, g grid.Grid, sheet *style.Sheet, st *text.Setter) {
	m := &sheet.Mast
	height := b.bottom - b.top
	maxW := m.NameWidth.Of(g.Area.W)
	if ms := iss.Masthead; ms.Logo != "" {
		lw, lh := logoAspect(ms)
		h := m.NameShare.Of(height)
		w := h.Scale(lw, lh)
		if w > maxW {
			w, h = maxW, maxW.Scale(lh, lw)
		}
		if to := snapToColumn(g, w, m); ms.Ear != nil && to < w && to >= m.NameGive.Of(w) {
			w, h = to, h.Scale(int64(to), int64(w))
		}
		b.logo = geom.Rect{X: g.Area.X, Y: b.top + (height-h)/2, W: w, H: h}
		b.right = g.Area.X + w
		return
	}
	f := sheet.Faces.PaperName
	b.name = s.fitted(st, "newspaper", iss.Newspaper, f, wholePoints(m.NameShare.Of(height)), m.NameFloor.Of(height), maxW)
	if w := b.name.width(); w > 0 && iss.Masthead.Ear != nil {
		if to := snapToColumn(g, w, m); to < w && to >= m.NameGive.Of(w) {
			b.name = oneLine(st, iss.Newspaper, f, wholePoints(b.name.size.Scale(int64(to), int64(w))))
		}
	}
	b.right = g.Area.X + b.name.width()
}

// snapToColumn is the widest a name of width w may be to end, with the gap after it,
// one column sooner than it does: the left edge of the column it reaches, less the gap.
func snapToColumn(g grid.Grid, w geom.Length, m *style.Masthead) geom.Length {
	c := firstColumnAfter(g, g.Area.X+w+m.Gap)
	if c <= 1 {
		return w
	}
	return g.ColumnX(c-1) - g.Area.X - m.Gap
}

// infoLine is one line of the masthead's info column and the input it comes from.
type infoLine struct{ item, text string }

// infoLines lists what the info column says, top to bottom: the date, the 农历 date,
// the page and section with 今日 N 版, 总第 N 期, the 国内统一刊号, the editor.
func infoLines(iss *issues.Issue) []infoLine {
	ms := &iss.Masthead
	out := []infoLine{{"date", ChineseDate(iss.Date)}}
	if ms.Lunar {
		out = append(out, infoLine{"masthead.lunar", LunarLine(iss.Date)})
	}
	page := fmt.Sprintf("第%d版", iss.PageNo)
	if iss.Section != "" {
		page += "　" + iss.Section
	}
	if ms.Pages > 0 {
		page += fmt.Sprintf("　今日%d版", ms.Pages)
	}
	out = append(out, infoLine{"section", page})
	if ms.IssueNumber > 0 {
		out = append(out, infoLine{"masthead.issue_number", fmt.Sprintf("总第%d期", ms.IssueNumber)})
	}
	if ms.CN != "" {
		out = append(out, infoLine{"masthead.cn", "国内统一刊号　" + ms.CN})
	}
	if iss.Editor != "" {
		out = append(out, infoLine{"editor", "责任编辑　" + iss.Editor})
	}
	return out
}

// LunarLine is the masthead's 农历 line for a day: 农历癸卯年十月初九. A day outside
// the calendar's table gives an empty line; the decoder refuses lunar = true for it.
func LunarLine(d issues.Date) string {
	l, err := calendar.Lunar(d.Year, int(d.Month), d.Day)
	if err != nil {
		return ""
	}
	return "农历" + l.String()
}

// masthead sets page 1's 报头 across the first lines of the type area: the name or
// logo at the left, the info column at the right, centred in its columns and spread
// over the band's height, thin rules either side of the 报眼 when an article stands
// there, and a thick and a thin rule under the band, in the gap line before the
// articles.
func (s *Set) masthead(iss *issues.Issue, g grid.Grid, sheet *style.Sheet, st *text.Setter, lines int) {
	m := &sheet.Mast
	b := s.band(iss, g, sheet, st, lines)
	if ms := iss.Masthead; ms.LogoPDF != nil {
		s.Forms = append(s.Forms, display.Form{Path: ms.Logo, Frame: b.logo})
	} else if ms.Logo != "" {
		s.Images = append(s.Images, display.Image{Path: ms.Logo, PixelWidth: ms.LogoWidth, PixelHeight: ms.LogoHeight,
			Frame: b.logo, Placed: b.logo})
	} else {
		s.place(b.name, g.Area.X, b.top+(b.bottom-b.top-b.name.size)/2+geom.Em(g.Ascent, b.name.size), alignLeft)
	}
	s.infoColumn(b, g, m)
	y := (b.bottom + g.LineTop(lines+1)) / 2
	switch e := iss.Masthead.Ear; {
	case e == nil:
		s.EmptyEar = b.free
	case !e.Block && b.free.Columns > 0: // a block has its own frame or picture edge
		for _, x := range []geom.Length{g.ColumnX(b.free.Column), g.ColumnX(b.free.Right())} {
			s.Rules = append(s.Rules, display.Rule{X1: x - g.Body/2, Y1: b.top, X2: x - g.Body/2, Y2: y - m.ThickAbove,
				Width: sheet.Rules.Thin, Color: display.Black})
		}
	}
	s.rule(g.Area.X, y-m.ThickAbove, g.Area.Right(), m.Thick)
	s.rule(g.Area.X, y+m.ThinBelow, g.Area.Right(), m.Thin)
}

// infoColumn sets the info lines centred in the info part, the first one's top at
// the band's top and the last one's baseline near its foot, at an even pitch; a band
// too low for them at InfoPitch sets them smaller, down to the floor.
func (s *Set) infoColumn(b band, g grid.Grid, m *style.Masthead) {
	n := len(b.info)
	if n == 0 {
		return
	}
	height := b.bottom - b.top
	centre := (b.infoX + g.Area.Right()) / 2
	size := b.info[0].size
	for _, t := range b.info {
		size = geom.Max(size, t.size)
	}
	pitch := geom.Length(0)
	if n > 1 {
		pitch = (height - size) / geom.Length(n-1)
	}
	top := b.top
	if most := m.InfoPitch.Of(size) * 2; pitch > most {
		top += (pitch - most) * geom.Length(n-1) / 2
		pitch = most
	}
	for i, t := range b.info {
		y := top + pitch*geom.Length(i) + geom.Em(g.Ascent, size)
		s.place(t, centre-t.width()/2, y, alignLeft)
	}
}
