package main

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const editorialPage = "../../issues/compose-11-editorial.toml"

// renderPage renders page 1 of a PDF at dpi and decodes it.
func renderPage(t *testing.T, pdf string, dpi string) image.Image {
	t.Helper()
	tool(t, "pdftoppm", "-r", dpi, "-png", "-singlefile", pdf, pdf)
	f, err := os.Open(pdf + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// rgbAt returns a pixel's red, green and blue, 0–255.
func rgbAt(img image.Image, x, y int) (r, g, b uint32) {
	r, g, b, _ = img.At(x, y).RGBA()
	return r >> 8, g >> 8, b >> 8
}

// compose-11's advertisement is a one-page vector PDF: it is drawn as a form, not a
// picture (pdfimages lists only the page's photo), its paths render where the block
// is (the ad's orange sun and grey road), and the page is clean for qpdf and for
// broadsheet's own preflight.
func TestVectorAdIsDrawnAsAForm(t *testing.T) {
	need(t, "pdfimages", "pdftoppm", "qpdf")
	out := filepath.Join(t.TempDir(), "editorial.pdf")
	if code, _, stderr := broadsheet(t, "-o", out, editorialPage); code != 0 && !(code == 1 && onlyEmptySpace(stderr)) {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if check := tool(t, "qpdf", "--check", out); !strings.Contains(check, "No syntax or stream encoding errors") || strings.Contains(check, "WARNING") {
		t.Errorf("qpdf --check:\n%s", check)
	}
	list := tool(t, "pdfimages", "-list", out)
	if n := strings.Count(list, "\n") - 2; n != 1 || !strings.Contains(list, "jpeg") {
		t.Errorf("pdfimages -list: %d images, want 1, the JPEG photo; the ad is vector art:\n%s", n, list)
	}
	if code, stdout, _ := broadsheet(t, "preflight", out); code != exitOK || !strings.HasSuffix(strings.TrimSpace(stdout), ": clean") {
		t.Errorf("preflight exit %d:\n%s", code, stdout)
	}
	// The ad's frame on the page (layout/testdata/compose-11-editorial.golden): at
	// 565.131pt,1160.114pt, 479.25 × 319.5 pt, its 360 × 240 pt page scaled by 1.33125.
	const x0, y0, s, dpi = 565.131, 1160.114, 1.33125, 36
	img := renderPage(t, out, "36")
	at := func(ax, ay float64) (uint32, uint32, uint32) { // a point of the ad, from its bottom-left
		return rgbAt(img, int((x0+ax*s)*dpi/72), int((y0+(240-ay)*s)*dpi/72))
	}
	if r, g, b := at(270, 170); !(r > 200 && g > 90 && g < 200 && b < 80) {
		t.Errorf("the sun's centre renders as %d,%d,%d, want orange", r, g, b)
	}
	if r, g, b := at(300, 20); !(r > 80 && r < 180 && absDiff(r, g) < 12 && absDiff(g, b) < 12) {
		t.Errorf("the road renders as %d,%d,%d, want grey", r, g, b)
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// A masthead logo given as a one-page PDF is drawn as a form at its aspect: no picture
// on the page, the logo's red where the name stands, and the page clean for qpdf and
// for preflight.
func TestPDFLogoIsDrawnAsAForm(t *testing.T) {
	need(t, "pdfimages", "pdftoppm", "qpdf")
	dir := t.TempDir()
	src, err := os.ReadFile(frontPage)
	if err != nil {
		t.Fatal(err)
	}
	issuesDir, _ := filepath.Abs("../../issues")
	s := strings.Replace(string(src), `"photos/masthead-logo.png"`, `"`+filepath.Join(issuesDir, "testdata", "good", "masthead-logo.pdf")+`"`, 1)
	s = strings.ReplaceAll(s, `"photos/`, `"`+issuesDir+`/photos/`)
	toml := filepath.Join(dir, "front.toml")
	if err := os.WriteFile(toml, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "front.pdf")
	if code, _, stderr := broadsheet(t, "-o", out, toml); code != 0 && !(code == 1 && onlyEmptySpace(stderr)) {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if check := tool(t, "qpdf", "--check", out); !strings.Contains(check, "No syntax or stream encoding errors") || strings.Contains(check, "WARNING") {
		t.Errorf("qpdf --check:\n%s", check)
	}
	if n := strings.Count(tool(t, "pdfimages", "-list", out), "\n") - 2; n != 0 {
		t.Errorf("%d images on the page, want none: the logo is vector art", n)
	}
	if code, stdout, _ := broadsheet(t, "preflight", out); code != exitOK {
		t.Errorf("preflight exit %d:\n%s", code, stdout)
	}
	img := renderPage(t, out, "36")
	// The logo stands at the type area's left (53.256pt) in the band under the running
	// head; its left edge, 10 pt in, is the band's red.
	red := 0
	for y := 110 * 36 / 72; y < 220*36/72; y++ {
		if r, g, b := rgbAt(img, (53+10)*36/72, y); r > 180 && g < 90 && b < 90 {
			red++
		}
	}
	if red < 10 {
		t.Errorf("%d red pixels down the logo's left edge, want the logo's band (10 or more)", red)
	}
}
