package lines

import (
	"slices"
	"strings"
	"testing"

	"broadsheet/layout/geom"
)

// em is 1 em at the test size, and ems(n) n em in thousandths.
const em = pt9

func ems(thousandths int) geom.Length { return geom.Em(thousandths, em) }

func body(width int) Options {
	return Options{Width: geom.Length(width) * em, Size: em, Strict: true, FullWidth: true, Justify: true}
}

func compose1(text string, opt Options) Paragraph {
	return Compose([]Span{{Text: text, Font: plainFont}}, opt)
}

// TestBreaks is clreq's cases: each class at a line edge, runs of punctuation, ——/……,
// Latin at the edge, one-character last lines, full-width conversion, tiny measures.
func TestBreaks(t *testing.T) {
	basic := func(o Options) Options { o.Strict = false; return o }
	headline := func(o Options) Options { o.Justify = false; return o }
	balanced := func(o Options) Options { o.Justify, o.Balance = false, true; return o }
	same := func(o Options) Options { return o }
	cases := []struct {
		name  string
		text  string
		width int
		opt   func(Options) Options
		want  []string
	}{
		{"plain", "一二三四五六七八九十", 5, same, []string{"一二三四五", "六七八九十"}},
		{"stop not at start: 推出", "一二三四五。六七", 5, same, []string{"一二三四", "五。六七"}},
		{"comma not at start: 推出", "一二三四五，六七", 5, same, []string{"一二三四", "五，六七"}},
		{"closing quote not at start", "一二三四五”六七", 5, same, []string{"一二三四", "五”六七"}},
		{"closing bracket not at start", "一二三四五）六七", 5, same, []string{"一二三四", "五）六七"}},
		{"》 not at start", "一二三四五》六七", 5, same, []string{"一二三四", "五》六七"}},
		{"middle dot not at start", "一二三四五·六七", 5, same, []string{"一二三四", "五·六七"}},
		{"wave dash not at start", "一二三四五～六七", 5, same, []string{"一二三四", "五～六七"}},
		{"挤进 by compressing commas", "甲，乙，丙。丁戊", 5, same, []string{"甲，乙，丙。", "丁戊"}},
		{"stop at line end set half", "一二三四。五六", 5, same, []string{"一二三四。", "五六"}},
		{"opening quote not at end", "一二三四“五六”七八", 5, same, []string{"一二三四", "“五六”七八"}},
		{"《 not at end", "一二三四《五六》七八", 5, same, []string{"一二三四", "《五六》七八"}},
		{"（ not at end", "一二三四（五六）七八", 5, same, []string{"一二三四", "（五六）七八"}},
		{"opening quote at start gives ½ em", "“一二三。四五六", 4, same, []string{"“一二三。", "四五六"}},
		{"closing run 。”） ", "一二三。”）四五六七", 5, same, []string{"一二三。”）", "四五六七"}},
		{"dash pair not split, not at start (strict)", "一二三——四五", 4, same, []string{"一二", "三——", "四五"}},
		{"dash pair may start a line (basic)", "一二三——四五", 4, basic, []string{"一二三", "——四五"}},
		{"ellipsis pair (strict)", "一二三……四五", 4, same, []string{"一二", "三……", "四五"}},
		{"ellipsis pair (basic)", "一二三……四五", 4, basic, []string{"一二三", "……四五"}},
		{"Latin word not split", "一二三RCEP四五", 5, same, []string{"一二三", "RCEP四五"}},
		{"number with 年 not split", "一二三2023年11月16日", 5, same, []string{"一二三", "2023年11", "月16日"}},
		{"range not split", "一二三3000～5000元", 5, same, []string{"一二三", "3000～5000", "元"}},
		{"decimal with comma not split", "一二三四1,234.5元", 5, same, []string{"一二三四", "1,234.5元"}},
		{"percent not split", "增长了5.2%。", 5, same, []string{"增长了", "5.2%。"}},
		{"a word that fits only without its brackets is cut, not parted from them", "一二三四五六七八“WordWordWordWordWord”", 10, same, []string{"一二三四五六七八“Wo", "rdWordWordWordWord”"}},
		{"the same in brackets", "一二三四五六七八（WordWordWordWordWord）", 10, same, []string{"一二三四五六七八（Wo", "rdWordWordWordWord）"}},
		{"no break before ～ inside a cut word", "》2023～2023)", 4, headline, []string{"》2023～", "2023)"}},
		{"no break at a no-break space", "一二三四100\u00a0km五", 6, same, []string{"一二三四", "100km五"}},
		{"Latin longer than the measure", "一ABCDEFGHIJKLMN二三", 4, same, []string{"一ABCDE", "FGHIJKLM", "N二三"}},
		{"one-character last line: pull down", "一二三四五六", 5, same, []string{"一二三四", "五六"}},
		{"one char and a stop: pull down", "一二三四五六。", 5, same, []string{"一二三四", "五六。"}},
		{"one char: pull down past a stop", "甲，乙，丙。丁", 5, same, []string{"甲，乙，", "丙。丁"}},
		{"one char: pull up by compressing", "甲、乙、丙、丁。戊", 7, same, []string{"甲、乙、丙、丁。戊"}},
		{"headline keeps one char", "一二三四五六", 5, headline, []string{"一二三四五", "六"}},
		{"headline obeys kinsoku", "一二三四五。六七", 5, headline, []string{"一二三四", "五。六七"}},
		{"balanced: even lines", "一二三四五六七八", 6, balanced, []string{"一二三四", "五六七八"}},
		{"balanced: break after a mark", "海马（智行盒子）首批试制车下线", 12, balanced, []string{"海马（智行盒子）", "首批试制车下线"}},
		{"balanced: break at a space", "提升应急能力 打造过硬队伍队伍", 11, balanced, []string{"提升应急能力", "打造过硬队伍队伍"}},
		{"balanced: before an opening quote", "推动国际产品引进来“郑州制造”走出去", 14, balanced, []string{"推动国际产品引进来", "“郑州制造”走出去"}},
		{"balanced: keeps the fewest lines", "一二三四五六七八九", 9, balanced, []string{"一二三四五六七八九"}},
		{"full width beside Han", "海马 EX00(智行盒子)", 20, same, []string{"海马EX00（智行盒子）"}},
		{"no full width without Han", "Hello, world", 20, same, []string{"Hello,world"}},
		{"no full width in numbers", "共1,234.5元,增长", 20, same, []string{"共1,234.5元，增长"}},
		{"full width ! ? ; :", "你好!真的?是;对:好", 20, same, []string{"你好！真的？是；对：好"}},
		{"a bracket pair turns together (Latin inside)", "中文(A)", 20, same, []string{"中文（A）"}},
		{"a bracket pair turns together (number first)", "(1)中文", 20, same, []string{"（1）中文"}},
		{"a bracket pair turns together (after a space)", "中文 (Reuters)", 20, same, []string{"中文（Reuters）"}},
		{"measure of 1 em", "一二，三“四”", 1, same, nil},
		{"measure of 0", "一二，三 AB ——", 0, same, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opt := tc.opt(body(tc.width))
			spans := []Span{{Text: tc.text, Font: plainFont}}
			p := Compose(spans, opt)
			if got := lineTexts(p); tc.want != nil && !slices.Equal(got, tc.want) {
				t.Errorf("lines %q, want %q", got, tc.want)
			}
			for _, v := range checkParagraph(spans, opt, p) {
				t.Error(v)
			}
			if tc.want != nil {
				checkFlush(t, spans, opt, p)
			}
		})
	}
}

