package main

import (
	"encoding/json"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// The line composer's promises, checked on the PDF itself from the positions of the
// words pdftotext finds in it: no body line starts with a mark that may not start a
// line or ends with one that may not end it, every line that a paragraph continues
// past is flush with both column edges, no Latin word or number is split between
// lines, and no paragraph ends on a line of one character.

const (
	noStart = "、，。：；！？”’）》〉】〗〕］｝」』–—～·／…"
	noEnd   = "“‘（《〈【〖〔［｛「『"
	// trimmed marks are set ½ em at line end, but pdftotext reports their whole advance.
	trimmed = "、，。：；！？”’）》〉】〗〕］｝」』"
)

type word struct {
	x0, y0, x1, y1 float64
	text           string
}

type grid struct {
	Columns   int     `json:"columns"`
	XPt       float64 `json:"x_pt"`
	ColumnPt  float64 `json:"column_pt"`
	GutterPt  float64 `json:"gutter_pt"`
	LeadingPt float64 `json:"leading_pt"`
}

// bodyLine is one line of body text in one column, as pdftotext sees it.
type bodyLine struct {
	column int
	y      float64
	x0, x1 float64 // left of the first word; right of the last, trimmed marks corrected
	text   string
}

func TestLinesOnThePage(t *testing.T) {
	need(t, "pdftotext", "gs")
	pages, err := filepath.Glob("../../issues/*.toml")
	if err != nil || len(pages) < 2 {
		t.Fatalf("test pages: %v %v", pages, err)
	}
	var all spreadCount
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			dir := t.TempDir()
			out, report := filepath.Join(dir, "p.pdf"), filepath.Join(dir, "r.json")
			if code, _, stderr := broadsheet(t, "-o", out, "--report", report, page); code > 1 {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			g := readGrid(t, report)
			body := bodyLines(readWords(t, out), g)
			if len(body) < 40 {
				t.Fatalf("only %d body lines found", len(body))
			}
			source, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			if page == sample || filepath.Base(page) == "punctuation.toml" {
				checkLines(t, body, g, string(source)) // the pages whose grid bodyLines reads right
			}
			sc := checkSpread(t, body, readGlyphs(t, out), g, page == sample)
			all.add(sc)
		})
	}
	t.Logf("all pages: %d justified lines, %d spread > %.2f em, %d > %.2f em, worst %.3f em",
		all.lines, all.loose, looseEm, all.spread, spreadEm, all.worst)
	if all.loose*100 > all.lines {
		t.Errorf("%d of %d justified lines spread > %.2f em: more than one in a hundred", all.loose, all.lines, looseEm)
	}
}

func readGrid(t *testing.T, report string) grid {
	t.Helper()
	var r struct {
		Pages []struct{ Report struct{ Grid grid } }
	}
	raw, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &r); err != nil || len(r.Pages) != 1 {
		t.Fatalf("report: %v", err)
	}
	return r.Pages[0].Report.Grid
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

func readWords(t *testing.T, pdf string) []word {
	t.Helper()
	var words []word
	for _, m := range wordRE.FindAllStringSubmatch(tool(t, "pdftotext", "-bbox", pdf, "-"), -1) {
		w := word{text: m[5]}
		for i, p := range []*float64{&w.x0, &w.y0, &w.x1, &w.y1} {
			*p, _ = strconv.ParseFloat(m[i+1], 64)
		}
		words = append(words, w)
	}
	return words
}

// bodyLines keeps the words set in the 9 pt body faces (their boxes are 1.448 em tall;
// Kai captions and bylines, headlines and the running head are not) and joins them by
// column and baseline.
func bodyLines(words []word, g grid) []bodyLine {
	byKey := map[[2]int]*bodyLine{}
	for _, w := range words {
		if h := w.y1 - w.y0; h < 12.8 || h > 13.3 {
			continue
		}
		col := int(math.Floor((w.x0 - g.XPt + g.GutterPt/2) / (g.ColumnPt + g.GutterPt)))
		key := [2]int{col, int(math.Round(w.y0 * 2))}
		l := byKey[key]
		if l == nil {
			l = &bodyLine{column: col, y: w.y0, x0: w.x0}
			byKey[key] = l
		}
		l.x0 = math.Min(l.x0, w.x0)
		if w.x1 >= l.x1 {
			l.x1 = w.x1 + boxCorrection(lastRune(w.text))
		}
		l.text += w.text
	}
	var lines []bodyLine
	for _, l := range byKey {
		lines = append(lines, *l)
	}
	sort.Slice(lines, func(i, j int) bool {
		if lines[i].column != lines[j].column {
			return lines[i].column < lines[j].column
		}
		return lines[i].y < lines[j].y
	})
	return lines
}

// boxCorrection turns the end of a line's last glyph advance, which pdftotext reports,
// into the end of its box as set: a closing mark at line end is set ½ em, and Noto's em
// dash (0.89 em) is centred in its 1-em box.
func boxCorrection(r rune) float64 {
	switch {
	case strings.ContainsRune(trimmed, r):
		return -4.5
	case r == '—':
		return 0.055 * 9
	}
	return 0
}

