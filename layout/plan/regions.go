package plan

import (
	"sort"

	"broadsheet/layout/geom"
)

// freeRegions cuts r edge to edge along the pins' edges until every piece is either a
// pin or free of pins, and returns the free pieces in reading order (top before bottom,
// left before right). A cut across leaves gap lines between the two sides. It cuts
// across before down when acrossFirst, down before across otherwise.
func freeRegions(r geom.Cells, pins []geom.Cells, gap int, acrossFirst bool) ([]geom.Cells, error) {
	if r.Empty() {
		return nil, nil
	}
	inside := pinsIn(r, pins)
	switch {
	case len(inside) == 0:
		return []geom.Cells{r}, nil
	case len(inside) == 1 && inside[0] == r:
		return nil, nil
	}
	for _, across := range []bool{acrossFirst, !acrossFirst} {
		var a, b geom.Cells
		var ok bool
		if across {
			a, b, ok = cutAcross(r, inside, gap)
		} else {
			a, b, ok = cutDown(r, inside)
		}
		if ok {
			return join(freeRegions(a, inside, gap, acrossFirst))(freeRegions(b, inside, gap, acrossFirst))
		}
	}
	return nil, &PinError{Kind: PinFenced, Pin: -1, Msg: "fence off an area that cannot be cut into rectangles edge to edge; move a pin so that its edges line up with another's"}
}

func join(a []geom.Cells, err error) func([]geom.Cells, error) ([]geom.Cells, error) {
	return func(b []geom.Cells, err2 error) ([]geom.Cells, error) {
		if err != nil {
			return nil, err
		}
		if err2 != nil {
			return nil, err2
		}
		return append(a, b...), nil
	}
}

func pinsIn(r geom.Cells, pins []geom.Cells) []geom.Cells {
	var in []geom.Cells
	for _, p := range pins {
		if r.Overlaps(p) {
			in = append(in, p)
		}
	}
	return in
}

// cutAcross finds the topmost line, at a pin's top or bottom edge, where a cut across
// the whole of r crosses no pin. The gap goes on the free side of the pin's edge.
func cutAcross(r geom.Cells, pins []geom.Cells, gap int) (top, bottom geom.Cells, ok bool) {
	var cuts []struct{ y, topEnd, bottomStart int }
	for _, p := range pins {
		if p.Line > r.Line {
			cuts = append(cuts, struct{ y, topEnd, bottomStart int }{p.Line, p.Line - gap, p.Line})
		}
		if p.Bottom() < r.Bottom() {
			cuts = append(cuts, struct{ y, topEnd, bottomStart int }{p.Bottom(), p.Bottom(), p.Bottom() + gap})
		}
	}
	sort.SliceStable(cuts, func(i, j int) bool { return cuts[i].y < cuts[j].y })
	for _, c := range cuts {
		if crossesAcross(pins, c.y) || pinBetween(pins, c.topEnd, c.bottomStart) {
			continue
		}
		top = cells(r.Column, r.Line, r.Columns, c.topEnd-r.Line)
		bottom = cells(r.Column, c.bottomStart, r.Columns, r.Bottom()-c.bottomStart)
		return top, bottom, true
	}
	return geom.Cells{}, geom.Cells{}, false
}

// crossesAcross reports whether a cut at line y would pass through a pin.
func crossesAcross(pins []geom.Cells, y int) bool {
	for _, p := range pins {
		if p.Line < y && y < p.Bottom() {
			return true
		}
	}
	return false
}

// pinBetween reports whether a pin occupies any of the gap lines [from, to).
func pinBetween(pins []geom.Cells, from, to int) bool {
	for _, p := range pins {
		if p.Line < to && from < p.Bottom() && from < to {
			return true
		}
	}
	return false
}

// cutDown finds the leftmost column edge of a pin where a cut down the whole of r
// crosses no pin.
func cutDown(r geom.Cells, pins []geom.Cells) (left, right geom.Cells, ok bool) {
	var xs []int
	for _, p := range pins {
		if p.Column > r.Column {
			xs = append(xs, p.Column)
		}
		if p.Right() < r.Right() {
			xs = append(xs, p.Right())
		}
	}
	sort.Ints(xs)
	for _, x := range xs {
		crosses := false
		for _, p := range pins {
			crosses = crosses || (p.Column < x && x < p.Right())
		}
		if !crosses {
			return cells(r.Column, r.Line, x-r.Column, r.Lines), cells(x, r.Line, r.Right()-x, r.Lines), true
		}
	}
	return geom.Cells{}, geom.Cells{}, false
}
