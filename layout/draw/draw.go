// Package draw turns a page's placement and furniture into its display list: placed
// lines into text runs (characters no face has into empty boxes), photo frames into
// images or placeholder tints, rules into rules; and the --debug overlay of grid,
// baselines and module boxes.
//
// It decides nothing: every position comes from the placement values, and nothing
// here is recorded for the report.
package draw

import (
	"broadsheet/fonts"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/place"
	"broadsheet/layout/style"
)

// Colours of the debug overlay: grid and module boxes in cyan, baselines in magenta.
const (
	guide     = display.Color(100 << 24)
	guideLine = display.Color(60 << 16)
)

// Drawer draws onto one page with the page's style sheet and faces' ascents.
type Drawer struct {
	Sheet *style.Sheet
	// Ascent returns a face's em-box top above its baseline, in 1/1000 em.
	Ascent func(fonts.ID) int
	Page   *display.Page
}

// Lines draws placed lines.
func (d *Drawer) Lines(ls []place.Line) {
	for _, l := range ls {
		d.line(l)
	}
}

// Rules draws rules.
func (d *Drawer) Rules(rs []display.Rule) {
	for i := range rs {
		r := rs[i]
		d.Page.Items = append(d.Page.Items, &r)
	}
}

// Module draws an article's module: its box or tint, headline block, photos with
// their captions, body.
func (d *Drawer) Module(m *place.Module) {
	d.box(m)
	d.Lines(m.Heading)
	for k, p := range m.Photos {
		d.photo(m, k, p)
		d.Lines(p.Caption)
	}
	d.Lines(m.Text)
	for _, r := range m.Rules {
		d.Page.Items = append(d.Page.Items, &display.Rule{X1: r.X1, Y1: r.Y, X2: r.X2, Y2: r.Y, Width: d.Sheet.Rules.Thin, Color: display.Black})
	}
}

// Block draws an advertisement or notice: its PDF's page as a form, its picture, or
// a framed label.
func (d *Drawer) Block(b *place.Block) {
	if b.Block.PDF != nil {
		d.Page.Items = append(d.Page.Items, &display.Form{Path: b.Block.File, Frame: b.Picture})
		return
	}
	if b.Block.File != "" {
		d.Page.Items = append(d.Page.Items, &display.Image{Path: b.Block.File, PixelWidth: b.Block.PixelWidth,
			PixelHeight: b.Block.PixelHeight, Frame: b.Picture, Placed: b.Picture})
		return
	}
	d.Page.Items = append(d.Page.Items, &display.Frame{Rect: b.Frame, Width: d.Sheet.Blocks.Frame, Color: display.Black})
	d.Lines(b.Label)
}

// box draws the frame or tint of an article set in a box, around its module: a rule,
// a thick and a thin rule (文武线), or a tint of black under the text.
func (d *Drawer) box(m *place.Module) {
	if !m.Placed() || !m.Story.Boxed() {
		return
	}
	r, b := m.Frame, &d.Sheet.Boxes
	switch m.Story.Art.Box {
	case "tint":
		d.Page.Items = append(d.Page.Items, &display.Tint{Rect: r, Color: display.Gray(uint8(m.Story.Art.Tint))})
	case "double":
		d.Page.Items = append(d.Page.Items, &display.Frame{Rect: r, Width: b.Thick, Color: display.Black})
		in := geom.Rect{X: r.X + b.Apart, Y: r.Y + b.Apart, W: r.W - 2*b.Apart, H: r.H - 2*b.Apart}
		d.Page.Items = append(d.Page.Items, &display.Frame{Rect: in, Width: b.Thin, Color: display.Black})
	default:
		d.Page.Items = append(d.Page.Items, &display.Frame{Rect: r, Width: b.Thin, Color: display.Black})
	}
}

// photo draws photo k of m: the picture through its frame, or a grey placeholder.
func (d *Drawer) photo(m *place.Module, k int, p place.Photo) {
	if p.Placeholder {
		d.Page.Items = append(d.Page.Items, &display.Tint{Rect: p.Frame, Color: display.Gray(d.Sheet.Tints.Placeholder)})
		return
	}
	ph := m.Story.Art.Photos[k]
	d.Page.Items = append(d.Page.Items, &display.Image{Path: ph.File, PixelWidth: ph.PixelWidth, PixelHeight: ph.PixelHeight,
		Frame: p.Frame, Placed: p.Placed})
}

// line adds the runs of a placed line. Characters no face has are drawn as empty
// boxes, one em each.
func (d *Drawer) line(l place.Line) {
	for _, r := range l.Runs {
		if r.Face < 0 {
			d.missing(r.X, r.Spacing, r.Text, l)
			continue
		}
		d.Page.Items = append(d.Page.Items, &display.Text{Face: fonts.ID(r.Face), Size: l.Size, X: l.X + r.X, Y: l.Y,
			Spacing: r.Spacing, Text: r.Text, Color: display.Black})
	}
}

// missing draws an empty box for every character of a run no face has.
func (d *Drawer) missing(x, spacing geom.Length, s string, l place.Line) {
	mg := &d.Sheet.Missing
	size := l.Size
	top := l.Y - geom.Em(d.Ascent(d.Sheet.Body), size)
	i := 0
	for range s {
		box := geom.Rect{X: l.X + x + (size+spacing)*geom.Length(i) + mg.Inset.Of(size), Y: top + mg.Inset.Of(size),
			W: mg.Box.Of(size), H: mg.Box.Of(size)}
		d.Page.Items = append(d.Page.Items, &display.Frame{Rect: box, Width: mg.Width, Color: display.Black})
		i++
	}
}

// Overlay draws what --debug shows over the page: every baseline of the grid, every
// basic column, and every module's box.
func (d *Drawer) Overlay(g grid.Grid, modules []geom.Cells) {
	dbg := &d.Sheet.Debug
	var items []display.Item
	for i := 0; i < g.Lines; i++ {
		y := g.Baseline(i)
		items = append(items, &display.Rule{X1: g.Area.X, Y1: y, X2: g.Area.Right(), Y2: y, Width: dbg.Baseline, Color: guideLine})
	}
	for c := 0; c < g.Columns; c++ {
		items = append(items, &display.Frame{Rect: g.Rect(geom.Cells{Column: c, Columns: 1, Lines: g.Lines}), Width: dbg.Column, Color: guide})
	}
	for _, m := range modules {
		if !m.Empty() {
			items = append(items, &display.Frame{Rect: g.Rect(m), Width: dbg.Module, Color: guide})
		}
	}
	d.Page.Overlay = items
}
