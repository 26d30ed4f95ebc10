// Package plan decides where the articles of a page go: it tiles the type area's grid
// with one rectangle of whole columns × whole lines per article, in order of
// importance, choosing the tiling of least total cost.
//
// It is a pure search over grid units. What an article costs in a module of a given
// size (overset, holes, headline fit) is the caller's business, given as a function;
// plan knows nothing of text, fonts or lengths. The tilings it considers are
// guillotine tilings read in order: a rectangle holding articles i..j is either one
// article, or cut across into a top part (the more important articles) and a bottom
// part with a gap line between them, or cut down into a left part (more important)
// and a right part. So the lead story is always at the top left, and importance reads
// top before bottom, left before right. Pinned modules are cut out first; the free
// rectangles left around them are filled in reading order.
package plan

import (
	"broadsheet/layout/geom"

	"errors"
	"fmt"
	"math"
)

// cells is the grid rectangle at column, line of columns × lines cells.
func cells(column, line, columns, lines int) geom.Cells {
	return geom.Cells{Column: column, Line: line, Columns: columns, Lines: lines}
}

// Infinite is a cost no tiling may have: the module cannot hold the article at all.
const Infinite = math.MaxInt64 / 4

// Problem is a page to tile.
type Problem struct {
	Columns, Lines int
	// Items is the number of free (unpinned) articles, in order of importance.
	Items int
	// Cost is what free article i costs in a module columns × lines. It is called once
	// for every article and size, up to Columns × Lines, and must be deterministic.
	Cost func(item, columns, lines int) int64
	// Empty is what a rectangle left without any article costs.
	Empty func(columns, lines int) int64
	// Reserve, when set, lets the tiling keep one rectangle empty after the last
	// article, in reading order — so at the foot of the free area, against its right
	// edge — for the space a page short of copy has left: room for a notice or an ad
	// (the caller's business), instead of holes at the feet of many columns. It says
	// what that rectangle costs, Infinite for a shape that may not be reserved.
	Reserve func(columns, lines int) int64
	// Gap is the number of lines between modules stacked one above the other.
	Gap int
	// Pins are modules fixed in advance; free articles are placed around them.
	Pins []geom.Cells
}

// Solution is the chosen tiling: one module per free article, in the order of Items.
// An article that the grid has no room for at all gets the zero geom.Cells.
type Solution struct {
	Modules []geom.Cells
	Cost    int64
	// Empty lists the free rectangles that received no article, the reserved one
	// (Problem.Reserve) among them, in reading order.
	Empty []geom.Cells
	// Reserved is the rectangle kept empty after the last article, or the zero
	// geom.Cells.
	Reserved geom.Cells
}

// ErrPins is wrapped by every error about pins that cannot be honoured.
var ErrPins = errors.New("pins")

// Solve finds the tiling of least cost. It fails only when the pins overlap, leave the
// grid, stand one right under another without a gap line, or fence off an area that is
// not a union of rectangles cut edge to edge.
//
// The free area around the pins can be cut into rectangles across first or down first;
// Solve tries both and keeps the cheaper tiling, so a free strip beside a column of pins
// stays whole.
func Solve(p Problem) (Solution, error) {
	if err := checkPins(p); err != nil {
		return Solution{}, err
	}
	var t *table
	best := Solution{Cost: Infinite + 1}
	var lastErr error
	for _, acrossFirst := range []bool{true, false} {
		regions, err := freeRegions(cells(0, 0, p.Columns, p.Lines), p.Pins, p.Gap, acrossFirst)
		if err != nil {
			lastErr = err
			continue
		}
		if t == nil {
			t = newTable(p)
			t.fill()
		}
		if sol := t.assign(regions); sol.Cost < best.Cost {
			best = sol
		}
		if len(p.Pins) == 0 {
			break // one region, the same either way
		}
	}
	if t == nil {
		return Solution{}, lastErr
	}
	return best, nil
}

func checkPins(p Problem) error {
	for i, a := range p.Pins {
		if a.Empty() || a.Column < 0 || a.Line < 0 || a.Right() > p.Columns || a.Bottom() > p.Lines {
			return &PinError{Kind: PinOutside, Pin: i, Msg: fmt.Sprintf("leaves the type area of %d columns × %d lines", p.Columns, p.Lines)}
		}
		for j, b := range p.Pins[:i] {
			if a.Overlaps(b) {
				return &PinError{Kind: PinOverlap, Pin: i, Other: j, Msg: "overlaps another pin"}
			}
			if upper, lower, ok := noGap(a, b, p.Gap); ok {
				k := map[geom.Cells]int{a: i, b: j}
				return &PinError{Kind: PinNoGap, Pin: k[lower], Other: k[upper],
					Msg: fmt.Sprintf("starts right under another pin, leaving no gap line (want line %d or below)", upper.Bottom()+p.Gap+1)}
			}
		}
	}
	return nil
}

// noGap reports whether one of two pins sharing columns starts less than gap lines
// under the other, and which is which.
func noGap(a, b geom.Cells, gap int) (upper, lower geom.Cells, ok bool) {
	if a.Column >= b.Right() || b.Column >= a.Right() {
		return geom.Cells{}, geom.Cells{}, false
	}
	if a.Line > b.Line {
		a, b = b, a
	}
	return a, b, b.Line >= a.Bottom() && b.Line < a.Bottom()+gap
}

// Kinds of PinError.
const (
	PinOutside = iota // the pin leaves the grid
	PinOverlap        // two pins share cells
	PinNoGap          // a pin starts right under another, with no gap line between
	PinFenced         // the pins fence off an area that cannot be cut into rectangles
)

// PinError says which pin cannot be honoured and why.
type PinError struct {
	Kind  int
	Pin   int // index into Problem.Pins; −1 when the pins as a whole are at fault
	Other int // the other pin, for overlaps and missing gaps
	Msg   string
}

func (e *PinError) Error() string { return fmt.Sprintf("pin %d %s", e.Pin, e.Msg) }

// Unwrap makes errors.Is(err, ErrPins) true.
func (e *PinError) Unwrap() error { return ErrPins }
