package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"broadsheet/fonts"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
)

// Quadrant colours of the test PNG, top-left, top-right, bottom-left, bottom-right.
var quadrants = [4]color.NRGBA{
	{255, 0, 0, 255}, {0, 255, 0, 255}, {0, 0, 255, 255}, {255, 255, 0, 255},
}

// writeQuadrants writes a w×h picture in four coloured quadrants, as PNG or JPEG.
func writeQuadrants(t testing.TB, path string, w, h int) {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			q := 0
			if x >= w/2 {
				q++
			}
			if y >= h/2 {
				q += 2
			}
			img.SetNRGBA(x, y, quadrants[q])
		}
	}
	var b bytes.Buffer
	var err error
	if strings.HasSuffix(path, ".png") {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 95})
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func pt(v float64) geom.Length { return geom.Pt(v) }

func rect(x, y, w, h float64) geom.Rect { return geom.Rect{X: pt(x), Y: pt(y), W: pt(w), H: pt(h)} }

func text(face fonts.ID, size, x, y float64, s string) *display.Text {
	return &display.Text{Face: face, Size: pt(size), X: pt(x), Y: pt(y), Text: s, Color: display.Black}
}

// Texts of the synthetic page, by face.
const (
	songLine  = "本报讯（记者 张三）郑州市RCEP生效，2023年增长5.2%。"
	songRare  = "𠀋䶮"
	heiLine   = "黑体标题：“新闻”与《报纸》！"
	kaiLine   = "楷体图片说明——摄影 李四"
	spaceLine = "字距加宽"
)

// Geometry of the synthetic page, in points: the PNG shows through pngFrame, the
// picture itself is placed at pngPlaced (the frame is its middle half).
var (
	pngPlaced = rect(40, 200, 120, 120)
	pngFrame  = rect(70, 230, 60, 60)
	jpgPlaced = rect(200, 200, 160, 120)
	jpgFrame  = rect(220, 200, 120, 120)
)

// testPage builds a small page with text in three faces, rules, boxes and a JPEG and
// a PNG picture written into dir, and a debug overlay.
func testPage(t testing.TB, dir string) *display.Page {
	t.Helper()
	pngPath, jpgPath := filepath.Join(dir, "quad.png"), filepath.Join(dir, "quad.jpg")
	writeQuadrants(t, pngPath, 200, 200)
	writeQuadrants(t, jpgPath, 320, 240)
	spaced := text(fonts.Song, 9, 30, 150, spaceLine)
	spaced.Spacing = pt(2)
	return &display.Page{
		Width: pt(400), Height: pt(500),
		Meta: display.Meta{Title: "测试报 2023年11月21日 第7版 𠀋"},
		Items: []display.Item{
			text(fonts.Hei, 24, 30, 60, heiLine),
			&display.Rule{X1: pt(30), Y1: pt(70), X2: pt(370), Y2: pt(70), Width: pt(0.5), Color: display.Black},
			text(fonts.Song, 9, 30, 90, songLine),
			text(fonts.Song, 9, 30, 102, songRare),
			text(fonts.Song, 9, 60, 102, "同一行"), // same baseline as the run before
			spaced,
			&display.Tint{Rect: rect(200, 120, 160, 60), Color: display.Gray(20)},
			&display.Image{Path: pngPath, Frame: pngFrame, Placed: pngPlaced},
			&display.Image{Path: jpgPath, Frame: jpgFrame, Placed: jpgPlaced},
			text(fonts.Kai, 8, 40, 340, kaiLine),
			&display.Frame{Rect: rect(30, 360, 340, 40), Width: pt(0.25), Color: display.Black},
		},
		Overlay: []display.Item{
			&display.Rule{X1: pt(30), Y1: pt(90), X2: pt(370), Y2: pt(90), Width: pt(0.1), Color: display.CMYK(0, 60, 0, 0)},
			&display.Frame{Rect: rect(30, 40, 340, 440), Width: pt(0.2), Color: display.CMYK(100, 0, 0, 0)},
		},
	}
}

// write renders page and returns the PDF, saved under dir as name for the tools.
func write(t testing.TB, dir, name string, page *display.Page, opt Options) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, page, opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b.Bytes()
}

// tool runs a command-line tool and returns its standard output, skipping the test
// if the tool is not installed.
func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		missing(t, "%s is not installed (poppler-utils, qpdf, ghostscript, libpdfbox2-java; .ci/run installs them): %v", name, err)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// missing skips the test for a tool that is not installed, and fails it in CI
// (CI=true), where every tool must be there.
func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// pageContent returns the decoded content stream of page 1, via qpdf's QDF mode.
func pageContent(t testing.TB, path string) string {
	t.Helper()
	qdf := path + ".qdf"
	tool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	b, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "%% Contents for page 1")
	if i < 0 {
		t.Fatal("qpdf --qdf output has no contents for page 1")
	}
	s = s[i:]
	start := strings.Index(s, "stream\n") + len("stream\n")
	end := strings.Index(s, "endstream")
	return s[start:end]
}

var reOperand = regexp.MustCompile(`^[-+]?(\d+\.?\d*|\.\d+)$`)

// operators splits a content stream into operators with their operands, skipping
// strings, hex strings and arrays (the TJ glyph codes).
func operators(content string) [][]string {
	var ops [][]string
	var operands []string
	depth := 0
	for _, tok := range tokens(content) {
		switch {
		case tok == "[":
			depth++
		case tok == "]":
			depth--
		case depth > 0 || strings.HasPrefix(tok, "<") || strings.HasPrefix(tok, "(") || strings.HasPrefix(tok, "/") || reOperand.MatchString(tok):
			operands = append(operands, tok)
		default:
			ops = append(ops, append(operands, tok))
			operands = nil
		}
	}
	return ops
}

// tokens cuts a content stream at white space and around [ ] < > ( ).
func tokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			i++
		case c == '[' || c == ']':
			out = append(out, string(c))
			i++
		case c == '<':
			j := strings.IndexByte(s[i:], '>') + i + 1
			out = append(out, s[i:j])
			i = j
		case c == '(':
			j := literalEnd(s, i)
			out = append(out, s[i:j])
			i = j
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \n\r\t[]<>(", rune(s[j])) {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}

// literalEnd returns the index after the literal string that starts at s[i] == '(',
// minding backslash escapes and balanced parentheses (qpdf writes glyph codes so).
func literalEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return j + 1
			}
		}
	}
	return len(s)
}
