package sfnt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"unicode/utf16"
)

// Subset is a compact font program holding .notdef and the glyphs that draw a set
// of characters, renumbered from 1 in the order of the characters, then the
// components composite glyphs refer to. Its loca and hmtx cover only those glyphs,
// so the program is small before it is compressed.
type Subset struct {
	// Program is the TrueType font program: glyf, loca, hmtx, cmap (Unicode, for the
	// subset's characters), head, hhea, maxp, OS/2, post (version 3, no names), a
	// name table holding only the given name, and the hinting tables if the font has any.
	Program []byte
	// Metrics is Program without outlines: the same glyphs, character map and
	// metrics, every glyph empty. It is for a program that only places glyphs.
	Metrics []byte
	// Glyph maps each character to its glyph in Program.
	Glyph map[rune]uint16
	// Original holds, for each glyph of Program, its index in the font.
	Original []int
}

// maxCmap4Segments keeps the format 4 subtable's length within its 16-bit field.
const maxCmap4Segments = 8000

// Subset builds the compact program of the glyphs drawing runes (in that order;
// duplicates are allowed) named name (ASCII). A character the font lacks is an error.
func (f *Font) Subset(runes []rune, name string) (*Subset, error) {
	s := &Subset{Glyph: make(map[rune]uint16, len(runes)), Original: []int{0}}
	index := map[int]uint16{0: 0}
	add := func(g int) uint16 {
		if n, ok := index[g]; ok {
			return n
		}
		n := uint16(len(s.Original))
		index[g] = n
		s.Original = append(s.Original, g)
		return n
	}
	for _, r := range runes {
		g := f.GlyphIndex(r)
		if g == 0 {
			return nil, fmt.Errorf("no glyph for %U %q", r, r)
		}
		s.Glyph[r] = add(g)
	}
	glyphs := make([]string, 0, len(s.Original))
	for i := 0; i < len(s.Original); i++ { // s.Original grows with the components
		data, err := f.glyph(s.Original[i])
		if err != nil {
			return nil, err
		}
		if err := eachComponent(data, func(int, int) error { return nil }); err != nil {
			return nil, fmt.Errorf("glyph %d: %w", s.Original[i], err)
		}
		_ = eachComponent(data, func(_, c int) error {
			if c < f.numGlyphs {
				add(c)
			}
			return nil
		})
		glyphs = append(glyphs, data)
	}
	if len(s.Original) > 0xFFFF {
		return nil, errors.New("subset of more than 65,535 glyphs")
	}
	glyf, loca, err := f.subsetGlyphs(glyphs, index)
	if err != nil {
		return nil, err
	}
	cmap, err := subsetCmap(runes, s.Glyph)
	if err != nil {
		return nil, err
	}
	tables := []Table{
		{"glyf", glyf}, {"loca", loca}, {"hmtx", f.subsetHmtx(s.Original)}, {"cmap", cmap},
		{"head", f.patched("head", 50, 1)}, // long loca offsets
		{"hhea", f.patched("hhea", 34, len(s.Original))},
		{"maxp", f.patched("maxp", 4, len(s.Original))},
		{"OS/2", []byte(f.tables["OS/2"])},
		{"post", postV3(f.tables["post"])},
		{"name", nameTable(name)},
	}
	for _, tag := range []string{"cvt ", "fpgm", "prep", "gasp"} {
		if t := f.tables[tag]; t != "" {
			tables = append(tables, Table{tag, []byte(t)})
		}
	}
	s.Program = Write(tables)
	tables[0].Data, tables[1].Data = nil, make([]byte, 4*(len(s.Original)+1)) // glyf, loca: all empty
	s.Metrics = Write(tables)
	return s, nil
}

// patched returns a copy of table tag with the 16-bit field at at set to v.
func (f *Font) patched(tag string, at, v int) []byte {
	t := []byte(f.tables[tag])
	binary.BigEndian.PutUint16(t[at:], uint16(v))
	return t
}

