package lines

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"broadsheet/layout/geom"
	"broadsheet/layout/lines/totalfit"
)

// spreadOf is the even spacing of a composed line in em: the largest character spacing
// of its runs (the runs of a Latin word are never spaced).
func spreadOf(l Line, size geom.Length) float64 {
	w := geom.Length(0)
	for _, r := range l.Runs {
		if utf8.RuneCountInString(r.Text) > 1 {
			w = max(w, r.Spacing)
		}
	}
	return float64(w) / float64(size)
}

// greedyLines sets a paragraph the way the composer did before total fit: one line at
// a time.
func greedyLines(spans []Span, opt Options) Paragraph {
	c := newComposer(spans, opt)
	defer c.release()
	c.collect()
	if c.opt.FullWidth {
		c.widen()
	}
	c.group()
	c.prepare()
	c.greedy()
	return c.setLines()
}

// spreadFigures counts a paragraph's justified lines spread beyond totalfit.LooseSpread and
// totalfit.WideSpread, and the widest.
type spreadFigures struct {
	lines, loose, wide int
	worst              float64
}

func (f *spreadFigures) add(p Paragraph, size geom.Length) {
	for _, l := range p.Lines {
		if l.Last {
			continue
		}
		s := spreadOf(l, size)
		f.lines++
		f.worst = max(f.worst, s)
		if s > totalfit.LooseSpread+1e-9 {
			f.loose++
		}
		if s > totalfit.WideSpread+1e-9 {
			f.wide++
		}
	}
}

// Total fit shares out the looseness a line cannot avoid. On the realistic body at
// every measure from 9 to 22 em, no paragraph has more lines spread beyond ¼ em than
// greedy breaking gives it (those left are a first line followed by a Latin word too
// long for it), and far fewer lines are spread beyond 0.1 em.
func TestTotalFitEvenness(t *testing.T) {
	for _, font := range []fakeFont{plainFont, quoteFont} {
		var total, greedy spreadFigures
		for width := 9; width <= 22; width++ {
			opt := columnOptions()
			opt.Width = geom.Length(width) * em
			for _, text := range newsBody(t) {
				spans := []Span{{Text: text, Font: font}}
				p := Compose(spans, opt)
				for _, v := range checkParagraph(spans, opt, p) {
					t.Errorf("width %d: %s", width, v)
				}
				var tf, gf spreadFigures
				tf.add(p, opt.Size)
				gf.add(greedyLines(spans, opt), opt.Size)
				if tf.wide > gf.wide {
					t.Errorf("width %d: %q: %d lines spread beyond %.2f em, greedy %d", width, lineTexts(p), tf.wide, totalfit.WideSpread, gf.wide)
				}
				total.add(p, opt.Size)
				greedy.add(greedyLines(spans, opt), opt.Size)
			}
		}
		t.Logf("quote %d: total fit %+v, greedy %+v", font.quote, total, greedy)
		if total.wide*4 > greedy.wide || total.loose*3 > greedy.loose*2 || total.worst >= greedy.worst {
			t.Errorf("quote %d: total fit %+v is not much more even than greedy %+v", font.quote, total, greedy)
		}
	}
}

// The case: a line that can take the next word only by compressing its comma
// and the ideographic space after a run-in lead takes it, where greedy breaking left
// the line spread by 0.29 em.
func TestRunInLeadLine(t *testing.T) {
	spans := []Span{{Text: "本报讯", Font: plainFont}, {Text: "\u3000近日，海马 EX00W(智行盒子)首批试制车下线仪式举行。经开区党工委书记李小虎出席。", Font: plainFont}}
	opt := columnOptions()
	p := Compose(spans, opt)
	if got := lineTexts(p)[0]; got != "本报讯近日，海马EX00W" {
		t.Errorf("first line %q, want it to end with EX00W", got)
	}
	for _, v := range checkParagraph(spans, opt, p) {
		t.Error(v)
	}
	checkFlush(t, spans, opt, p)
}

// An opening mark at line start gives up its whole blank half or none of it, so the
// line starts flush or ½ em out.
func TestLineStartAllOrNothing(t *testing.T) {
	for width := 4; width <= 16; width++ {
		for _, text := range []string{"一二三“四五六”七八九十甲乙丙丁戊己庚辛壬癸", "一二“三四，五六”七八，九十“甲乙”丙丁，戊己庚辛"} {
			p := compose1(text, body(width))
			for _, l := range p.Lines {
				if x := l.Runs[0].X; x != 0 && x != -ems(500) {
					t.Errorf("width %d: line %q starts at %v", width, lineTexts(Paragraph{Lines: []Line{l}})[0], x)
				}
			}
		}
	}
}

