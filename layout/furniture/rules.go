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
//
// A boxed module carries its own frame: the rules along its sides give way to it.
func Rules(g grid.Grid, sheet *style.Sheet, modules []geom.Cells, above []display.Rule, boxed []geom.Cells) []display.Rule {
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
	across, down = merge(across), merge(down)
	for _, b := range boxed {
		across, down = giveWay(g, b, across, down)
	}
	var rules []display.Rule
	w := sheet.Rules.Thin
	for _, s := range across {
		rules = append(rules, display.Rule{X1: s.from, Y1: s.at, X2: s.to, Y2: s.at, Width: w, Color: display.Black})
	}
	for _, s := range down {
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

// giveWay removes the parts of rules that run along the sides of boxed cells b, where
// its frame runs instead: across in the gap line above or below it, down the gutter left
// or right of it. The rules that end on its sides meet the frame.
func giveWay(g grid.Grid, b geom.Cells, across, down []segment) ([]segment, []segment) {
	r := g.Rect(b)
	gap := g.Leading - g.Body // the white between one line's em box and the next
	top, bottom := r.Y-(gap+g.Leading)/2, r.Bottom()+(gap+g.Leading)/2
	left, right := r.X-g.Body/2, r.Right()+g.Body/2
	var a, d []segment
	for _, s := range across {
		if s.at > top-1 && s.at < r.Y || s.at > r.Bottom() && s.at < bottom+1 {
			a = append(a, cut(s, left, right)...)
		} else {
			a = append(a, s)
		}
	}
	for _, s := range down {
		if s.at == left || s.at == right {
			d = append(d, cut(s, top, bottom)...) // the frame runs there
		} else {
			d = append(d, s)
		}
	}
	return a, d
}

// cut returns the parts of s outside [from, to].
func cut(s segment, from, to geom.Length) []segment {
	var out []segment
	if s.from < from {
		out = append(out, segment{s.at, s.from, geom.Min(s.to, from)})
	}
	if s.to > to {
		out = append(out, segment{s.at, geom.Max(s.from, to), s.to})
	}
	return out
}
