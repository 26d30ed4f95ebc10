package layout

import (
	"fmt"

	"broadsheet/fonts"
	"broadsheet/issues"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
)

// mastheadHeight is about how tall page 1's masthead (报头) is.
var mastheadHeight = geom.Mm(32)

// mastheadLines is the number of type-area lines the masthead takes on page 1; every
// other page has a running head above the type area instead, and 0 here.
func mastheadLines(iss *issues.Issue, g Grid) int {
	if iss.PageNo != 1 {
		return 0
	}
	return min(g.Lines/3, max(4, int((mastheadHeight+g.Leading-1)/g.Leading)))
}

// masthead draws page 1's 报头 across the first lines of the type area: the paper's
// name large at the left, the date, page, section and editor at the right, and a
// thick and a thin rule under it, in the gap line before the articles.
func masthead(iss *issues.Issue, g Grid, lines int, items []display.Item) []display.Item {
	top, bottom := g.LineTop(0), g.LineTop(lines-1)+g.Body
	band := bottom - top
	size := mastheadSize(iss.Newspaper, band, g.Area.W)
	base := top + (band-size)/2 + geom.Em(emAscent, size)
	items = appendHeadText(items, iss.Newspaper, face(fonts.SongBold), size, g.Area.X, base, 0)
	info := []string{chineseDate(iss.Date), fmt.Sprintf("第%d版", iss.PageNo)}
	if iss.Section != "" {
		info[1] += "　" + iss.Section
	}
	if iss.Editor != "" {
		info = append(info, "责任编辑　"+iss.Editor)
	}
	small := geom.Pt(10.5)
	step := band / geom.Length(len(info)+1)
	for i, text := range info {
		y := top + step*geom.Length(i+1) + small/3
		items = appendHeadText(items, text, face(fonts.Hei), small, g.Area.Right(), y, 2)
	}
	y := (bottom + g.LineTop(lines+1)) / 2
	return append(items,
		&display.Rule{X1: g.Area.X, Y1: y - geom.Pt(1.2), X2: g.Area.Right(), Y2: y - geom.Pt(1.2), Width: geom.Pt(1.6), Color: display.Black},
		&display.Rule{X1: g.Area.X, Y1: y + geom.Pt(1), X2: g.Area.Right(), Y2: y + geom.Pt(1), Width: geom.Pt(0.4), Color: display.Black})
}

// mastheadSize is the size of the paper's name: four fifths of the band's height, or
// less so that the name takes at most half the type area's width.
func mastheadSize(name string, band, width geom.Length) geom.Length {
	size := band * 4 / 5
	if n := geom.Length(len([]rune(name))); n > 0 {
		size = geom.Min(size, width/2/n)
	}
	return size / geom.Point * geom.Point // whole points
}
