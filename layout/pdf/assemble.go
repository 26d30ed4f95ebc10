package pdf

import (
	"bytes"
	"crypto/sha256"
	_ "embed" // the output profiles travel inside the binary
	"errors"
	"fmt"
	"slices"
	"strings"

	"broadsheet/fonts"
	"broadsheet/layout/display"
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
	f      file
	src    *parsed
	copied map[int]ref
	srgb   ref
}

// assemble writes the whole file: catalog, page, content, fonts, images, output
// intents, metadata and information.
func assemble(page *display.Page, s *sheet, faces []*subsetFace, d *drawn, date pdfDate) ([]byte, error) {
	a := &assembly{src: d.src, copied: make(map[int]ref)}
	catalog, info := a.f.reserve(), a.f.reserve()
	pagesRef, pageRef := a.f.reserve(), a.f.reserve()
	fontRefs := make(map[string]ref, len(faces))
	var slug *subsetFace
	for _, sf := range faces {
		fontRefs[sf.id.Name()] = a.f.fontObjects(sf)
		if sf.id == slugFace {
			slug = sf
		}
	}
	res, err := a.resources(d.resources, fontRefs)
	if err != nil {
		return nil, err
	}
	overprint := a.f.add(newDict("Type", name("ExtGState"), "OP", true, "op", true, "OPM", 1))
	gs := res.ensure("ExtGState")
	gs.set(overprintState, overprint)
	var content bytes.Buffer
	content.Grow(len(d.content) + 4096)
	fmt.Fprintf(&content, "q\n/%s gs\n", overprintState)
	if s.margin != 0 {
		fmt.Fprintf(&content, "1 0 0 1 %s %s cm\n", num(s.margin), num(s.margin))
	}
	content.Write(d.content)
	content.WriteString("\nQ\n")
	if s.marks {
		res.ensure("ColorSpace").set(registration, registrationSpace())
		var glyphs *fonts.Subset
		if slug != nil && s.slug != "" {
			glyphs = slug.subset
			res.ensure("Font").set(slugFont, fontRefs[slug.id.Name()])
		}
		content.WriteString(s.marksContent(glyphs))
	}
	contentRef := a.f.add(deflatedStream(nil, content.Bytes()))
	pg := newDict(
		"Type", name("Page"),
		"Parent", pagesRef,
		"MediaBox", array{0, 0, s.width, s.height},
		"TrimBox", box(s.trim),
	)
	if s.margin != 0 {
		pg.set("BleedBox", box(s.bleed))
	}
	pg.set("Resources", res.dict)
	pg.set("Contents", contentRef)
	a.f.put(pageRef, pg)
	a.f.put(pagesRef, newDict("Type", name("Pages"), "Kids", array{pageRef}, "Count", 1))

	profile, condition, err := outputProfile(page.Print)
	if err != nil {
		return nil, err
	}
	profileRef := a.f.add(profile)
	intents := array{}
	for _, kind := range []string{"GTS_PDFX", "GTS_PDFA1"} {
		intents = append(intents, outputIntent(kind, condition, profileRef))
	}
	ids := contentIDs(content.Bytes(), faces, page.Meta.Title)
	meta := metadata{title: page.Meta.Title, date: date, documentID: ids[0], instanceID: ids[1]}
	metaRef := a.f.add(&stream{dict: newDict("Type", name("Metadata"), "Subtype", name("XML")), data: meta.xmp()})
	a.f.put(catalog, newDict(
		"Type", name("Catalog"),
		"Pages", pagesRef,
		"Metadata", metaRef,
		"OutputIntents", intents,
		"Lang", textString("zh-CN"),
	))
	a.f.put(info, meta.info())
	return a.f.bytes(catalog, info)
}

// overprintState names the graphics state that makes black overprint (OP, op, OPM 1).
const overprintState = "GSop"

// registrationSpace is the colour of crop and registration marks: every ink at once
// (a Separation named All).
func registrationSpace() array {
	return array{name("Separation"), name("All"), name("DeviceCMYK"), newDict(
		"FunctionType", 2, "Domain", array{0, 1}, "C0", array{0, 0, 0, 0}, "C1", array{1, 1, 1, 1}, "N", 1)}
}