// The last resort: a URL longer than a narrow line's room breaks after its dots only
// when every other setting spreads a line beyond ¼ em, with no hyphen added.
func TestLongRunLastResort(t *testing.T) {
	text := "消费者可登录全国12315平台（www.12315.cn）进行投诉举报。"
	opt := body(8)
	p := compose1(text, opt)
	texts := lineTexts(p)
	spans := []Span{{Text: text, Font: plainFont}}
	for _, v := range checkParagraph(spans, opt, p) {
		t.Error(v)
	}
	split := false
	for i, l := range texts[:len(texts)-1] {
		if strings.HasSuffix(l, "www.") || strings.HasSuffix(l, "12315.") {
			split = true
		}
		if s := spreadOf(p.Lines[i], opt.Size); s > totalfit.WideSpread+1e-9 {
			t.Errorf("line %q spread %.3f em", l, s)
		}
	}
	if !split || strings.Contains(strings.Join(texts, ""), "-") {
		t.Errorf("lines %q: want the URL broken after a dot, no hyphen", texts)
	}
	// Where the line can be set well, the URL stays whole.
	p = compose1(text, body(13))
	if !strings.Contains(strings.Join(lineTexts(p), "|"), "www.12315.cn") {
		t.Errorf("lines %q: the URL was broken with no need", lineTexts(p))
	}
}

// Latin words and ordinary numbers never split, whatever the measure.
func TestNumbersNeverSplit(t *testing.T) {
	text := "海马EX00首批试制车下线，增长12.5%，2023年产值达1,234.5亿元，同比增长38.4%，其中RCEP成员国贸易额增长"
	for width := 4; width <= 30; width++ { // 1,234.5 is 3.5 em: in 3 em it is cut
		for _, strict := range []bool{true, false} {
			opt := body(width)
			opt.Strict = strict
			p := compose1(text, opt)
			if n := splitLatin(text, p); n > 0 {
				t.Errorf("width %d: %d Latin runs split: %q", width, n, lineTexts(p))
			}
		}
	}
}

// Span.NoBreak keeps words whole in every breaker; a word wider than the measure is
// split anyway and reported.
func TestNoBreak(t *testing.T) {
	text := "一二三马拉松四五六七八九"
	inside := []int{strings.Index(text, "拉"), strings.Index(text, "松")}
	headline := func(w int, balance bool) Options {
		o := body(w)
		o.Justify, o.Balance = false, balance
		return o
	}
	cases := []struct {
		name   string
		opt    Options
		want   []string
		splits []WordSplit
	}{
		{"greedy keeps the word whole", headline(4, false), []string{"一二三", "马拉松四", "五六七八", "九"}, nil},
		{"balanced keeps the word whole", headline(5, true), []string{"一二三", "马拉松四五", "六七八九"}, nil},
		{"justified keeps the word whole", body(5), []string{"一二三", "马拉松四五", "六七八九"}, nil},
		{"a word wider than the measure is split and reported", headline(2, false),
			[]string{"一二", "三", "马拉", "松四", "五六", "七八", "九"}, []WordSplit{{0, inside[1]}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			spans := []Span{{Text: text, Font: plainFont, NoBreak: inside}}
			p := Compose(spans, tc.opt)
			if got := lineTexts(p); !slices.Equal(got, tc.want) {
				t.Errorf("lines %q, want %q", got, tc.want)
			}
			if !slices.Equal(p.WordSplits, tc.splits) {
				t.Errorf("word splits %v, want %v", p.WordSplits, tc.splits)
			}
			for _, v := range checkParagraph(spans, tc.opt, p) {
				t.Error(v)
			}
		})
	}
}

// NoBreak at a space keeps two Latin words together; offsets unsorted or out of range
// are taken as they come or ignored.
func TestNoBreakAtSpaceAndBadOffsets(t *testing.T) {
	text := "一二三New York四五六"
	opt := body(6)
	opt.Justify = false
	p := Compose([]Span{{Text: text, Font: plainFont, NoBreak: []int{99, strings.Index(text, " "), -3}}}, opt)
	if got := lineTexts(p); !slices.Equal(got, []string{"一二三", "NewYork四五", "六"}) {
		t.Errorf("lines %q", got)
	}
	if len(p.WordSplits) != 0 {
		t.Errorf("word splits %v", p.WordSplits)
	}
}

// A NoBreak offset at an invisible character holds for the next character drawn, and a
// split there reports the offset the caller gave.
func TestNoBreakAtInvisible(t *testing.T) {
	text := "一二马\u200b拉松"
	at := strings.Index(text, "\u200b")
	opt := body(3)
	opt.Justify = false
	p := Compose([]Span{{Text: text, Font: plainFont, NoBreak: []int{at}}}, opt)
	if got := lineTexts(p); !slices.Equal(got, []string{"一二", "马拉松"}) {
		t.Errorf("lines %q", got)
	}
	p = Compose([]Span{{Text: text, Font: plainFont, NoBreak: []int{at}}}, body(1))
	if len(p.WordSplits) != 1 || p.WordSplits[0] != (WordSplit{0, at}) {
		t.Errorf("word splits %v, want one at %d", p.WordSplits, at)
	}
}
