package layout

import (
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
)

// Colours of the debug overlay: grid and module boxes in cyan, baselines in magenta.
const (
	guide     = display.Color(100 << 24)
	guideLine = display.Color(60 << 16)
)

// overlay draws what --debug shows over the page: every basic column, every baseline
// of the grid, and every module's box.
func overlay(g Grid, mods []*module) []display.Item {
	thin := geom.Pt(0.2)
	var items []display.Item
	for i := 0; i < g.Lines; i++ {
		y := g.Baseline(i)
		items = append(items, &display.Rule{X1: g.Area.X, Y1: y, X2: g.Area.Right(), Y2: y, Width: geom.Pt(0.1), Color: guideLine})
	}
	for c := 0; c < g.Columns; c++ {
		items = append(items, &display.Frame{Rect: g.Rect(c, 1, 0, g.Lines), Width: thin, Color: guide})
	}
	for _, m := range mods {
		if m.columns > 0 {
			items = append(items, &display.Frame{Rect: m.rect(g), Width: geom.Pt(1), Color: guide})
		}
	}
	return items
}
