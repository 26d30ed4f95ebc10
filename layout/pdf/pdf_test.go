package pdf

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"broadsheet/fonts"
	"broadsheet/layout/display"
)

func TestQpdfCheck(t *testing.T) {
	dir := t.TempDir()
	for _, debug := range []bool{false, true} {
		path, _ := write(t, dir, fmt.Sprintf("page-%v.pdf", debug), testPage(t, dir), Options{Debug: debug})
		out := tool(t, "qpdf", "--check", path)
		if !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(out, "WARNING") {
			t.Errorf("debug=%v: qpdf --check:\n%s", debug, out)
		}
	}
}

// Every used face, and no other, is embedded as a subset with a Unicode map, under
// the name its tag and face give.
func TestFontsEmbeddedSubsetUnicode(t *testing.T) {
	dir := t.TempDir()
	page := testPage(t, dir)
	path, _ := write(t, dir, "page.pdf", page, Options{})
	var u usage
	if err := u.collect(page, page.Items); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, id := range []fonts.ID{fonts.Song, fonts.Hei, fonts.Kai} {
		want[subsetTag(id, u.chars(id))+"+"+id.Name()] = true
	}
	lines := strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")
	got := map[string]bool{}
	for _, line := range lines[2:] {
		f := strings.Fields(line)
		name, emb, sub, uni := f[0], f[len(f)-5], f[len(f)-4], f[len(f)-3]
		got[name] = true
		if !want[name] {
			t.Errorf("unexpected font %s", name)
		}
		if emb != "yes" || sub != "yes" || uni != "yes" {
			t.Errorf("%s: emb %s sub %s uni %s, want yes yes yes", name, emb, sub, uni)
		}
		if !regexp.MustCompile(`^[A-Z]{6}\+[A-Za-z-]+$`).MatchString(name) {
			t.Errorf("%s is not a subset name", name)
		}
	}
	for name := range want {
		if !got[name] {
			t.Errorf("font %s missing; pdffonts:\n%s", name, strings.Join(lines, "\n"))
		}
	}
}

func TestSubsetTags(t *testing.T) {
	a, b := []rune("中文"), []rune("中国")
	if subsetTag(fonts.Song, a) == subsetTag(fonts.Song, b) {
		t.Error("different subsets share a tag")
	}
	if subsetTag(fonts.Song, a) == subsetTag(fonts.Kai, a) {
		t.Error("different faces with the same characters share a tag")
	}
	if subsetTag(fonts.Song, a) != subsetTag(fonts.Song, []rune("中文")) {
		t.Error("the same subset gets different tags")
	}
}

func TestPageSizeAndTrimBox(t *testing.T) {
	dir := t.TempDir()
	page := testPage(t, dir)
	path, _ := write(t, dir, "page.pdf", page, Options{})
	out := tool(t, "pdfinfo", "-box", path)
	size := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(out)
	box := regexp.MustCompile(`TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)`).FindStringSubmatch(out)
	if size == nil || box == nil {
		t.Fatalf("pdfinfo -box:\n%s", out)
	}
	h := page.Height.Points()
	want := []float64{page.Width.Points(), h, 0, 0, page.Width.Points(), h}
	for i, s := range append(size[1:], box[1:]...) {
		v, _ := strconv.ParseFloat(s, 64)
		if math.Abs(v-want[i]) > 0.01 {
			t.Errorf("pdfinfo value %d = %v, want %.2f\n%s", i, v, want[i], out)
		}
	}
	for _, re := range []string{`(?m)^Title:\s+测试报 2023年11月21日 第7版 𠀋$`, `(?m)^Producer:\s+broadsheet$`} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("pdfinfo does not match %s:\n%s", re, out)
		}
	}
	if strings.Contains(out, "CreationDate") || strings.Contains(out, "ModDate") {
		t.Errorf("document information carries a date:\n%s", out)
	}
}

func TestTextExtracts(t *testing.T) {
	dir := t.TempDir()
	path, _ := write(t, dir, "page.pdf", testPage(t, dir), Options{})
	got := strings.Join(strings.Fields(tool(t, "pdftotext", path, "-")), "")
	for _, s := range []string{heiLine, songLine, songRare, "同一行", spaceLine, kaiLine} {
		if want := strings.Join(strings.Fields(s), ""); !strings.Contains(got, want) {
			t.Errorf("pdftotext lacks %q; got %q", want, got)
		}
	}
}

