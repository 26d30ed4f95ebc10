package pdf

import (
	"bytes"
	"crypto/sha256"
	_ "embed" // the output profiles travel inside the binary
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"broadsheet/fonts"
	"broadsheet/layout/display"
	"broadsheet/layout/pdf/object"
)

// The colour profiles every file may embed (see icc/PROVENANCE.md), deflated once
// when they were added (icc_test.go checks them against the .icc files), so no page
// pays for compressing 168 KB of profile.
var (
	//go:embed icc/TR002-coldset-newsprint-240.icc.zlib
	newsprintPacked []byte
	//go:embed icc/sRGB.icm.zlib
	srgbPacked []byte
)

// The default printing condition: coldset offset on newsprint, characterised by
// CGATS TR 002, as registered with the ICC.
const (
	newsprintCondition  = "CGATS TR 002"
	newsprintInfo       = "Coldset offset printing on newsprint (CGATS TR 002), 240 % total ink"
	iccRegistry         = "http://www.color.org"
	customConditionName = "Custom"
)

// assembly is the file being written and the gopdf objects already copied into it.
type assembly struct {
	f      object.File
	src    *object.Parsed
	copied map[int]object.Ref
	srgb   object.Ref
	// formContent is the content of the forms' pages, one after another, for the ids.
	formContent []byte
}

// assemble writes the whole file: catalog, page, content, fonts, images, output
// intents, metadata and information.
func assemble(page *display.Page, s *sheet, faces []*subsetFace, d *drawn, workers int, date pdfDate) ([]byte, error) {
	a := &assembly{src: d.src, copied: make(map[int]object.Ref)}
	a.f.Workers = workers
	catalog, info := a.f.Reserve(), a.f.Reserve()
	pagesRef, pageRef := a.f.Reserve(), a.f.Reserve()
	fontRefs := make(map[string]object.Ref, len(faces))
	var slug *subsetFace
	for _, sf := range faces {
		fontRefs[sf.id.Name()] = fontObjects(&a.f, sf)
		if sf.id == slugFace {
			slug = sf
		}
	}
	res, err := a.resources(d.resources, fontRefs)
	if err != nil {
		return nil, err
	}
	overprint := a.f.Add(object.NewDict("Type", object.Name("ExtGState"), "OP", true, "op", true, "OPM", 1))
	gs := res.ensure("ExtGState")
	gs.Set(overprintState, overprint)
	var content bytes.Buffer
	content.Grow(len(d.content) + 4096)
	fmt.Fprintf(&content, "q\n/%s gs\n", overprintState)
	if s.margin != 0 {
		fmt.Fprintf(&content, "1 0 0 1 %s %s cm\n", num(s.margin), num(s.margin))
	}
	content.Write(d.content)
	content.WriteString("\nQ\n")
	if s.marks {
		res.ensure("ColorSpace").Set(registration, registrationSpace())
		var glyphs *fonts.Subset
		if slug != nil && s.slug != "" {
			glyphs = slug.subset
			res.ensure("Font").Set(slugFont, fontRefs[slug.id.Name()])
		}
		content.WriteString(s.marksContent(glyphs))
	}
	var contents any = a.f.Add(object.Deflated(nil, content.Bytes()))
	shown := content.Bytes() // what the ids are derived from
	if len(d.forms) > 0 {
		drawForms, err := a.forms(d.forms, res, s)
		if err != nil {
			return nil, err
		}
		contents = object.Array{contents, a.f.Add(object.Deflated(nil, drawForms))}
		shown = slices.Concat(shown, drawForms, a.formContent)
	}
	pg := object.NewDict(
		"Type", object.Name("Page"),
		"Parent", pagesRef,
		"MediaBox", object.Array{0, 0, s.width, s.height},
		"TrimBox", box(s.trim),
	)
	if s.margin != 0 {
		pg.Set("BleedBox", box(s.bleed))
	}
	pg.Set("Resources", res.dict)
	pg.Set("Contents", contents)
	a.f.Put(pageRef, pg)
	a.f.Put(pagesRef, object.NewDict("Type", object.Name("Pages"), "Kids", object.Array{pageRef}, "Count", 1))

	profile, condition, err := outputProfile(page.Print)
	if err != nil {
		return nil, err
	}
	profileRef := a.f.Add(profile)
	intents := object.Array{}
	for _, kind := range []string{"GTS_PDFX", "GTS_PDFA1"} {
		intents = append(intents, outputIntent(kind, condition, profileRef))
	}
	ids := contentIDs(shown, faces, page.Meta.Title)
	meta := metadata{title: title(page.Meta), date: date, documentID: ids[0], instanceID: ids[1]}
	metaRef := a.f.Add(object.Plain(object.NewDict("Type", object.Name("Metadata"), "Subtype", object.Name("XML")), meta.xmp()))
	a.f.Put(catalog, object.NewDict(
		"Type", object.Name("Catalog"),
		"Pages", pagesRef,
		"Metadata", metaRef,
		"OutputIntents", intents,
		"Lang", object.Text("zh-CN"),
	))
	a.f.Put(info, meta.info())
	return a.f.Bytes(catalog, info)
}

