package pdf

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"broadsheet/fonts"
	"broadsheet/layout/display"
)

// handful is what the small page draws in every face: a few ideographs and two
// glyphs without outlines (the ideographic and the ASCII space).
const handful = "新闻　报 纸"

// rawAndFinished returns gopdf's output for page and the file finish makes of it,
// the way render does.
func rawAndFinished(t *testing.T, page *display.Page) (raw, out []byte) {
	t.Helper()
	var u usage
	u.collect(page.Items)
	d, err := newDoc(page, &u)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range page.Items {
		if err := d.draw(it); err != nil {
			t.Fatal(err)
		}
	}
	if raw, err = d.gp.GetBytesPdfReturnErr(); err != nil {
		t.Fatal(err)
	}
	if out, err = finish(raw, d.names, info{Title: page.Meta.Title, Producer: Producer}); err != nil {
		t.Fatal(err)
	}
	return raw, out
}

// embedded is one face's font program as a PDF carries it.
type embedded struct {
	name   string // the FontName, subset tag included
	packed int    // the stream's /Length
	prog   []byte // the inflated program
}

var reFontName = regexp.MustCompile(`/FontName /(\S+)`)

// fontPrograms returns the TrueType programs of a PDF in gopdf's layout (a classic
// xref, uncompressed objects), in font descriptor order.
func fontPrograms(t *testing.T, pdf []byte) []embedded {
	t.Helper()
	f, err := splitFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	var progs []embedded
	for _, o := range f.objects {
		dict := dictOf(o.data)
		name, ref := reFontName.FindSubmatch(dict), reFontFile2.FindSubmatch(dict)
		if name == nil || ref == nil {
			continue
		}
		n, _ := strconv.Atoi(string(ref[1]))
		stream := f.objects[n-1]
		prog, err := fontFileProgram(stream)
		if err != nil {
			t.Fatalf("%s: %v", name[1], err)
		}
		length, _ := strconv.Atoi(string(reLength.FindSubmatch(dictOf(stream.data))[1]))
		progs = append(progs, embedded{string(name[1]), length, prog})
	}
	return progs
}

// handfulPage draws handful once in every face.
func handfulPage() *display.Page {
	page := &display.Page{Width: pt(300), Height: pt(200)}
	for id := fonts.ID(0); id < fonts.Count; id++ {
		page.Items = append(page.Items, text(id, 20, 20, 40+float64(id)*40, handful))
	}
	return page
}

// A page drawing a handful of glyphs in each face embeds programs under 10 KB each,
// smaller than gopdf's, holding only the tables a PDF TrueType program needs, with
// valid checksums; the /W arrays are gopdf's, byte for byte.
func TestFontProgramsShrink(t *testing.T) {
	raw, out := rawAndFinished(t, handfulPage())
	before, after := fontPrograms(t, raw), fontPrograms(t, out)
	if len(after) != int(fonts.Count) || len(before) != len(after) {
		t.Fatalf("%d font programs before, %d after; want %d", len(before), len(after), fonts.Count)
	}
	for i, e := range after {
		if e.packed >= 10_000 || e.packed >= before[i].packed {
			t.Errorf("%s: FontFile2 of %d bytes (gopdf's: %d), want under 10,000", e.name, e.packed, before[i].packed)
		}
		tables, err := readTables(e.prog)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		var tags []string
		for _, tb := range tables {
			tags = append(tags, tb.tag)
		}
		if want := []string{"glyf", "head", "hhea", "hmtx", "loca", "maxp"}; !slices.Equal(tags, want) {
			t.Errorf("%s: tables %q, want %q", e.name, tags, want)
		}
		checkChecksums(t, e.name, e.prog)
	}
	reW := regexp.MustCompile(`(?m)^/W \[.*$`)
	if w0, w1 := reW.FindAll(raw, -1), reW.FindAll(out, -1); len(w0) != len(after) || !slices.EqualFunc(w0, w1, bytes.Equal) {
		t.Errorf("the /W arrays differ from gopdf's (%d before, %d after)", len(w0), len(w1))
	}
}

