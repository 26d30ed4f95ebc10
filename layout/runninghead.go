package layout

import (
	"fmt"

	"broadsheet/fonts"
	"broadsheet/issues"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/lines"
)

var weekdays = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// chineseDate formats a date as a Chinese paper prints it: 2023年11月21日 星期二.
func chineseDate(d issues.Date) string {
	return fmt.Sprintf("%d年%d月%d日 %s", d.Year, int(d.Month), d.Day, weekdays[d.Weekday()])
}

// runningHead draws the 报眉 above the type area: the paper's name in the centre, the
// date at the inner edge, page number and section at the outer edge (right on odd
// pages, left on even ones), the editor beside the date, and a thick and a thin rule.
func runningHead(iss *issues.Issue, g Grid, items []display.Item) []display.Item {
	small, name := geom.Pt(10.5), geom.Pt(14)
	y := g.HeadBaseline
	inner := chineseDate(iss.Date)
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
	items = appendHeadText(items, left, face(fonts.Song), small, g.Area.X, y, 0)
	items = appendHeadText(items, iss.Newspaper, face(fonts.SongBold), name, g.Area.X+g.Area.W/2, y, 1)
	items = appendHeadText(items, right, face(fonts.Hei), small, g.Area.Right(), y, 2)
	thick, thin := geom.Pt(1.2), geom.Pt(0.4)
	return append(items,
		&display.Rule{X1: g.Area.X, Y1: g.HeadRule, X2: g.Area.Right(), Y2: g.HeadRule, Width: thick, Color: display.Black},
		&display.Rule{X1: g.Area.X, Y1: g.HeadRule + geom.Pt(2), X2: g.Area.Right(), Y2: g.HeadRule + geom.Pt(2), Width: thin, Color: display.Black})
}

// appendHeadText sets one line of the running head at x: its left edge (align 0), its
// centre (1) or its right edge (2).
func appendHeadText(items []display.Item, text string, f face, size, x, y geom.Length, align int) []display.Item {
	if text == "" {
		return items
	}
	set := lines.Compose([]lines.Span{{Text: text, Font: f}}, lines.Options{Width: size * 200, Size: size})
	for _, l := range set.Lines {
		items = appendLine(items, l, x-l.Width*geom.Length(align)/2, y, size)
	}
	return items
}
