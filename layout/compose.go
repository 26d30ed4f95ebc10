// Package layout turns an issue's model into a page. It runs the stages in the order
// the data flows, each in its own package:
//
//	grid       the type area's columns and baselines, from the format
//	text       body, headline blocks and captions set by the line composer (lines)
//	fit        what each article costs in every module size
//	place      fixed blocks, the plan's tiling (plan), where each line and photo lands
//	furniture  running head or masthead, and the rules between modules
//	draw       placement values → the display list (display)
//	report     what went where, from the placement values
//
// Layout is pure: model and font metrics in, page and report out. It does no I/O and
// knows no PDF; the pdf package writes the display list.
package layout

import (
	"fmt"
	"path/filepath"
	"slices"

	"broadsheet/issues"
	"broadsheet/layout/display"
	"broadsheet/layout/draw"
	"broadsheet/layout/fit"
	"broadsheet/layout/furniture"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/place"
	"broadsheet/layout/report"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// Options are the layout's switches that do not come from the issue file.
type Options struct {
	// Sheet is the style sheet; nil means style.Default().
	Sheet *style.Sheet
}

// StyleSheet is the options' style sheet: Sheet, or the house style.
func (opt Options) StyleSheet() *style.Sheet {
	if opt.Sheet != nil {
		return opt.Sheet
	}
	def := style.Default()
	return &def
}

// Compose lays out the page of an issue: it returns the page to draw and the report of
// what went where. A pin that cannot be honoured is an issues.ErrorList naming the
// pin's position in the file; everything else that needs a person (overset text,
// characters no font has, soft photos) is a warning in the report.
func Compose(iss *issues.Issue, opt Options) (*display.Page, *report.Report, error) {
	sheet := opt.StyleSheet()
	faces, err := text.LoadFaces()
	if err != nil {
		return nil, nil, err
	}
	g := grid.New(iss.Format, &sheet.Grid, faces.Ascent(sheet.Body))
	setter := text.NewSetter(iss.Format, g, sheet, faces)
	mast := furniture.MastheadLines(iss, g, sheet)
	ear, err := furniture.Ear(iss, g, sheet, setter, mast)
	if err != nil {
		return nil, nil, err
	}
	blocks, err := place.Blocks(iss, g, sheet, setter, mast, ear)
	if err != nil {
		return nil, nil, err
	}
	placed, err := place.Arrange(iss, g, sheet, prepare(iss, setter, g, sheet), blocks, mast, ear)
	if err != nil {
		return nil, nil, err
	}
	furn := furniture.Page(iss, g, sheet, setter, mast)
	page := drawPage(iss, g, sheet, faces, placed, furn, mast)
	return page, report.Build(iss, g, sheet, placed, furn), nil
}

// prepare sets the text of every article and readies it for fitting, each at its
// rank in the order of importance (Importance).
func prepare(iss *issues.Issue, st *text.Setter, g grid.Grid, sheet *style.Sheet) []*fit.Article {
	arts := make([]*fit.Article, len(iss.Articles))
	for r, i := range Importance(iss) {
		arts[i] = fit.New(st.Story(i, r, &iss.Articles[i]), g, sheet)
	}
	return arts
}

// Importance orders a page's articles by importance: the file's in the file's order,
// the continuations of stories from other pages inserted at their ranks, and the
// article in the 报眼 last — furniture beside the name, outside the order.
func Importance(iss *issues.Issue) []int {
	var order, cont []int
	ear := -1
	for i, a := range iss.Articles {
		switch e := iss.Masthead.Ear; {
		case e != nil && !e.Block && e.Index == i:
			ear = i
		case a.Continued != nil:
			cont = append(cont, i)
		default:
			order = append(order, i)
		}
	}
	slices.SortStableFunc(cont, func(a, b int) int { return iss.Articles[a].Continued.Rank - iss.Articles[b].Continued.Rank })
	last := -1
	for _, c := range cont {
		at := min(max(0, iss.Articles[c].Continued.Rank-1), len(order))
		if at <= last {
			at = last + 1
		}
		order, last = slices.Insert(order, at, c), at
	}
	if ear >= 0 {
		order = append(order, ear)
	}
	return order
}

// drawPage draws the furniture, the modules and the rules between them, and the
// debug overlay. The masthead's first mast lines have the masthead's own rules.
func drawPage(iss *issues.Issue, g grid.Grid, sheet *style.Sheet, faces *text.Faces, placed *place.Page, furn furniture.Set, mast int) *display.Page {
	d := draw.Drawer{Sheet: sheet, Ascent: faces.Ascent,
		Page: &display.Page{Width: g.Page.W, Height: g.Page.H, Meta: pageMeta(iss), Print: display.Print{
			Bleed: iss.Format.Bleed, Marks: iss.Format.Marks,
			OutputProfile: iss.Format.OutputProfile, OutputCondition: iss.Format.OutputProfileName}}}
	d.Lines(furn.Lines)
	d.Rules(furn.Rules)
	for i := range furn.Images {
		d.Page.Items = append(d.Page.Items, &furn.Images[i])
	}
	for i := range furn.Forms {
		d.Page.Items = append(d.Page.Items, &furn.Forms[i])
	}
	var cells, ruled, boxed []geom.Cells
	add := func(c geom.Cells) {
		cells = append(cells, c)
		if c.Line >= mast { // the 报眼, in the masthead band, has the masthead's rules
			ruled = append(ruled, c)
		}
	}
	for _, m := range placed.Modules {
		d.Module(m)
		add(m.Cells)
		if m.Placed() && m.Story.Boxed() {
			boxed = append(boxed, m.Cells)
		}
	}
	for _, b := range placed.Blocks {
		d.Block(b)
		add(b.Cells)
	}
	d.Rules(furniture.Rules(g, sheet, ruled, furn.Rules, boxed))
	d.Overlay(g, cells)
	return d.Page
}

// pageMeta names the page for the document information.
func pageMeta(iss *issues.Issue) display.Meta {
	return display.Meta{
		Title:     fmt.Sprintf("%s %s 第%d版", iss.Newspaper, furniture.ChineseDate(iss.Date), iss.PageNo),
		Newspaper: iss.Newspaper, Date: iss.Date.String(), PageNo: iss.PageNo, Section: iss.Section,
		Source: filepath.Base(iss.File),
	}
}

// Dump writes a page and its report as readable text, one line per thing: the page,
// the grid, each article's module, then every item in drawing order with its
// position. Golden tests compare dumps, so a change in layout shows up as a readable
// diff.
func Dump(p *display.Page, r *report.Report) string {
	return display.DumpHeader(p) + report.Dump(r) + display.DumpItems(p)
}
