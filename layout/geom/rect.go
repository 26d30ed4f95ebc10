package geom

import "fmt"

// Rect is an axis-aligned rectangle: its top-left corner and its size. X grows to the
// right and Y grows downwards from the top-left corner of the page.
type Rect struct{ X, Y, W, H Length }

// Right returns the x of the rectangle's right edge.
func (r Rect) Right() Length { return r.X + r.W }

// Bottom returns the y of the rectangle's bottom edge.
func (r Rect) Bottom() Length { return r.Y + r.H }

// Overlaps reports whether r and o share any area (touching edges do not count).
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.Right() && o.X < r.Right() && r.Y < o.Bottom() && o.Y < r.Bottom()
}

// Contains reports whether o lies wholly inside r.
func (r Rect) Contains(o Rect) bool {
	return o.X >= r.X && o.Y >= r.Y && o.Right() <= r.Right() && o.Bottom() <= r.Bottom()
}

// String formats the rectangle as "x,y wxh" in points.
func (r Rect) String() string {
	return fmt.Sprintf("%v,%v %vx%v", r.X, r.Y, r.W, r.H)
}
