package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// markedSample writes the sample page with 3 mm of bleed and marks into dir and returns
// the PDF.
func markedSample(t *testing.T, dir string) string {
	t.Helper()
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	toml := filepath.Join(dir, "marked.toml")
	s := strings.Replace(string(src), "[[article]]", "[format]\nbleed = \"3mm\"\nmarks = true\n\n[[article]]", 1)
	if err := os.WriteFile(toml, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "marked.pdf")
	if code, _, stderr := broadsheet(t, "-q", "-o", out, toml); code > exitAttention {
		t.Fatalf("marked sample: exit %d\n%s", code, stderr)
	}
	return out
}

// The PDF/A-1b findings of PDFBox Preflight that do not apply to PDF/A-2b; see
// layout/pdf/print_test.go for the reason of each.
var pdfaOneOnly = regexp.MustCompile(`^(3\.1\.11 : .*CIDSet entry is missing|7\.11\.2 : .*part must be 1|` +
	`2\.1\.3 : .*The S entry of the OutputIntent isn't GTS_PDFA1|7\.1\.1 : .*No type defined for \{http://ns\.adobe\.com/pdf/1\.3/\}Trapped)`)

// Every page in issues/ (those of its whole issues too), and the sample with bleed and marks, is clean for qpdf and
// for PDFBox's Preflight, but for the rules only PDF/A-1 has; the marked sample has the
// boxes asked for; the sample page prints in black ink alone.
func TestEveryPageConforms(t *testing.T) {
	need(t, "qpdf", "gs", "java", "pdfinfo")
	dir := t.TempDir()
	if code, _, stderr := broadsheet(t, "-q", "-o", dir, "../../issues/"); code > exitAttention {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	whole, _ := filepath.Glob(filepath.Join(dir, "*", "*.pdf")) // the pages of the whole issues
	if len(pdfs) < 10 || len(whole) < 4 {
		t.Fatalf("%d PDFs and %d pages of whole issues written", len(pdfs), len(whole))
	}
	pdfs = append(pdfs, whole...)
	marked := markedSample(t, dir)
	pdfs = append(pdfs, marked)
	boxes := tool(t, "pdfinfo", "-box", marked)
	for _, want := range []string{
		"MediaBox:            0.00     0.00  1167.87  1607.24", // the trim, 3 mm of bleed and 8 mm for the marks each side
		"BleedBox:           22.68    22.68  1145.20  1584.57",
		"TrimBox:            31.18    31.18  1136.69  1576.06",
	} {
		if !strings.Contains(boxes, want) {
			t.Errorf("the marked sample's boxes lack %q:\n%s", want, boxes)
		}
	}
	var cp []string
	for _, j := range []string{"pdfbox2.jar", "preflight.jar", "xmpbox.jar", "fontbox2.jar", "commons-logging.jar", "javax.activation.jar", "jaxb-api.jar"} {
		cp = append(cp, filepath.Join("/usr/share/java", j))
		if _, err := os.Stat(cp[len(cp)-1]); err != nil {
			missingTool(t, j+" (apt-get install libpdfbox2-java libactivation-java libjaxb-api-java)")
		}
	}
	for _, pdf := range pdfs {
		name := filepath.Base(pdf)
		if out := tool(t, "qpdf", "--check", pdf); !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", name, out)
		}
		out, _ := exec.Command("java", "-cp", strings.Join(cp, ":"), "org.apache.pdfbox.preflight.Validator_A1b", pdf).CombinedOutput()
		if !strings.Contains(string(out), "PDF/A-1b file") {
			t.Fatalf("%s: Preflight said:\n%s", name, out)
		}
		for _, line := range strings.Split(string(out), "\n") {
			if regexp.MustCompile(`^\d+(\.\d+)* : `).MatchString(line) && !pdfaOneOnly.MatchString(line) {
				t.Errorf("%s: PDFBox: %s", name, line)
			}
		}
	}
	ink := tool(t, "gs", "-q", "-o", "-", "-sDEVICE=inkcov", filepath.Join(dir, "zhengzhou-2023-11-21-p7.pdf"))
	if f := strings.Fields(ink); len(f) < 4 || f[0] != "0.00000" || f[1] != "0.00000" || f[2] != "0.00000" || f[3] == "0.00000" {
		t.Errorf("the sample page's ink: %s; want black alone", ink)
	}
}
