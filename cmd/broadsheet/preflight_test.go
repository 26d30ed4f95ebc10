package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// craftedPDF returns a one-page PDF such as an advertiser might send: its text is
// set in RGB red with Helvetica, which is not embedded, and it has no output intent.
func craftedPDF() []byte {
	return pdfWith("1 0 0 rg BT /F1 24 Tf 72 720 Td (Buy now) Tj ET\n", "")
}

// pdfWith returns a one-page PDF of the given content (Helvetica as /F1, an
// ExtGState /GS1 that overprints) with extra entries in its page dictionary.
func pdfWith(content, page string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + page +
			" /Resources << /Font << /F1 4 0 R >> /ExtGState << /GS1 << /OP true /op true /OPM 1 >> >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}

// A foreign PDF with RGB text and an unembedded font fails, and the report names
// both, the missing output intent and the missing TrimBox.
func TestPreflightFailsAForeignAd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ad.pdf")
	if err := os.WriteFile(path, craftedPDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := broadsheet(t, "preflight", path)
	if code != exitAttention {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitAttention, stdout, stderr)
	}
	for _, want := range []string{
		"page 1: font /F1 (Helvetica) is not embedded",
		"page 1: text painted in RGB 1 0 0, more than black ink",
		"page 1: colour 1 0 0 in DeviceRGB without an ICC profile or an RGB output intent",
		"document: no PDF/X output intent",
		"page 1: no TrimBox",
	} {
		if !strings.Contains(stdout, path+": "+want) {
			t.Errorf("the report lacks %q:\n%s", want, stdout)
		}
	}
}

// Each check names what it found, page and object; what passes says nothing.
func TestPreflightChecks(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, content, page string
		want, not           []string
	}{
		{"black", "0 0 0 1 k BT /F1 9 Tf 72 720 Td (black) Tj ET\n", "/TrimBox [0 0 612 792]",
			[]string{"page 1: black text (100 % K) does not overprint"}, []string{"more than black ink", "TrimBox"}},
		{"overprinted", "/GS1 gs 0 0 0 1 k BT /F1 9 Tf 72 720 Td (black) Tj ET\n", "/TrimBox [0 0 612 792]",
			nil, []string{"does not overprint", "more than black ink"}},
		{"rich black", "/GS1 gs 0.6 0.4 0.4 1 k BT /F1 9 Tf 72 720 Td (rich) Tj ET\n", "/TrimBox [0 0 612 792]",
			[]string{"page 1: text painted in C60 M40 Y40 K100, more than black ink"}, nil},
		{"ink", "1 1 1 1 k 0 0 100 100 re f\n", "/TrimBox [0 0 612 792]",
			[]string{"page 1: colour C100 M100 Y100 K100 carries 400 % ink, over the 240 % limit"}, nil},
		{"grey tint", "0 0 0 0.2 k 0 0 100 100 re f\n", "/TrimBox [0 0 612 792]", nil, []string{"ink", "RGB"}},
		{"boxes", "", "/BleedBox [0 0 600 780] /TrimBox [10 10 605 700]",
			[]string{"page 1: TrimBox [10.00 10.00 605.00 700.00] is not inside the BleedBox [0.00 0.00 600.00 780.00]"}, nil},
		{"no trim", "", "", []string{"page 1: no TrimBox (nor ArtBox)"}, nil},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".pdf")
		if err := os.WriteFile(path, pdfWith(c.content, c.page), 0o644); err != nil {
			t.Fatal(err)
		}
		_, stdout, stderr := broadsheet(t, "preflight", path)
		for _, w := range c.want {
			if !strings.Contains(stdout, path+": "+w) {
				t.Errorf("%s: the report lacks %q:\n%s%s", c.name, w, stdout, stderr)
			}
		}
		for _, w := range c.not {
			if strings.Contains(stdout, w) {
				t.Errorf("%s: the report says %q:\n%s", c.name, w, stdout)
			}
		}
	}
}

// A file that is not a PDF is unreadable: exit 2, and the other files are still checked.
func TestPreflightUnreadable(t *testing.T) {
	dir := t.TempDir()
	bad, ad := filepath.Join(dir, "bad.pdf"), filepath.Join(dir, "ad.pdf")
	os.WriteFile(bad, []byte("%PDF-1.4\nnot really\n"), 0o644)
	os.WriteFile(ad, craftedPDF(), 0o644)
	code, stdout, stderr := broadsheet(t, "preflight", bad, ad)
	if code != exitInput || !strings.Contains(stderr, bad+": unreadable") || !strings.Contains(stdout, ad+": page 1") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

var rePPI = regexp.MustCompile(`image /\w+ is \d+ ppi as placed`)

// Every page in issues/, plain and with bleed and marks, passes preflight; the only
// findings allowed are photos under 170 ppi on pages whose own report warns of them.
func TestPreflightPassesOurPages(t *testing.T) {
	dir := t.TempDir()
	files, err := filepath.Glob("../../issues/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no issue files: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".toml")
		out := filepath.Join(dir, name+".pdf")
		code, _, stderr := broadsheet(t, "-q", "-o", out, file)
		if code > exitAttention {
			t.Errorf("%s: exit %d\n%s", name, code, stderr)
			continue
		}
		lowRes := strings.Contains(stderr, "low-resolution")
		code, stdout, stderr := broadsheet(t, "preflight", out)
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
			if strings.HasSuffix(line, ": clean") || lowRes && rePPI.MatchString(line) {
				continue
			}
			t.Errorf("%s: %s", name, line)
		}
		if code > exitAttention || (code == exitAttention) != lowRes {
			t.Errorf("%s: preflight exit %d (low-resolution photo: %v)\n%s", name, code, lowRes, stderr)
		}
	}
	// The sample page with bleed and marks.
	if code, stdout, _ := broadsheet(t, "preflight", markedSample(t, dir)); code != exitOK {
		t.Errorf("marked sample: preflight exit %d\n%s", code, stdout)
	}
}
