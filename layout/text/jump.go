package text

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"broadsheet/issues"
	"broadsheet/layout/lines"
	"broadsheet/layout/words"
)

// Split is where a jumped story's body is cut: what stays on its page and where the
// rest begins in the file's text.
type Split struct {
	// Para is the paragraph (of Art.Paragraphs) the rest starts in, Offset the byte
	// offset there (0 at its start), Bold whether that is inside a bold run-in.
	Para, Offset int
	Bold         bool
	// Lines are the body lines set on this page, the label not counted; Chars and
	// Rest the characters printed here and continued (the byline goes with the rest).
	Lines, Chars, Rest int
}

// Fragment reports whether the rest starts inside a paragraph, not at its start.
func (sp Split) Fragment() bool { return sp.Offset > 0 }

// labelPara is the paragraph index of a jump label line.
const labelPara = -4

// jumpLabel sets a jump label, （下转第3版） or （上接第1版）, on a line of its own.
func (s *Story) jumpLabel(format string, page int) BodyLine {
	f := s.set.Faces.Font(s.set.Sheet.Jumps.Face)
	par := lines.Compose([]lines.Span{{Text: fmt.Sprintf(format, page), Font: f}}, s.set.options(s.measure, s.set.Grid.Body, 0, false))
	return BodyLine{Line: par.Lines[0], Para: labelPara, Label: true, First: true}
}

// Jumped cuts the story to the room (body lines) its module holds on this page, the
// label （下转第N版） included, for the rest to continue on page to. The cut is at a
// line's end, never inside a word, at a sentence's end if one falls within the last
// lines (Sheet.Jumps.Sentence), never after a crosshead or before the byline alone; the
// rest keeps at least two lines. ok is false when the whole story fits, or when no cut
// leaves a line of text on this page.
func (s *Story) Jumped(room, to int) (cut *Story, sp Split, ok bool) {
	if len(s.Body) <= room || room < 2 || s.Art.Kind == issues.KindBriefs {
		return s, Split{}, false // a brief list does not jump (the decoder refuses it)
	}
	n := s.firstCut(room - 1)
	if n < 1 {
		return s, Split{}, false
	}
	kept, next := s.keep(n)
	if next.Para < 0 {
		return s, Split{}, false
	}
	label := s.jumpLabel(s.set.Sheet.Jumps.Out, to)
	c := *s
	c.Body = append(kept, label)
	c.boxed = nil
	c.countChars()
	sp = next
	sp.Lines = len(kept)
	sp.Chars = c.chars[0] - LineChars(label.Line)
	sp.Rest = s.chars[0] - sp.Chars
	return &c, sp, true
}

// firstCut is the last line index n ≤ most at which the body may be cut: line n starts
// the rest, which must begin with text (not white or a crosshead's second line), hold
// two lines of text at least, and may not follow a crosshead; 0 when there is none.
func (s *Story) firstCut(most int) int {
	text := 0 // lines of text from n on
	for i := len(s.Body) - 1; i > most; i-- {
		if s.Body[i].Para >= 0 {
			text++
		}
	}
	for n := most; n >= 1; n-- {
		if s.Body[n].Para >= 0 {
			text++
		}
		b, prev := &s.Body[n], &s.Body[n-1]
		if text < 2 || b.Para < 0 || (b.Cross && !b.First) || prev.Cross || prev.Blank || prev.Rule || s.inLead(n) {
			continue
		}
		return n
	}
	return 0
}

// inLead reports whether body line n starts inside the lead (本报讯 and a long
// dateline in parentheses): the story is never cut there, the lead's words staying
// together on the first page.
func (s *Story) inLead(n int) bool {
	b := s.Body[n]
	if b.First || b.Para != s.leadPara() || s.Art.Lead == "" || b.Para >= len(s.Art.Paragraphs) {
		return false
	}
	p := s.para(b.Para)
	return p.offsetOf(b.Line) < p.own
}

// keep is the body lines that stay when the story is cut before line n, moved back to
// a sentence's end in the last lines, or to a word's end, with the line that holds it
// set again up to there; next says where the rest starts.
func (s *Story) keep(n int) ([]BodyLine, Split) {
	for back := 1; back <= s.set.Sheet.Jumps.Sentence && n-back >= 0; back++ {
		if kept, sp, ok := s.cutAt(n-back, sentenceEnd); ok {
			return kept, sp
		}
	}
	if b := s.Body[n]; !b.First && b.Para >= 0 && b.Para < len(s.Art.Paragraphs) {
		p := s.para(b.Para)
		q := words.Breaks(p.text)
		if q[p.offsetOf(b.Line)] == words.Forbidden { // line n starts inside a word
			if kept, sp, ok := s.cutAt(n-1, wordEnd(q)); ok {
				return kept, sp
			}
		}
	}
	return append([]BodyLine(nil), s.Body[:n]...), s.startOf(n)
}

