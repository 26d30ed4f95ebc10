package furniture

import (
	"sort"

	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/style"
)

// Rules draws the thin rules between modules: across the middle of the gap line under
// a module that has something below it, and down the middle of the gutter right of a
// module that has something beside it. Collinear pieces are merged into one rule.
func Rules(g grid.Grid, sheet *style.Sheet, modules []geom.Cells) []display.Rule {
	var across, down []segment
	for _, m := range modules {
		if m.Empty() {
			continue
		}
		r := g.Rect(m)
		if m.Bottom() < g.Lines {
			y := (r.Bottom() + g.LineTop(m.Bottom()+1)) / 2
			x1, x2 := r.X, r.Right()
			if m.Column > 0 {
				x1 -= g.Body / 2
			}
			if m.Right() < g.Columns {
				x2 += g.Body / 2
			}
			across = append(across, segment{y, x1, x2})
		}
		if m.Right() < g.Columns {
			x := r.Right() + g.Body/2
			y2 := r.Bottom()
			if m.Bottom() < g.Lines {
				y2 = g.LineTop(m.Bottom() + 1)
			}
			down = append(down, segment{x, r.Y, y2})
		}
	}
	var rules []display.Rule
	w := sheet.Rules.Thin
	for _, s := range merge(across) {
		rules = append(rules, display.Rule{X1: s.from, Y1: s.at, X2: s.to, Y2: s.at, Width: w, Color: display.Black})
	}
	for _, s := range merge(down) {
		rules = append(rules, display.Rule{X1: s.at, Y1: s.from, X2: s.at, Y2: s.to, Width: w, Color: display.Black})
	}
	return rules
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
