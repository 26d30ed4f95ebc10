package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// Face is a parsed TrueType face: its bytes for embedding and the metrics layout needs.
type Face struct {
	// Data is the whole font file, as embedded into PDFs.
	Data []byte

	unitsPerEm  int
	ascent      int // OS/2 typographic ascender, in 1/1000 em
	descent     int // OS/2 typographic descender (negative), in 1/1000 em
	numHMetrics int
	hmtx        []byte
	groups      []cmapGroup // sorted, from the format 12 (or 4) subtable
	numGlyphs   int
}

type cmapGroup struct{ first, last, glyph uint32 }

var be = binary.BigEndian

// Parse reads the tables of a TrueType font that layout needs. The data is kept, not copied.
func Parse(data []byte) (*Face, error) {
	tables, err := tableDirectory(data)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "cmap", "maxp", "OS/2"} {
		if tables[tag] == nil {
			return nil, fmt.Errorf("no %q table", tag)
		}
	}
	f := &Face{Data: data}
	head, hhea, os2 := tables["head"], tables["hhea"], tables["OS/2"]
	if len(head) < 54 || len(hhea) < 36 || len(os2) < 72 || len(tables["maxp"]) < 6 {
		return nil, errors.New("truncated head, hhea, maxp or OS/2 table")
	}
	f.unitsPerEm = int(be.Uint16(head[18:]))
	f.numHMetrics = int(be.Uint16(hhea[34:]))
	f.numGlyphs = int(be.Uint16(tables["maxp"][4:]))
	f.hmtx = tables["hmtx"]
	if f.unitsPerEm == 0 || f.numHMetrics == 0 || len(f.hmtx) < 4*f.numHMetrics {
		return nil, errors.New("bad unitsPerEm or horizontal metrics")
	}
	f.ascent = f.toMille(int(int16(be.Uint16(os2[68:]))))
	f.descent = f.toMille(int(int16(be.Uint16(os2[70:]))))
	if f.groups, err = parseCmap(tables["cmap"]); err != nil {
		return nil, err
	}
	return f, nil
}

// toMille converts font units to 1/1000 em the way gopdf writes widths (truncating).
func (f *Face) toMille(v int) int {
	if f.unitsPerEm == 1000 {
		return v
	}
	return v * 1000 / f.unitsPerEm
}

func tableDirectory(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("not a TrueType font: too short")
	}
	if v := be.Uint32(data); v != 0x00010000 && v != 0x74727565 {
		return nil, errors.New("not a TrueType (glyf) font")
	}
	n := int(be.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("truncated table directory")
	}
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, size := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || size < 0 || off+size > len(data) {
			return nil, fmt.Errorf("table %q lies outside the file", rec[:4])
		}
		tables[string(rec[:4])] = data[off : off+size]
	}
	return tables, nil
}

// parseCmap reads the Unicode subtable: format 12 (full repertoire) when present,
// else format 4 (BMP).
func parseCmap(cmap []byte) ([]cmapGroup, error) {
	if len(cmap) < 4 {
		return nil, errors.New("truncated cmap")
	}
	n := int(be.Uint16(cmap[2:]))
	var f4, f12 []byte
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		platform, encoding, off := be.Uint16(rec), be.Uint16(rec[2:]), int(be.Uint32(rec[4:]))
		if off+4 > len(cmap) || !(platform == 3 && (encoding == 1 || encoding == 10) || platform == 0) {
			continue
		}
		switch be.Uint16(cmap[off:]) {
		case 12:
			f12 = cmap[off:]
		case 4:
			f4 = cmap[off:]
		}
	}
	switch {
	case f12 != nil:
		return parseFormat12(f12)
	case f4 != nil:
		return parseFormat4(f4)
	}
	return nil, errors.New("no Unicode cmap subtable (format 4 or 12)")
}

func parseFormat12(t []byte) ([]cmapGroup, error) {
	if len(t) < 16 {
		return nil, errors.New("truncated cmap format 12")
	}
	n := int(be.Uint32(t[12:]))
	if len(t) < 16+12*n {
		return nil, errors.New("truncated cmap format 12 groups")
	}
	groups := make([]cmapGroup, n)
	for i := range groups {
		g := t[16+12*i:]
		groups[i] = cmapGroup{be.Uint32(g), be.Uint32(g[4:]), be.Uint32(g[8:])}
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].first < groups[j].first })
	return groups, nil
}

func parseFormat4(t []byte) ([]cmapGroup, error) {
	if len(t) < 14 {
		return nil, errors.New("truncated cmap format 4")
	}
	segs := int(be.Uint16(t[6:])) / 2
	if len(t) < 16+8*segs {
		return nil, errors.New("truncated cmap format 4 segments")
	}
	ends, starts := t[14:], t[16+2*segs:]
	deltas, ranges := t[16+4*segs:], t[16+6*segs:]
	var groups []cmapGroup
	for s := 0; s < segs; s++ {
		end, start := uint32(be.Uint16(ends[2*s:])), uint32(be.Uint16(starts[2*s:]))
		delta, ro := uint32(be.Uint16(deltas[2*s:])), int(be.Uint16(ranges[2*s:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			g := (c + delta) & 0xFFFF
			if ro != 0 {
				at := 16 + 6*segs + 2*s + ro + 2*int(c-start)
				if at+2 > len(t) {
					break
				}
				if g = uint32(be.Uint16(t[at:])); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 {
				groups = append(groups, cmapGroup{c, c, g})
			}
		}
	}
	return groups, nil
}

// glyph returns the glyph index of r, or 0 when the face has no glyph for it.
func (f *Face) glyph(r rune) int {
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

// Has reports whether the face has a real glyph (not .notdef) for r.
func (f *Face) Has(r rune) bool { return f.glyph(r) != 0 }

// Advance returns the advance width of r in thousandths of an em, exactly as the PDF
// width array records it, and whether the face has a glyph for r.
func (f *Face) Advance(r rune) (int, bool) {
	g := f.glyph(r)
	if g == 0 {
		return 0, false
	}
	if g >= f.numHMetrics {
		g = f.numHMetrics - 1
	}
	return f.toMille(int(be.Uint16(f.hmtx[4*g:]))), true
}

// Ascent returns the typographic ascender in thousandths of an em (880 for the CJK faces:
// the top of the ideographic em box above the baseline).
func (f *Face) Ascent() int { return f.ascent }

// Descent returns the typographic descender in thousandths of an em, a negative number
// (−120 for the CJK faces: the bottom of the em box below the baseline).
func (f *Face) Descent() int { return f.descent }
