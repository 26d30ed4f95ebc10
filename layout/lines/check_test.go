package lines

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"broadsheet/layout/geom"
	"broadsheet/layout/lines/clreq"

	"github.com/rivo/uniseg"
)

// fakeFont has fixed-width metrics: every CJK character and mark 1000, Latin letters
// and digits 500, space 250, combining marks 0. quote > 0 makes “ ” ‘ ’ that wide and
// drawn by face 1 (like LXGW WenKai's quotes); runes in missing have no glyph.
type fakeFont struct {
	quote   int
	missing string
}

var (
	plainFont      = fakeFont{}
	quoteFont      = fakeFont{quote: 350}
	holeyFont      = fakeFont{missing: "☃𠀀"}
	_         Font = fakeFont{}
)

func (f fakeFont) Glyph(r rune) (int, int, bool) {
	switch {
	case f.missing != "" && strings.ContainsRune(f.missing, r):
		return 0, 0, false
	case r == ' ':
		return 0, 250, true
	case f.quote > 0 && strings.ContainsRune("“”‘’", r):
		return 1, f.quote, true
	case r >= 0x300 && r < 0x370:
		return 0, 0, true
	case r >= 0x2000 || r == 0xB7:
		return 0, 1000, true
	}
	return 0, 500, true
}

// pt9 is the body size the tests set at, and em its em.
const pt9 = 9 * geom.Point

// drawn is one glyph as the caller would draw it.
type drawn struct {
	r        rune
	x, adv   geom.Length
	face     int
	combined bool // part of a cluster of several characters: not set as a mark
}

// draw lays out a line's runs the way the PDF writer will: advance × size + spacing.
func draw(l Line, spans []Span, size geom.Length) []drawn {
	var out []drawn
	for _, run := range l.Runs {
		x := run.X
		for g := uniseg.NewGraphemes(run.Text); g.Next(); {
			rs := g.Runes()
			for _, r := range rs {
				adv := size
				if run.Face >= 0 {
					_, a, ok := spans[run.Span].Font.Glyph(r)
					if !ok {
						a = 0
					}
					adv = geom.Em(a, size)
				}
				out = append(out, drawn{r: r, x: x, adv: adv, face: run.Face, combined: len(rs) > 1})
				x += adv + run.Spacing
			}
		}
	}
	return out
}

// markOfDrawn returns the table row of a drawn glyph, or nil for a non-mark or a box.
func markOfDrawn(g drawn) *clreq.Class {
	if g.face < 0 || g.combined || clreq.Mark(g.r) == 0 {
		return nil
	}
	return clreq.ClassOf(clreq.Mark(g.r))
}

// inkOf is the horizontal ink of a drawn glyph under the fake metrics.
func inkOf(g drawn, em geom.Length) (lo, hi geom.Length) {
	cl := markOfDrawn(g)
	switch {
	case cl == nil:
		return g.x, g.x + g.adv
	case cl.Blank == clreq.BlankRight:
		return g.x, g.x + min(g.adv, em/2)
	case cl.Blank == clreq.BlankLeft:
		return g.x + g.adv - min(g.adv, em/2), g.x + g.adv
	case cl.Blank == clreq.BlankSides:
		c := g.x + g.adv/2
		return c - min(g.adv/2, em/4), c + min(g.adv/2, em/4)
	case cl.Dash:
		return g.x + g.adv/20, g.x + g.adv - g.adv/20
	}
	return g.x, g.x + g.adv
}

// boxEnd is where the set box of the last glyph gs[i] of a line ends.
func boxEnd(gs []drawn, i int, em geom.Length) geom.Length {
	g := gs[i]
	cl := markOfDrawn(g)
	switch {
	case cl == nil:
		return g.x + g.adv
	case cl.Blank == clreq.BlankRight:
		return g.x + em/2
	case cl.Blank == clreq.BlankLeft:
		return g.x + g.adv
	case cl.Blank == clreq.BlankSides:
		return g.x + g.adv/2 + em/4
	case cl.Dash && dashPartner(gs, i):
		lo, _ := inkOf(gs[i-1], em)
		_, hi := inkOf(g, em)
		return (lo+hi)/2 + em
	}
	return g.x + g.adv/2 + em/2
}