// checkFlush asks every justified non-last line with more than one unit to end at the measure.
func checkFlush(t *testing.T, spans []Span, opt Options, p Paragraph) {
	t.Helper()
	for i, l := range p.Lines {
		if !opt.Justify || l.Last || len(draw(l, spans, opt.Size)) < 2 {
			continue
		}
		if l.Width != opt.Width {
			t.Errorf("line %d (%q) is %v wide, want %v", i, lineTexts(p)[i], l.Width, opt.Width)
		}
	}
}

// TestWidths checks punctuation widths and gaps on one line.
func TestWidths(t *testing.T) {
	cases := []struct {
		name string
		text string
		font Font
		xs   []int // x of each glyph in thousandths of an em
	}{
		{"adjacent marks 1.5 em", "一。”二", plainFont, []int{0, 1000, 1500, 2500}},
		{"comma then quote", "一，“二”", plainFont, []int{0, 1000, 1500, 2500, 3500}},
		{"closing bracket then comma", "一）， 二", plainFont, []int{0, 1000, 1500, 2500}},
		{"Han–Latin gap", "中国5G网络", plainFont, []int{0, 1000, 2250, 2750, 3500, 4500}},
		{"explicit space is the gap", "中国 5G 网络", plainFont, []int{0, 1000, 2250, 2750, 3500, 4500}},
		{"no gap beside a mark", "中，5G", plainFont, []int{0, 1000, 2000, 2500}},
		{"narrow quotes in their em box", "一“二”三", quoteFont, []int{0, 1650, 2000, 3000, 4000}},
		{"middle dot centred", "让·保罗", plainFont, []int{0, 1000, 2000, 3000}},
		{"dash pair joined", "一——二", plainFont, []int{0, 1050, 1950, 3000}},
		{"latin words", "AB CD", plainFont, []int{0, 500, 1250, 1750}},
		{"ideographic space kept beside a mark", "一）\u3000二", plainFont, []int{0, 1000, 3000}},
		{"dash pair from ink extents", "一——二", notoDash{}, []int{0, 1154, 1957, 3000}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			spans := []Span{{Text: tc.text, Font: tc.font}}
			opt := body(30)
			p := Compose(spans, opt)
			if len(p.Lines) != 1 {
				t.Fatalf("%d lines", len(p.Lines))
			}
			var got []int
			for _, g := range draw(p.Lines[0], spans, em) {
				got = append(got, int(g.x*1000/em))
			}
			if !slices.Equal(got, tc.xs) {
				t.Errorf("x = %v, want %v (runs %+v)", got, tc.xs, p.Lines[0].Runs)
			}
			for _, v := range checkParagraph(spans, opt, p) {
				t.Error(v)
			}
		})
	}
}

