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
// module that has something beside it. A rule down runs from the rule above it (or
// the type area's top) to the rule below it (or the type area's foot), so they meet
// in T-joints with no gap and no overshoot; above lists the page's other horizontal
// rules a rule down may start from, such as the masthead's. Collinear pieces are
// merged into one rule.
func Rules(g grid.Grid, sheet *style.Sheet, modules []geom.Cells, above []display.Rule) []display.Rule {
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
			down = append(down, segment{r.Right() + g.Body/2, r.Y, r.Bottom()})
		}
	}
	horizontal := append(append([]segment(nil), across...), rulesAcross(above)...)
	for i := range down {
		down[i] = meet(down[i], horizontal, g.Area)
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

// rulesAcross returns the horizontal ones of rules as segments.
func rulesAcross(rules []display.Rule) []segment {
	var out []segment
	for _, r := range rules {
		if r.Y1 == r.Y2 {
			out = append(out, segment{r.Y1, min(r.X1, r.X2), max(r.X1, r.X2)})
		}
	}
	return out
}

// meet stretches a rule down so that it starts on the nearest horizontal rule above
// its top that crosses its x, or on the type area's top, and ends on the nearest one
// below its foot, or on the type area's foot.
func meet(d segment, horizontal []segment, area geom.Rect) segment {
	top, foot := area.Y, area.Bottom()
	if d.from <= area.Y {
		top = d.from
	}
	for _, h := range horizontal {
		if h.from > d.at || h.to < d.at {
			continue
		}
		if h.at <= d.from && h.at > top {
			top = h.at
		}
		if h.at >= d.to && h.at < foot {
			foot = h.at
		}
	}
	return segment{d.at, top, foot}
}

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
