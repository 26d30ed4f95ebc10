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
	"errors"
	"fmt"
	"math"
)

// Rect is a module in grid units: 0-based first column and line, and counts.
type Rect struct{ Column, Line, Columns, Lines int }

// Right returns the column after the rectangle's last.
func (r Rect) Right() int { return r.Column + r.Columns }

// Bottom returns the line after the rectangle's last.
func (r Rect) Bottom() int { return r.Line + r.Lines }

func (r Rect) overlaps(o Rect) bool {
	return r.Column < o.Right() && o.Column < r.Right() && r.Line < o.Bottom() && o.Line < r.Bottom()
}

func (r Rect) empty() bool { return r.Columns <= 0 || r.Lines <= 0 }

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
	// Gap is the number of lines between modules stacked one above the other.
	Gap int
	// Pins are modules fixed in advance; free articles are placed around them.
	Pins []Rect
}

// Solution is the chosen tiling: one module per free article, in the order of Items.
// An article that the grid has no room for at all gets the zero Rect.
type Solution struct {
	Modules []Rect
	Cost    int64
	// Empty lists the free rectangles that received no article.
	Empty []Rect
}

// ErrPins is wrapped by every error about pins that cannot be honoured.
var ErrPins = errors.New("pins")

// Solve finds the tiling of least cost. It fails only when the pins overlap, leave the
// grid, or fence off an area that is not a union of rectangles cut edge to edge.
func Solve(p Problem) (Solution, error) {
	if err := checkPins(p); err != nil {
		return Solution{}, err
	}
	regions, err := freeRegions(Rect{0, 0, p.Columns, p.Lines}, p.Pins, p.Gap)
	if err != nil {
		return Solution{}, err
	}
	t := newTable(p)
	t.fill()
	return t.assign(regions), nil
}

func checkPins(p Problem) error {
	for i, a := range p.Pins {
		if a.empty() || a.Column < 0 || a.Line < 0 || a.Right() > p.Columns || a.Bottom() > p.Lines {
			return &PinError{Pin: i, Msg: fmt.Sprintf("leaves the type area of %d columns × %d lines", p.Columns, p.Lines)}
		}
		for j, b := range p.Pins[:i] {
			if a.overlaps(b) {
				return &PinError{Pin: i, Other: j, Msg: "overlaps another pinned article"}
			}
		}
	}
	return nil
}

// PinError says which pin cannot be honoured and why.
type PinError struct {
	Pin   int // index into Problem.Pins
	Other int // the other pin, for overlaps
	Msg   string
}

func (e *PinError) Error() string { return fmt.Sprintf("pin %d %s", e.Pin, e.Msg) }

// Unwrap makes errors.Is(err, ErrPins) true.
func (e *PinError) Unwrap() error { return ErrPins }
