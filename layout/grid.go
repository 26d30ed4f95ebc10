// Package layout turns an issue's model into a page: the grid of the type area, the
// running head, the setting of every article (headline block, photos, body columns)
// and their modules on the page, chosen by the plan package. Its output is a Page of
// absolutely positioned items and a Report of what went where.
//
// Layout is pure: model and font metrics in, page out. It does no I/O and knows no
// PDF; the lines package sets the text, the plan package searches the modules, and
// the pdf package draws the result.
package layout

import (
	"broadsheet/issues"
	"broadsheet/layout/geom"
)

// Grid is the type area (版心) and its columns and baseline grid. Every body line on the
// page sits on one of its baselines; every module is whole columns × whole lines.
type Grid struct {
	Page geom.Rect // the whole page
	// Area is the type area: Columns basic columns and Lines body lines.
	Area        geom.Rect
	Columns     int
	ColumnChars int
	Lines       int
	Body        geom.Length // body type size: one character
	Leading     geom.Length // baseline to baseline
	// HeadBaseline is the baseline of the running head above the type area, and
	// HeadRule the y of the rule under it.
	HeadBaseline, HeadRule geom.Length
}

// Vertical proportions of the page, from a broadsheet's 545 mm page and 490 mm type area.
var (
	headSpace  = geom.Mm(10) // running head and its rule above the type area
	minMargin  = geom.Mm(10) // the least white at any page edge
	typeMargin = geom.Mm(55) // page height − default type area height
	emAscent   = 880         // ideographic em box top above the baseline, 1/1000 em
)

// NewGrid computes the grid of a page format.
func NewGrid(f issues.Format) Grid {
	g := Grid{
		Page:        geom.Rect{W: f.Width, H: f.Height},
		Columns:     f.Columns,
		ColumnChars: f.ColumnChars,
		Body:        f.BodySize,
		Leading:     f.Leading,
	}
	width := g.SpanWidth(g.Columns)
	height := f.TypeHeight
	if height == 0 {
		height = geom.Max(f.Height-typeMargin, f.Height/2)
	}
	height = geom.Min(height, f.Height-2*minMargin-headSpace)
	g.Lines = max(1, int((height+g.Leading-g.Body)/g.Leading))
	used := g.Leading*geom.Length(g.Lines-1) + g.Body
	top := (f.Height-used-headSpace)/2 + headSpace
	g.Area = geom.Rect{X: (f.Width - width) / 2, Y: top, W: width, H: used}
	g.HeadRule = top - headSpace/3
	g.HeadBaseline = g.HeadRule - geom.Mm(2.5)
	return g
}

// ColumnWidth is the width of one basic column.
func (g Grid) ColumnWidth() geom.Length { return g.Body * geom.Length(g.ColumnChars) }

// SpanWidth is the width of n basic columns and the n−1 gutters between them.
func (g Grid) SpanWidth(n int) geom.Length {
	if n <= 0 {
		return 0
	}
	return g.ColumnWidth()*geom.Length(n) + g.Body*geom.Length(n-1)
}

// ColumnX is the left edge of basic column i (0-based).
func (g Grid) ColumnX(i int) geom.Length {
	return g.Area.X + (g.ColumnWidth()+g.Body)*geom.Length(i)
}

// LineTop is the top of line slot i (0-based): the top of its em box.
func (g Grid) LineTop(i int) geom.Length { return g.Area.Y + g.Leading*geom.Length(i) }

// Baseline is the baseline of body line i (0-based).
func (g Grid) Baseline(i int) geom.Length { return g.LineTop(i) + geom.Em(emAscent, g.Body) }

// Rect returns the page rectangle of a module of whole columns and lines: from the top
// of its first line's em box to the bottom of its last line's em box.
func (g Grid) Rect(column, columns, line, lines int) geom.Rect {
	return geom.Rect{
		X: g.ColumnX(column), Y: g.LineTop(line),
		W: g.SpanWidth(columns), H: g.Leading*geom.Length(lines-1) + g.Body,
	}
}
