package issues

import (
	"testing"

	"broadsheet/layout/geom"
)

// A block's one-page PDF is taken with its page's size, and no pixel size: compose-11's
// advertisement is a page of 360 × 240 pt.
func TestBlockPDFKeepsItsPageSize(t *testing.T) {
	iss, err := Decode("compose-11-editorial.toml")
	if err != nil {
		t.Fatal(err)
	}
	b := iss.Blocks[0]
	if b.PDF == nil || *b.PDF != (PDFPage{Width: geom.Pt(360), Height: geom.Pt(240)}) || b.PixelWidth != 0 || b.Format != "" {
		t.Errorf("block[0]: PDF %v, %d × %d pixels, format %q; want a PDF page of 360 × 240 pt and no picture", b.PDF, b.PixelWidth, b.PixelHeight, b.Format)
	}
}

// A logo given as a one-page PDF is taken with its page's size.
func TestLogoPDFKeepsItsPageSize(t *testing.T) {
	src := "newspaper = \"报\"\ndate = 2023-11-21\npage = 1\n[masthead]\nlogo = \"masthead-logo.pdf\"\n" +
		"[[article]]\nheadline = \"标题\"\nbody = \"正文\"\n"
	iss, err := DecodeBytes("testdata/good/front.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := iss.Masthead
	if m.LogoPDF == nil || *m.LogoPDF != (PDFPage{Width: geom.Pt(400), Height: geom.Pt(100)}) || m.Logo == "" || m.LogoWidth != 0 {
		t.Errorf("logo: %q, PDF %v, %d pixels wide; want masthead-logo.pdf's page of 400 × 100 pt", m.Logo, m.LogoPDF, m.LogoWidth)
	}
}
