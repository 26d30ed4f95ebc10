package lines

import (
	"slices"
	"strings"
	"testing"
)

// A combining mark no face has, on a base character its face has (a keycap 1⃣, the
// grapheme joiner U+034F), is reported missing and left out of the run: the base
// character prints, and no run holds a glyph its face lacks.
func TestMarkNoFaceHas(t *testing.T) {
	f := fakeFont{missing: "\u20e3\u034f"}
	p := Compose([]Span{{Text: "第1\u20e3条a\u034fb。", Font: f}}, body(13))
	var got []rune
	for _, m := range p.Missing {
		got = append(got, m.Rune)
	}
	if !slices.Equal(got, []rune{0x20e3, 0x34f}) {
		t.Errorf("missing %q, want U+20E3 and U+034F", got)
	}
	if drawn := strings.Join(lineTexts(p), ""); drawn != "第1条ab。" {
		t.Errorf("drawn %q, want the base characters without the marks", drawn)
	}
	for _, l := range p.Lines {
		for _, r := range l.Runs {
			for _, c := range r.Text {
				if _, _, ok := f.Glyph(c); !ok && r.Face >= 0 {
					t.Errorf("run %q in face %d holds %U, which no face has", r.Text, r.Face, c)
				}
			}
		}
	}
}
