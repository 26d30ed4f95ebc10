package layout

import (
	"sort"

	"broadsheet/layout/display"
	"broadsheet/layout/geom"
)

// ruleWidth is the thin rule (正线) between articles.
var ruleWidth = geom.Pt(0.5)

// rules draws the thin rules between modules: across the middle of the gap line under
// a module that has something below it, and down the middle of the gutter right of a
// module that has something beside it. Collinear pieces are merged into one rule.
func rules(g Grid, mods []*module) []display.Item {
	var across, down []segment
	for _, m := range mods {
		if m.columns == 0 {
			continue
		}
		r := m.rect(g)
		if bottom := m.line + m.lines; bottom < g.Lines {
			y := (r.Bottom() + g.LineTop(bottom+1)) / 2
			x1, x2 := r.X, r.Right()
			if m.column > 0 {
				x1 -= g.Body / 2
			}
			if m.column+m.columns < g.Columns {
				x2 += g.Body / 2
			}
			across = append(across, segment{y, x1, x2})
		}
		if m.column+m.columns < g.Columns {
			x := r.Right() + g.Body/2
			y2 := r.Bottom()
			if m.line+m.lines < g.Lines {
				y2 = g.LineTop(m.line + m.lines + 1)
			}
			down = append(down, segment{x, r.Y, y2})
		}
	}
	var items []display.Item
	for _, s := range merge(across) {
		items = append(items, &display.Rule{X1: s.from, Y1: s.at, X2: s.to, Y2: s.at, Width: ruleWidth, Color: display.Black})
	}
	for _, s := range merge(down) {
		items = append(items, &display.Rule{X1: s.at, Y1: s.from, X2: s.at, Y2: s.to, Width: ruleWidth, Color: display.Black})
	}
	return items
}

// segment is a piece of a rule: at a fixed x (or y), from one coordinate to another.
type segment struct{ at, from, to geom.Length }

// merge joins overlapping or touching segments on the same line, in a stable order.
func merge(segs []segment) []segment {
	sort.Slice(segs, func(i, j int) bool {
		if segs[i].at != segs[j].at {
			return segs[i].at < segs[j].at
		}
		return segs[i].from < segs[j].from
	})
	var out []segment
	for _, s := range segs {
		if n := len(out); n > 0 && out[n-1].at == s.at && s.from <= out[n-1].to {
			out[n-1].to = geom.Max(out[n-1].to, s.to)
			continue
		}
		out = append(out, s)
	}
	return out
}
