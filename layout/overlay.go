package layout

import "broadsheet/layout/geom"

// overlay draws what --debug shows over the page: every basic column, every baseline
// of the grid, and every module's box.
func overlay(g Grid, mods []*module) []Item {
	guide, line := Guide, GuideLine
	thin := geom.Pt(0.2)
	var items []Item
	for i := 0; i < g.Lines; i++ {
		y := g.Baseline(i)
		items = append(items, &Rule{X1: g.Area.X, Y1: y, X2: g.Area.Right(), Y2: y, Width: geom.Pt(0.1), Color: line})
	}
	for c := 0; c < g.Columns; c++ {
		items = append(items, &Box{Rect: g.Rect(c, 1, 0, g.Lines), Stroke: &guide, StrokeWidth: thin})
	}
	for _, m := range mods {
		if m.columns > 0 {
			items = append(items, &Box{Rect: m.rect(g), Stroke: &guide, StrokeWidth: geom.Pt(1)})
		}
	}
	return items
}