// startOf is the split where body line n starts: at a paragraph's start, or inside one.
func (s *Story) startOf(n int) Split {
	for ; n < len(s.Body); n++ {
		b := s.Body[n]
		if b.Para < 0 || b.Para >= len(s.Art.Paragraphs) {
			continue
		}
		if b.First {
			return Split{Para: b.Para}
		}
		p := s.para(b.Para)
		sp := p.split(p.offsetOf(b.Line))
		sp.Para = b.Para
		return sp
	}
	return Split{Para: -1}
}

// cutAt looks in body line l for the last place find accepts, and cuts there: the
// lines before l, then l set again up to that place as its paragraph's last line.
func (s *Story) cutAt(l int, find func(text string, from, to int) int) ([]BodyLine, Split, bool) {
	b := s.Body[l]
	if b.Para < 0 || b.Para >= len(s.Art.Paragraphs) || b.Cross || b.Brief {
		return nil, Split{}, false
	}
	p := s.para(b.Para)
	from, to := p.offsetOf(b.Line), len(p.text)
	if l+1 < len(s.Body) && s.Body[l+1].Para == b.Para {
		to = p.offsetOf(s.Body[l+1].Line)
	}
	x := find(p.text, from, to)
	if x <= from || x < p.own {
		return nil, Split{}, false
	}
	if x == to { // the line ends there already
		return append([]BodyLine(nil), s.Body[:l+1]...), s.startOf(l + 1), true
	}
	indent := 0
	if b.First {
		indent = s.set.Sheet.Grid.Indent
	}
	par := lines.Compose(p.sub(from, x), s.set.options(s.measure, s.set.Grid.Body, indent, false))
	if len(par.Lines) != 1 {
		return nil, Split{}, false
	}
	short := b
	short.Line, short.Line.Last = par.Lines[0], true
	sp := p.split(x)
	sp.Para = b.Para
	return append(append([]BodyLine(nil), s.Body[:l]...), short), sp, true
}

// sentenceEnd is the end of the last sentence that ends in text[from:to] (after its
// closing marks), or -1.
func sentenceEnd(text string, from, to int) int {
	end := -1
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if strings.ContainsRune("。！？!?", r) {
			for i < to {
				c, m := utf8.DecodeRuneInString(text[i:])
				if !strings.ContainsRune("”’」』）》)\"。！？!?", c) {
					break
				}
				i += m
			}
			end = i
		}
	}
	return end
}

// wordEnd finds, by the segmenter's qualities q of a paragraph's text, the last place
// in text[from:to] where a word ends, or -1.
func wordEnd(q []words.Quality) func(text string, from, to int) int {
	return func(_ string, from, to int) int {
		for x := to - 1; x > from; x-- {
			if q[x] > words.Forbidden {
				return x
			}
		}
		return -1
	}
}

// setPara is a paragraph's spans as the body sets them, joined into one text, and
// where each span's bytes are in the file's paragraph.
type setPara struct {
	spans []lines.Span
	text  string
	start []int   // start[k]: where span k starts in text
	src   [][]int // src[k][i]: byte i of span k in the file's paragraph; nil for the lead
	bold  []bool
	own   int // where the paragraph's own text starts, after the lead
}

// para is body paragraph i as setBody sets it.
func (s *Story) para(i int) setPara {
	spans, src, bold := s.paraSpans(i)
	p := setPara{spans: spans, src: src, bold: bold}
	var b strings.Builder
	for k, sp := range spans {
		p.start = append(p.start, b.Len())
		if src[k] == nil {
			p.own = b.Len() + len(sp.Text)
		}
		b.WriteString(sp.Text)
	}
	p.text = b.String()
	return p
}

// offsetOf is where a composed line of the paragraph starts in its text.
func (p setPara) offsetOf(l lines.Line) int {
	if l.Span >= len(p.start) {
		return len(p.text)
	}
	return p.start[l.Span] + l.Offset
}

// span finds the span that holds text offset x.
func (p setPara) span(x int) int {
	k := 0
	for k+1 < len(p.start) && p.start[k+1] <= x {
		k++
	}
	return k
}

// split is the split at text offset x: its place in the file's paragraph.
func (p setPara) split(x int) Split {
	x = max(x, p.own) // never inside the lead, which cuts refuse
	k := p.span(x)
	return Split{Offset: p.src[k][x-p.start[k]], Bold: p.bold[k]}
}

// sub is the spans of text[from:to].
func (p setPara) sub(from, to int) []lines.Span {
	var out []lines.Span
	for k, sp := range p.spans {
		a, b := max(from, p.start[k]), min(to, p.start[k]+len(sp.Text))
		if a < b {
			out = append(out, lines.Span{Text: sp.Text[a-p.start[k] : b-p.start[k]], Font: sp.Font})
		}
	}
	return out
}
