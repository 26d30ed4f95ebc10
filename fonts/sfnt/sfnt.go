// Package sfnt reads TrueType (glyf) font programs and builds compact subsets of them.
// It is the one TrueType reader of broadsheet: the metrics layout measures with and
// the font programs the PDF writer embeds both come from here.
//
// A Font reads its data in place (a string, so the embedded faces are never copied);
// it keeps only the table offsets and the Unicode cmap groups. It does not shape,
// hint or rasterise, and it reads no OpenType layout tables.
package sfnt

import (
	"errors"
	"fmt"
	"sort"
)

// Font is a parsed TrueType font program.
type Font struct {
	data        string
	tables      map[string]string
	unitsPerEm  int
	numGlyphs   int
	numHMetrics int
	longLoca    bool
	groups      []cmapGroup // sorted by first, from the format 12 (or 4) subtable
}

type cmapGroup struct{ first, last, glyph uint32 }

// The tables every font must have to be measured and subset.
var required = []string{"head", "hhea", "hmtx", "cmap", "maxp", "OS/2", "loca", "glyf", "post"}

func u16(s string, at int) uint16 { return uint16(s[at])<<8 | uint16(s[at+1]) }
func u32(s string, at int) uint32 {
	return uint32(s[at])<<24 | uint32(s[at+1])<<16 | uint32(s[at+2])<<8 | uint32(s[at+3])
}

// Parse reads a TrueType font program. The data is kept, not copied.
func Parse(data string) (*Font, error) {
	tables, err := tableDirectory(data)
	if err != nil {
		return nil, err
	}
	for _, tag := range required {
		if _, ok := tables[tag]; !ok {
			return nil, fmt.Errorf("no %q table", tag)
		}
	}
	head, hhea, maxp, os2 := tables["head"], tables["hhea"], tables["maxp"], tables["OS/2"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(os2) < 72 || len(tables["post"]) < 32 {
		return nil, errors.New("truncated head, hhea, maxp, OS/2 or post table")
	}
	f := &Font{
		data:        data,
		tables:      tables,
		unitsPerEm:  int(u16(head, 18)),
		numGlyphs:   int(u16(maxp, 4)),
		numHMetrics: int(u16(hhea, 34)),
		longLoca:    u16(head, 50) == 1,
	}
	if f.unitsPerEm < 16 || f.unitsPerEm > 16384 {
		return nil, fmt.Errorf("unitsPerEm %d outside 16–16384", f.unitsPerEm)
	}
	if f.numHMetrics < 1 || f.numHMetrics > f.numGlyphs || len(tables["hmtx"]) < 4*f.numHMetrics+2*(f.numGlyphs-f.numHMetrics) {
		return nil, fmt.Errorf("hmtx does not fit %d glyphs, %d long metrics", f.numGlyphs, f.numHMetrics)
	}
	locaSize := 2
	if f.longLoca {
		locaSize = 4
	}
	if len(tables["loca"]) < locaSize*(f.numGlyphs+1) {
		return nil, fmt.Errorf("loca is short for %d glyphs", f.numGlyphs)
	}
	if f.groups, err = parseCmap(tables["cmap"]); err != nil {
		return nil, err
	}
	return f, nil
}

func tableDirectory(data string) (map[string]string, error) {
	if len(data) < 12 {
		return nil, errors.New("not a TrueType font: too short")
	}
	if v := u32(data, 0); v != 0x00010000 && v != 0x74727565 {
		return nil, errors.New("not a TrueType (glyf) font")
	}
	n := int(u16(data, 4))
	if len(data) < 12+16*n {
		return nil, errors.New("truncated table directory")
	}
	tables := make(map[string]string, n)
	for i := range n {
		rec := 12 + 16*i
		off, size := uint64(u32(data, rec+8)), uint64(u32(data, rec+12))
		if off+size > uint64(len(data)) {
			return nil, fmt.Errorf("table %q lies outside the file", data[rec:rec+4])
		}
		tables[data[rec:rec+4]] = data[off : off+size]
	}
	return tables, nil
}

// parseCmap reads the Unicode subtable: format 12 (full repertoire) when present,
// else format 4 (BMP).
func parseCmap(cmap string) ([]cmapGroup, error) {
	if len(cmap) < 4 {
		return nil, errors.New("truncated cmap")
	}
	n := int(u16(cmap, 2))
	var f4, f12 string
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := 4 + 8*i
		platform, encoding, off := u16(cmap, rec), u16(cmap, rec+2), int(u32(cmap, rec+4))
		if off+4 > len(cmap) || !(platform == 3 && (encoding == 1 || encoding == 10) || platform == 0) {
			continue
		}
		switch u16(cmap, off) {
		case 12:
			f12 = cmap[off:]
		case 4:
			f4 = cmap[off:]
		}
	}
	switch {
	case f12 != "":
		return parseFormat12(f12)
	case f4 != "":
		return parseFormat4(f4)
	}
	return nil, errors.New("no Unicode cmap subtable (format 4 or 12)")
}

