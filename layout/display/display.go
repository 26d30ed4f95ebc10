// Package display is the display list: pages of absolutely positioned items — text
// runs, rules, tints, frames, images and forms (PDF pages drawn as vector art) — each
// with its colour as a value. It is what composition produces and what a writer
// draws, and the only thing the two share.
//
// Coordinates are from the trimmed page's top-left corner, y growing downwards, in
// geom.Length. The package measures nothing and decides nothing: it holds the result
// of layout and formats it for golden tests (Dump). It knows no PDF.
package display

import (
	"fmt"

	"broadsheet/fonts"
	"broadsheet/layout/geom"
)

// Color is a process colour: cyan, magenta, yellow and black, each 0–100 percent,
// packed into one value (C in the top byte, K in the lowest), or Registration.
type Color uint32

// CMYK returns the colour of the given percentages.
func CMYK(c, m, y, k uint8) Color {
	return Color(uint32(c)<<24 | uint32(m)<<16 | uint32(y)<<8 | uint32(k))
}

// Gray returns k percent of black ink alone, as tints and placeholders print.
func Gray(k uint8) Color { return CMYK(0, 0, 0, k) }

// The colours the page uses. Text and rules are 100 % K only, never a four-colour
// black; Registration is every ink at once, for crop and registration marks.
const (
	Black        Color = 100
	Registration Color = 0xFFFFFFFF
)

// C, M, Y and K return the colour's percentages (0 for Registration).
func (c Color) C() uint8 { return c.part(24) }

// M returns the magenta percentage.
func (c Color) M() uint8 { return c.part(16) }

// Y returns the yellow percentage.
func (c Color) Y() uint8 { return c.part(8) }

// K returns the black percentage.
func (c Color) K() uint8 { return c.part(0) }

func (c Color) part(shift int) uint8 {
	if c == Registration {
		return 0
	}
	return uint8(c >> shift)
}

// Valid reports whether the colour is Registration or has every part within 0–100.
func (c Color) Valid() bool {
	return c == Registration || c.C() <= 100 && c.M() <= 100 && c.Y() <= 100 && c.K() <= 100
}

// String formats the colour as "C0 M0 Y0 K100" or "registration".
func (c Color) String() string {
	if c == Registration {
		return "registration"
	}
	return fmt.Sprintf("C%d M%d Y%d K%d", c.C(), c.M(), c.Y(), c.K())
}

// Item is one thing drawn on a page: *Text, *Rule, *Tint, *Frame, *Image or *Form.
type Item interface{ item() }

// Text is a run of glyphs of one face on one baseline.
type Text struct {
	Face fonts.ID
	Size geom.Length
	// X, Y is where the first glyph's origin sits: its left edge, on the baseline.
	X, Y geom.Length
	// Spacing is added after every glyph (the PDF's character spacing).
	Spacing geom.Length
	Text    string
	Color   Color
}

// Rule is a straight line of a given width.
type Rule struct {
	X1, Y1, X2, Y2 geom.Length
	Width          geom.Length
	Color          Color
}

// Tint is a rectangle filled with one colour: a photo placeholder, a tinted box.
type Tint struct {
	Rect  geom.Rect
	Color Color
}

// Frame is the outline of a rectangle, stroked with a line of Width centred on its edges.
type Frame struct {
	Rect  geom.Rect
	Width geom.Length
	Color Color
}

// Image is a picture file shown through a frame: the whole picture is scaled to Placed,
// which covers Frame, and only what lies inside Frame is visible (cover and crop, never
// stretch). Format and the pixel size are as the input stage probed them.
type Image struct {
	Path                    string // JPEG or PNG file
	Format                  string // "jpeg" or "png"
	PixelWidth, PixelHeight int
	Frame, Placed           geom.Rect
}

// Form is page 1 of a one-page PDF file (an advertisement, a logo) drawn as vector
// art: its page, scaled alike in both directions, fills Frame, which placement has
// sized to the page's aspect.
type Form struct {
	Path  string // the PDF file
	Frame geom.Rect
}

func (*Text) item()  {}
func (*Form) item()  {}
func (*Rule) item()  {}
func (*Tint) item()  {}
func (*Frame) item() {}
func (*Image) item() {}

// Page is one laid-out page: everything a writer needs to draw it, in reading order,
// with absolute positions from the trimmed page's top-left corner.
type Page struct {
	// Width and Height are the trimmed page (the PDF TrimBox).
	Width, Height geom.Length
	Meta          Meta
	// Items are drawn in order; text items come in reading order.
	Items []Item
	// Overlay is drawn over Items only when debugging: the column grid, the baselines
	// and the module boxes.
	Overlay []Item
	// Print says how the page goes to press: bleed, marks, the output condition.
	Print Print
}

// Print is what a printing plant needs besides the page: how far the picture may
// run past the trim, whether the sheet carries crop marks, and the printing
// condition the colours are meant for. The zero value is an untrimmed page (no bleed,
// no marks) for the writer's default condition.
type Print struct {
	// Bleed is how far the BleedBox reaches beyond the trimmed page on each side.
	Bleed geom.Length
	// Marks grows the sheet to hold crop marks at the trim corners outside the bleed,
	// registration marks and a slug line (paper, date, page, file name).
	Marks bool
	// OutputProfile is the ICC profile of the printing condition (a CMYK output
	// profile), as bytes in a string; "" means the coldset newsprint profile the
	// writer carries.
	OutputProfile string
	// OutputCondition names the printing condition of OutputProfile, e.g. its file
	// name; unused with the default profile.
	OutputCondition string
}

// Meta names the page for the document's information and metadata.
type Meta struct {
	// Title names the page, e.g. "郑州日报 2023年11月21日 第7版".
	Title     string
	Newspaper string
	// Date is the day as 2006-01-02.
	Date    string
	PageNo  int
	Section string
	// Source is the issue file's name, for the slug line.
	Source string
}