// 𠀋 (U+2000B, beyond the BMP) and 䶮 (U+4DAE) come back from text extraction, and
// the rewritten file still passes qpdf.
func TestCharactersBeyondTheBMPExtract(t *testing.T) {
	for _, r := range songRare {
		if !fonts.MustLoad(fonts.Song).Has(r) {
			t.Fatalf("Song lacks %U", r)
		}
	}
	dir := t.TempDir()
	page := &display.Page{Width: pt(200), Height: pt(100),
		Items: []display.Item{text(fonts.Song, 12, 20, 50, "甲"+songRare+"乙")}}
	path, _ := write(t, dir, "rare.pdf", page, Options{})
	if got := strings.TrimSpace(tool(t, "pdftotext", path, "-")); got != "甲"+songRare+"乙" {
		t.Errorf("pdftotext = %q, want %q", got, "甲"+songRare+"乙")
	}
	if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	page := testPage(t, dir)
	for _, opt := range []Options{{}, {Debug: true}} {
		var a, b bytes.Buffer
		if err := Write(&a, page, opt); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, page, opt); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%+v: two writes of the same page differ", opt)
		}
	}
}

// The page content uses CMYK operators only: no rg, RG, g, G, and no colour spaces;
// text is 100 % K.
func TestCMYKOnly(t *testing.T) {
	dir := t.TempDir()
	path, _ := write(t, dir, "page.pdf", testPage(t, dir), Options{Debug: true})
	var fills, strokes int
	inText := false
	for _, op := range operators(pageContent(t, path)) {
		name := op[len(op)-1]
		switch name {
		case "rg", "RG", "g", "G", "cs", "CS", "sc", "SC", "scn", "SCN":
			t.Errorf("non-CMYK colour operator %v", op)
		case "BT":
			inText = true
		case "ET":
			inText = false
		case "k":
			fills++
			if inText && strings.Join(op, " ") != "0.00 0.00 0.00 1.00 k" {
				t.Errorf("text colour %v, want 100 %% K only", op)
			}
		case "K":
			strokes++
		}
	}
	if fills == 0 || strokes == 0 {
		t.Errorf("%d fill and %d stroke colours set; want CMYK for both", fills, strokes)
	}
}

// Every fill is preceded by its own fill colour, so the text colour cannot leak in.
func TestFillColourSetBeforeEveryFill(t *testing.T) {
	dir := t.TempDir()
	path, _ := write(t, dir, "page.pdf", testPage(t, dir), Options{})
	fillSet := false
	for _, op := range operators(pageContent(t, path)) {
		switch op[len(op)-1] {
		case "k":
			fillSet = true
		case "f", "F", "f*", "B", "B*", "b", "b*":
			if !fillSet {
				t.Errorf("fill %v without its own fill colour", op)
			}
			fillSet = false
		case "ET":
			fillSet = false // the text colour is the fill colour
		}
	}
}

func TestDebugAddsOverlay(t *testing.T) {
	dir := t.TempDir()
	page := testPage(t, dir)
	plainPath, _ := write(t, dir, "plain.pdf", page, Options{})
	debugPath, _ := write(t, dir, "debug.pdf", page, Options{Debug: true})
	plain, debug := pageContent(t, plainPath), pageContent(t, debugPath)
	guide := "1.00 0.00 0.00 0.00 K" // display.Guide, cyan
	if strings.Contains(plain, guide) {
		t.Error("the overlay is drawn without Debug")
	}
	if !strings.Contains(debug, guide) || !strings.Contains(debug, "0.00 0.60 0.00 0.00 K") {
		t.Error("Debug does not draw the overlay")
	}
	items := strings.TrimRight(strings.TrimSuffix(strings.TrimRight(plain, "\n"), "Q"), "\n")
	if !strings.HasPrefix(debug, items) {
		t.Error("the overlay is not drawn after the items")
	}
}

