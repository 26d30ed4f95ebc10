// Package pdf writes a laid-out page as a print-ready PDF, PDF/X-4 and PDF/A-2b in
// one file: the page's boxes (trim, bleed, and marks outside them when asked), fonts
// embedded as compact subsets with text that extracts exactly (characters beyond the
// BMP included), CMYK colour with black that overprints, photographs tagged sRGB,
// one output profile shared by the PDF/X and PDF/A output intents, and XMP metadata
// that agrees with the document information.
//
// It draws what the page's display list says, where it says: every position and
// size comes from the display list. It never lays out: it does not measure, break lines,
// choose fallback faces or move anything, and it uses none of gopdf's cursor API (Cell,
// MultiCell, SplitText, Br). It is the only package of broadsheet that imports gopdf.
//
// How the file is made: gopdf draws the page (draw.go), with fonts this package gives
// it, the compact subsets built from the faces in package fonts. broadsheet then reads
// gopdf's output as PDF (layout/pdf/object's reader), takes from it only the page's
// content stream and the images it names, and writes the whole file itself with the
// typed object writer of layout/pdf/object: the fonts, ToUnicode maps and widths from
// its own data, the boxes, output intents, metadata and marks gopdf does not know.
// Nothing of gopdf's output is patched as bytes, so a gopdf upgrade that changes its
// object layout still works, and one that changes what it draws fails loudly.
//
// A one-page PDF the page shows (an advertisement, a logo) is drawn as a form XObject
// (form.go): its page's content and resources are copied into the file, vector kept,
// and drawn by a content stream of broadsheet's own after gopdf's.
package pdf

import (
	"fmt"
	"io"
	"os"

	"broadsheet/layout/display"
)

// Options are the writer's switches.
type Options struct {
	// Debug draws page.Overlay (grid, baselines, module boxes) over the page.
	Debug bool
	// Workers is how many of the page's streams are compressed at once; 0 means one
	// per core. The bytes are the same whatever it is.
	Workers int
}

// Producer is the document information's Producer and Creator entry.
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
	sheet, err := newSheet(page)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	var u usage
	if err := u.collect(page, items); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	if sheet.slug != "" {
		u.add(slugFace, sheet.slug)
	}
	faces, err := u.subsets()
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	content, err := drawWithGopdf(page, items, faces)
	if err != nil {
		return nil, err
	}
	out, err := assemble(page, sheet, faces, content, opt.Workers, resolveDate(epoch(os.Getenv("SOURCE_DATE_EPOCH")), page.Meta.Date))
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
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
	case *display.Form:
		return "form " + it.Path
	}
	return where
}
