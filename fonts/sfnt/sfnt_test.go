package sfnt

import (
	"os"
	"strings"
	"testing"
)

// face reads one of the embedded faces from the fonts folder.
func face(t testing.TB, file string) *Font {
	t.Helper()
	data, err := os.ReadFile("../" + file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// A subset is a font of its own: it parses, maps each character to the glyph the
// subset says, with the original's advance and outline, and has only those glyphs.
func TestSubsetKeepsGlyphsAndMetrics(t *testing.T) {
	for _, file := range []string{"NotoSerifCJKsc-Regular.ttf", "LXGWWenKai-Regular.ttf"} {
		f := face(t, file)
		chars := []rune("中文报纸，A1　𠀋")
		if file == "LXGWWenKai-Regular.ttf" {
			chars = chars[:len(chars)-1]
		}
		s, err := f.Subset(chars, "ABCDEF+Test")
		if err != nil {
			t.Fatal(err)
		}
		sub, err := Parse(string(s.Program))
		if err != nil {
			t.Fatalf("%s: the subset does not parse: %v", file, err)
		}
		if sub.NumGlyphs() != len(s.Original) || sub.NumGlyphs() > len(chars)+1 {
			t.Errorf("%s: %d glyphs, %d originals, for %d characters", file, sub.NumGlyphs(), len(s.Original), len(chars))
		}
		for _, r := range chars {
			g, orig := s.Glyph[r], f.GlyphIndex(r)
			if got := sub.GlyphIndex(r); got != int(g) {
				t.Errorf("%s %q: the subset's cmap gives glyph %d, the subset says %d", file, r, got, g)
			}
			if sub.Advance(int(g)) != f.Advance(orig) {
				t.Errorf("%s %q: advance %d, want %d", file, r, sub.Advance(int(g)), f.Advance(orig))
			}
			a, _ := sub.glyph(int(g))
			b, _ := f.glyph(orig)
			if simple := len(b) < 10 || int16(u16(b, 0)) >= 0; simple && (!strings.HasPrefix(a, b) || len(a)-len(b) > 3) { // padded to 4 bytes
				t.Errorf("%s %q: the outline differs", file, r)
			}
		}
		if len(s.Program) > 16<<10 {
			t.Errorf("%s: %d bytes for %d characters", file, len(s.Program), len(chars))
		}
	}
}

// A character the font lacks is an error naming it, not a blank.
func TestSubsetRefusesMissingCharacters(t *testing.T) {
	_, err := face(t, "LXGWWenKai-Regular.ttf").Subset([]rune("中\U000E0100"), "X")
	if err == nil || !strings.Contains(err.Error(), "U+E0100") {
		t.Errorf("error %v, want one naming U+E0100", err)
	}
}

// A composite glyph's components come along, renumbered.
func TestSubsetRenumbersComponents(t *testing.T) {
	f := face(t, "LXGWWenKai-Regular.ttf")
	var composite rune
	for r := rune(0x20); r < 0x3000 && composite == 0; r++ {
		if g := f.GlyphIndex(r); g != 0 {
			if data, _ := f.glyph(g); len(data) >= 10 && int16(u16(data, 0)) < 0 {
				composite = r
			}
		}
	}
	if composite == 0 {
		t.Skip("no composite glyph below U+3000")
	}
	s, err := f.Subset([]rune{composite}, "X")
	if err != nil {
		t.Fatal(err)
	}
	sub, _ := Parse(string(s.Program))
	data, _ := sub.glyph(int(s.Glyph[composite]))
	orig, _ := f.glyph(f.GlyphIndex(composite))
	var want []int
	_ = eachComponent(orig, func(_, c int) error { want = append(want, c); return nil })
	n := 0
	err = eachComponent(data, func(_, c int) error {
		if c == 0 || c >= sub.NumGlyphs() || s.Original[c] != want[n] {
			t.Errorf("%q: component %d is glyph %d of the subset, want the original's %d", composite, n, c, want[n])
		}
		n++
		return nil
	})
	if n != len(want) || n == 0 {
		t.Errorf("%q: %d components, want %d", composite, n, len(want))
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestParseRejectsGarbage(t *testing.T) {
	for _, data := range []string{"", "OTTO0000000000000000", strings.Repeat("\x00", 40)} {
		if _, err := Parse(data); err == nil {
			t.Errorf("Parse(%q) gave no error", data)
		}
	}
}

func BenchmarkSubset(b *testing.B) {
	f := face(b, "NotoSerifCJKsc-Regular.ttf")
	chars := []rune("近年来，郑州市完整、准确、全面贯彻新发展理念，坚持把制造业高质量发展作为主攻方向")
	for b.Loop() {
		if _, err := f.Subset(chars, "X"); err != nil {
			b.Fatal(err)
		}
	}
}
