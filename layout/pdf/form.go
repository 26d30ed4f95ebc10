package pdf

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"strconv"

	"broadsheet/layout/display"
	"broadsheet/layout/pdf/object"
)

// A one-page PDF (an advertisement, a logo) is drawn as a form XObject: its page's
// content becomes the form's stream, its box the form's /BBox, and its resources are
// copied whole into the file, every object they reach renumbered in the order first
// reached (keys in sorted order), so the same page always gives the same bytes. The
// forms are drawn by a content stream of their own, after the page's, each as
// q sx 0 0 sy tx ty cm /FmN Do Q. The page's black-overprint state does not reach
// them: a foreign page's colours print as its maker set them (a white knockout set to
// overprint would vanish).

// formPrefix starts the names of the page's forms: /Fm0, /Fm1… (gopdf names its images
// /I…).
const formPrefix = "Fm"

// scaleDigits is how many decimals a form's scale is written with: a form scaled
// to 0.000001 is off by under 0.001 pt across a page.
const scaleDigits = 6

// foreign is a PDF file whose page is drawn as a form, and the objects of it already
// copied into the file being written.
type foreign struct {
	page   *object.Page
	copied map[object.Ref]object.Ref
}

// embedded is a form written into the file: its name in the page's resources and its
// page's box.
type embedded struct {
	name object.Name
	box  object.Box
}

// forms embeds every form's file once, in the order first drawn, names it in the
// page's XObject resources and returns the content stream that draws the forms.
func (a *assembly) forms(list []*display.Form, res resources, s *sheet) ([]byte, error) {
	byPath := map[string]embedded{}
	var b bytes.Buffer
	b.WriteString("q\n")
	if s.margin != 0 {
		fmt.Fprintf(&b, "1 0 0 1 %s %s cm\n", num(s.margin), num(s.margin))
	}
	for _, f := range list {
		e, ok := byPath[f.Path]
		if !ok {
			ref, box, err := a.embedForm(f.Path)
			if err != nil {
				return nil, fmt.Errorf("form %s: %w", f.Path, err)
			}
			e = embedded{name: object.Name(formPrefix + strconv.Itoa(len(byPath))), box: box}
			byPath[f.Path] = e
			res.ensure("XObject").Set(string(e.name), ref)
		}
		sx, sy := f.Frame.W.Points()/e.box.Width(), f.Frame.H.Points()/e.box.Height()
		tx := f.Frame.X.Points() - e.box.X0*sx
		ty := s.height - 2*s.margin - f.Frame.Bottom().Points() - e.box.Y0*sy
		fmt.Fprintf(&b, "q %s 0 0 %s %s %s cm /%s Do Q\n", scale(sx), scale(sy), num(tx), num(ty), e.name)
	}
	b.WriteString("Q\n")
	return b.Bytes(), nil
}

// scale formats a form's scale factor to scaleDigits decimals.
func scale(v float64) string {
	p := math.Pow10(scaleDigits)
	return strconv.FormatFloat(math.Round(v*p)/p, 'f', -1, 64)
}

// embedForm writes the form of the one-page PDF at path and returns it and its box.
func (a *assembly) embedForm(path string) (object.Ref, object.Box, error) {
	data, err := os.ReadFile(path)
	if pe, ok := err.(*os.PathError); ok {
		return 0, object.Box{}, fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	if err != nil {
		return 0, object.Box{}, err
	}
	pg, err := object.OnePage(data)
	if err != nil {
		return 0, object.Box{}, fmt.Errorf("the file %w", err)
	}
	fr := &foreign{page: pg, copied: map[object.Ref]object.Ref{}}
	res := &object.Dict{}
	if pg.Resources != nil {
		v, err := a.copyForeign(fr, pg.Resources)
		if err != nil {
			return 0, object.Box{}, fmt.Errorf("resources: %w", err)
		}
		res = v.(*object.Dict)
	}
	bx := pg.Box
	form := object.NewDict(
		"Type", object.Name("XObject"),
		"Subtype", object.Name("Form"),
		"BBox", object.Array{object.Real(bx.X0), object.Real(bx.Y0), object.Real(bx.X1), object.Real(bx.Y1)},
		"Resources", res,
	)
	a.formContent = append(a.formContent, pg.Content...)
	return a.f.Add(object.Deflated(form, pg.Content)), bx, nil
}

// copyForeign copies a value of a foreign file and every object it reaches; a
// stream keeps its data and filters as they are. A page or page tree node reached
// (a back link some writers leave) becomes null: the file has one page, ours.
func (a *assembly) copyForeign(fr *foreign, v any) (any, error) {
	switch v := v.(type) {
	case nil:
		return object.Null{}, nil
	case int, bool, object.Name:
		return v, nil
	case float64:
		return object.Real(v), nil
	case []byte:
		return object.Bytes(v), nil
	case []any:
		out := make(object.Array, len(v))
		for i, e := range v {
			c, err := a.copyForeign(fr, e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case map[string]any:
		d := &object.Dict{}
		for _, k := range sortedKeys(v) {
			if v[k] == nil {
				continue // a null entry is an absent one
			}
			c, err := a.copyForeign(fr, v[k])
			if err != nil {
				return nil, fmt.Errorf("/%s: %w", k, err)
			}
			d.Set(k, c)
		}
		return d, nil
	case *object.RawStream:
		d := &object.Dict{}
		for _, k := range sortedKeys(v.Dict) {
			if k == "Length" || v.Dict[k] == nil {
				continue
			}
			c, err := a.copyForeign(fr, v.Dict[k])
			if err != nil {
				return nil, fmt.Errorf("stream /%s: %w", k, err)
			}
			d.Set(k, c)
		}
		return object.Plain(d, v.Data), nil
	case object.Ref:
		if out, ok := fr.copied[v]; ok {
			return out, nil
		}
		o, err := fr.page.File.Resolve(v)
		if err != nil {
			return nil, err
		}
		if d, ok := o.(map[string]any); ok && (d["Type"] == object.Name("Page") || d["Type"] == object.Name("Pages")) {
			return object.Null{}, nil
		}
		out := a.f.Reserve() // before the copy: objects may refer to each other in a loop
		fr.copied[v] = out
		c, err := a.copyForeign(fr, o)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", int(v), err)
		}
		a.f.Put(out, c)
		return out, nil
	}
	return nil, fmt.Errorf("unexpected value %v (%T)", v, v)
}