func checkLines(t *testing.T, body []bodyLine, g grid, source string) {
	bad := map[string]int{}
	continued, ended := 0, 0
	defer func() {
		t.Logf("%d body lines: %d continued (checked flush both sides), %d paragraph ends", len(body), continued, ended)
	}()
	for i, l := range body {
		first, last := firstRune(l.text), lastRune(l.text)
		if strings.ContainsRune(noStart, first) {
			bad["starts with a forbidden mark"]++
			t.Logf("line starts with %q: %s", first, l.text)
		}
		if strings.ContainsRune(noEnd, last) {
			bad["ends with an opening mark"]++
			t.Logf("line ends with %q: %s", last, l.text)
		}
		if i+1 == len(body) || !next(l, body[i+1], g) {
			continue
		}
		n := body[i+1]
		left := g.XPt + float64(l.column)*(g.ColumnPt+g.GutterPt)
		right := left + g.ColumnPt
		indented := startsParagraph(n, left)
		if indented {
			ended++
		} else {
			continued++
		}
		switch {
		case !indented && math.Abs(l.x1-right) > 0.05:
			bad["continued line not flush right"]++
			t.Logf("line ends %.3f pt from the column edge: %s", right-l.x1, l.text)
		case indented && letters(l.text) < 2:
			bad["one-character last line"]++
			t.Logf("paragraph ends on one character: %s", l.text)
		}
		if !indented && splitsLatin(l.text, n.text, source) {
			bad["split Latin run"]++
			t.Logf("Latin run split: %s / %s", l.text, n.text)
		}
		if !flushLeft(l, left, g) {
			bad["line not flush left"]++
			t.Logf("line starts %.3f pt from the column edge: %s", l.x0-left, l.text)
		}
	}
	for what, n := range bad {
		t.Errorf("%d lines: %s", n, what)
	}
}

// startsParagraph reports whether line l starts 2 em in from the column's left edge
// (less the ½ em an opening mark at line start may give up): a paragraph's first line.
func startsParagraph(l bodyLine, left float64) bool {
	at := left + 2*bodyPt
	return math.Abs(l.x0-at) < 0.05 || (strings.ContainsRune(noEnd, firstRune(l.text)) && math.Abs(l.x0-at+bodyPt/2) < 0.05)
}

// flushLeft reports whether a line starts at the column's edge or at the paragraph
// indent — less the ½ em an opening mark at line start may give up.
func flushLeft(l bodyLine, left float64, g grid) bool {
	for _, at := range []float64{left, left + 2*g.GutterPt} {
		if math.Abs(l.x0-at) < 0.05 || (strings.ContainsRune(noEnd, firstRune(l.text)) && math.Abs(l.x0-at+g.GutterPt/2) < 0.05) {
			return true
		}
	}
	return false
}

// splitsLatin reports whether the break between two lines falls inside a run of Latin
// letters or digits — not at a space the source has between two Latin words.
func splitsLatin(line, next, source string) bool {
	a, b := trailingLatin(line), leadingLatin(next)
	if a == "" || b == "" {
		return false
	}
	// pdftotext may drop the spaces inside the line, so look for the last letter only.
	return !strings.Contains(source, string(lastRune(a))+" "+b)
}

func trailingLatin(s string) string {
	r := []rune(s)
	i := len(r)
	for i > 0 && isLatin(r[i-1]) {
		i--
	}
	return string(r[i:])
}

func leadingLatin(s string) string {
	r := []rune(s)
	i := 0
	for i < len(r) && isLatin(r[i]) {
		i++
	}
	return string(r[:i])
}

