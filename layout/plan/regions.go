package plan

import "sort"

// freeRegions cuts r edge to edge along the pins' edges until every piece is either a
// pin or free of pins, and returns the free pieces in reading order (top before bottom,
// left before right). A cut across leaves gap lines between the two sides. It cuts
// across before down when acrossFirst, down before across otherwise.
func freeRegions(r Rect, pins []Rect, gap int, acrossFirst bool) ([]Rect, error) {
	if r.empty() {
		return nil, nil
	}
	inside := pinsIn(r, pins)
	switch {
	case len(inside) == 0:
		return []Rect{r}, nil
	case len(inside) == 1 && inside[0] == r:
		return nil, nil
	}
	for _, across := range []bool{acrossFirst, !acrossFirst} {
		var a, b Rect
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

func join(a []Rect, err error) func([]Rect, error) ([]Rect, error) {
	return func(b []Rect, err2 error) ([]Rect, error) {
		if err != nil {
			return nil, err
		}
		if err2 != nil {
			return nil, err2
		}
		return append(a, b...), nil
	}
}

func pinsIn(r Rect, pins []Rect) []Rect {
	var in []Rect
	for _, p := range pins {
		if r.overlaps(p) {
			in = append(in, p)
		}
	}
	return in
}

// cutAcross finds the topmost line, at a pin's top or bottom edge, where a cut across
// the whole of r crosses no pin. The gap goes on the free side of the pin's edge.
func cutAcross(r Rect, pins []Rect, gap int) (top, bottom Rect, ok bool) {
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
		top = Rect{r.Column, r.Line, r.Columns, c.topEnd - r.Line}
		bottom = Rect{r.Column, c.bottomStart, r.Columns, r.Bottom() - c.bottomStart}
		return top, bottom, true
	}
	return Rect{}, Rect{}, false
}

// crossesAcross reports whether a cut at line y would pass through a pin.
func crossesAcross(pins []Rect, y int) bool {
	for _, p := range pins {
		if p.Line < y && y < p.Bottom() {
			return true
		}
	}
	return false
}

// pinBetween reports whether a pin occupies any of the gap lines [from, to).
func pinBetween(pins []Rect, from, to int) bool {
	for _, p := range pins {
		if p.Line < to && from < p.Bottom() && from < to {
			return true
		}
	}
	return false
}

// cutDown finds the leftmost column edge of a pin where a cut down the whole of r
// crosses no pin.
func cutDown(r Rect, pins []Rect) (left, right Rect, ok bool) {
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
			return Rect{r.Column, r.Line, x - r.Column, r.Lines}, Rect{x, r.Line, r.Right() - x, r.Lines}, true
		}
	}
	return Rect{}, Rect{}, false
}
