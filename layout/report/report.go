// Package report says what became of a page: where every article went, what did not
// fit, and what a person should look at. It is plain data, ready for JSON, built from
// the placement's values after the page is set — nothing in it is recorded while
// drawing — and it formats itself for golden dumps.
package report

import (
	"math"

	"broadsheet/issues"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
)

// Report says what became of a page: where every article went, what did not fit, and
// what a person should look at. It is plain data, ready for JSON.
type Report struct {
	// Page is the page number (版次).
	Page int `json:"page"`
	// WidthMm and HeightMm are the page size; Grid the type area's grid.
	WidthMm  float64    `json:"width_mm"`
	HeightMm float64    `json:"height_mm"`
	Grid     GridReport `json:"grid"`
	// Articles in the order of the issue file.
	Articles []ArticleReport `json:"articles"`
	// Blocks are the advertisements and notices, in the order of the issue file.
	Blocks []BlockReport `json:"blocks,omitempty"`
	// Fill is the share of the type area's grid cells (column × line) that hold
	// something: text, a headline, a photo, a rule. EmptyLines counts the empty cells
	// in body lines of one basic column.
	Fill       float64      `json:"fill"`
	EmptyLines int          `json:"empty_lines"`
	Empty      []geom.Cells `json:"empty,omitempty"`
	Warnings   []Warning    `json:"warnings,omitempty"`
}

// GridReport describes the type area's grid; the _pt fields place it on the page, in
// points from the top-left corner, for tools that check the PDF against the grid.
type GridReport struct {
	Columns     int     `json:"columns"`
	Lines       int     `json:"lines"`
	ColumnChars int     `json:"column_chars"`
	BodySize    string  `json:"body_size"`
	Leading     string  `json:"leading"`
	XPt         float64 `json:"x_pt"`
	YPt         float64 `json:"y_pt"`
	ColumnPt    float64 `json:"column_pt"`
	GutterPt    float64 `json:"gutter_pt"`
	LeadingPt   float64 `json:"leading_pt"`
}

// ArticleReport is what became of one article.
type ArticleReport struct {
	Index        int           `json:"index"` // 0-based, as in article[N]
	Headline     string        `json:"headline"`
	Module       *geom.Cells   `json:"module"` // nil when the page has no room for the article
	Pinned       bool          `json:"pinned,omitempty"`
	HeadlineSize string        `json:"headline_size"`          // e.g. "26pt"
	HeadlineHao  string        `json:"headline_hao,omitempty"` // e.g. "一号"
	Photos       []PhotoReport `json:"photos,omitempty"`
	LinesSet     int           `json:"lines_set"` // body lines placed on the page
	// Legs are the body lines of each leg (column) of the article, in reading order.
	Legs []int `json:"legs,omitempty"`
	// HeadlineLines are the lines each headline layer is set in: kicker, headline,
	// subhead, those the article has.
	HeadlineLines []int `json:"headline_lines,omitempty"`
	// HeadLines are the body lines the headline block takes; HeadWhite, of those, the
	// lines of white beyond its set lines and the style's fixed gaps.
	HeadLines int      `json:"head_lines"`
	HeadWhite int      `json:"head_white"`
	Overset   *Overset `json:"overset,omitempty"`
	// Rank is the article's place in the page's order of importance, 0 for the lead.
	Rank int `json:"rank"`
	// Jump says where a jumped story was cut; nil for a story set whole on its page.
	Jump *Jump `json:"jump,omitempty"`
	// ContinuedFrom is, for the rest of a story begun on another page (上接), that
	// page; Item then names the story in its own file.
	ContinuedFrom int    `json:"continued_from,omitempty"`
	Item          string `json:"item,omitempty"`
}

// Jump is where a jumped story (转版) was cut.
type Jump struct {
	Page int `json:"page"` // the page the rest continues on
	// Characters are the body's characters set on this page, Continued those set on
	// the other (the byline with them).
	Characters int `json:"characters"`
	Continued  int `json:"characters_continued"`
	// Paragraph (0-based) and Offset (characters into it, as the file gives it) are
	// where the rest begins.
	Paragraph int `json:"paragraph"`
	Offset    int `json:"offset"`
	// Bold says the rest begins inside a bold run-in.
	Bold bool `json:"bold,omitempty"`
}

// BlockReport is where an advertisement or notice went.
type BlockReport struct {
	Index  int        `json:"index"` // 0-based, as in block[N]
	Kind   string     `json:"kind"`  // "ad" or "notice"
	File   string     `json:"file,omitempty"`
	Module geom.Cells `json:"module"`
}

// PhotoReport is where one photo went and how sharp it prints.
type PhotoReport struct {
	Frame       geom.Cells `json:"frame"`
	Placeholder bool       `json:"placeholder,omitempty"`
	// PPI is the effective resolution of the picture in its frame; 0 for a placeholder.
	PPI float64 `json:"ppi,omitempty"`
}

// Overset is text that did not fit.
type Overset struct {
	Characters int `json:"characters"`
	Lines      int `json:"lines"`
}

// Warning kinds.
const (
	WarnOverset       = "overset"
	WarnMissingGlyph  = "missing-glyph"
	WarnLowResolution = "low-resolution"
	WarnEmptySpace    = "empty-space"
	WarnWordSplit     = "word-split"
	WarnJumpUnneeded  = "jump-unneeded"
)

// Warning is something about a page that a person should look at.
type Warning struct {
	Kind    string `json:"kind"`
	Article int    `json:"article"` // 0-based; -1 when the page as a whole
	// Item names the input, e.g. "article[2].photo[0]"; Pos is where the article
	// starts in the issue file (file:line:col), for warnings about an article.
	Item    string `json:"item,omitempty"`
	Pos     string `json:"pos,omitempty"`
	Message string `json:"message"`
	// Attention is true when the page should not go to print without a person's look:
	// overset text and characters no font has. The command exits 1 for these.
	Attention bool `json:"attention"`
}

// NeedsAttention reports whether any warning needs a person before print.
func (r *Report) NeedsAttention() bool {
	for _, w := range r.Warnings {
		if w.Attention {
			return true
		}
	}
	return false
}

// ModuleString formats the article's module, or "none" when the page had no room for it.
func (a ArticleReport) ModuleString() string {
	if a.Module == nil {
		return "none"
	}
	return a.Module.String()
}

// newReport starts the report of a page.
func newReport(iss *issues.Issue, g grid.Grid) *Report {
	return &Report{
		Page: iss.PageNo, WidthMm: round2(g.Page.W.Millimetres()), HeightMm: round2(g.Page.H.Millimetres()),
		Grid: GridReport{Columns: g.Columns, Lines: g.Lines, ColumnChars: g.ColumnChars,
			BodySize: g.Body.String(), Leading: g.Leading.String(),
			XPt: round3(g.Area.X.Points()), YPt: round3(g.Area.Y.Points()),
			ColumnPt: round3(g.ColumnWidth().Points()), GutterPt: round3(g.Body.Points()),
			LeadingPt: round3(g.Leading.Points())},
	}
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
func round4(v float64) float64 { return math.Round(v*10000) / 10000 }
