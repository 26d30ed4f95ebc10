package pdf

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig: the formats gopdf embeds
	_ "image/png"
	"os"

	"broadsheet/layout/display"
	"broadsheet/layout/geom"

	"broadsheet/layout/pdf/object"
	"github.com/signintech/gopdf"
)

// doc is one page being drawn by gopdf.
type doc struct {
	gp   *gopdf.GoPdf
	font fontState
	// forms are the PDF pages to draw as forms, in order: gopdf cannot, so the
	// assembly draws them after gopdf's content.
	forms []*display.Form
}

// fontState is the face and size gopdf has selected, so runs of the same face and
// size do not look the font up again.
type fontState struct {
	family string
	size   float64
}

// drawn is what broadsheet takes from gopdf's output: the page's content stream and
// the file it belongs to, for the resources the stream names.
type drawn struct {
	src       *object.Parsed
	content   []byte
	resources map[string]any
	forms     []*display.Form
}

// drawWithGopdf draws the items with gopdf on a page of the trimmed size, with the
// subsets as its fonts, and returns the content gopdf wrote. gopdf writes it
// uncompressed: broadsheet compresses the page once, when it writes the file. gopdf
// gets each subset without its outlines (Subset.Metrics): drawing text needs only the
// character map and the metrics, and gopdf compresses the font programs it writes,
// which broadsheet does not use.
func drawWithGopdf(page *display.Page, items []display.Item, faces []*subsetFace) (*drawn, error) {
	w, h := page.Width.Points(), page.Height.Points()
	gp := new(gopdf.GoPdf)
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: w, H: h}})
	gp.SetNoCompression()
	gp.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: w, H: h}})
	for _, s := range faces {
		if err := gp.AddTTFFontData(s.id.Name(), s.subset.Metrics); err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", s.name, err)
		}
	}
	d := &doc{gp: gp}
	for i, it := range items {
		if err := d.draw(it); err != nil {
			return nil, fmt.Errorf("pdf: %s: %w", itemName(page, i), err)
		}
	}
	raw, err := gp.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("pdf: compile: %w", err)
	}
	out, err := readPage(raw)
	if err != nil {
		return nil, fmt.Errorf("pdf: reading gopdf's page: %w", err)
	}
	out.forms = d.forms
	return out, nil
}

// readPage parses gopdf's one-page file and returns its page's content and resources.
func readPage(raw []byte) (*drawn, error) {
	src, err := object.Parse(raw)
	if err != nil {
		return nil, err
	}
	root, err := src.DictAt(src.Trailer["Root"], "/Root")
	if err != nil {
		return nil, err
	}
	pages, err := src.DictAt(root["Pages"], "/Pages")
	if err != nil {
		return nil, err
	}
	kids, ok := pages["Kids"].([]any)
	if !ok || len(kids) != 1 {
		return nil, fmt.Errorf("/Kids %v: want one page", pages["Kids"])
	}
	pg, err := src.DictAt(kids[0], "page")
	if err != nil {
		return nil, err
	}
	res, err := src.DictAt(pg["Resources"], "page /Resources")
	if err != nil {
		return nil, err
	}
	contents := pg["Contents"]
	if contents == nil {
		return &drawn{src: src, resources: res}, nil // nothing drawn
	}
	if a, ok := contents.([]any); ok && len(a) == 1 {
		contents = a[0]
	}
	o, err := src.Resolve(contents)
	if err != nil {
		return nil, fmt.Errorf("page /Contents: %w", err)
	}
	s, ok := o.(*object.RawStream)
	if !ok {
		return nil, fmt.Errorf("page /Contents is %T, want one stream", o)
	}
	data, err := object.Decoded(s)
	if err != nil {
		return nil, fmt.Errorf("page /Contents: %w", err)
	}
	return &drawn{src: src, content: data, resources: res}, nil
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
	case *display.Form:
		if it.Frame.W <= 0 || it.Frame.H <= 0 {
			return fmt.Errorf("frame %v is empty", it.Frame)
		}
		d.forms = append(d.forms, it)
		return nil
	case nil:
		return fmt.Errorf("nil item")
	}
	return fmt.Errorf("unknown item type %T", it)
}

// text draws a run at its baseline origin: SetXY then Text, with its own colour and
// character spacing. gopdf merges two Texts on one line unless SetXY comes between,
// so every run gets its own SetXY.
func (d *doc) text(t *display.Text) error {
	if t.Text == "" {
		return nil
	}
	if err := checkColor(t.Color); err != nil {
		return err
	}
	if err := d.setFont(t.Face.Name(), t.Size.Points()); err != nil {
		return err
	}
	d.gp.SetTextColorCMYK(t.Color.C(), t.Color.M(), t.Color.Y(), t.Color.K())
	if err := d.gp.SetCharSpacing(t.Spacing.Points()); err != nil {
		return err
	}
	d.gp.SetXY(t.X.Points(), t.Y.Points())
	if err := d.gp.Text(t.Text); err != nil {
		return err
	}
	return d.gp.SetCharSpacing(0)
}

