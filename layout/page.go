package layout

import (
	"broadsheet/fonts"
	"broadsheet/layout/geom"
)

// Color is a process colour: cyan, magenta, yellow and black, each 0–100 percent.
type Color struct{ C, M, Y, K uint8 }

// Colours the page uses. Black text is 100 % K only, never a four-colour black.
var (
	Black       = Color{K: 100}
	Placeholder = Color{K: 20}  // the grey of a photo that has not arrived yet
	Guide       = Color{C: 100} // debug overlay: grid and module boxes
	GuideLine   = Color{M: 60}  // debug overlay: baselines
)

// Item is one thing drawn on a page: *Text, *Rule, *Box or *Image.
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

// Box is a rectangle, filled, stroked or both.
type Box struct {
	Rect        geom.Rect
	Fill        *Color // nil: not filled
	Stroke      *Color // nil: not stroked
	StrokeWidth geom.Length
}

// Image is a picture file shown through a frame: the whole picture is scaled to Placed,
// which covers Frame, and only what lies inside Frame is visible (cover and crop, never
// stretch).
type Image struct {
	Path   string // JPEG or PNG file
	Frame  geom.Rect
	Placed geom.Rect
}

func (*Text) item()  {}
func (*Rule) item()  {}
func (*Box) item()   {}
func (*Image) item() {}

// Page is one laid-out page: everything a writer needs to draw it, in reading order,
// with absolute positions from the page's top-left corner.
type Page struct {
	Width, Height geom.Length
	// Trim is the trimmed page (the PDF TrimBox); without bleed it is the whole page.
	Trim geom.Rect
	// Title names the page in the document information, e.g. "郑州日报 2023年11月21日 第7版".
	Title string
	// Items are drawn in order; text items come in reading order.
	Items []Item
	// Overlay is drawn over Items only when debugging: the column grid, the baselines
	// and the module boxes.
	Overlay []Item
}
