package issues

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// photoCase is one [[article.photo]] file and what decoding it must give.
type photoCase struct {
	file string // as written in the issue file
	msg  string // part of the error message; "" when the photo is good
	w, h int    // pixel size of a good photo
}

func TestPhotoFiles(t *testing.T) {
	dir := t.TempDir()
	photos := filepath.Join(dir, "photos")
	mustMkdir(t, photos)
	writeImage(t, filepath.Join(photos, "rgb.png"), png.Encode, image.NewRGBA(image.Rect(0, 0, 40, 30)))
	writeImage(t, filepath.Join(photos, "photo.jpg"), func(w io.Writer, m image.Image) error {
		return jpeg.Encode(w, m, nil)
	}, image.NewRGBA(image.Rect(0, 0, 64, 48)))
	writeImage(t, filepath.Join(photos, "deep.png"), png.Encode, image.NewGray16(image.Rect(0, 0, 8, 8)))
	writeImage(t, filepath.Join(photos, "anim.png"), func(w io.Writer, m image.Image) error {
		return gif.Encode(w, m, nil)
	}, image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{color.Black, color.White}))
	writeFile(t, filepath.Join(photos, "notes.jpg"), []byte("this is not a picture\n"))
	writeFile(t, filepath.Join(photos, "empty.png"), nil)
	writeFile(t, filepath.Join(photos, "interlaced.png"), interlacedPNG())
	rgb, _ := os.ReadFile(filepath.Join(photos, "rgb.png"))
	writeFile(t, filepath.Join(photos, "cut.jpg"), []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"))
	writeFile(t, filepath.Join(photos, "cut.png"), rgb[:20])

	cases := []photoCase{
		{file: "photos/rgb.png", w: 40, h: 30},
		{file: " photos/photo.jpg ", w: 64, h: 48},
		{file: filepath.Join(photos, "rgb.png"), w: 40, h: 30},
		{file: "photos/missing.jpg", msg: `"photos/missing.jpg" does not exist (relative to the issue file's folder ` + dir + string(filepath.Separator) + `); want a JPEG or PNG file, or leave file out for a placeholder`},
		{file: "photos", msg: `"photos" is a folder`},
		{file: "photos/notes.jpg", msg: `"photos/notes.jpg" is not a JPEG or PNG file (it holds text); save it as a JPEG or PNG file`},
		{file: "photos/anim.png", msg: `is not a JPEG or PNG file (it is a GIF)`},
		{file: "photos/empty.png", msg: `is not a JPEG or PNG file (it is empty)`},
		{file: "photos/deep.png", msg: `"photos/deep.png" is a 16-bit PNG; save it as an 8-bit non-interlaced PNG`},
		{file: "photos/interlaced.png", msg: `"photos/interlaced.png" is an interlaced PNG; save it as an 8-bit non-interlaced PNG`},
		{file: "photos/cut.jpg", msg: `is a damaged JPEG file`},
		{file: "photos/cut.png", msg: `is a damaged PNG file`},
	}
	issue := filepath.Join(dir, "issue.toml")
	src, lines := photoIssue(cases)
	writeFile(t, issue, []byte(src))
	is, err := Decode(issue)
	checkPhotoCases(t, issue, cases, lines, is, err)
}

// photoIssue writes an issue file with one photo per case and returns it with the
// line of each photo's file key.
func photoIssue(cases []photoCase) (string, []int) {
	var b strings.Builder
	b.WriteString("newspaper = \"报\"\ndate = 2023-11-21\npage = 3\n[[article]]\nheadline = \"题\"\nbody = \"文\"\n")
	line := 7
	var lines []int
	for _, c := range cases {
		fmt.Fprintf(&b, "[[article.photo]]\nfile = %q\n", c.file)
		lines = append(lines, line+1)
		line += 2
	}
	return b.String(), lines
}

