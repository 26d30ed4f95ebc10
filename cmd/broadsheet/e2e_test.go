package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"broadsheet/issues"
)

// These tests run the built command as a user would, and check the PDFs with the
// tools a printing plant and an archive use: qpdf, pdffonts, pdfinfo, pdftotext.

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "broadsheet-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "broadsheet")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const sample = "../../issues/zhengzhou-2023-11-21-p7.toml"

// broadsheet runs the command and returns its exit status, stdout and stderr.
func broadsheet(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String()
}

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			missingTool(t, tool)
		}
	}
}

// missingTool skips a test that needs an external tool this machine lacks; in CI
// (CI=true), where .ci/run installs every tool, a missing one fails the test.
func missingTool(t *testing.T, tool string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed, and CI must run every check: install it in .ci/run", tool)
	}
	t.Skipf("%s is not installed (apt-get install poppler-utils qpdf ghostscript); .ci/run installs it", tool)
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// buildSample sets the sample page into a fresh folder and returns the PDF's path.
func buildSample(t *testing.T, extra ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "page.pdf")
	code, _, stderr := broadsheet(t, append([]string{"-o", out}, append(extra, sample)...)...)
	if code != 0 && !(code == 1 && onlyEmptySpace(stderr)) {
		t.Fatalf("exit %d, want 0, or 1 for empty space reported:\n%s", code, stderr)
	}
	return out
}

// onlyEmptySpace reports whether every line of stderr reports empty space: the sample
// page is short of copy in a few column feet, and says so honestly (exit 1).
func onlyEmptySpace(stderr string) bool {
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.Contains(line, ": empty-space: ") && !isSummary(line) {
			return false
		}
	}
	return true
}

func TestSamplePageIsPrintReady(t *testing.T) {
	need(t, "qpdf", "pdffonts", "pdfinfo")
	out := buildSample(t)
	tool(t, "qpdf", "--check", out)
	fonts := tool(t, "pdffonts", out)
	rows := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	if len(rows) < 3 {
		t.Fatalf("only %d fonts:\n%s", len(rows), fonts)
	}
	for _, row := range rows {
		f := strings.Fields(row)
		n := len(f)
		if f[n-5] != "yes" || f[n-4] != "yes" || f[n-3] != "yes" || !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(f[0]) {
			t.Errorf("font not embedded as a tagged subset with a Unicode map: %s", row)
		}
	}
	info := tool(t, "pdfinfo", "-box", out)
	for _, box := range []string{"MediaBox", "TrimBox"} {
		w, h := boxSize(t, info, box)
		if abs(w-1105.51) > 0.02 || abs(h-1544.88) > 0.02 {
			t.Errorf("%s is %.2f × %.2f pt, want 390 × 545 mm (1105.51 × 1544.88 pt)", box, w, h)
		}
	}
}

