package object

import (
	"bytes"
	"errors"
	"fmt"
	"math"
)

// Page is the one page of a one-page PDF file, read so that a writer can draw it as a
// form: its visible box, its resources and its content, in the file they belong to.
type Page struct {
	File *Parsed
	// Box is the page's visible area in its own units (points): its CropBox within
	// its MediaBox, or its MediaBox; X0 < X1 and Y0 < Y1.
	Box Box
	// Resources is the page's resource dictionary, inherited from the page tree when
	// the page has none of its own; nil when there is none.
	Resources map[string]any
	// Content is the page's content, decoded; the streams of a /Contents array are
	// joined with a newline between them, as a reader reads them.
	Content []byte
}

// Box is a rectangle of PDF user space: lower-left and upper-right corners.
type Box struct{ X0, Y0, X1, Y1 float64 }

// Width returns the box's width.
func (b Box) Width() float64 { return b.X1 - b.X0 }

// Height returns the box's height.
func (b Box) Height() float64 { return b.Y1 - b.Y0 }

// PageError says why a file is not a PDF of one page that this reader can embed, in
// words that follow the file's name: "has 2 pages", "is encrypted".
type PageError struct{ What string }

func (e *PageError) Error() string { return e.What }

// The bounds of a page tree walked by OnePage: a hostile file cannot make it loop or
// walk for long.
const (
	maxTreeDepth = 64
	maxTreeNodes = 1 << 16
	// maxReached bounds the objects a page's resources may reach (fonts, images,
	// forms and all they refer to): an advertisement reaches a few hundred, and the
	// writer copies them depth first.
	maxReached = 1 << 18
)

// OnePage reads a PDF file of exactly one page and returns that page. Every failure
// is a *PageError: the file is not a PDF this reader reads (see the reader's limits),
// is encrypted, has no page or several, or its page refers to objects it lacks.
func OnePage(b []byte) (*Page, error) {
	if n := bytes.Count(b, []byte("startxref")); n > 1 {
		return nil, &PageError{"has been updated incrementally or is linearized (it has several cross-reference sections), which this version does not read"}
	}
	p, err := Parse(b)
	if err != nil {
		if errors.Is(err, ErrEncrypted) {
			return nil, &PageError{"is encrypted"}
		}
		return nil, &PageError{fmt.Sprintf("is damaged, or a PDF of a kind this version does not read (%v)", err)}
	}
	pg, err := p.onlyPage()
	if err != nil {
		return nil, err
	}
	if err := p.reachable(pg.Resources); err != nil {
		return nil, &PageError{fmt.Sprintf("is damaged: its page's resources %v", err)}
	}
	pg.File = p
	return pg, nil
}

// inherited are a page's attributes that its page tree may give it.
type inherited struct {
	resources      any
	media, crop    any
	rotate         any
	resourcesGiven bool
}

