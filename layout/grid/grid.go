// Package grid is the type area (版心) of a page: its basic columns and its baseline
// grid, computed from the issue's format and the style sheet. Every body line on the
// page sits on one of its baselines; every module is whole columns × whole lines.
//
// It converts grid cells to page lengths and nothing else: it decides no placement.
package grid

import (
	"broadsheet/issues"
	"broadsheet/layout/geom"
	"broadsheet/layout/style"
)

// Grid is the type area and its columns and baseline grid.
type Grid struct {
	Page geom.Rect // the whole page
	// Area is the type area: Columns basic columns and Lines body lines.
	Area        geom.Rect
	Columns     int
	ColumnChars int
	Lines       int
	Body        geom.Length // body type size: one character
	Leading     geom.Length // baseline to baseline
	// Ascent is the top of the body face's em box above its baseline, in 1/1000 em.
	Ascent int
	// HeadBaseline is the baseline of the running head above the type area, and
	// HeadRule the y of the rule under it.
	HeadBaseline, HeadRule geom.Length
}

// New computes the grid of a page format; ascent is the body face's em-box top
// above the baseline, in 1/1000 em.
func New(f issues.Format, st *style.Grid, ascent int) Grid {
	g := Grid{
		Page:        geom.Rect{W: f.Width, H: f.Height},
		Columns:     f.Columns,
		ColumnChars: f.ColumnChars,
		Body:        f.BodySize,
		Leading:     f.Leading,
		Ascent:      ascent,
	}
	width := g.SpanWidth(g.Columns)
	height := f.TypeHeight
	if height == 0 {
		height = geom.Max(f.Height-st.TypeMargin, f.Height/2)
	}
	height = geom.Min(height, f.Height-2*st.MinMargin-st.HeadSpace)
	g.Lines = max(1, int((height+g.Leading-g.Body)/g.Leading))
	used := g.Leading*geom.Length(g.Lines-1) + g.Body
	top := (f.Height-used-st.HeadSpace)/2 + st.HeadSpace
	g.Area = geom.Rect{X: (f.Width - width) / 2, Y: top, W: width, H: used}
	g.HeadRule = top - st.HeadRuleShare.Of(st.HeadSpace)
	g.HeadBaseline = g.HeadRule - st.HeadBaselineAbove
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
func (g Grid) Baseline(i int) geom.Length { return g.LineTop(i) + geom.Em(g.Ascent, g.Body) }

// Rect returns the page rectangle of cells: from the top of its first line's em box to
// the bottom of its last line's em box.
func (g Grid) Rect(c geom.Cells) geom.Rect {
	return geom.Rect{
		X: g.ColumnX(c.Column), Y: g.LineTop(c.Line),
		W: g.SpanWidth(c.Columns), H: g.Leading*geom.Length(c.Lines-1) + g.Body,
	}
}

// Cells is the whole type area as grid cells.
func (g Grid) Cells() geom.Cells { return geom.Cells{Columns: g.Columns, Lines: g.Lines} }