// setFont selects a registered face and size unless they are already selected.
func (d *doc) setFont(family string, size float64) error {
	if size <= 0 {
		return fmt.Errorf("font size %gpt is not positive", size)
	}
	if d.font == (fontState{family, size}) {
		return nil
	}
	if err := d.gp.SetFont(family, "", size); err != nil {
		return fmt.Errorf("font %s: %w", family, err)
	}
	d.font = fontState{family, size}
	return nil
}

// rule strokes a straight line in its width and colour.
func (d *doc) rule(r *display.Rule) error {
	if r.Width <= 0 {
		return fmt.Errorf("width %v is not positive", r.Width)
	}
	if err := d.setStroke(r.Color, r.Width); err != nil {
		return err
	}
	d.gp.Line(r.X1.Points(), r.Y1.Points(), r.X2.Points(), r.Y2.Points())
	return nil
}

// tint fills a rectangle. The fill colour is always set right before the fill:
// gopdf's text colour is the same PDF fill colour and would leak in.
func (d *doc) tint(t *display.Tint) error {
	if t.Rect.W <= 0 || t.Rect.H <= 0 {
		return fmt.Errorf("rectangle %v is empty", t.Rect)
	}
	if err := d.setFill(t.Color); err != nil {
		return err
	}
	r := t.Rect
	d.gp.RectFromUpperLeftWithStyle(r.X.Points(), r.Y.Points(), r.W.Points(), r.H.Points(), "F")
	return nil
}

// frame strokes the outline of a rectangle.
func (d *doc) frame(f *display.Frame) error {
	if f.Rect.W <= 0 || f.Rect.H <= 0 {
		return fmt.Errorf("rectangle %v is empty", f.Rect)
	}
	if err := d.setStroke(f.Color, f.Width); err != nil {
		return err
	}
	r := f.Rect
	d.gp.RectFromUpperLeftWithStyle(r.X.Points(), r.Y.Points(), r.W.Points(), r.H.Points(), "D")
	return nil
}

// setFill sets the CMYK fill colour.
func (d *doc) setFill(c display.Color) error {
	if err := checkColor(c); err != nil {
		return err
	}
	d.gp.SetFillColorCMYK(c.C(), c.M(), c.Y(), c.K())
	return nil
}

// setStroke sets the CMYK stroke colour and the line width.
func (d *doc) setStroke(c display.Color, width geom.Length) error {
	if err := checkColor(c); err != nil {
		return err
	}
	if width <= 0 {
		return fmt.Errorf("stroke width %v is not positive", width)
	}
	d.gp.SetStrokeColorCMYK(c.C(), c.M(), c.Y(), c.K())
	d.gp.SetLineWidth(width.Points())
	return nil
}

// InkLimit is the most ink, in percent of all four process colours together, that
// a vector colour may carry: the coldset newsprint profile's total area coverage.
const InkLimit = 240

// checkColor rejects a component above 100 percent, a colour over the ink limit, and
// the registration colour, which only the marks outside the page use.
func checkColor(c display.Color) error {
	if !c.Valid() || c == display.Registration {
		return fmt.Errorf("colour %s: components are percent, 0–100", c)
	}
	if total := int(c.C()) + int(c.M()) + int(c.Y()) + int(c.K()); total > InkLimit {
		return fmt.Errorf("colour %s: %d %% ink in all, over the %d %% the press takes", c, total, InkLimit)
	}
	return nil
}

// image draws a JPEG or PNG so that the whole picture fills Placed and only what lies
// inside Frame shows (cover and crop, never stretch). gopdf's Crop option clips to a
// rectangle at (X, Y) of the crop's size and shifts the picture by the crop's X and Y,
// in points.
func (d *doc) image(im *display.Image) error {
	f, p := im.Frame, im.Placed
	if f.W <= 0 || f.H <= 0 || p.W <= 0 || p.H <= 0 {
		return fmt.Errorf("frame %v or placement %v is empty", f, p)
	}
	data, err := readImage(im.Path)
	if err != nil {
		return err
	}
	holder, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		return err
	}
	err = d.gp.ImageByHolderWithOptions(holder, gopdf.ImageOptions{
		X:    f.X.Points(),
		Y:    f.Y.Points(),
		Rect: &gopdf.Rect{W: p.W.Points(), H: p.H.Points()},
		Crop: &gopdf.CropOptions{
			X:      (f.X - p.X).Points(),
			Y:      (f.Y - p.Y).Points(),
			Width:  f.W.Points(),
			Height: f.H.Points(),
		},
	})
	if err != nil {
		return fmt.Errorf("embed: %w", err)
	}
	return nil
}

// readImage reads a picture file and checks that it is a JPEG or PNG.
func readImage(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if pe, ok := err.(*os.PathError); ok {
		return nil, fmt.Errorf("%s: %w", pe.Op, pe.Err) // the caller names the file
	}
	if err != nil {
		return nil, err
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a readable JPEG or PNG: %w", err)
	}
	if format != "jpeg" && format != "png" {
		return nil, fmt.Errorf("format %s: want JPEG or PNG", format)
	}
	return data, nil
}