// dashPartner reports whether dash gs[i] closes a pair (pairs counted from the left).
func dashPartner(gs []drawn, i int) bool {
	n := 0
	for j := i; j >= 0 && gs[j].r == gs[i].r; j-- {
		n++
	}
	return n%2 == 0
}

// violation is a broken invariant, described.
type violation string

// checkParagraph tests the invariants of a composed paragraph against its input and
// returns what is broken. strictFlush asks for justified non-last lines to end at the
// measure exactly; loose allows a line wider than the measure when it holds one glyph.
func checkParagraph(spans []Span, opt Options, p Paragraph) []violation {
	var vs []violation
	add := func(f string, a ...any) { vs = append(vs, violation(fmt.Sprintf(f, a...))) }
	vs = append(vs, checkOrder(spans, opt, p)...)
	for li, l := range p.Lines {
		gs := draw(l, spans, opt.Size)
		if len(gs) == 0 {
			add("line %d is empty", li)
			continue
		}
		if l.Last != (li == len(p.Lines)-1) {
			add("line %d: Last=%v", li, l.Last)
		}
		for _, r := range l.Runs {
			if r.Spacing < 0 || strings.ContainsFunc(r.Text, clreq.Space) || r.Text == "" {
				add("line %d: bad run %+v", li, r)
			}
		}
		end := boxEnd(gs, len(gs)-1, opt.Size)
		if end != l.Width {
			add("line %d: Width %v but last box ends at %v", li, l.Width, end)
		}
		one := uniseg.GraphemeClusterCount(lineTexts(Paragraph{Lines: []Line{l}})[0]) == 1
		for _, g := range gs {
			if _, hi := inkOf(g, opt.Size); hi > opt.Width && !one {
				add("line %d: ink of %q ends at %v, beyond the measure %v", li, g.r, hi, opt.Width)
			}
			if lo, _ := inkOf(g, opt.Size); lo < 0 {
				add("line %d: ink of %q starts at %v, before the line", li, g.r, lo)
			}
		}
	}
	return vs
}

// checkOrder tests that every non-space character comes out exactly once, in order; a
// half-width mark may come out as its full-width form.
func checkOrder(spans []Span, opt Options, p Paragraph) []violation {
	var in, out []rune
	for _, s := range spans {
		for _, r := range s.Text {
			if !clreq.Space(r) && !clreq.Invisible(r) {
				in = append(in, r)
			}
		}
	}
	for _, l := range p.Lines {
		for _, r := range l.Runs {
			out = append(out, []rune(r.Text)...)
		}
	}
	if len(in) != len(out) {
		return []violation{violation(fmt.Sprintf("%d characters in, %d out: %q → %q", len(in), len(out), string(in), string(out)))}
	}
	for i := range in {
		if in[i] != out[i] && !(opt.FullWidth && widened(in[i], out[i])) {
			return []violation{violation(fmt.Sprintf("character %d: %q in, %q out", i, in[i], out[i]))}
		}
	}
	return nil
}

// widened reports whether full is the full-width form of half.
func widened(half, full rune) bool {
	for _, h := range clreq.HalfWidth {
		if h.Half == string(half) && h.Full == string(full) {
			return true
		}
	}
	return false
}

// lineTexts is the characters of each line.
func lineTexts(p Paragraph) []string {
	out := make([]string, len(p.Lines))
	for i, l := range p.Lines {
		var b strings.Builder
		for _, r := range l.Runs {
			b.WriteString(r.Text)
		}
		out[i] = b.String()
	}
	return out
}

// firstRune and lastRune of a line's text.
func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

// kinsoku counts lines that start with a line-start-forbidden mark or end with a
// line-end-forbidden one (a —— or …… pair counts as forbidden at the start only when strict).
func kinsoku(p Paragraph, strict bool) (badStart, badEnd int) {
	texts := lineTexts(p)
	for i, t := range texts {
		if t == "" {
			continue
		}
		if m := clreq.Mark(firstRune(t)); i > 0 && m != 0 && clreq.ClassOf(m).NoStart {
			rest := strings.TrimPrefix(t, string(firstRune(t)))
			pair := clreq.ClassOf(m).Pair && firstRune(rest) == firstRune(t)
			if !pair || strict {
				badStart++
			}
		}
		if m := clreq.Mark(lastRune(t)); i < len(texts)-1 && m != 0 && clreq.ClassOf(m).NoEnd {
			badEnd++
		}
	}
	return badStart, badEnd
}