// subsetGlyphs writes the glyf table of the given glyphs, in order, with the
// component references of composites renumbered through index, and its long loca.
func (f *Font) subsetGlyphs(glyphs []string, index map[int]uint16) (glyf, loca []byte, err error) {
	size := 0
	for _, g := range glyphs {
		size += pad4(len(g))
	}
	glyf = make([]byte, 0, size)
	loca = make([]byte, 4*(len(glyphs)+1))
	for i, g := range glyphs {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		at := len(glyf)
		glyf = append(glyf, g...)
		err := eachComponent(g, func(off, c int) error {
			n, ok := index[c]
			if !ok {
				return fmt.Errorf("component glyph %d outside the font", c)
			}
			binary.BigEndian.PutUint16(glyf[at+off:], n)
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		glyf = append(glyf, make([]byte, pad4(len(g))-len(g))...)
	}
	binary.BigEndian.PutUint32(loca[4*len(glyphs):], uint32(len(glyf)))
	return glyf, loca, nil
}

// subsetHmtx returns the horizontal metrics of the original glyphs, all long.
func (f *Font) subsetHmtx(original []int) []byte {
	hmtx := f.tables["hmtx"]
	out := make([]byte, 4*len(original))
	for i, g := range original {
		binary.BigEndian.PutUint16(out[4*i:], uint16(f.Advance(g)))
		lsb := 4*f.numHMetrics + 2*(g-f.numHMetrics)
		if g < f.numHMetrics {
			lsb = 4*g + 2
		}
		binary.BigEndian.PutUint16(out[4*i+2:], u16(hmtx, lsb))
	}
	return out
}

// Composite glyph component flags.
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// eachComponent calls fn with the offset of each component's glyph index in a
// composite glyph and the index; a simple glyph (numberOfContours ≥ 0) has none.
func eachComponent(glyph string, fn func(off, glyph int) error) error {
	if len(glyph) < 10 || int16(u16(glyph, 0)) >= 0 {
		return nil
	}
	for at := 10; ; {
		if at+4 > len(glyph) {
			return errors.New("truncated composite glyph")
		}
		flags := u16(glyph, at)
		if err := fn(at+2, int(u16(glyph, at+2))); err != nil {
			return err
		}
		if flags&moreComponents == 0 {
			return nil
		}
		at += 4 + componentArgsSize(flags)
	}
}

// componentArgsSize returns the bytes of offsets and transform after a component's
// flags and glyph index.
func componentArgsSize(flags uint16) int {
	n := 2
	if flags&argsAreWords != 0 {
		n = 4
	}
	switch {
	case flags&haveScale != 0:
		n += 2
	case flags&haveXYScale != 0:
		n += 4
	case flags&haveTwoByTwo != 0:
		n += 8
	}
	return n
}

// subsetCmap writes a cmap with a Windows BMP subtable (format 4) and a Windows full
// repertoire subtable (format 12) mapping the subset's characters.
func subsetCmap(runes []rune, glyph map[rune]uint16) ([]byte, error) {
	chars := slices.Clone(runes)
	slices.Sort(chars)
	chars = slices.Compact(chars)
	var bmp []rune
	for _, r := range chars {
		if r < 0xFFFF {
			bmp = append(bmp, r)
		}
	}
	if len(bmp)+1 > maxCmap4Segments {
		return nil, fmt.Errorf("%d characters: too many for a format 4 cmap", len(bmp))
	}
	be := binary.BigEndian
	// format 4: one segment per character, then the closing 0xFFFF segment.
	segs := len(bmp) + 1
	f4 := make([]byte, 16+8*segs)
	be.PutUint16(f4, 4)
	be.PutUint16(f4[2:], uint16(len(f4)))
	be.PutUint16(f4[6:], uint16(2*segs))
	sel := 0
	for 2<<sel <= segs {
		sel++
	}
	be.PutUint16(f4[8:], uint16(2<<sel))
	be.PutUint16(f4[10:], uint16(sel))
	be.PutUint16(f4[12:], uint16(2*segs-2<<sel))
	ends, starts, deltas := 14, 16+2*segs, 16+4*segs
	for i, r := range append(bmp, 0xFFFF) {
		be.PutUint16(f4[ends+2*i:], uint16(r))
		be.PutUint16(f4[starts+2*i:], uint16(r))
		delta := 1
		if r != 0xFFFF {
			delta = int(glyph[r]) - int(r)
		}
		be.PutUint16(f4[deltas+2*i:], uint16(delta))
	}
	f12 := make([]byte, 16+12*len(chars))
	be.PutUint16(f12, 12)
	be.PutUint32(f12[4:], uint32(len(f12)))
	be.PutUint32(f12[12:], uint32(len(chars)))
	for i, r := range chars {
		g := f12[16+12*i:]
		be.PutUint32(g, uint32(r))
		be.PutUint32(g[4:], uint32(r))
		be.PutUint32(g[8:], uint32(glyph[r]))
	}
	head := make([]byte, 4+8*2)
	be.PutUint16(head[2:], 2)
	be.PutUint16(head[4:], 3)
	be.PutUint16(head[6:], 1)
	be.PutUint32(head[8:], uint32(len(head)))
	be.PutUint16(head[12:], 3)
	be.PutUint16(head[14:], 10)
	be.PutUint32(head[16:], uint32(len(head)+len(f4)))
	return slices.Concat(head, f4, f12), nil
}

// postV3 returns a version 3 post table (no glyph names) with the font's header.
func postV3(post string) []byte {
	t := []byte(post[:32])
	binary.BigEndian.PutUint32(t, 0x00030000)
	return t
}

// nameTable returns a name table holding name as the family, full and PostScript
// name (IDs 1, 4, 6), in Windows Unicode.
func nameTable(name string) []byte {
	units := utf16.Encode([]rune(name))
	str := make([]byte, 2*len(units))
	for i, u := range units {
		binary.BigEndian.PutUint16(str[2*i:], u)
	}
	ids := []uint16{1, 4, 6}
	be := binary.BigEndian
	t := make([]byte, 6+12*len(ids))
	be.PutUint16(t[2:], uint16(len(ids)))
	be.PutUint16(t[4:], uint16(len(t)))
	for i, id := range ids {
		rec := t[6+12*i:]
		be.PutUint16(rec, 3)
		be.PutUint16(rec[2:], 1)
		be.PutUint16(rec[4:], 0x409)
		be.PutUint16(rec[6:], id)
		be.PutUint16(rec[8:], uint16(len(str)))
	}
	return append(t, str...)
}