func parseFormat12(t string) ([]cmapGroup, error) {
	if len(t) < 16 {
		return nil, errors.New("truncated cmap format 12")
	}
	n := int(u32(t, 12))
	if n < 0 || n > (len(t)-16)/12 {
		return nil, errors.New("truncated cmap format 12 groups")
	}
	groups := make([]cmapGroup, n)
	for i := range groups {
		g := 16 + 12*i
		groups[i] = cmapGroup{u32(t, g), u32(t, g+4), u32(t, g+8)}
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].first < groups[j].first })
	return groups, nil
}

func parseFormat4(t string) ([]cmapGroup, error) {
	if len(t) < 14 {
		return nil, errors.New("truncated cmap format 4")
	}
	segs := int(u16(t, 6)) / 2
	if len(t) < 16+8*segs {
		return nil, errors.New("truncated cmap format 4 segments")
	}
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	var groups []cmapGroup
	for s := range segs {
		end, start := uint32(u16(t, ends+2*s)), uint32(u16(t, starts+2*s))
		delta, ro := uint32(u16(t, deltas+2*s)), int(u16(t, ranges+2*s))
		for c := start; c <= end && c != 0xFFFF; c++ {
			g := (c + delta) & 0xFFFF
			if ro != 0 {
				at := ranges + 2*s + ro + 2*int(c-start)
				if at+2 > len(t) {
					break
				}
				if g = uint32(u16(t, at)); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 {
				groups = append(groups, cmapGroup{c, c, g})
			}
		}
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].first < groups[j].first })
	return groups, nil
}

// UnitsPerEm returns the font's design units per em.
func (f *Font) UnitsPerEm() int { return f.unitsPerEm }

// NumGlyphs returns the number of glyphs in the font.
func (f *Font) NumGlyphs() int { return f.numGlyphs }

// Data returns the whole font program.
func (f *Font) Data() string { return f.data }

// GlyphIndex returns the glyph of r, or 0 (.notdef) when the font has none.
func (f *Font) GlyphIndex(r rune) int {
	c := uint32(r)
	i := sort.Search(len(f.groups), func(i int) bool { return f.groups[i].last >= c })
	if i == len(f.groups) || f.groups[i].first > c {
		return 0
	}
	g := f.groups[i]
	gid := int(g.glyph + c - g.first)
	if gid >= f.numGlyphs {
		return 0
	}
	return gid
}

// Advance returns the advance width of glyph g in font units.
func (f *Font) Advance(g int) int {
	if g >= f.numHMetrics {
		g = f.numHMetrics - 1
	}
	return int(u16(f.tables["hmtx"], 4*g))
}

// TypoAscender returns the OS/2 typographic ascender in font units.
func (f *Font) TypoAscender() int { return int(int16(u16(f.tables["OS/2"], 68))) }

// TypoDescender returns the OS/2 typographic descender in font units (negative).
func (f *Font) TypoDescender() int { return int(int16(u16(f.tables["OS/2"], 70))) }

// LineAscender and LineDescender return the hhea ascender and descender in font units:
// how far the face's glyphs reach above and below the baseline, accents included.
func (f *Font) LineAscender() int { return int(int16(u16(f.tables["hhea"], 4))) }

// LineDescender returns the hhea descender in font units (negative).
func (f *Font) LineDescender() int { return int(int16(u16(f.tables["hhea"], 6))) }

// Bounds returns the font's bounding box (head xMin, yMin, xMax, yMax) in font units.
func (f *Font) Bounds() [4]int {
	h := f.tables["head"]
	return [4]int{int(int16(u16(h, 36))), int(int16(u16(h, 38))), int(int16(u16(h, 40))), int(int16(u16(h, 42)))}
}

// ItalicAngle returns the post table's italic angle in degrees.
func (f *Font) ItalicAngle() float64 {
	p := f.tables["post"]
	return float64(int32(u32(p, 4))) / 65536
}

// CapHeight returns the OS/2 cap height in font units, or the ascender when the
// OS/2 table is older than version 2.
func (f *Font) CapHeight() int {
	os2 := f.tables["OS/2"]
	if u16(os2, 0) >= 2 && len(os2) >= 90 {
		return int(int16(u16(os2, 88)))
	}
	return f.TypoAscender()
}

// glyph returns the glyf data of glyph g (empty for a glyph without outline).
func (f *Font) glyph(g int) (string, error) {
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	var start, end int
	if f.longLoca {
		start, end = int(u32(loca, 4*g)), int(u32(loca, 4*g+4))
	} else {
		start, end = 2*int(u16(loca, 2*g)), 2*int(u16(loca, 2*g+2))
	}
	if start > end || end > len(glyf) {
		return "", fmt.Errorf("glyph %d lies outside glyf", g)
	}
	return glyf[start:end], nil
}