// onlyPage walks the page tree and returns its page, when it has exactly one.
func (p *Parsed) onlyPage() (*Page, error) {
	root, err := p.DictAt(p.Trailer["Root"], "the catalog")
	if err != nil {
		return nil, &PageError{fmt.Sprintf("is damaged (%v)", err)}
	}
	var leaves []map[string]any
	var attrs []inherited
	nodes := 0
	var walk func(v any, in inherited, depth int) error
	walk = func(v any, in inherited, depth int) error {
		if nodes++; nodes > maxTreeNodes || depth > maxTreeDepth {
			return errors.New("a page tree too large or looping")
		}
		d, err := p.DictAt(v, "a page tree node")
		if err != nil {
			return err
		}
		if r, ok := d["Resources"]; ok {
			in.resources, in.resourcesGiven = r, true
		}
		for key, at := range map[string]*any{"MediaBox": &in.media, "CropBox": &in.crop, "Rotate": &in.rotate} {
			if x, ok := d[key]; ok {
				*at = x
			}
		}
		kids, hasKids := d["Kids"]
		if d["Type"] == Name("Page") || !hasKids {
			leaves, attrs = append(leaves, d), append(attrs, in)
			return nil
		}
		list, err := p.Resolve(kids)
		if err != nil {
			return err
		}
		a, ok := list.([]any)
		if !ok {
			return fmt.Errorf("/Kids is %T, not an array", list)
		}
		for _, k := range a {
			if err := walk(k, in, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root["Pages"], inherited{}, 0); err != nil {
		return nil, &PageError{fmt.Sprintf("is damaged (its pages: %v)", err)}
	}
	switch len(leaves) {
	case 1:
	case 0:
		return nil, &PageError{"has no page"}
	default:
		return nil, &PageError{fmt.Sprintf("has %d pages", len(leaves))}
	}
	return p.page(leaves[0], attrs[0])
}

// page reads the one page's box, resources and content.
func (p *Parsed) page(d map[string]any, in inherited) (*Page, error) {
	if r, err := p.Resolve(in.rotate); err != nil || (r != nil && r != 0) {
		return nil, &PageError{fmt.Sprintf("has a rotated page (/Rotate %v), which this version does not place; save it unrotated", r)}
	}
	media, err := p.box(in.media)
	if err != nil || in.media == nil {
		return nil, &PageError{fmt.Sprintf("is damaged (its page's MediaBox %v: %v)", in.media, err)}
	}
	box := media
	if in.crop != nil {
		crop, err := p.box(in.crop)
		if err != nil {
			return nil, &PageError{fmt.Sprintf("is damaged (its page's CropBox: %v)", err)}
		}
		box = Box{max(crop.X0, media.X0), max(crop.Y0, media.Y0), min(crop.X1, media.X1), min(crop.Y1, media.Y1)}
	}
	if !(box.Width() > 0 && box.Height() > 0) {
		return nil, &PageError{fmt.Sprintf("has a page with no area (%g × %g pt)", max(box.Width(), 0), max(box.Height(), 0))}
	}
	pg := &Page{Box: box}
	if in.resourcesGiven {
		if pg.Resources, err = p.DictAt(in.resources, "/Resources"); err != nil {
			return nil, &PageError{fmt.Sprintf("is damaged (%v)", err)}
		}
	}
	if pg.Content, err = p.content(d["Contents"]); err != nil {
		return nil, &PageError{fmt.Sprintf("has page content this version cannot read (%v)", err)}
	}
	return pg, nil
}

// box reads a rectangle [x0 y0 x1 y1], in either corner order.
func (p *Parsed) box(v any) (Box, error) {
	o, err := p.Resolve(v)
	if err != nil {
		return Box{}, err
	}
	a, ok := o.([]any)
	if !ok || len(a) != 4 {
		return Box{}, fmt.Errorf("%v is not a rectangle", o)
	}
	var n [4]float64
	for i, e := range a {
		e, err := p.Resolve(e)
		if err != nil {
			return Box{}, err
		}
		switch e := e.(type) {
		case int:
			n[i] = float64(e)
		case float64:
			n[i] = e
		default:
			return Box{}, fmt.Errorf("%v is not a rectangle", a)
		}
		if math.IsNaN(n[i]) || math.IsInf(n[i], 0) || math.Abs(n[i]) > 1e6 {
			return Box{}, fmt.Errorf("%v is not a rectangle", a)
		}
	}
	return Box{min(n[0], n[2]), min(n[1], n[3]), max(n[0], n[2]), max(n[1], n[3])}, nil
}

// content decodes a page's /Contents: none, one stream or an array of streams.
func (p *Parsed) content(v any) ([]byte, error) {
	o, err := p.Resolve(v)
	if err != nil || o == nil {
		return nil, err
	}
	list, ok := o.([]any)
	if !ok {
		list = []any{v}
	}
	var out []byte
	for i, e := range list {
		o, err := p.Resolve(e)
		if err != nil {
			return nil, err
		}
		s, ok := o.(*RawStream)
		if !ok {
			return nil, fmt.Errorf("/Contents holds %T, not a stream", o)
		}
		data, err := Decoded(s)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			out = append(out, '\n')
		}
		out = append(out, data...)
	}
	return out, nil
}

// reachable checks that every object the value refers to, directly or through
// others, is in the file.
func (p *Parsed) reachable(v any) error {
	seen := map[Ref]bool{}
	stack := []any{v}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch v := v.(type) {
		case Ref:
			if seen[v] {
				continue
			}
			if seen[v] = true; len(seen) > maxReached {
				return fmt.Errorf("reach more than %d objects", maxReached)
			}
			o, ok := p.Objs[int(v)]
			if !ok {
				return fmt.Errorf("refer to object %d, which the file lacks", int(v))
			}
			stack = append(stack, o)
		case []any:
			stack = append(stack, v...)
		case map[string]any:
			for _, e := range v {
				stack = append(stack, e)
			}
		case *RawStream:
			stack = append(stack, v.Dict)
		}
	}
	return nil
}