// The PNG fills its placement and shows only inside its frame: render with pdftoppm
// at 72 dpi (1 px = 1 pt) and look at the pixels.
func TestImageCoverAndCrop(t *testing.T) {
	dir := t.TempDir()
	page := testPage(t, dir)
	page.Items = page.Items[7:8] // the PNG
	page.Items = append(page.Items, page.Items[0])
	path, _ := write(t, dir, "image.pdf", page, Options{})
	tool(t, "pdftoppm", "-r", "72", "-png", "-singlefile", path, filepath.Join(dir, "image"))
	img := readPNG(t, filepath.Join(dir, "image.png"))
	fx, fy, fw, fh := pngFrame.X.Points(), pngFrame.Y.Points(), pngFrame.W.Points(), pngFrame.H.Points()
	// The frame is the middle half of the placed picture: its four quarters show the
	// four quadrants; just outside the frame, inside the placement, the page is white.
	probes := []struct {
		x, y float64
		want [3]uint32
	}{
		{fx + 3, fy + 3, [3]uint32{255, 0, 0}},
		{fx + fw - 3, fy + 3, [3]uint32{0, 255, 0}},
		{fx + 3, fy + fh - 3, [3]uint32{0, 0, 255}},
		{fx + fw - 3, fy + fh - 3, [3]uint32{255, 255, 0}},
		{fx - 3, fy + 3, [3]uint32{255, 255, 255}},
		{fx + 3, fy - 3, [3]uint32{255, 255, 255}},
		{fx + fw + 3, fy + fh - 3, [3]uint32{255, 255, 255}},
		{fx + fw - 3, fy + fh + 3, [3]uint32{255, 255, 255}},
		{fx + fw/2 - 2, fy + fh/2 - 2, [3]uint32{255, 0, 0}}, // the quadrants meet mid-frame
		{fx + fw/2 + 2, fy + fh/2 + 2, [3]uint32{255, 255, 0}},
	}
	for _, p := range probes {
		r, g, b, _ := img.At(int(p.x), int(p.y)).RGBA()
		got := [3]uint32{r >> 8, g >> 8, b >> 8}
		for i := range got {
			if d := int(got[i]) - int(p.want[i]); d < -40 || d > 40 {
				t.Errorf("pixel (%v, %v) = %v, want about %v", p.x, p.y, got, p.want)
				break
			}
		}
	}
}

func TestErrorsSayWhere(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "photos", "a.jpg")
	cases := []struct {
		item display.Item
		want string
	}{
		{&display.Image{Path: missing, Frame: rect(0, 0, 10, 10), Placed: rect(0, 0, 10, 10)}, "pdf: image " + missing + ": "},
		{text(fonts.Song, 9, 10, 10, "中\uE000"), "pdf: item 0 (text): face NotoSerifCJKsc-Regular has no glyph for U+E000"},
		{&display.Rule{X2: pt(10), Color: display.Black}, "pdf: item 0 (rule): width 0pt is not positive"},
		{&display.Tint{Rect: rect(0, 0, 10, 10), Color: display.Gray(120)}, "pdf: item 0 (tint): colour"},
	}
	for _, c := range cases {
		page := &display.Page{Width: pt(100), Height: pt(100), Items: []display.Item{c.item}}
		err := Write(&bytes.Buffer{}, page, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("error %v, want it to start %q", err, c.want)
		}
	}
}

func TestToUnicodeCMapUsesSurrogatePairs(t *testing.T) {
	s, err := fonts.MustLoad(fonts.Song).Subset([]rune("中𠀋䶮"), "ABCDEF+Test")
	if err != nil {
		t.Fatal(err)
	}
	cmap := string(toUnicodeCMap(s))
	want := "3 beginbfchar\n<0001> <4DAE>\n<0002> <4E2D>\n<0003> <D840DC0B>\nendbfchar\n"
	if !strings.Contains(cmap, want) {
		t.Errorf("CMap:\n%s\nwant it to contain:\n%s", cmap, want)
	}
}

// An empty page and a page whose only text is empty still make valid files with no fonts.
func TestEmptyPages(t *testing.T) {
	dir := t.TempDir()
	for i, items := range [][]display.Item{nil, {text(fonts.Kai, 9, 10, 10, "")}} {
		page := &display.Page{Width: pt(100), Height: pt(100), Items: items}
		path, _ := write(t, dir, fmt.Sprintf("empty%d.pdf", i), page, Options{})
		if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
			t.Errorf("page %d: qpdf --check:\n%s", i, out)
		}
		if out := tool(t, "pdffonts", path); strings.Count(out, "\n") != 2 {
			t.Errorf("page %d: fonts embedded:\n%s", i, out)
		}
	}
}

// Writers in parallel share the parsed faces; run with -race.
func TestConcurrentWrites(t *testing.T) {
	dir := t.TempDir()
	page := testPage(t, dir)
	var want bytes.Buffer
	if err := Write(&want, page, Options{}); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			var b bytes.Buffer
			err := Write(&b, page, Options{})
			if err == nil && !bytes.Equal(b.Bytes(), want.Bytes()) {
				err = fmt.Errorf("a parallel write differs")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