// notoDash has Noto Sans CJK's em dash: 890 wide, ink from 43 to 846.
type notoDash struct{ fakeFont }

func (notoDash) Glyph(r rune) (int, int, bool) {
	if r == '—' {
		return 0, 890, true
	}
	return plainFont.Glyph(r)
}

func (notoDash) Ink(r rune) (int, int, bool) { return 43, 846, r == '—' }

var _ Inker = notoDash{}

// TestLineStartOpening: an opening mark at line start gives up its blank half only to
// fit; its glyph is then drawn ½ em to the left.
func TestLineStartOpening(t *testing.T) {
	p := compose1("“一二三。四五六", body(4))
	r := p.Lines[0].Runs[0]
	if r.X != -ems(500) || !strings.HasPrefix(r.Text, "“") {
		t.Errorf("first run %+v, want “ at −½ em", r)
	}
	p = compose1("“一二三四五六七", body(4))
	if r := p.Lines[0].Runs[0]; r.X != 0 {
		t.Errorf("first run %+v, want “ at 0 when the line needs no shrinking", r)
	}
}

// TestJustify checks that expansion goes to word spaces, then Han–Latin gaps, then evenly,
// and that a Latin run is never spaced out.
func TestJustify(t *testing.T) {
	spans := []Span{{Text: "一二三四五六七八九十一二 ABCDEFG 三四五六七八九十", Font: plainFont}}
	opt := body(10)
	p := Compose(spans, opt)
	for _, v := range checkParagraph(spans, opt, p) {
		t.Error(v)
	}
	checkFlush(t, spans, opt, p)
	for _, l := range p.Lines {
		for _, r := range l.Runs {
			if strings.ContainsAny(r.Text, "ABCDEFG") && r.Spacing != 0 {
				t.Errorf("Latin run spaced out: %+v", r)
			}
		}
	}
	// Latin words with spaces: spaces take stretch first, up to ½ em.
	spans = []Span{{Text: "AB CD EF GH IJ KL MN OP", Font: plainFont}}
	opt = body(5)
	p = Compose(spans, opt)
	checkFlush(t, spans, opt, p)
	if got := lineTexts(p); got[0] != "ABCDEFGH" {
		t.Errorf("lines %q", got)
	}
}

// TestMissing: a character no face has is listed and set as a 1-em box of face −1.
func TestMissing(t *testing.T) {
	spans := []Span{{Text: "一", Font: holeyFont}, {Text: "二☃三𠀀", Font: holeyFont}}
	opt := body(10)
	p := Compose(spans, opt)
	want := []Missing{{Rune: '☃', Offset: 3, Span: 1}, {Rune: '𠀀', Offset: 9, Span: 1}}
	if !slices.Equal(p.Missing, want) {
		t.Errorf("missing %+v, want %+v", p.Missing, want)
	}
	var boxes []string
	for _, r := range p.Lines[0].Runs {
		if r.Face == -1 {
			boxes = append(boxes, r.Text)
		}
	}
	if !slices.Equal(boxes, []string{"☃", "𠀀"}) {
		t.Errorf("boxes %q (runs %+v)", boxes, p.Lines[0].Runs)
	}
	for _, v := range checkParagraph(spans, opt, p) {
		t.Error(v)
	}
}

