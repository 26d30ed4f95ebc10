package lines

import (
	"strings"
	"unicode/utf8"

	"broadsheet/layout/geom"
	"broadsheet/layout/lines/clreq"
)

// glyph is one atom placed on a line: x is where its origin goes.
type glyph struct {
	x, adv geom.Length
	atom   int32
	unit   int32
}

// place emits the glyphs of unit u whose untrimmed box starts at o. Marks sit in their
// 1-em boxes by class; a —— pair is drawn as one rule.
func (c *composer) place(u *unit, ui int, o geom.Length) {
	if u.kind == kMark && clreq.ClassOf(u.mark).Dash && u.a1-u.a0 == 2 {
		c.placeDashes(u, ui, o)
		return
	}
	for i := u.a0; i < u.a1; i++ {
		a := &c.atoms[i]
		x := o
		if a.kind == kMark {
			x += c.inBox(clreq.ClassOf(a.mark).Blank, a.adv)
		}
		c.glyphs = append(c.glyphs, glyph{x: x, adv: a.adv, atom: i, unit: int32(ui)})
		o += c.box(a)
	}
}

// inBox is where a mark's glyph origin sits in its 1-em box: opening marks right-aligned,
// closing marks left-aligned, the rest centred.
func (c *composer) inBox(b clreq.Blank, adv geom.Length) geom.Length {
	switch b {
	case clreq.BlankLeft:
		return c.em - adv
	case clreq.BlankRight:
		return 0
	}
	return (c.em - adv) / 2
}

// placeDashes draws a —— pair so the two dashes' ink meets in one line centred in the
// 2-em box.
func (c *composer) placeDashes(u *unit, ui int, o geom.Length) {
	a := &c.atoms[u.a0]
	left, right := c.ink(a)
	x1 := max(o, o+c.em-(right-left)-left)
	x2 := max(x1, o+c.em-left)
	c.glyphs = append(c.glyphs,
		glyph{x: x1, adv: a.adv, atom: u.a0, unit: int32(ui)},
		glyph{x: x2, adv: c.atoms[u.a0+1].adv, atom: u.a0 + 1, unit: int32(ui)})
}

// ink is the horizontal ink extent of a's glyph, from the Font when it is an Inker.
func (c *composer) ink(a *atom) (left, right geom.Length) {
	if in, ok := c.spans[a.span].Font.(Inker); ok {
		r, _ := utf8.DecodeRuneInString(a.text)
		if l, rt, ok := in.Ink(r); ok && rt > l {
			return geom.Em(l, c.em), geom.Em(rt, c.em)
		}
	}
	side := a.adv / 20
	return side, a.adv - side
}

// runs groups the placed glyphs of a line into runs and appends them to out.
func (c *composer) runs(out []Run) []Run {
	gs := c.glyphs
	for i := 0; i < len(gs); {
		j, sp := c.runEnd(i)
		a := &c.atoms[gs[i].atom]
		out = append(out, Run{Face: int(a.face), X: gs[i].x, Spacing: sp, Text: c.text(gs[i:j]), Span: int(a.span)})
		i = j
	}
	return out
}

// runEnd returns the end of the run that starts at glyph i and its spacing: the run goes
// on while face and span hold and the gaps are equal and not negative.
func (c *composer) runEnd(i int) (int, geom.Length) {
	gs := c.glyphs
	var sp geom.Length
	j := i + 1
	for ; j < len(gs) && c.joins(j); j++ {
		gap := gs[j].x - gs[j-1].x - gs[j-1].adv
		if j == i+1 {
			if gap < 0 {
				break
			}
			sp = gap
		} else if gap != sp {
			break
		}
		if sp != 0 && (c.atoms[gs[j].atom].multi || c.atoms[gs[i].atom].multi) {
			break // the caller spaces every character: a cluster must not be spaced inside
		}
	}
	if j == i+1 {
		sp = 0
	}
	return j, sp
}

// joins reports whether glyph j may continue the run of glyph j−1: same face and span,
// no space between, and no step between a Latin word and other text.
func (c *composer) joins(j int) bool {
	g, p := &c.glyphs[j], &c.glyphs[j-1]
	a, b := &c.atoms[p.atom], &c.atoms[g.atom]
	if a.face != b.face || a.span != b.span || g.atom != p.atom+1 {
		return false
	}
	if g.unit == p.unit {
		return true
	}
	return (c.units[g.unit].kind == kLatin) == (c.units[p.unit].kind == kLatin)
}

// text is the characters of glyphs gs: a slice of the span's text when they are
// unchanged and contiguous there, else built.
func (c *composer) text(gs []glyph) string {
	first, last := &c.atoms[gs[0].atom], &c.atoms[gs[len(gs)-1].atom]
	plain := !c.hidden // the source slice would bring back what was left out
	for k := range gs {
		plain = plain && !c.atoms[gs[k].atom].conv
	}
	if plain {
		return c.spans[first.span].Text[first.off : last.off+last.n]
	}
	var b strings.Builder
	for k := range gs {
		b.WriteString(c.atoms[gs[k].atom].text)
	}
	return b.String()
}
