package display

import (
	"testing"

	"broadsheet/fonts"
	"broadsheet/layout/geom"
)

func TestColorParts(t *testing.T) {
	c := CMYK(10, 20, 30, 40)
	if c.C() != 10 || c.M() != 20 || c.Y() != 30 || c.K() != 40 || !c.Valid() || c.String() != "C10 M20 Y30 K40" {
		t.Errorf("CMYK(10,20,30,40) = %v", c)
	}
	if Black != Gray(100) || Black.String() != "C0 M0 Y0 K100" {
		t.Errorf("Black = %v", Black)
	}
	if Gray(120).Valid() || !Registration.Valid() || Registration.K() != 0 || Registration.String() != "registration" {
		t.Errorf("validity: Gray(120) %v, Registration %v", Gray(120).Valid(), Registration.Valid())
	}
}

func TestDumpItems(t *testing.T) {
	pt := geom.Pt
	p := &Page{Width: pt(100), Height: pt(50), Meta: Meta{Title: "报"}, Items: []Item{
		&Text{Face: fonts.Song, Size: pt(9), X: pt(1), Y: pt(2), Spacing: pt(0.5), Text: "中文"},
		&Rule{X1: pt(1), Y1: pt(2), X2: pt(3), Y2: pt(2), Width: pt(0.5)},
		&Tint{Rect: geom.Rect{W: pt(4), H: pt(5)}, Color: Gray(20)},
		&Frame{Rect: geom.Rect{W: pt(4), H: pt(5)}, Width: pt(1)},
		&Image{Path: "photos/a.jpg", Frame: geom.Rect{W: pt(4), H: pt(5)}, Placed: geom.Rect{W: pt(4), H: pt(6)}},
		&Form{Path: "ads/a.pdf", Frame: geom.Rect{X: pt(1), W: pt(8), H: pt(6)}},
	}}
	want := `text 1pt 2pt NotoSerifCJKsc-Regular 9pt +0.5pt "中文"
rule 1pt,2pt 3pt,2pt w0.5pt
box 0pt,0pt 4ptx5pt fill=true stroke=false
box 0pt,0pt 4ptx5pt fill=false stroke=true
image a.jpg frame 0pt,0pt 4ptx5pt placed 0pt,0pt 4ptx6pt
form a.pdf frame 1pt,0pt 8ptx6pt
`
	if got := DumpItems(p); got != want {
		t.Errorf("DumpItems:\n%s\nwant:\n%s", got, want)
	}
	if got := DumpHeader(p); got != "page 100ptx50pt trim 0pt,0pt 100ptx50pt title \"报\"\n" {
		t.Errorf("DumpHeader: %q", got)
	}
}
