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

	"github.com/signintech/gopdf"
)

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
	if err := checkCoverage(t); err != nil {
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

// checkColor rejects a component above 100 percent, and the registration colour,
// which this writer does not draw.
func checkColor(c display.Color) error {
	if !c.Valid() || c == display.Registration {
		return fmt.Errorf("colour %s: components are percent, 0–100", c)
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
