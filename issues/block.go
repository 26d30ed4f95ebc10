package issues

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"broadsheet/layout/geom"
	"broadsheet/layout/pdf/object"
	"broadsheet/layout/picture"
)

// Block is a fixed block of the page: an advertisement or a notice (公益广告), set
// from a picture file or as a labelled placeholder, and composed around like a pin.
type Block struct {
	Pos  Pos
	Kind string // "ad" or "notice"
	// File is the picture's path, resolved against the issue file's directory; empty
	// for a labelled placeholder. PixelWidth and PixelHeight are its size.
	File                    string
	PixelWidth, PixelHeight int
	// PDF is the page of File when File is a one-page PDF, placed as vector art
	// (PixelWidth, PixelHeight, Format and Model are then zero); nil otherwise.
	PDF *PDFPage
	// Format and Model are the picture's file format and how its pixels are stored.
	Format picture.Format
	Model  picture.Model
	Label  string // the placeholder's text
	// Columns and Lines are the block's size in basic columns and body lines; when
	// the file gives a length instead (width, height), Width or Height holds it and the
	// layout rounds it to whole columns or lines.
	Columns, Lines int
	Width, Height  geom.Length
	// Place pins the block; nil sets it at the page foot.
	Place *Place
}

// BlockKinds are the kinds of fixed block.
var BlockKinds = []string{"ad", "notice"}

// BlockItem names the i-th block (0-based): "block[1]".
func BlockItem(i int) string { return fmt.Sprintf("block[%d]", i) }

// blocks decodes the [[block]] tables.
func (d *decoder) blocks(root table) []Block {
	list, _ := root.Tables("block", "[[block]]")
	var out []Block
	for _, t := range list {
		out = append(out, d.block(t))
	}
	return out
}

// block decodes one [[block]].
func (d *decoder) block(t table) Block {
	t.CheckKeys("kind", "file", "label", "columns", "width", "lines", "height", "place")
	b := Block{Pos: t.Start()}
	b.Kind = blockKind(t)
	b.Label, _ = prose(t, "label", false)
	b.Columns, b.Width = d.blockSpan(t, "columns", "width")
	b.Lines, b.Height = d.blockSpan(t, "lines", "height")
	b.Place = d.place(t, "[block.place]", b.Columns)
	d.blockFile(t, &b)
	return b
}

// blockKind decodes block.kind: "ad" or "notice".
func blockKind(t table) string {
	k, ok := t.Text("kind", true)
	if !ok {
		return ""
	}
	for _, v := range BlockKinds {
		if k == v {
			return k
		}
	}
	t.Errorf("kind", "%s is not a kind of block; want \"ad\" or \"notice\"", clip(k))
	return ""
}

// blockSpan decodes a block's size along one side: whole grid units at count (1 to
// maxLines), or a length at length; exactly one of them.
func (d *decoder) blockSpan(t table, count, lengthKey string) (int, geom.Length) {
	_, hasCount := t.M[count]
	_, hasLength := t.M[lengthKey]
	switch {
	case hasCount && hasLength:
		t.Errorf(lengthKey, "and %s both give the size; want one of them", count)
	case hasCount:
		if count == "columns" {
			return d.width(t, count, true), 0
		}
		n, _ := t.IntIn(count, true, 1, maxLines)
		return n, 0
	case hasLength:
		l, ok := length(t, lengthKey, "12cm")
		if ok && l <= 0 {
			t.Errorf(lengthKey, "is zero; want a lengthKey like \"12cm\"")
		}
		return 0, l
	default:
		t.Missing(count, fmt.Sprintf("a number of %s (or %s = \"12cm\")", count, lengthKey))
	}
	return 0, 0
}

// PDFPage is the page of a one-page PDF file (an advertisement, a logo) that the page
// draws as vector art: its visible size, the CropBox within the MediaBox (else the
// MediaBox), which gives its aspect.
type PDFPage struct{ Width, Height geom.Length }

// blockFile resolves and checks block.file: a one-page PDF, or a JPEG or PNG picture.
func (d *decoder) blockFile(t table, b *Block) {
	if _, given := t.M["file"]; !given {
		return
	}
	name, ok := t.Text("file", false)
	if !ok || name == "" {
		if ok {
			t.Errorf("file", "is empty; want the path of a one-page PDF, a JPEG or a PNG file, or leave file out for a labelled placeholder")
		}
		return
	}
	if path := d.resolve(name); isPDF(path) {
		if pg, ok := d.pdfPage(t, "file", name, path, "a JPEG or PNG file, or leave file out for a labelled placeholder"); ok {
			b.File, b.PDF = path, pg
		}
		return
	}
	if path, info, ok := d.probe(t, name, "a labelled placeholder"); ok {
		b.File, b.PixelWidth, b.PixelHeight = path, info.Width, info.Height
		b.Format, b.Model = info.Format, info.Model
	}
}

// maxPDFSize is the largest PDF file a block or logo may be, read whole: 256 MB, far
// above a page's advertisement with its pictures at print resolution.
const maxPDFSize = 256 << 20

// fixPDF says what PDF the writer embeds, for the messages; what follows it says what
// else would do.
const fixPDF = "want a PDF of one page, unrotated, not encrypted, saved whole (not updated in place, not linearized), such as a PDF/X-1a or PDF/X-4 export"

// pdfPage reads the PDF file at path, named name at key, and returns its page's size
// when it is a one-page PDF the writer can embed; otherwise it reports why not, and
// what else would do (or).
func (d *decoder) pdfPage(t table, key, name, path, or string) (*PDFPage, bool) {
	data, err := readPDF(path)
	if err != nil {
		t.Errorf(key, "%q cannot be read (%v); %s, %s", name, err, fixPDF, or)
		return nil, false
	}
	pg, err := object.OnePage(data)
	if err != nil {
		t.Errorf(key, "%q is a PDF that %s; %s, %s", name, err, fixPDF, or)
		return nil, false
	}
	return &PDFPage{Width: geom.Pt(pg.Box.Width()), Height: geom.Pt(pg.Box.Height())}, true
}

// readPDF reads a PDF file whole, up to maxPDFSize.
func readPDF(path string) ([]byte, error) {
	f, err := os.Open(path)
	if pe, ok := err.(*os.PathError); ok {
		return nil, pe.Err // the message names the file
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPDFSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxPDFSize {
		return nil, fmt.Errorf("it is over the %d MB a PDF block or logo may have", maxPDFSize>>20)
	}
	return data, nil
}

// isPDF reports whether the file at path is a regular file that starts like a PDF.
func isPDF(path string) bool {
	if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 5)
	n, _ := f.Read(head)
	return bytes.Equal(head[:n], []byte("%PDF-"))
}