// TestIndent: the first line starts Indent em in.
func TestIndent(t *testing.T) {
	opt := body(5)
	opt.Indent = 2
	p := compose1("一二三四五六七八", opt)
	if got := lineTexts(p); !slices.Equal(got, []string{"一二三", "四五六七八"}) {
		t.Errorf("lines %q", got)
	}
	if x := p.Lines[0].Runs[0].X; x != 2*em {
		t.Errorf("first line starts at %v", x)
	}
}

// TestSpansAndClusters: runs split at spans; a combining sequence stays one unspaced cluster.
func TestSpansAndClusters(t *testing.T) {
	spans := []Span{{Text: "一二e\u0301三", Font: plainFont}, {Text: "四五六七", Font: quoteFont}}
	opt := body(4)
	p := Compose(spans, opt)
	for _, v := range checkParagraph(spans, opt, p) {
		t.Error(v)
	}
	for _, l := range p.Lines {
		for _, r := range l.Runs {
			if strings.Contains(r.Text, "\u0301") && r.Spacing != 0 {
				t.Errorf("cluster spaced: %+v", r)
			}
		}
	}
	// A Latin word that crosses spans is still one word.
	spans = []Span{{Text: "一二三RC", Font: plainFont}, {Text: "EP四五", Font: quoteFont}}
	p = Compose(spans, body(5))
	if got := lineTexts(p); !slices.Equal(got, []string{"一二三", "RCEP四五"}) {
		t.Errorf("lines %q", got)
	}
}

// TestTerminates: narrow and zero measures, empty and blank text.
func TestTerminates(t *testing.T) {
	for _, text := range []string{"", "   ", "。。。。", "““““", "——————", "ABCDEFGHIJ", "一 二\t三\n"} {
		for _, w := range []geom.Length{0, 1, em / 2, em, 3 * em / 2, 2 * em} {
			opt := body(0)
			opt.Width, opt.Indent = w, 2
			spans := []Span{{Text: text, Font: quoteFont}}
			p := Compose(spans, opt)
			for _, v := range checkOrder(spans, opt, p) {
				t.Errorf("%q at %v: %s", text, w, v)
			}
		}
	}
}

// A balanced headline does not leave a number or a Latin word alone on a line, even
// where that would break between scripts.
func TestBalanceKeepsNoWordAlone(t *testing.T) {
	for _, text := range []string{"2023郑开马拉松鸣枪开跑", "EX00首批试制车下线", "RCEP成员国贸易额增长"} {
		opt := body(9)
		opt.Justify, opt.Balance = false, true
		p := Compose([]Span{{Text: text, Font: plainFont}}, opt)
		for _, l := range lineTexts(p) {
			if len(p.Lines) > 1 && !strings.ContainsFunc(l, func(r rune) bool { return r > 0x2000 }) {
				t.Errorf("%q: a line holds only %q", text, l)
			}
		}
	}
}

// Invisible format characters are not drawn; a cluster whose marks the base
// character's face cannot set is a missing character, never a run its face lacks.
func TestInvisiblesAndClusters(t *testing.T) {
	opt := body(13)
	p := Compose([]Span{{Text: "葛\U000E0100城\u200b。软\u00ad件\ufeff", Font: plainFont}}, opt)
	if got := strings.Join(lineTexts(p), ""); got != "葛城。软件" {
		t.Errorf("drawn %q, want the invisibles dropped", got)
	}
	if len(p.Missing) != 0 {
		t.Errorf("invisibles reported missing: %v", p.Missing)
	}
	p = Compose([]Span{{Text: "a\u0302b", Font: splitFont{}}}, opt)
	if len(p.Missing) != 1 || p.Missing[0].Rune != 0x302 {
		t.Fatalf("missing %v, want U+0302 (only another face has it)", p.Missing)
	}
	for _, l := range p.Lines {
		for _, r := range l.Runs {
			if strings.ContainsRune(r.Text, 0x302) && r.Face >= 0 {
				t.Errorf("run %q drawn in face %d, which lacks U+0302", r.Text, r.Face)
			}
		}
	}
}

// splitFont has combining marks in face 1 only, everything else in face 0.
type splitFont struct{}

func (splitFont) Glyph(r rune) (int, int, bool) {
	if r >= 0x300 && r < 0x370 {
		return 1, 0, true
	}
	return plainFont.Glyph(r)
}