// checkChecksums checks every table's checksum and head.checkSumAdjustment.
func checkChecksums(t *testing.T, name string, prog []byte) {
	t.Helper()
	if sum := checksum(prog); sum != 0xB1B0AFBA {
		t.Errorf("%s: whole-font checksum %08X, want B1B0AFBA", name, sum)
	}
	n := int(binary.BigEndian.Uint16(prog[4:]))
	for i := range n {
		rec := prog[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		data := slices.Clone(prog[off : off+uint32(pad4(int(size)))])
		if string(rec[:4]) == "head" {
			clear(data[8:12])
		}
		if off%4 != 0 || checksum(data) != binary.BigEndian.Uint32(rec[4:]) {
			t.Errorf("%s: table %q at %d has a bad checksum or alignment", name, rec[:4], off)
		}
	}
}

// The rewritten programs still parse (with the original cmap and OS/2 put back, so
// fonts.Parse accepts them), and every drawn character keeps its advance, except the
// spaces, which have no outline: their advance is zero, their /W width unchanged.
func TestFontProgramsKeepUsedAdvances(t *testing.T) {
	_, out := rawAndFinished(t, handfulPage())
	for i, e := range fontPrograms(t, out) {
		id := fonts.ID(i)
		if !strings.HasSuffix(e.name, "+"+id.Name()) {
			t.Fatalf("font %d is %s, want face %s", i, e.name, id.Name())
		}
		orig := fonts.MustLoad(id)
		got, err := fonts.Parse(graftTables(t, e.prog, orig.Data, "cmap", "OS/2"))
		if err != nil {
			t.Fatalf("%s: rewritten program does not parse: %v", e.name, err)
		}
		for _, r := range handful {
			want, _ := orig.Advance(r)
			if r == ' ' || r == '　' {
				want = 0
			}
			if adv, ok := got.Advance(r); !ok || adv != want {
				t.Errorf("%s: advance of %q = %d, want %d", e.name, r, adv, want)
			}
		}
	}
}

// graftTables returns prog with the named tables of font added.
func graftTables(t *testing.T, prog, font []byte, tags ...string) []byte {
	t.Helper()
	tables, err := readTables(prog)
	if err != nil {
		t.Fatal(err)
	}
	from, err := readTables(font)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range from {
		if slices.Contains(tags, tb.tag) {
			tables = append(tables, tb)
		}
	}
	return writeSfnt(tables)
}

// The finished page renders exactly as gopdf's own output: pdftoppm at 100 dpi gives
// the same pixels, and Ghostscript reads the fonts without complaint.
func TestFontProgramsRenderUnchanged(t *testing.T) {
	dir := t.TempDir()
	page := testPage(t, dir)
	page.Items = append(page.Items, text(fonts.SongBold, 14, 30, 420, handful+"标题"))
	raw, out := rawAndFinished(t, page)
	var b bytes.Buffer
	if err := Write(&b, page, Options{}); err != nil || !bytes.Equal(b.Bytes(), out) {
		t.Fatalf("rawAndFinished differs from Write (err %v)", err)
	}
	paths := [2]string{filepath.Join(dir, "raw.pdf"), filepath.Join(dir, "out.pdf")}
	for i, data := range [][]byte{raw, out} {
		if err := os.WriteFile(paths[i], data, 0o644); err != nil {
			t.Fatal(err)
		}
		tool(t, "pdftoppm", "-r", "100", "-png", "-singlefile", paths[i], strings.TrimSuffix(paths[i], ".pdf"))
	}
	a, c := readPNG(t, filepath.Join(dir, "raw.png")), readPNG(t, filepath.Join(dir, "out.png"))
	if n := pixelsDiffering(a, c); n != 0 {
		t.Errorf("%d pixels differ between gopdf's output and the finished file", n)
	}
	if msg := tool(t, "gs", "-q", "-o", "/dev/null", "-sDEVICE=nullpage", paths[1]); strings.TrimSpace(msg) != "" {
		t.Errorf("gs:\n%s", msg)
	}
}

// readPNG decodes a PNG file.
func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
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

// pixelsDiffering counts the pixels that differ between two images of one size.
func pixelsDiffering(a, b image.Image) int {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r0, g0, b0, a0 := a.At(x, y).RGBA()
			r1, g1, b1, a1 := b.At(x, y).RGBA()
			if r0 != r1 || g0 != g1 || b0 != b1 || a0 != a1 {
				n++
			}
		}
	}
	return n
}