// title is the document's title, which PDF/X-4 requires: the page's, or else its
// issue file's name.
func title(m display.Meta) string {
	if m.Title != "" {
		return m.Title
	}
	if m.Source != "" {
		return filepath.Base(m.Source)
	}
	return Producer + " page"
}

// overprintState names the graphics state that makes black overprint (OP, op, OPM 1).
const overprintState = "GSop"

// registrationSpace is the colour of crop and registration marks: every ink at once
// (a Separation named All).
func registrationSpace() object.Array {
	return object.Array{object.Name("Separation"), object.Name("All"), object.Name("DeviceCMYK"), object.NewDict(
		"FunctionType", 2, "Domain", object.Array{0, 1}, "C0", object.Array{0, 0, 0, 0}, "C1", object.Array{1, 1, 1, 1}, "N", 1)}
}

// outputProfile returns the output profile and its condition: the page's own, or the
// newsprint profile this package carries.
// The profile comes back as a stream to embed.
func outputProfile(p display.Print) (*object.Stream, condition, error) {
	if p.OutputProfile == "" {
		return object.Packed(object.NewDict("N", 4), newsprintPacked), condition{newsprintCondition, newsprintInfo, iccRegistry}, nil
	}
	b := []byte(p.OutputProfile)
	if len(b) < 128 || string(b[36:40]) != "acsp" {
		return nil, condition{}, errors.New("output profile is not an ICC profile")
	}
	if class, space := string(b[12:16]), string(b[16:20]); class != "prtr" || space != "CMYK" {
		return nil, condition{}, fmt.Errorf("output profile is a %q profile of %q: want a CMYK output (prtr) profile", class, space)
	}
	info := p.OutputCondition
	if info == "" {
		info = "Custom CMYK printing condition"
	}
	return object.Deflated(object.NewDict("N", 4), b), condition{customConditionName, info, ""}, nil
}

// condition is an output intent's printing condition.
type condition struct{ identifier, info, registry string }

// outputIntent returns one output intent of subtype kind.
func outputIntent(kind string, c condition, profile object.Ref) *object.Dict {
	d := object.NewDict(
		"Type", object.Name("OutputIntent"),
		"S", object.Name(kind),
		"OutputConditionIdentifier", object.Text(c.identifier),
		"OutputCondition", object.Text(c.info),
		"Info", object.Text(c.info),
	)
	if c.registry != "" {
		d.Set("RegistryName", object.Text(c.registry))
	}
	d.Set("DestOutputProfile", profile)
	return d
}

// contentIDs returns two ids derived from what the page shows: the document's and
// this rendition's, so the same page always gets the same ones.
func contentIDs(content []byte, faces []*subsetFace, title string) [2][16]byte {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write(content)
	for _, f := range faces {
		h.Write([]byte(f.name))
	}
	sum := h.Sum(nil)
	var ids [2][16]byte
	copy(ids[0][:], sum[:16])
	copy(ids[1][:], sum[16:])
	for i := range ids {
		ids[i][6] = ids[i][6]&0x0F | 0x50 // a name-based (SHA) UUID, RFC 9562 version 5
		ids[i][8] = ids[i][8]&0x3F | 0x80
	}
	return ids
}

// resources is a page's resource dictionary being built.
type resources struct{ dict *object.Dict }

// ensure returns the sub-dictionary of category (Font, XObject…), making it.
func (r resources) ensure(category string) *object.Dict { return r.dict.Sub(category) }

// resources copies the resources gopdf's page names: its fonts become broadsheet's
// own font objects (by the face name gopdf was given), its images are copied with
// their colour tagged, its graphics states as they are. A category broadsheet does
// not draw with is an error.
func (a *assembly) resources(src map[string]any, fontRefs map[string]object.Ref) (resources, error) {
	res := resources{dict: &object.Dict{}}
	for _, category := range sortedKeys(src) {
		entries, err := a.src.DictAt(src[category], "/"+category)
		if category == "ProcSet" {
			continue // obsolete since PDF 1.4; nothing reads it
		}
		if err != nil {
			return res, err
		}
		out := res.ensure(category)
		for _, key := range sortedKeys(entries) {
			var v any
			switch category {
			case "Font":
				v, err = a.font(entries[key], fontRefs)
			case "XObject":
				v, err = a.image(entries[key])
			case "ExtGState", "ColorSpace":
				v, err = a.copyValue(entries[key])
			default:
				err = errors.New("not a resource this writer draws with")
			}
			if err != nil {
				return res, fmt.Errorf("resource /%s /%s: %w", category, key, err)
			}
			out.Set(key, v)
		}
	}
	return res, nil
}

