package pdf

import (
	"os"
	"path/filepath"
	"testing"

	"broadsheet/fonts"
	"broadsheet/layout/display"

	"github.com/signintech/gopdf"
)

// The compact subsets draw exactly what the whole faces draw: a page of text in every
// face, written by this package, renders pixel for pixel like the same text set by
// gopdf alone with the complete font files.
func TestSubsetsRenderLikeTheFaces(t *testing.T) {
	dir := t.TempDir()
	page := &display.Page{Width: pt(300), Height: pt(200)}
	for id := fonts.ID(0); id < fonts.Count; id++ {
		page.Items = append(page.Items, text(id, 20, 20, 40+float64(id)*40, sample(id)))
	}
	ours, _ := write(t, dir, "ours.pdf", page, Options{})

	gp := new(gopdf.GoPdf)
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: 300, H: 200}})
	gp.AddPage()
	for id := fonts.ID(0); id < fonts.Count; id++ {
		if err := gp.AddTTFFontData(id.Name(), []byte(fonts.MustLoad(id).File())); err != nil {
			t.Fatal(err)
		}
	}
	for _, it := range page.Items {
		tx := it.(*display.Text)
		if err := gp.SetFont(tx.Face.Name(), "", tx.Size.Points()); err != nil {
			t.Fatal(err)
		}
		gp.SetXY(tx.X.Points(), tx.Y.Points())
		if err := gp.Text(tx.Text); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := gp.GetBytesPdfReturnErr()
	if err != nil {
		t.Fatal(err)
	}
	theirs := filepath.Join(dir, "faces.pdf")
	if err := os.WriteFile(theirs, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{ours, theirs} {
		tool(t, "pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", p, p)
	}
	a, b := readPNG(t, ours+".png"), readPNG(t, theirs+".png")
	if n := pixelsDiffering(a, b); n > 0 {
		t.Errorf("%d pixels differ between the subsets and the whole faces", n)
	}
}

// sample is a line each face has every character of.
func sample(id fonts.ID) string {
	if id == fonts.Kai {
		return "新闻报纸，“A1”　楷体"
	}
	return "新闻报纸，“A1”　𠀋䶮"
}
