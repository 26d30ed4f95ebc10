package draw

import (
	"testing"

	"broadsheet/fonts"
	"broadsheet/issues"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/lines"
	"broadsheet/layout/place"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

func drawer() *Drawer {
	sheet := style.Default()
	return &Drawer{Sheet: &sheet, Ascent: func(fonts.ID) int { return 880 }, Page: &display.Page{}}
}

// A placed line becomes one text item per run, at the line's x plus the run's; a run of
// characters no face has becomes one empty box per character.
func TestLinesAndMissingCharacters(t *testing.T) {
	d := drawer()
	pt := geom.Pt
	d.Lines([]place.Line{{Line: lines.Line{Runs: []lines.Run{
		{Face: int(fonts.Song), X: 0, Text: "中文"},
		{Face: -1, X: pt(18), Text: "\uE000\uE001"},
	}}, X: pt(100), Y: pt(200), Size: pt(9)}})
	items := d.Page.Items
	if len(items) != 3 {
		t.Fatalf("%d items", len(items))
	}
	if tx := items[0].(*display.Text); tx.X != pt(100) || tx.Y != pt(200) || tx.Text != "中文" || tx.Color != display.Black {
		t.Errorf("text %+v", tx)
	}
	for i, it := range items[1:] {
		f := it.(*display.Frame)
		if want := pt(100+18+9*float64(i)) + pt(0.9); f.Rect.X != want || f.Rect.W != pt(7.2) {
			t.Errorf("box %d at %v width %v, want %v", i, f.Rect.X, f.Rect.W, want)
		}
	}
}

// A placeholder is a tint of the sheet's grey; a picture is its file through its frame.
func TestPhotos(t *testing.T) {
	d := drawer()
	frame := geom.Rect{W: geom.Pt(50), H: geom.Pt(40)}
	art := &issues.Article{Photos: []issues.Photo{{}, {File: "a.jpg", PixelWidth: 800, PixelHeight: 600}}}
	m := &place.Module{Story: &text.Story{Art: art}, Photos: []place.Photo{
		{Frame: frame, Placed: frame, Placeholder: true},
		{Frame: frame, Placed: geom.Rect{W: geom.Pt(60), H: geom.Pt(45)}},
	}}
	d.Module(m)
	if tint, ok := d.Page.Items[0].(*display.Tint); !ok || tint.Color != display.Gray(d.Sheet.Tints.Placeholder) {
		t.Errorf("placeholder drawn as %#v", d.Page.Items[0])
	}
	if im, ok := d.Page.Items[1].(*display.Image); !ok || im.Path != "a.jpg" || im.PixelWidth != 800 || im.Placed.W != geom.Pt(60) {
		t.Errorf("picture drawn as %#v", d.Page.Items[1])
	}
}

// The debug overlay has a rule per baseline, a frame per column and one per module.
func TestOverlay(t *testing.T) {
	d := drawer()
	f := issues.Format{Width: geom.Mm(390), Height: geom.Mm(545), Columns: 8, ColumnChars: 13, BodySize: geom.Pt(9), Leading: geom.Pt(13.5)}
	g := grid.New(f, &d.Sheet.Grid, 880)
	d.Overlay(g, []geom.Cells{{Columns: 8, Lines: 10}, {}})
	if want := g.Lines + g.Columns + 1; len(d.Page.Overlay) != want || len(d.Page.Items) != 0 {
		t.Errorf("%d overlay items, want %d", len(d.Page.Overlay), want)
	}
}
