package lines

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"broadsheet/layout/geom"
	"broadsheet/layout/lines/clreq"
)

// newsBody reads the realistic test body: one paragraph a line.
func newsBody(tb testing.TB) []string {
	b, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// columnOptions is body text in a basic column: 13 characters of 9 pt.
func columnOptions() Options {
	return Options{Width: 13 * pt9, Size: pt9, Indent: 2, Strict: true, FullWidth: true, Justify: true}
}

// figures are what TestNewsColumn measures.
type figures struct {
	paragraphs, lines       int
	badStart, badEnd        int
	notFlush, splitLatin    int
	oneCharLast, violations int
}

// TestNewsColumn sets the realistic body at 13 em and checks the invariants and figures.
func TestNewsColumn(t *testing.T) {
	for _, font := range []fakeFont{plainFont, quoteFont} {
		var f figures
		opt := columnOptions()
		for _, text := range newsBody(t) {
			spans := []Span{{Text: text, Font: font}}
			p := Compose(spans, opt)
			f.add(t, spans, opt, p)
		}
		t.Logf("quote width %d: %+v", font.quote, f)
		if f.paragraphs < 20 || f.badStart+f.badEnd+f.notFlush+f.splitLatin+f.oneCharLast+f.violations > 0 {
			t.Errorf("quote width %d: %+v", font.quote, f)
		}
	}
}

// add measures one paragraph.
func (f *figures) add(t *testing.T, spans []Span, opt Options, p Paragraph) {
	f.paragraphs++
	f.lines += len(p.Lines)
	for _, v := range checkParagraph(spans, opt, p) {
		t.Error(v)
		f.violations++
	}
	bs, be := kinsoku(p, opt.Strict)
	f.badStart += bs
	f.badEnd += be
	tol := geom.Pt(0.05)
	for _, l := range p.Lines {
		if !l.Last && (l.Width < opt.Width-tol || l.Width > opt.Width+tol) {
			f.notFlush++
		}
	}
	f.splitLatin += splitLatin(spans[0].Text, p)
	texts := lineTexts(p)
	if last := texts[len(texts)-1]; len(texts) > 1 && letters(last) < 2 {
		f.oneCharLast++
	}
}

// letters counts the characters of s that are not punctuation.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if clreq.Mark(r) == 0 {
			n++
		}
	}
	return n
}

// latin reports whether r belongs to a Latin word or number.
func latin(r rune) bool { return !clreq.Wide(r) && clreq.Mark(r) == 0 && !clreq.Space(r) }

// splitLatin counts line breaks that fall between two Latin characters that are
// adjacent in the source (no space between).
func splitLatin(src string, p Paragraph) int {
	var adjacent []bool // adjacent[k]: source non-space character k follows k−1 directly
	prevSpace := true
	for _, r := range src {
		if clreq.Space(r) {
			prevSpace = true
			continue
		}
		adjacent = append(adjacent, !prevSpace)
		prevSpace = false
	}
	n, k := 0, -1
	texts := lineTexts(p)
	for i, t := range texts[:len(texts)-1] {
		k += utf8.RuneCountInString(t)
		if k+1 < len(adjacent) && adjacent[k+1] && latin(lastRune(t)) && latin(firstRune(texts[i+1])) {
			n++
		}
	}
	return n
}

// BenchmarkCompose sets the realistic body at 13 em and reports characters per second.
func BenchmarkCompose(b *testing.B) {
	body := newsBody(b)
	spans := make([][]Span, len(body))
	chars := 0
	for i, text := range body {
		spans[i] = []Span{{Text: text, Font: quoteFont}}
		chars += utf8.RuneCountInString(text)
	}
	opt := columnOptions()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range spans {
			Compose(s, opt)
		}
	}
	b.ReportMetric(float64(chars)*float64(b.N)/b.Elapsed().Seconds(), "chars/s")
}
