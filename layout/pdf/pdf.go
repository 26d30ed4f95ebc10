// Package pdf writes a laid-out page as a print-ready PDF: the page size and TrimBox,
// embedded and subset fonts with text that extracts exactly (characters beyond the
// BMP included), CMYK colour only, and pictures cropped to their frames.
//
// It draws what the page's display list says, where it says: every position and
// size comes from the display list. It never lays out: it does not measure, break lines,
// choose fallback faces or move anything, and it uses none of gopdf's cursor API (Cell,
// MultiCell, SplitText, Br). It is the only package of broadsheet that imports gopdf.
package pdf

import (
	"fmt"
	"io"

	"broadsheet/layout/display"

	"github.com/signintech/gopdf"
)

// Options are the writer's switches.
type Options struct {
	// Debug draws page.Overlay (grid, baselines, module boxes) over the page.
	Debug bool
}

// Producer is the document information's Producer entry.
const Producer = "broadsheet"

// Write renders one page as a one-page PDF to w. The same page and options always
// give the same bytes.
func Write(w io.Writer, page *display.Page, opt Options) error {
	b, err := render(page, opt)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

// render returns the finished PDF of page.
func render(page *display.Page, opt Options) ([]byte, error) {
	if page == nil {
		return nil, fmt.Errorf("pdf: no page")
	}
	if page.Width <= 0 || page.Height <= 0 {
		return nil, fmt.Errorf("pdf: page size %vx%v is not positive", page.Width, page.Height)
	}
	items := page.Items
	if opt.Debug {
		items = append(items[:len(items):len(items)], page.Overlay...)
	}
	var u usage
	u.collect(items)
	d, err := newDoc(page, &u)
	if err != nil {
		return nil, err
	}
	for i, it := range items {
		if err := d.draw(it); err != nil {
			return nil, fmt.Errorf("pdf: %s: %w", itemName(page, i), err)
		}
	}
	raw, err := d.gp.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("pdf: compile: %w", err)
	}
	out, err := finish(raw, d.names, info{Title: page.Meta.Title, Producer: Producer})
	if err != nil {
		return nil, fmt.Errorf("pdf: finish: %w", err)
	}
	return out, nil
}

// itemName names item i of the drawn list (Items, then Overlay) for error messages:
// "item 3 (text)" or "overlay item 2 (rule)"; an image is named by its file.
func itemName(page *display.Page, i int) string {
	where, it := fmt.Sprintf("item %d", i), display.Item(nil)
	if i < len(page.Items) {
		it = page.Items[i]
	} else {
		where, it = fmt.Sprintf("overlay item %d", i-len(page.Items)), page.Overlay[i-len(page.Items)]
	}
	switch it := it.(type) {
	case *display.Text:
		return where + " (text)"
	case *display.Rule:
		return where + " (rule)"
	case *display.Tint:
		return where + " (tint)"
	case *display.Frame:
		return where + " (frame)"
	case *display.Image:
		return "image " + it.Path
	}
	return where
}

// doc is one PDF being drawn: the gopdf document and what the writer must remember
// about it.
type doc struct {
	gp    *gopdf.GoPdf
	names map[string]string // gopdf's font name → the subset name the PDF must carry
	font  fontState
}

// fontState is the face and size gopdf has selected, so runs of the same face and
// size do not look the font up again.
type fontState struct {
	family string
	size   float64
}

// newDoc starts a one-page document of the page's size and TrimBox and registers the
// faces u uses, and only those.
func newDoc(page *display.Page, u *usage) (*doc, error) {
	w, h := page.Width.Points(), page.Height.Points()
	gp := new(gopdf.GoPdf)
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: w, H: h}})
	gp.AddPageWithOption(gopdf.PageOption{
		PageSize: &gopdf.Rect{W: w, H: h},
		TrimBox:  trimBox(page),
	})
	d := &doc{gp: gp, names: make(map[string]string)}
	for _, id := range u.faces() {
		fc, err := container(id)
		if err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", id.Name(), err)
		}
		if err := gp.AddTTFFontFromFontContainer(id.Name(), fc); err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", id.Name(), err)
		}
		d.names[id.Name()] = subsetName(id, u[id])
	}
	return d, nil
}

// trimBox returns the trimmed page, the whole page here, in PDF coordinates. gopdf's
// Box fields are, despite their names, lower-left x, lower-left y, upper-right x and
// upper-right y, written in that order.
func trimBox(page *display.Page) *gopdf.Box {
	return &gopdf.Box{Left: 0, Top: 0, Right: page.Width.Points(), Bottom: page.Height.Points()}
}

// draw draws one display-list item.
func (d *doc) draw(it display.Item) error {
	switch it := it.(type) {
	case *display.Text:
		return d.text(it)
	case *display.Rule:
		return d.rule(it)
	case *display.Tint:
		return d.tint(it)
	case *display.Frame:
		return d.frame(it)
	case *display.Image:
		return d.image(it)
	case nil:
		return fmt.Errorf("nil item")
	}
	return fmt.Errorf("unknown item type %T", it)
}