// checkPhotoCases checks the decoded photos, or the errors, against cases.
func checkPhotoCases(t *testing.T, issue string, cases []photoCase, lines []int, is *Issue, err error) {
	t.Helper()
	bad := 0
	for _, c := range cases {
		if c.msg != "" {
			bad++
		}
	}
	if bad == 0 {
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range cases {
			checkGoodPhoto(t, issue, is.Articles[0].Photos[i], c)
		}
		return
	}
	list := errorList(t, err)
	for i, c := range cases {
		if c.msg == "" {
			continue
		}
		pos := fmt.Sprintf("%s:%d:8", issue, lines[i])
		item := fmt.Sprintf("article[0].photo[%d].file", i)
		if findError(list, pos, item, c.msg) == nil {
			t.Errorf("no error %s: %s: …%s…", pos, item, c.msg)
		}
	}
	if len(list) != bad {
		t.Errorf("got %d errors, want %d:\n%v", len(list), bad, list)
	}
	good := make([]photoCase, 0, len(cases))
	for _, c := range cases {
		if c.msg == "" {
			good = append(good, c)
		}
	}
	src, goodLines := photoIssue(good)
	is, err = DecodeBytes(issue, []byte(src))
	checkPhotoCases(t, issue, good, goodLines, is, err)
}

// checkGoodPhoto checks that a good photo has its resolved path and pixel size.
func checkGoodPhoto(t *testing.T, issue string, p Photo, c photoCase) {
	t.Helper()
	want := strings.TrimSpace(c.file)
	if !filepath.IsAbs(want) {
		want = filepath.Join(filepath.Dir(issue), want)
	}
	if p.File != want || p.PixelWidth != c.w || p.PixelHeight != c.h {
		t.Errorf("photo %q = %q %d×%d, want %q %d×%d", c.file, p.File, p.PixelWidth, p.PixelHeight, want, c.w, c.h)
	}
}

func TestPhotoRelativeToIssueFolder(t *testing.T) {
	dir := t.TempDir()
	mustMkdir(t, filepath.Join(dir, "pages"))
	mustMkdir(t, filepath.Join(dir, "photos"))
	writeImage(t, filepath.Join(dir, "photos", "a.png"), png.Encode, image.NewRGBA(image.Rect(0, 0, 3, 2)))
	src := "newspaper = \"报\"\ndate = 2023-11-21\npage = 3\n[[article]]\nheadline = \"题\"\nbody = \"文\"\n" +
		"[[article.photo]]\nfile = \"../photos/a.png\"\n"
	is, err := DecodeBytes(filepath.Join(dir, "pages", "p3.toml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := is.Articles[0].Photos[0]
	if want := filepath.Join(dir, "photos", "a.png"); p.File != want || p.PixelWidth != 3 || p.PixelHeight != 2 {
		t.Errorf("photo = %+v, want %s 3×2", p, want)
	}
}

// interlacedPNG returns a whole 1 × 1 grey PNG with Adam7 interlacing.
func interlacedPNG() []byte {
	chunk := func(b []byte, typ string, data []byte) []byte {
		b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
		body := append([]byte(typ), data...)
		b = append(b, body...)
		return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(body))
	}
	ihdr := binary.BigEndian.AppendUint32(nil, 1)
	ihdr = binary.BigEndian.AppendUint32(ihdr, 1)
	ihdr = append(ihdr, 8, 0, 0, 0, 1) // depth 8, grey, deflate, filter 0, interlace Adam7
	var idat bytes.Buffer
	z := zlib.NewWriter(&idat)
	z.Write([]byte{0, 0x80}) // pass 1 holds the only pixel: filter none, mid grey
	z.Close()
	b := chunk([]byte("\x89PNG\r\n\x1a\n"), "IHDR", ihdr)
	b = chunk(b, "IDAT", idat.Bytes())
	return chunk(b, "IEND", nil)
}

func writeImage(t *testing.T, path string, encode func(io.Writer, image.Image) error, m image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := encode(f, m); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustMkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
}