// next reports whether n is the line after l in the same column, one leading below.
func next(l, n bodyLine, g grid) bool {
	return n.column == l.column && math.Abs(n.y-l.y-g.LeadingPt) < 0.1
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

func isLatin(r rune) bool { return r < 0x250 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

// The evenness of justified lines: how far a line is letter-spaced, measured on the PDF
// as the largest extra space between two neighbouring Chinese characters beyond their
// nominal 1-em advances, in em of the body size. Pairs with a compressed mark (closer
// than 1 em) are left out: their space is the mark's blank given back, not spreading.
const (
	bodyPt   = 9.0  // the body size: 1 em
	looseEm  = 0.10 // a reader starts to notice the spacing
	spreadEm = 0.25 // reads as letter-spaced
	// gsUnitsPt is Ghostscript's txtwrite unit at -r7200: 1/100 pt. Each position is
	// rounded to one, so a distance is known to within two: spreadTol em.
	gsUnitsPt = 100.0
	spreadTol = 2 / gsUnitsPt / bodyPt
)

// glyphBox is one character as Ghostscript's txtwrite device reports it: its origin x,
// its advance with the character spacing (x1 − x0), its baseline, in points.
type glyphBox struct {
	x0, x1, y float64
	r         rune
	font      string
}

var (
	spanRE = regexp.MustCompile(`<span bbox="[^"]*" font="([^"]*)" size="([\d.]+)">`)
	charRE = regexp.MustCompile(`<char bbox="(\d+) (\d+) (\d+) \d+" c="([^"]*)"/>`)
)

// readGlyphs reads every character of the body size with its box. pdftotext only gives
// word boxes, and a spaced-out line is still one word to it.
func readGlyphs(t *testing.T, pdf string) []glyphBox {
	t.Helper()
	out := tool(t, "gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-r7200", "-sDEVICE=txtwrite",
		"-dTextFormat=0", "-sOutputFile=-", pdf)
	var gs []glyphBox
	body, font := false, ""
	for _, line := range strings.Split(out, "\n") {
		if m := spanRE.FindStringSubmatch(line); m != nil {
			size, _ := strconv.ParseFloat(m[2], 64)
			body, font = math.Abs(size-bodyPt) < 0.01, m[1]
			continue
		}
		m := charRE.FindStringSubmatch(line)
		if m == nil || !body {
			continue
		}
		var v [3]float64
		for i := range v {
			n, _ := strconv.Atoi(m[i+1])
			v[i] = float64(n) / gsUnitsPt
		}
		r := []rune(html.UnescapeString(m[4]))
		if len(r) == 1 {
			gs = append(gs, glyphBox{x0: v[0], y: v[1], x1: v[2], r: r[0], font: font})
		}
	}
	return gs
}

// spreadCount is the evenness of a page's justified lines.
type spreadCount struct {
	lines, loose, spread int
	worst                float64
	worstText            string
}

func (s *spreadCount) add(o spreadCount) {
	s.lines += o.lines
	s.loose += o.loose
	s.spread += o.spread
	if o.worst > s.worst {
		s.worst, s.worstText = o.worst, o.worstText
	}
}

// checkSpread measures every justified body line that a paragraph continues past: flush
// right, and not followed in its column by an indented line.
func checkSpread(t *testing.T, body []bodyLine, glyphs []glyphBox, g grid, sample bool) spreadCount {
	t.Helper()
	var sc spreadCount
	for i, l := range body {
		left := g.XPt + float64(l.column)*(g.ColumnPt+g.GutterPt)
		right := left + g.ColumnPt
		if math.Abs(l.x1-right) > 0.05 {
			continue // a paragraph's last line, set at its natural width
		}
		if i+1 < len(body) && next(l, body[i+1], g) && startsParagraph(body[i+1], left) {
			continue // a last line that happens to fill the column
		}
		gap, at := lineSpread(glyphsOn(glyphs, l, left, right))
		sc.lines++
		if gap > looseEm+spreadTol {
			sc.loose++
			t.Logf("line spread %.3f em at %s: %s", gap, at, l.text)
		}
		if gap > spreadEm+spreadTol {
			sc.spread++
		}
		if gap > sc.worst {
			sc.worst, sc.worstText = gap, l.text
		}
	}
	t.Logf("%d justified lines: %d spread > %.2f em, %d > %.2f em, worst %.3f em (%s)",
		sc.lines, sc.loose, looseEm, sc.spread, spreadEm, sc.worst, sc.worstText)
	if sc.spread > 0 {
		t.Errorf("%d justified lines spread by more than %.2f em", sc.spread, spreadEm)
	}
	if sample && sc.loose > 0 {
		t.Errorf("sample page: %d justified lines spread by more than %.2f em", sc.loose, looseEm)
	}
	return sc
}

// glyphsOn picks the glyphs of body line l, in order.
func glyphsOn(glyphs []glyphBox, l bodyLine, left, right float64) []glyphBox {
	var on []glyphBox
	for _, gl := range glyphs {
		if gl.y > l.y && gl.y < l.y+bodyPt*1.4 && gl.x0 > left-bodyPt && gl.x0 < right {
			on = append(on, gl)
		}
	}
	sort.Slice(on, func(i, j int) bool { return on[i].x0 < on[j].x0 })
	return on
}

// lineSpread is the largest extra space between two neighbouring Chinese characters of a
// line, in em, and the pair it lies between. A pair in two faces is left out: a run-in
// lead (本报讯) is parted from the text by an ideographic space, which is not drawn.
func lineSpread(on []glyphBox) (float64, string) {
	worst, at := 0.0, ""
	for i := 1; i < len(on); i++ {
		a, b := on[i-1], on[i]
		if !chinese(a.r) || !chinese(b.r) || a.font != b.font {
			continue
		}
		extra := (b.x0 - a.x0 - bodyPt) / bodyPt
		if extra < -0.01 {
			continue // a compressed mark
		}
		if extra > worst {
			worst, at = extra, string([]rune{a.r, b.r})
		}
	}
	return worst, at
}

// chinese reports whether r is a Han character or a Chinese mark whose glyph is 1 em
// wide, so that its origin is where its box starts. Middle dots, dashes and ellipses
// are narrower glyphs centred in their boxes, and are left out.
func chinese(r rune) bool {
	return unicode.Is(unicode.Han, r) || strings.ContainsRune(fullWidthMarks, r)
}

const fullWidthMarks = "、，。：；！？“”‘’（）《》〈〉【】〖〗〔〕［］｛｝「」『』"
