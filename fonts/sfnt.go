package fonts

import (
	"fmt"
	"slices"

	"broadsheet/fonts/sfnt"
)

// Face is a parsed TrueType face: the metrics layout measures with, and the subsets
// the PDF writer embeds.
type Face struct {
	font    *sfnt.Font
	ascent  int // OS/2 typographic ascender, in 1/1000 em
	descent int // OS/2 typographic descender (negative), in 1/1000 em
}

// Parse reads a TrueType face from data.
func Parse(data []byte) (*Face, error) { return parse(string(data)) }

func parse(data string) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	face := &Face{font: f}
	face.ascent = face.Mille(f.TypoAscender())
	face.descent = face.Mille(f.TypoDescender())
	return face, nil
}

// Mille converts font units to thousandths of an em, rounded to the nearest. It is
// the one conversion of this program: the layout measures with it and the PDF's width
// arrays are written with it, so measuring and drawing agree exactly.
func (f *Face) Mille(units int) int {
	upem := f.font.UnitsPerEm()
	if upem == 1000 {
		return units
	}
	n := units * 1000
	if n < 0 {
		return -((-n + upem/2) / upem)
	}
	return (n + upem/2) / upem
}

// Has reports whether the face has a real glyph (not .notdef) for r.
func (f *Face) Has(r rune) bool { return f.font.GlyphIndex(r) != 0 }

// Advance returns the advance width of r in thousandths of an em, exactly as the PDF
// width array records it, and whether the face has a glyph for r.
func (f *Face) Advance(r rune) (int, bool) {
	g := f.font.GlyphIndex(r)
	if g == 0 {
		return 0, false
	}
	return f.Mille(f.font.Advance(g)), true
}

// Ascent returns the typographic ascender in thousandths of an em (880 for the CJK faces:
// the top of the ideographic em box above the baseline).
func (f *Face) Ascent() int { return f.ascent }

// Descent returns the typographic descender in thousandths of an em, a negative number
// (−120 for the CJK faces: the bottom of the em box below the baseline).
func (f *Face) Descent() int { return f.descent }

// File returns the whole font file.
func (f *Face) File() string { return f.font.Data() }

// Metrics are what a PDF font descriptor states about a face, in thousandths of an em.
// Ascent and Descent are the line metrics (hhea), how far glyphs reach, not the em box.
type Metrics struct {
	Ascent, Descent, CapHeight int
	BBox                       [4]int
	ItalicAngle                float64
}

// Metrics returns the face's descriptor metrics.
func (f *Face) Metrics() Metrics {
	b := f.font.Bounds()
	return Metrics{
		Ascent: f.Mille(f.font.LineAscender()), Descent: f.Mille(f.font.LineDescender()),
		CapHeight:   f.Mille(f.font.CapHeight()),
		BBox:        [4]int{f.Mille(b[0]), f.Mille(b[1]), f.Mille(b[2]), f.Mille(b[3])},
		ItalicAngle: f.font.ItalicAngle(),
	}
}

// Subset is a compact font program drawing a set of characters, with the widths of
// its glyphs as the PDF records them.
type Subset struct {
	sfnt.Subset
	// Widths holds each glyph's advance in thousandths of an em, by glyph of Program.
	Widths []int
	// Chars lists the subset's characters, sorted.
	Chars []rune
}

// Subset builds the compact program of the glyphs drawing chars, named name (ASCII).
// A character the face lacks is an error naming it.
func (f *Face) Subset(chars []rune, name string) (*Subset, error) {
	chars = slices.Clone(chars)
	slices.Sort(chars)
	chars = slices.Compact(chars)
	s, err := f.font.Subset(chars, name)
	if err != nil {
		return nil, fmt.Errorf("subset %s: %w", name, err)
	}
	widths := make([]int, len(s.Original))
	for i, g := range s.Original {
		widths[i] = f.Mille(f.font.Advance(g))
	}
	return &Subset{Subset: *s, Widths: widths, Chars: chars}, nil
}