// font returns broadsheet's font object for a font gopdf's page names.
func (a *assembly) font(v any, fontRefs map[string]object.Ref) (any, error) {
	d, err := a.src.DictAt(v, "font")
	if err != nil {
		return nil, err
	}
	base, _ := d["BaseFont"].(object.Name)
	plain := string(base)
	if i := strings.IndexByte(plain, '+'); i >= 0 {
		plain = plain[i+1:]
	}
	r, ok := fontRefs[plain]
	if !ok {
		return nil, fmt.Errorf("font %q is none of the page's faces", base)
	}
	return r, nil
}

// image copies an image XObject: its data as gopdf embedded it (JPEG unchanged), its
// soft mask, and its colour space tagged — DeviceRGB becomes ICCBased sRGB.
func (a *assembly) image(v any) (any, error) {
	r, ok := v.(object.Ref)
	if !ok {
		return nil, fmt.Errorf("image %v is not an indirect object", v)
	}
	if out, ok := a.copied[int(r)]; ok {
		return out, nil
	}
	o, err := a.src.Resolve(r)
	if err != nil {
		return nil, err
	}
	s, ok := o.(*object.RawStream)
	if !ok || s.Dict["Subtype"] != object.Name("Image") {
		return nil, fmt.Errorf("XObject %d is not an image", int(r))
	}
	d := &object.Dict{}
	for _, k := range sortedKeys(s.Dict) {
		var v any
		var err error
		switch k {
		case "Length":
			continue
		case "ColorSpace":
			v, err = a.colorSpace(s.Dict[k])
		case "SMask":
			v, err = a.image(s.Dict[k])
		default:
			v, err = a.copyValue(s.Dict[k])
		}
		if err != nil {
			return nil, fmt.Errorf("image /%s: %w", k, err)
		}
		d.Set(k, v)
	}
	out := a.f.Add(object.Plain(d, s.Data))
	a.copied[int(r)] = out
	return out, nil
}

// colorSpace returns an image's colour space with DeviceRGB replaced by ICCBased
// sRGB (an Indexed space's base included). DeviceGray and DeviceCMYK stay.
func (a *assembly) colorSpace(v any) (any, error) {
	v, err := a.src.Resolve(v)
	if err != nil {
		return nil, err
	}
	switch cs := v.(type) {
	case object.Name:
		switch cs {
		case "DeviceRGB":
			return a.srgbSpace(), nil
		case "DeviceGray", "DeviceCMYK":
			return cs, nil
		}
	case []any:
		if len(cs) == 4 && cs[0] == object.Name("Indexed") {
			base, err := a.colorSpace(cs[1])
			if err != nil {
				return nil, err
			}
			rest, err := a.copyValue(cs[2:])
			if err != nil {
				return nil, err
			}
			return append(object.Array{object.Name("Indexed"), base}, rest.(object.Array)...), nil
		}
	}
	return nil, fmt.Errorf("colour space %v", v)
}

// srgbSpace returns the ICCBased sRGB colour space, embedding the profile once.
func (a *assembly) srgbSpace() object.Array {
	if a.srgb == 0 {
		a.srgb = a.f.Add(object.Packed(object.NewDict("N", 3, "Alternate", object.Name("DeviceRGB")), srgbPacked))
	}
	return object.Array{object.Name("ICCBased"), a.srgb}
}

// copyValue copies a value of gopdf's file, and the objects it refers to.
func (a *assembly) copyValue(v any) (any, error) {
	switch v := v.(type) {
	case int, float64, bool, object.Name:
		return v, nil
	case []byte:
		return object.Bytes(v), nil
	case []any:
		out := make(object.Array, len(v))
		for i, e := range v {
			c, err := a.copyValue(e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case map[string]any:
		d := &object.Dict{}
		for _, k := range sortedKeys(v) {
			c, err := a.copyValue(v[k])
			if err != nil {
				return nil, fmt.Errorf("/%s: %w", k, err)
			}
			d.Set(k, c)
		}
		return d, nil
	case object.Ref:
		if out, ok := a.copied[int(v)]; ok {
			return out, nil
		}
		o, err := a.src.Resolve(v)
		if err != nil {
			return nil, err
		}
		if _, ok := o.(*object.RawStream); ok {
			return nil, fmt.Errorf("object %d: a stream this writer does not expect", int(v))
		}
		c, err := a.copyValue(o)
		if err != nil {
			return nil, err
		}
		out := a.f.Add(c)
		a.copied[int(v)] = out
		return out, nil
	}
	return nil, fmt.Errorf("unexpected value %v (%T)", v, v)
}

// sortedKeys returns a dictionary's keys in order.
func sortedKeys(d map[string]any) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
