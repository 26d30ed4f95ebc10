package pdf

import (
	"bytes"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"broadsheet/layout/display"
	"broadsheet/layout/pdf/object"
)

// ad is a one-page vector advertisement of 360 × 240 pt in CMYK, made by Ghostscript
// from issues/ads/a.ps: a shaded sky, a sun, a skyline, a road. No text, no picture.
const ad = "../../issues/ads/a.pdf"

// adW and adH are its page size in points.
const adW, adH = 360, 240

// A page drawing the ad at its own size, where the ad's page is, renders pixel for
// pixel like the ad itself: the form keeps its vector content, resources and box.
func TestFormRendersLikeItsPDF(t *testing.T) {
	dir := t.TempDir()
	page := &display.Page{Width: pt(adW), Height: pt(adH), Items: []display.Item{
		&display.Form{Path: ad, Frame: rect(0, 0, adW, adH)},
	}}
	ours, _ := write(t, dir, "ours.pdf", page, Options{})
	theirs := filepath.Join(dir, "ad.pdf")
	if err := os.WriteFile(theirs, mustRead(t, ad), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{ours, theirs} {
		tool(t, "pdftoppm", "-r", "100", "-png", "-singlefile", p, p)
	}
	a, b := readPNG(t, ours+".png"), readPNG(t, theirs+".png")
	if n := pixelsDiffering(a, b); n > 0 {
		t.Errorf("%d pixels differ between the page with the form and the ad itself", n)
	}
}

// A form scaled into a frame shows there and nowhere else, its shape kept: the
// road's grey at the frame's foot, the sky above it, white around the frame.
func TestFormFillsItsFrame(t *testing.T) {
	dir := t.TempDir()
	page := &display.Page{Width: pt(400), Height: pt(300), Items: []display.Item{
		&display.Form{Path: ad, Frame: rect(100, 50, 180, 120)},
	}}
	path, _ := write(t, dir, "page.pdf", page, Options{})
	tool(t, "pdftoppm", "-r", "72", "-png", "-singlefile", path, path)
	img := readPNG(t, path+".png")
	for _, c := range []struct {
		x, y int
		want string
	}{
		{50, 150, "white"}, {350, 150, "white"}, {190, 30, "white"}, {190, 200, "white"},
		{190, 160, "grey"}, // the road, 10 pt above the frame's foot
		{110, 60, "light"}, // the sky at the frame's top-left corner
	} {
		if got := shade(img.At(c.x, c.y)); got != c.want {
			t.Errorf("pixel %d,%d is %s, want %s", c.x, c.y, got, c.want)
		}
	}
}

// shade names a rendered colour roughly: white, grey, light (a pale colour) or dark.
func shade(c color.Color) string {
	r, g, b, _ := c.RGBA()
	r, g, b = r>>8, g>>8, b>>8
	switch {
	case r > 250 && g > 250 && b > 250:
		return "white"
	case max(r, g, b)-min(r, g, b) < 12 && r > 60 && r < 200:
		return "grey"
	case min(r, g, b) > 150:
		return "light"
	}
	return "dark"
}

// The form is an XObject of the page: page 1's content, its box as /BBox and its
// resources copied (the sky's shading and its function), drawn by a content stream of
// the writer's own after the page's; the file holds no picture, qpdf finds nothing
// wrong, and the same page gives the same bytes.
func TestFormIsAVectorXObject(t *testing.T) {
	dir := t.TempDir()
	page := testPage(t, dir)
	page.Items = append(page.Items, &display.Form{Path: ad, Frame: rect(20, 300, 180, 120)},
		&display.Form{Path: ad, Frame: rect(220, 300, 90, 60)})
	path, b := write(t, dir, "page.pdf", page, Options{})
	if _, again := write(t, dir, "again.pdf", page, Options{}); !bytes.Equal(b, again) {
		t.Error("the same page with forms gave different bytes")
	}
	if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(out, "WARNING") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	without, _ := write(t, dir, "without.pdf", testPage(t, dir), Options{})
	images := func(path string) int { return strings.Count(tool(t, "pdfimages", "-list", path), "\n") - 2 }
	if n, want := images(path), images(without); n != want {
		t.Errorf("pdfimages -list: %d images, want the test page's %d; the form has none", n, want)
	}
	p, err := object.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	pg := firstPage(t, p)
	contents, ok := pg["Contents"].([]any)
	if !ok || len(contents) != 2 {
		t.Fatalf("/Contents %v, want an array of the page's stream and the forms'", pg["Contents"])
	}
	draws := streamText(t, p, contents[1])
	if strings.Count(draws, "/Fm0 Do") != 2 || strings.Contains(draws, "/Fm1") {
		t.Errorf("the forms' content draws %q, want /Fm0 twice: one file, one form", draws)
	}
	if !strings.Contains(draws, "q 0.5 0 0 0.5 20 ") || !strings.Contains(draws, "q 0.25 0 0 0.25 220 ") {
		t.Errorf("the forms are not drawn at half and a quarter of their size, at x 20 and 220:\n%s", draws)
	}
	res, _ := p.DictAt(pg["Resources"], "resources")
	xo, _ := p.DictAt(res["XObject"], "XObject")
	form, err := p.Resolve(xo["Fm0"])
	if err != nil {
		t.Fatal(err)
	}
	fs, ok := form.(*object.RawStream)
	if !ok || fs.Dict["Subtype"] != object.Name("Form") {
		t.Fatalf("/Fm0 is %v, want a form XObject", form)
	}
	if bbox, _ := fs.Dict["BBox"].([]any); len(bbox) != 4 || bbox[2] != adW || bbox[3] != adH {
		t.Errorf("/BBox %v, want [0 0 %d %d]", fs.Dict["BBox"], adW, adH)
	}
	fr, err := p.DictAt(fs.Dict["Resources"], "form resources")
	if err != nil {
		t.Fatal(err)
	}
	shadings, err := p.DictAt(fr["Shading"], "/Shading")
	if err != nil || len(shadings) != 1 {
		t.Fatalf("the form's shadings: %v, %v; want the sky's", shadings, err)
	}
	for _, sh := range shadings {
		d, err := p.DictAt(sh, "shading")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.DictAt(d["Function"], "the shading's function"); err != nil {
			t.Errorf("the sky's shading lost its function: %v", err)
		}
	}
	if data, _ := object.Decoded(fs); !bytes.Contains(data, []byte(" re")) {
		t.Errorf("the form's content has no rectangles:\n%.300s", data)
	}
}

// A form whose file is not a one-page PDF is an error that names the file.
func TestFormErrors(t *testing.T) {
	dir := t.TempDir()
	two := filepath.Join("..", "..", "issues", "testdata", "bad", "two-pages.pdf")
	for path, want := range map[string]string{
		filepath.Join(dir, "none.pdf"): "none.pdf: open: no such file",
		two:                            "two-pages.pdf: the file has 2 pages",
	} {
		page := &display.Page{Width: pt(100), Height: pt(100), Items: []display.Item{&display.Form{Path: path, Frame: rect(0, 0, 50, 50)}}}
		err := Write(&bytes.Buffer{}, page, Options{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one containing %q", path, err, want)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// firstPage returns the page dictionary of a one-page file.
func firstPage(t *testing.T, p *object.Parsed) map[string]any {
	t.Helper()
	root, err := p.DictAt(p.Trailer["Root"], "root")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := p.DictAt(root["Pages"], "pages")
	if err != nil {
		t.Fatal(err)
	}
	pg, err := p.DictAt(pages["Kids"].([]any)[0], "page")
	if err != nil {
		t.Fatal(err)
	}
	return pg
}

// streamText returns a stream's decoded data.
func streamText(t *testing.T, p *object.Parsed, ref any) string {
	t.Helper()
	o, err := p.Resolve(ref)
	if err != nil {
		t.Fatal(err)
	}
	s, ok := o.(*object.RawStream)
	if !ok {
		t.Fatalf("%v is not a stream", ref)
	}
	data, err := object.Decoded(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A PDF 1.5 file, its objects packed in object streams and its cross-reference a
// stream (qpdf --object-streams=generate), gives the same form as the classic file.
func TestFormFromObjectStreams(t *testing.T) {
	dir := t.TempDir()
	packed := filepath.Join(dir, "packed.pdf")
	tool(t, "qpdf", "--object-streams=generate", ad, packed)
	if !bytes.Contains(mustRead(t, packed), []byte("/ObjStm")) {
		t.Fatal("qpdf wrote no object stream")
	}
	classic, err := object.OnePage(mustRead(t, ad))
	if err != nil {
		t.Fatal(err)
	}
	pg, err := object.OnePage(mustRead(t, packed))
	if err != nil {
		t.Fatalf("the packed file: %v", err)
	}
	if pg.Box != classic.Box || !bytes.Equal(pg.Content, classic.Content) {
		t.Errorf("the packed file's page: box %v, %d bytes of content; want %v, %d bytes", pg.Box, len(pg.Content), classic.Box, len(classic.Content))
	}
	var images [2]string
	for i, src := range []string{ad, packed} {
		page := &display.Page{Width: pt(adW), Height: pt(adH), Items: []display.Item{&display.Form{Path: src, Frame: rect(0, 0, adW, adH)}}}
		path, _ := write(t, dir, fmt.Sprintf("page%d.pdf", i), page, Options{})
		tool(t, "pdftoppm", "-r", "50", "-png", "-singlefile", path, path)
		images[i] = path + ".png"
	}
	if n := pixelsDiffering(readPNG(t, images[0]), readPNG(t, images[1])); n > 0 {
		t.Errorf("%d pixels differ between the forms of the classic and the packed file", n)
	}
}
