package object

import (
	"bytes"
	"strings"
	"testing"
)

// pdfOf writes a file whose page tree holds the given pages under one node with
// attrs; each page is built by the caller with the file's references.
func pdfOf(t *testing.T, attrs func(f *File, node *Dict), pages ...func(f *File, page *Dict)) []byte {
	t.Helper()
	var f File
	catalog, info, node := f.Reserve(), f.Add(NewDict("Producer", Text("test"))), f.Reserve()
	n := NewDict("Type", Name("Pages"))
	var kids Array
	for _, build := range pages {
		pg := NewDict("Type", Name("Page"), "Parent", node)
		build(&f, pg)
		kids = append(kids, f.Add(pg))
	}
	n.Set("Kids", kids)
	n.Set("Count", len(pages))
	if attrs != nil {
		attrs(&f, n)
	}
	f.Put(node, n)
	f.Put(catalog, NewDict("Type", Name("Catalog"), "Pages", node))
	b, err := f.Bytes(catalog, info)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// plainPage is a page of 200 × 100 pt that fills a rectangle.
func plainPage(f *File, pg *Dict) {
	pg.Set("MediaBox", Array{0, 0, 200, 100})
	pg.Set("Contents", f.Add(Deflated(nil, []byte("0 0 0 1 k 10 10 50 50 re f"))))
}

// A page's box is its CropBox within its MediaBox; its resources and MediaBox may
// come from the page tree; a /Contents array is joined, each stream decoded.
func TestOnePageReadsBoxResourcesAndContent(t *testing.T) {
	b := pdfOf(t, func(f *File, node *Dict) {
		node.Set("MediaBox", Array{0, 0, 300, 200})
		node.Set("Resources", NewDict("ExtGState", NewDict("G0", f.Add(NewDict("Type", Name("ExtGState"), "LW", 2)))))
	}, func(f *File, pg *Dict) {
		pg.Set("CropBox", Array{250.5, -20, 10, 150})
		pg.Set("Contents", Array{f.Add(Deflated(nil, []byte("/G0 gs"))), f.Add(Plain(nil, []byte("0 0 m 10 10 l S")))})
	})
	pg, err := OnePage(b)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Box{10, 0, 250.5, 150}); pg.Box != want {
		t.Errorf("box %+v, want %+v (the CropBox within the MediaBox)", pg.Box, want)
	}
	if string(pg.Content) != "/G0 gs\n0 0 m 10 10 l S" {
		t.Errorf("content %q, want the two streams joined by a newline", pg.Content)
	}
	gs, err := pg.File.DictAt(pg.Resources["ExtGState"], "ExtGState")
	if err != nil || gs["G0"] == nil {
		t.Errorf("the inherited resources: %v, %v", pg.Resources, err)
	}
}

// What is not a PDF of one page this reader can embed is a *PageError that says why.
func TestOnePageRefuses(t *testing.T) {
	one := pdfOf(t, nil, plainPage)
	encrypted := bytes.Replace(one, []byte("trailer\n<<"), []byte("trailer\n<< /Encrypt 1 0 R"), 1)
	for name, c := range map[string]struct {
		file []byte
		want string
	}{
		"two pages": {pdfOf(t, nil, plainPage, plainPage), "has 2 pages"},
		"no page":   {pdfOf(t, nil), "has no page"},
		"encrypted": {encrypted, "is encrypted"},
		"cut short": {one[:len(one)/2], "is damaged"},
		"rotated": {pdfOf(t, nil, func(f *File, pg *Dict) {
			plainPage(f, pg)
			pg.Set("Rotate", 90)
		}), "rotated page (/Rotate 90)"},
		"missing object": {pdfOf(t, nil, func(f *File, pg *Dict) {
			plainPage(f, pg)
			pg.Set("Resources", NewDict("Font", NewDict("F1", Ref(99))))
		}), "refer to object 99, which the file lacks"},
		"no area": {pdfOf(t, nil, func(f *File, pg *Dict) {
			plainPage(f, pg)
			pg.Set("CropBox", Array{300, 0, 400, 100})
		}), "no area"},
		"updated": {append(bytes.Clone(one), "1 0 obj\n<< >>\nendobj\nxref\n0 1\ntrailer\n<< >>\nstartxref\n9\n%%EOF\n"...), "updated incrementally"},
		"LZW content": {pdfOf(t, nil, func(f *File, pg *Dict) {
			plainPage(f, pg)
			pg.Set("Contents", f.Add(Plain(NewDict("Filter", Name("LZWDecode")), []byte{0x80})))
		}), "content this version cannot read (filter LZWDecode)"},
	} {
		_, err := OnePage(c.file)
		pe, ok := err.(*PageError)
		if !ok || !strings.Contains(pe.What, c.want) {
			t.Errorf("%s: %v, want a *PageError saying %q", name, err, c.want)
		}
	}
}

// A stream's /Length may be an indirect object that comes after the stream, as
// Ghostscript writes it.
func TestIndirectLength(t *testing.T) {
	b := []byte("%PDF-1.4\n1 0 obj\n<< /Length 2 0 R >>\nstream\nhello endstream inside\nendstream\nendobj\n2 0 obj\n22\nendobj\n" +
		"3 0 obj\n<< /Length 3 >>stream\nabc\nendstream\nendobj\nxref\n0 1\ntrailer\n<< /Size 4 >>\n")
	p, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if s := p.Objs[1].(*RawStream); string(s.Data) != "hello endstream inside" {
		t.Errorf("stream 1: %q", s.Data)
	}
	if s := p.Objs[3].(*RawStream); string(s.Data) != "abc" {
		t.Errorf("stream 3: %q", s.Data)
	}
	bad := bytes.Replace(b, []byte("2 0 obj\n22\n"), []byte("2 0 obj\n99\n"), 1)
	if _, err := Parse(bad); err == nil || !strings.Contains(err.Error(), "/Length 2 0 R is 99") {
		t.Errorf("a /Length past endstream: %v", err)
	}
}

// OnePage never panics, and every failure is a *PageError, on any input.
func FuzzOnePage(f *testing.F) {
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] >>\nendobj\n" +
		"3 0 obj\n<< /Type /Page /MediaBox [0 0 10 10] /Contents 4 0 R /Resources << /X << /A 2 0 R >> >> >>\nendobj\n" +
		"4 0 obj\n<< /Length 5 0 R >>\nstream\n0 0 m\nendstream\nendobj\n5 0 obj\n5\nendobj\ntrailer\n<< /Root 1 0 R >>\n"))
	f.Add([]byte("%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length 20 >>\nstream\n2 0 << /Type /Catalog >>\nendstream\nendobj\n" +
		"3 0 obj\n<< /Type /XRef /Root 2 0 R /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n0\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pg, err := OnePage(data)
		if _, ok := err.(*PageError); err != nil && !ok {
			t.Fatalf("error %T %v, want a *PageError", err, err)
		}
		if err == nil && !(pg.Box.Width() > 0 && pg.Box.Height() > 0) {
			t.Fatalf("a page of no area: %+v", pg.Box)
		}
	})
}