// outputProfile returns the output profile and its condition: the page's own, or the
// newsprint profile this package carries.
// The profile comes back as a stream to embed.
func outputProfile(p display.Print) (*stream, condition, error) {
	if p.OutputProfile == "" {
		return packedStream(newDict("N", 4), newsprintPacked), condition{newsprintCondition, newsprintInfo, iccRegistry}, nil
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
	return deflatedStream(newDict("N", 4), b), condition{customConditionName, info, ""}, nil
}

// condition is an output intent's printing condition.
type condition struct{ identifier, info, registry string }

// outputIntent returns one output intent of subtype kind.
func outputIntent(kind string, c condition, profile ref) *dict {
	d := newDict(
		"Type", name("OutputIntent"),
		"S", name(kind),
		"OutputConditionIdentifier", textString(c.identifier),
		"OutputCondition", textString(c.info),
		"Info", textString(c.info),
	)
	if c.registry != "" {
		d.set("RegistryName", textString(c.registry))
	}
	d.set("DestOutputProfile", profile)
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
type resources struct{ dict *dict }

// ensure returns the sub-dictionary of category (Font, XObject…), making it.
func (r resources) ensure(category string) *dict {
	for i, k := range r.dict.keys {
		if k == category {
			return r.dict.vals[i].(*dict)
		}
	}
	d := &dict{}
	r.dict.set(category, d)
	return d
}

// resources copies the resources gopdf's page names: its fonts become broadsheet's
// own font objects (by the face name gopdf was given), its images are copied with
// their colour tagged, its graphics states as they are. A category broadsheet does
// not draw with is an error.
func (a *assembly) resources(src map[string]any, fontRefs map[string]ref) (resources, error) {
	res := resources{dict: &dict{}}
	for _, category := range sortedKeys(src) {
		entries, err := a.src.dictAt(src[category], "/"+category)
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
			out.set(key, v)
		}
	}
	return res, nil
}

// font returns broadsheet's font object for a font gopdf's page names.
func (a *assembly) font(v any, fontRefs map[string]ref) (any, error) {
	d, err := a.src.dictAt(v, "font")
	if err != nil {
		return nil, err
	}
	base, _ := d["BaseFont"].(name)
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
	r, ok := v.(ref)
	if !ok {
		return nil, fmt.Errorf("image %v is not an indirect object", v)
	}
	if out, ok := a.copied[int(r)]; ok {
		return out, nil
	}
	o, err := a.src.resolve(r)
	if err != nil {
		return nil, err
	}
	s, ok := o.(*rawStream)
	if !ok || s.dict["Subtype"] != name("Image") {
		return nil, fmt.Errorf("XObject %d is not an image", int(r))
	}
	d := &dict{}
	for _, k := range sortedKeys(s.dict) {
		var v any
		var err error
		switch k {
		case "Length":
			continue
		case "ColorSpace":
			v, err = a.colorSpace(s.dict[k])
		case "SMask":
			v, err = a.image(s.dict[k])
		default:
			v, err = a.copyValue(s.dict[k])
		}
		if err != nil {
			return nil, fmt.Errorf("image /%s: %w", k, err)
		}
		d.set(k, v)
	}
	out := a.f.add(&stream{dict: d, data: s.data})
	a.copied[int(r)] = out
	return out, nil
}

// colorSpace returns an image's colour space with DeviceRGB replaced by ICCBased
// sRGB (an Indexed space's base included). DeviceGray and DeviceCMYK stay.
func (a *assembly) colorSpace(v any) (any, error) {
	v, err := a.src.resolve(v)
	if err != nil {
		return nil, err
	}
	switch cs := v.(type) {
	case name:
		switch cs {
		case "DeviceRGB":
			return a.srgbSpace(), nil
		case "DeviceGray", "DeviceCMYK":
			return cs, nil
		}
	case []any:
		if len(cs) == 4 && cs[0] == name("Indexed") {
			base, err := a.colorSpace(cs[1])
			if err != nil {
				return nil, err
			}
			rest, err := a.copyValue(cs[2:])
			if err != nil {
				return nil, err
			}
			return append(array{name("Indexed"), base}, rest.(array)...), nil
		}
	}
	return nil, fmt.Errorf("colour space %v", v)
}

// srgbSpace returns the ICCBased sRGB colour space, embedding the profile once.
func (a *assembly) srgbSpace() array {
	if a.srgb == 0 {
		a.srgb = a.f.add(packedStream(newDict("N", 3, "Alternate", name("DeviceRGB")), srgbPacked))
	}
	return array{name("ICCBased"), a.srgb}
}

// copyValue copies a value of gopdf's file, and the objects it refers to.
func (a *assembly) copyValue(v any) (any, error) {
	switch v := v.(type) {
	case int, float64, bool, name:
		return v, nil
	case []byte:
		return byteString(v), nil
	case []any:
		out := make(array, len(v))
		for i, e := range v {
			c, err := a.copyValue(e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case map[string]any:
		d := &dict{}
		for _, k := range sortedKeys(v) {
			c, err := a.copyValue(v[k])
			if err != nil {
				return nil, fmt.Errorf("/%s: %w", k, err)
			}
			d.set(k, c)
		}
		return d, nil
	case ref:
		if out, ok := a.copied[int(v)]; ok {
			return out, nil
		}
		o, err := a.src.resolve(v)
		if err != nil {
			return nil, err
		}
		if _, ok := o.(*rawStream); ok {
			return nil, fmt.Errorf("object %d: a stream this writer does not expect", int(v))
		}
		c, err := a.copyValue(o)
		if err != nil {
			return nil, err
		}
		out := a.f.add(c)
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