// sfntOf builds a font program from tag/data pairs (test fonts).
func sfntOf(pairs ...any) []byte {
	var tables []sfntTable
	for i := 0; i < len(pairs); i += 2 {
		tables = append(tables, sfntTable{pairs[i].(string), pairs[i+1].([]byte)})
	}
	return writeSfnt(tables)
}

// u16s packs big-endian 16-bit values.
func u16s(v ...int) []byte {
	b := make([]byte, 2*len(v))
	for i, x := range v {
		binary.BigEndian.PutUint16(b[2*i:], uint16(x))
	}
	return b
}

// A synthetic face of five glyphs and three long metrics, short loca: glyph 0 has an
// outline; 1 has none but is a component of the composite 4; 2 (the last long
// metric, whose advance glyphs 3 and 4 share) and 3 have none.
func TestShrinkFontZeroesOnlyGlyphsWithoutOutlines(t *testing.T) {
	simple := u16s(1, 0, 0, 100, 100, 0, 0, 0, 0, 0) // contour count, bbox, then filler
	composite := slices.Concat(
		u16s(0xFFFF, 0, 0, 100, 100),                   // numberOfContours -1, bbox
		u16s(argsAreWords|haveScale|moreComponents, 1), // component 1: word args, one scale
		u16s(10, 20, 0x4000),
		u16s(haveTwoByTwo, 0), u16s(0x0102), u16s(0x4000, 0, 0, 0x4000), // component 0: byte args, 2×2
	)
	glyf := slices.Concat(simple, composite)
	loca := u16s(0, len(simple)/2, len(simple)/2, len(simple)/2, len(simple)/2, len(glyf)/2)
	head := make([]byte, 54)
	hhea := make([]byte, 36)
	binary.BigEndian.PutUint16(hhea[34:], 3)
	maxp := u16s(0, 0x5000, 5)
	hmtx := u16s(500, 10, 600, 11, 700, 12, 13, 14)
	prog := sfntOf("cvt ", []byte{}, "glyf", glyf, "head", head, "hhea", hhea, "hmtx", hmtx, "loca", loca, "maxp", maxp, "prep", []byte{})

	small, err := shrinkFont(prog)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := readTables(small)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, tb := range tables {
		got[tb.tag] = tb.data
	}
	if _, ok := got["cvt "]; ok || len(tables) != 6 {
		t.Errorf("%d tables, cvt kept: %v; want the six non-empty ones", len(tables), ok)
	}
	if want := u16s(500, 10, 600, 11, 700, 0, 0, 14); !bytes.Equal(got["hmtx"], want) {
		t.Errorf("hmtx = %v, want %v", got["hmtx"], want)
	}
	for tag, orig := range map[string][]byte{"glyf": glyf, "loca": loca, "hhea": hhea, "maxp": maxp} {
		if !bytes.Equal(got[tag], orig) {
			t.Errorf("table %s changed", tag)
		}
	}
	checkChecksums(t, "synthetic", small)
	again, _ := shrinkFont(small)
	if !bytes.Equal(again, small) {
		t.Error("shrinking twice changes the program")
	}
}
