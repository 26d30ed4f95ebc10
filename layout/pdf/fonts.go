package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"unicode/utf16"

	"broadsheet/fonts"
	"broadsheet/layout/display"
	"broadsheet/layout/pdf/object"
)

// usage records, per face, the characters a page draws with it.
type usage [fonts.Count]map[rune]struct{}

// add records the characters of s drawn with face id.
func (u *usage) add(id fonts.ID, s string) {
	if u[id] == nil {
		u[id] = make(map[rune]struct{})
	}
	for _, r := range s {
		u[id][r] = struct{}{}
	}
}

// collect gathers the faces and characters of every text item in items, and fails on
// the first character a face cannot draw: gopdf would draw it as a blank without a
// word, and choosing a fallback face is layout's job.
func (u *usage) collect(page *display.Page, items []display.Item) error {
	for i, it := range items {
		t, ok := it.(*display.Text)
		if !ok || t.Text == "" {
			continue
		}
		if err := checkCoverage(t); err != nil {
			return fmt.Errorf("%s: %w", itemName(page, i), err)
		}
		u.add(t.Face, t.Text)
	}
	return nil
}

// faces returns the faces the page uses, in ID order.
func (u *usage) faces() []fonts.ID {
	var ids []fonts.ID
	for id := fonts.ID(0); id < fonts.Count; id++ {
		if u[id] != nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// chars returns the characters of face id, sorted.
func (u *usage) chars(id fonts.ID) []rune {
	runes := make([]rune, 0, len(u[id]))
	for r := range u[id] {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	return runes
}

// checkCoverage returns an error naming the first character of t its face cannot draw.
func checkCoverage(t *display.Text) error {
	face, err := fonts.Load(t.Face)
	if err != nil {
		return err
	}
	for _, r := range t.Text {
		if !face.Has(r) {
			return fmt.Errorf("face %s has no glyph for %U %q", t.Face.Name(), r, r)
		}
	}
	return nil
}

// subsetTag returns the six capital letters that prefix a subset's font name,
// derived from a hash of the face's name and the sorted characters, so a different
// subset gets a different tag and the same page always gets the same one.
func subsetTag(id fonts.ID, runes []rune) string {
	h := sha256.New()
	h.Write([]byte(id.Name()))
	var buf [4]byte
	for _, r := range runes {
		binary.BigEndian.PutUint32(buf[:], uint32(r))
		h.Write(buf[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// subsetFace is one face as one page embeds it.
type subsetFace struct {
	id     fonts.ID
	name   string // the PDF font name: tag, "+", face name
	face   *fonts.Face
	subset *fonts.Subset
}

// subsets builds the compact subset of every face the page uses.
func (u *usage) subsets() ([]*subsetFace, error) {
	var out []*subsetFace
	for _, id := range u.faces() {
		face, err := fonts.Load(id)
		if err != nil {
			return nil, err
		}
		runes := u.chars(id)
		name := subsetTag(id, runes) + "+" + id.Name()
		s, err := face.Subset(runes, name)
		if err != nil {
			return nil, err
		}
		out = append(out, &subsetFace{id: id, name: name, face: face, subset: s})
	}
	return out, nil
}

// defaultWidth is the width of an ideograph, one em: the /DW of every font, so the
// width array lists only the glyphs of other widths.
const defaultWidth = 1000

// fontObjects adds the Type 0 font of a subset, with its descendant CIDFontType2,
// descriptor, font program, widths and ToUnicode map, and returns its reference.
// Character codes are the subset's glyph numbers (Identity-H, CIDToGIDMap Identity).
func fontObjects(f *object.File, s *subsetFace) object.Ref {
	m := s.face.Metrics()
	program := f.Add(object.Deflated(object.NewDict("Length1", len(s.subset.Program)), s.subset.Program))
	descriptor := f.Add(object.NewDict(
		"Type", object.Name("FontDescriptor"),
		"FontName", object.Name(s.name),
		"Flags", 4, // symbolic: the glyphs are reached by number, not by a standard encoding
		"FontBBox", object.Array{m.BBox[0], m.BBox[1], m.BBox[2], m.BBox[3]},
		"ItalicAngle", m.ItalicAngle,
		"Ascent", m.Ascent,
		"Descent", m.Descent,
		"CapHeight", m.CapHeight,
		"StemV", 80, // not in TrueType; a regular weight's usual value
		"FontFile2", program,
	))
	cid := f.Add(object.NewDict(
		"Type", object.Name("Font"),
		"Subtype", object.Name("CIDFontType2"),
		"BaseFont", object.Name(s.name),
		"CIDSystemInfo", object.NewDict("Registry", object.Text("Adobe"), "Ordering", object.Text("Identity"), "Supplement", 0),
		"FontDescriptor", descriptor,
		"DW", defaultWidth,
		"W", widthArray(s.subset.Widths),
		"CIDToGIDMap", object.Name("Identity"),
	))
	toUnicode := f.Add(object.Deflated(nil, toUnicodeCMap(s.subset)))
	return f.Add(object.NewDict(
		"Type", object.Name("Font"),
		"Subtype", object.Name("Type0"),
		"BaseFont", object.Name(s.name),
		"Encoding", object.Name("Identity-H"),
		"DescendantFonts", object.Array{cid},
		"ToUnicode", toUnicode,
	))
}

// widthArray returns the /W array of the glyphs whose width is not defaultWidth, in
// runs of consecutive glyphs: [first [w w …] first [w …] …].
func widthArray(widths []int) object.Array {
	var a object.Array
	for g := 0; g < len(widths); {
		if widths[g] == defaultWidth {
			g++
			continue
		}
		run := object.Array{}
		first := g
		for ; g < len(widths) && widths[g] != defaultWidth; g++ {
			run = append(run, widths[g])
		}
		a = append(a, first, run)
	}
	if a == nil {
		a = object.Array{}
	}
	return a
}

// toUnicodeCMap writes the ToUnicode CMap of a subset: each glyph drawn for a
// character maps to it in UTF-16BE (surrogate pairs above U+FFFF), in bfchar blocks
// of at most 100 entries as the CMap format wants. A glyph two characters share maps
// to the first of them.
func toUnicodeCMap(s *fonts.Subset) []byte {
	char := make([]rune, len(s.Original))
	for _, r := range s.Chars {
		if g := s.Glyph[r]; char[g] == 0 {
			char[g] = r
		}
	}
	var entries []int
	for g, r := range char {
		if r != 0 {
			entries = append(entries, g)
		}
	}
	var b bytes.Buffer
	b.Grow(256 + 20*len(entries))
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(entries); i += 100 {
		block := entries[i:min(i+100, len(entries))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(block))
		for _, g := range block {
			fmt.Fprintf(&b, "<%04X> <%s>\n", g, utf16Hex(string(char[g])))
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// utf16Hex returns s in UTF-16BE as upper-case hex, surrogate pairs included:
// "𠀋" gives "D840DC0B".
func utf16Hex(s string) string {
	units := utf16.Encode([]rune(s))
	b := make([]byte, 0, 4*len(units))
	for _, u := range units {
		b = fmt.Appendf(b, "%04X", u)
	}
	return string(b)
}

// glyphHex returns the characters of s as the subset's two-byte glyph codes in hex,
// for text this writer draws itself (the slug line).
func glyphHex(s *fonts.Subset, str string) string {
	var b []byte
	for _, r := range str {
		b = fmt.Appendf(b, "%04X", s.Glyph[r])
	}
	return string(b)
}
