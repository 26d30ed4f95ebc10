package main

import (
	"encoding/json"
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
	need(t, "pdftotext")
	for _, page := range []string{sample, "../../issues/punctuation.toml"} {
		t.Run(filepath.Base(page), func(t *testing.T) {
			dir := t.TempDir()
			out, report := filepath.Join(dir, "p.pdf"), filepath.Join(dir, "r.json")
			if code, _, stderr := broadsheet(t, "-o", out, "--report", report, page); code > 1 {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			g := readGrid(t, report)
			body := bodyLines(readWords(t, out), g)
			if len(body) < 150 {
				t.Fatalf("only %d body lines found", len(body))
			}
			source, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			checkLines(t, body, g, string(source))
		})
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
		indented := math.Abs(n.x0-(left+2*g.GutterPt)) < 0.05
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