func boxSize(t *testing.T, info, box string) (float64, float64) {
	m := regexp.MustCompile(box + `:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no %s in pdfinfo:\n%s", box, info)
	}
	v := make([]float64, 4)
	for i := range v {
		v[i], _ = strconv.ParseFloat(m[i+1], 64)
	}
	return v[2] - v[0], v[3] - v[1]
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Every paragraph of every article comes back from the PDF, in reading order.
func TestSampleTextComesBackInReadingOrder(t *testing.T) {
	need(t, "pdftotext")
	out := buildSample(t)
	text := squash(tool(t, "pdftotext", "-raw", out, "-"))
	iss, err := issues.Decode(sample)
	if err != nil {
		t.Fatal(err)
	}
	at := 0
	for i, a := range iss.Articles {
		for _, want := range append([]string{a.Headline}, a.Paragraphs...) {
			k := strings.Index(text[at:], squash(want))
			if k < 0 {
				t.Fatalf("article[%d]: %q is missing after position %d of the extracted text", i, want, at)
			}
			at += k
		}
	}
}

// squash removes white space and folds the marks the composer sets full width back to
// their ASCII forms, so text can be compared with the issue file's.
func squash(s string) string {
	r := strings.NewReplacer("，", ",", "（", "(", "）", ")", "；", ";", "：", ":", "！", "!", "？", "?")
	return strings.Join(strings.Fields(r.Replace(s)), "")
}

func TestSameInputSameBytes(t *testing.T) {
	a, err := os.ReadFile(buildSample(t))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(buildSample(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("two builds differ (%d and %d bytes)", len(a), len(b))
	}
}

func TestDebugDrawsTheGrid(t *testing.T) {
	plain, err := os.ReadFile(buildSample(t))
	if err != nil {
		t.Fatal(err)
	}
	debug, err := os.ReadFile(buildSample(t, "--debug"))
	if err != nil {
		t.Fatal(err)
	}
	need(t, "pdftoppm")
	// The overlay is cyan (grid, module boxes) and magenta (baselines): the plain page
	// has neither, the debug page both, and the text is the same black on both.
	plainInk, debugInk := colouredPixels(t, plain), colouredPixels(t, debug)
	if plainInk.cyan != 0 || plainInk.magenta != 0 {
		t.Errorf("plain page has %d cyan and %d magenta pixels, want none", plainInk.cyan, plainInk.magenta)
	}
	if debugInk.cyan < 5000 || debugInk.magenta < 5000 {
		t.Errorf("--debug page has %d cyan and %d magenta pixels: no grid or baselines drawn", debugInk.cyan, debugInk.magenta)
	}
}

// Each kind of bad input: exit 2, a message with file:line:col and the item, no PDF.
func TestBadInputExitsTwoAndWritesNothing(t *testing.T) {
	files, _ := filepath.Glob("../../issues/testdata/bad/*.toml")
	pins, _ := filepath.Glob("../../layout/testdata/bad/*.toml")
	files = append(files, pins...)
	if len(files) < 10 {
		t.Fatalf("only %d bad inputs in issues/testdata/bad", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "x.pdf")
			code, _, stderr := broadsheet(t, "-o", out, f)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stderr:\n%s", code, stderr)
			}
			if !regexp.MustCompile(regexp.QuoteMeta(f) + `:\d+:\d+: `).MatchString(stderr) {
				t.Errorf("message does not name %s:line:col:\n%s", f, stderr)
			}
			for _, w := range wants(t, f) {
				if !strings.Contains(stderr, w) {
					t.Errorf("message lacks %q:\n%s", w, stderr)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a PDF was written for bad input")
			}
		})
	}
}

// wants reads the "# want: LINE:COL ITEM: message" lines of a bad input and returns
// what the command must print for each: file:LINE:COL and the item ("-" for none).
func wants(t *testing.T, file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`(?m)^# want: (\d+:\d+) (\S+): `).FindAllStringSubmatch(string(data), -1) {
		w := file + ":" + m[1] + ": "
		if m[2] != "-" {
			w += m[2] + ": "
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		t.Fatalf("%s has no # want: line", file)
	}
	return out
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	twin := filepath.Join(dir, "sub", filepath.Base(sample))
	os.MkdirAll(filepath.Dir(twin), 0o755)
	data, _ := os.ReadFile(sample)
	os.WriteFile(twin, data, 0o644)
	for _, args := range [][]string{{}, {"--no-such-flag", sample}, {"no/such/file.toml"},
		{"-o", dir, sample, twin}, // two pages, one PDF name
		{"-o", sample, sample},    // a PDF over the issue file
	} {
		if code, _, stderr := broadsheet(t, args...); code != 2 || stderr == "" {
			t.Errorf("broadsheet %v: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
	if code, stdout, _ := broadsheet(t, "--version"); code != 0 || !strings.HasPrefix(stdout, "broadsheet ") {
		t.Errorf("--version: exit %d, %q", code, stdout)
	}
	if code, stdout, _ := broadsheet(t, "--licenses"); code != 0 || !strings.Contains(stdout, "SIL OPEN FONT LICENSE") {
		t.Errorf("--licenses: exit %d", code)
	}
}

func TestCheckWritesNoPDF(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.pdf")
	code, stdout, stderr := broadsheet(t, "--check", "-o", out, sample)
	if (code != 0 && !(code == 1 && onlyEmptySpace(stderr))) || !strings.Contains(stdout, "article[0]") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("--check left %d files", len(entries))
	}
}

// A directory is set whole, mirrored into the output folder, with a JSON report.
func TestDirectoryAndReport(t *testing.T) {
	src := t.TempDir()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.toml", "sub/b.toml", "testdata/skip.toml"} {
		p := filepath.Join(src, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "pdfs")
	report := filepath.Join(out, "report.json")
	if code, _, stderr := broadsheet(t, "-o", out, "--report", report, src); code != 0 && !(code == 1 && onlyEmptySpace(stderr)) {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, name := range []string{"a.pdf", "sub/b.pdf"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "testdata")); err == nil {
		t.Errorf("a testdata folder was set")
	}
	a, _ := os.ReadFile(filepath.Join(out, "a.pdf"))
	b, _ := os.ReadFile(filepath.Join(out, "sub/b.pdf"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("the same page set on two cores at once gave different PDFs (%d and %d bytes)", len(a), len(b))
	}
	var rep struct {
		Pages []struct {
			File   string
			Status int
			Report struct {
				Articles []struct{ Module *struct{ Columns, Lines int } }
			}
		}
	}
	raw, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Pages) != 2 || len(rep.Pages[0].Report.Articles) != 5 || rep.Pages[0].Report.Articles[0].Module == nil {
		t.Errorf("report: %s", raw)
	}
}

// Rare characters in names render from whichever embedded face has them and come back
// from the PDF; a character no face has is reported (exit 1), never a silent blank.
func TestRareAndMissingCharacters(t *testing.T) {
	need(t, "pdftotext")
	dir := t.TempDir()
	page := filepath.Join(dir, "rare.toml")
	src := `newspaper = "郑州日报"
date = 2023-11-21
page = 2

[[article]]
headline = "市民王𠀋获表彰"
body = """
本报讯 市民王𠀋、李䶮和张堃日前获评“郑州好人”。
这一段里有一个私用区字符\uE000，没有哪种字体有它。
"""
  [[article.photo]]
  caption = "李䶮（右）在社区服务。"
`
	if err := os.WriteFile(page, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "rare.pdf")
	code, _, stderr := broadsheet(t, "-o", out, page)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (a character no font has):\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "U+E000") || !strings.Contains(stderr, "article[0]") || !strings.Contains(stderr, "paragraph 2") {
		t.Errorf("the missing character is not reported with article, paragraph and code:\n%s", stderr)
	}
	if strings.Contains(stderr, "U+2000B") || strings.Contains(stderr, "U+4DAE") {
		t.Errorf("a character an embedded face has was reported missing:\n%s", stderr)
	}
	text := tool(t, "pdftotext", out, "-")
	for _, want := range []string{"王𠀋", "李䶮", "张堃"} {
		if !strings.Contains(strings.Join(strings.Fields(text), ""), want) {
			t.Errorf("pdftotext lost %q:\n%s", want, text)
		}
	}
}

// A PDF that cannot be written is exit 3, and leaves nothing behind.
func TestUnwritableOutputExitsThree(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := broadsheet(t, "-o", filepath.Join(blocker, "page.pdf"), sample)
	if code != 3 || !strings.Contains(stderr, "page.pdf") {
		t.Errorf("exit %d, want 3 with a message naming the PDF:\n%s", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left %d files behind", len(entries)-1)
	}
}

// ink counts the pixels of a rendered page that are clearly cyan or clearly magenta.
type ink struct{ cyan, magenta int }

// colouredPixels renders a PDF at 50 dpi and counts its cyan and magenta pixels.
func colouredPixels(t *testing.T, pdf []byte) ink {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	tool(t, "pdftoppm", "-r", "50", "-png", "-singlefile", in, filepath.Join(dir, "page"))
	f, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	var n ink
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			switch {
			case r < 120 && g > 150 && bl > 150:
				n.cyan++
			case g < 170 && r > 180 && bl > 150:
				n.magenta++
			}
		}
	}
	return n
}
