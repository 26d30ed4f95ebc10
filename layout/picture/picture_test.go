package picture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func encodePNG(t *testing.T, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t *testing.T, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// chunk is one PNG chunk with its length and CRC.
func chunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return b.Bytes()
}

// bomb is the start of a PNG of w × h RGBA pixels: a header and a little data.
func bomb(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, pngRGBA
	out := append([]byte("\x89PNG\r\n\x1a\n"), chunk("IHDR", ihdr)...)
	return append(out, chunk("IDAT", []byte{0x78, 0x9c})...)
}

func TestModels(t *testing.T) {
	r := image.Rect(0, 0, 6, 4)
	pal := image.NewPaletted(r, color.Palette{color.Black, color.NRGBA{255, 0, 0, 128}})
	for _, c := range []struct {
		name string
		data []byte
		want Info
	}{
		{"gray.png", encodePNG(t, image.NewGray(r)), Info{PNG, 6, 4, Model{Colour: Gray, Bits: 8}, false}},
		{"gray16.png", encodePNG(t, image.NewGray16(r)), Info{PNG, 6, 4, Model{Colour: Gray, Bits: 16}, false}},
		{"rgb.png", encodePNG(t, opaque(r)), Info{PNG, 6, 4, Model{Colour: RGB, Bits: 8}, false}},
		{"rgba.png", encodePNG(t, image.NewNRGBA(r)), Info{PNG, 6, 4, Model{Colour: RGB, Bits: 8, Alpha: true}, false}},
		{"palette.png", encodePNG(t, pal), Info{PNG, 6, 4, Model{Colour: RGB, Bits: 1, Indexed: true, Alpha: true}, false}},
		{"rgb.jpg", encodeJPEG(t, opaque(r)), Info{JPEG, 6, 4, Model{Colour: RGB, Bits: 8}, false}},
		{"gray.jpg", encodeJPEG(t, image.NewGray(r)), Info{JPEG, 6, 4, Model{Colour: Gray, Bits: 8}, false}},
	} {
		got, err := ProbeBytes(c.data)
		if err != nil || got != c.want {
			t.Errorf("%s: %+v, %v; want %+v", c.name, got, err, c.want)
		}
	}
}

func opaque(r image.Rectangle) *image.RGBA {
	m := image.NewRGBA(r)
	for i := 3; i < len(m.Pix); i += 4 {
		m.Pix[i] = 255
	}
	return m
}

func TestDamagedAndRefused(t *testing.T) {
	photo, err := os.ReadFile("../../issues/photos/avenue-daytime.jpg")
	if err != nil {
		t.Fatal(err)
	}
	good := encodePNG(t, opaque(image.Rect(0, 0, 64, 64)))
	flipped := bytes.Clone(good)
	flipped[len(flipped)-20] ^= 0xff // inside the image data: the CRC no longer matches
	for _, c := range []struct {
		name string
		data []byte
		kind Kind
		what string
	}{
		{"truncated.jpg", photo[:len(photo)/3], Damaged, "is a damaged JPEG file"},
		{"header-only.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), Damaged, "is a damaged JPEG file"},
		{"flipped.png", flipped, Damaged, "is a damaged PNG file"},
		{"cut.png", good[:len(good)-30], Damaged, "is a damaged PNG file"},
		{"no-ihdr.png", good[:20], Damaged, "no IHDR header"},
		{"bomb.png", bomb(20000, 20000), TooLarge, "is 20000 × 20000 pixels (400 megapixels), over the 100 megapixels"},
		{"text.jpg", []byte("not a picture\n"), NotPicture, "is not a JPEG or PNG file (it holds text)"},
		{"empty.png", nil, NotPicture, "(it is empty)"},
		{"anim.gif", []byte("GIF89a\x01\x00"), NotPicture, "(it is a GIF)"},
	} {
		start := time.Now()
		_, err := ProbeBytes(c.data)
		var pe *Error
		if !errors.As(err, &pe) || pe.Kind != c.kind || !strings.Contains(pe.What, c.what) {
			t.Errorf("%s: %v, want kind %d %q", c.name, err, c.kind, c.what)
		}
		if d := time.Since(start); c.kind == TooLarge && d > time.Second {
			t.Errorf("%s: refused after %v: the header alone should do", c.name, d)
		}
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.jpg")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	link := filepath.Join(dir, "zero.jpg")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		kind Kind
		what string
	}{
		{filepath.Join(dir, "none.jpg"), Missing, "does not exist"},
		{dir, NotFile, "is a folder"},
		{fifo, NotFile, "a named pipe"},
		{link, NotFile, "a device"},
	} {
		_, err := Probe(c.path)
		var pe *Error
		if !errors.As(err, &pe) || pe.Kind != c.kind || !strings.Contains(pe.What, c.what) {
			t.Errorf("%s: %v, want %q", c.path, err, c.what)
		}
	}
	info, err := Probe("../../issues/photos/skyline-sunset.png")
	if err != nil || info.Format != PNG || info.Width == 0 {
		t.Errorf("skyline-sunset.png: %+v, %v", info, err)
	}
}

// BenchmarkBomb: a 20000 × 20000 PNG is refused from its header.
func BenchmarkBomb(b *testing.B) {
	data := bomb(20000, 20000)
	for b.Loop() {
		ProbeBytes(data)
	}
}
