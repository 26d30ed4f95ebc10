package lines

import (
	"broadsheet/layout/geom"
	"broadsheet/layout/lines/clreq"
)

// unit is an unbreakable box: one Han character or mark, a —— or …… pair, or a whole
// Latin word or number. Between unit k−1 and unit k lies joint k, stored on unit k.
type unit struct {
	a0, a1   int32       // atoms [a0, a1)
	kind     kind        // kHan, kLatin or kMark
	mark     uint8       // 1 + row of clreq.Table for a mark unit
	nsBasic  bool        // may not start a line (basic level)
	nsStrict bool        // may not start a line (strict level)
	noEnd    bool        // may not end a line
	level    uint8       // shrink level of its blank parts
	w        geom.Length // full box width
	bl, br   geom.Length // blank part on the left and on the right of the box
	trimL    geom.Length // taken off bl by the joint before (adjacent marks)
	trimR    geom.Length // taken off br by the joint after

	// joint before this unit
	inWord  bool        // inside a word cut because it is wider than the measure, or a long run's piece
	soft    bool        // a long run's last-resort break (longrun.go)
	noBreak bool        // the caller forbids a break here (Span.NoBreak)
	nbOff   int32       // the offset the caller listed for it (at this unit or at the space before it)
	space   bool        // the source has a space here
	keep    bool        // that space is a no-break space: no line breaks here
	spaceW  geom.Length // natural width of that space
	ideo    int32       // ideographic spaces in it
	glue    geom.Length // natural gap
	jshrink geom.Length // how much the gap may shrink (level clreq.ShrinkSpace)
	jst1    geom.Length // how much it may stretch at clreq.StretchSpace
	jst2    geom.Length // how much it may stretch at clreq.StretchHanLat
}

// group gathers atoms into units and records the spaces between them.
func (c *composer) group() {
	var sp unit // collects the spaces before the next unit
	for i := range c.atoms {
		a := &c.atoms[i]
		switch {
		case a.kind == kSpace:
			sp.addSpace(a)
		case !sp.space && c.extends(i):
			c.units[len(c.units)-1].a1++
		default:
			u := unit{a0: int32(i), a1: int32(i + 1), kind: a.kind, space: sp.space, spaceW: sp.spaceW, ideo: sp.ideo, keep: sp.keep,
				noBreak: sp.noBreak || a.noBreak, nbOff: a.nbOff}
			if sp.noBreak {
				u.nbOff = sp.nbOff
			}
			c.units = append(c.units, u)
			sp = unit{}
		}
	}
	for k := range c.units {
		c.finish(&c.units[k])
	}
	c.splitWide()
}

// addSpace notes one more space atom in a joint; runs of spaces collapse to one.
func (u *unit) addSpace(a *atom) {
	if a.ideo {
		u.ideo++
	}
	if !u.space {
		u.space, u.spaceW = true, a.adv
	}
	u.keep = u.keep || a.text == "\u00a0" || a.text == "\u202f"
	if a.noBreak && !u.noBreak {
		u.noBreak, u.nbOff = true, a.nbOff
	}
}

// extends reports whether atom i belongs to the last unit: a Latin word goes on, a
// mark pair completes, or a wave dash joins two digits.
func (c *composer) extends(i int) bool {
	if len(c.units) == 0 {
		return false
	}
	u := &c.units[len(c.units)-1]
	a, last := &c.atoms[i], &c.atoms[u.a1-1]
	switch {
	case u.kind == kLatin && a.kind == kLatin:
		return true
	case u.kind == kLatin && a.kind == kMark && clreq.ClassOf(a.mark).JoinsNum:
		return isDigitAtom(last) && i+1 < len(c.atoms) && isDigitAtom(&c.atoms[i+1])
	case u.kind == kMark && a.kind == kMark && u.a1-u.a0 == 1:
		return a.text == last.text && clreq.ClassOf(a.mark).Pair
	}
	return false
}

// finish fills in a unit's box and rules from its atoms; kind comes from the first atom.
func (c *composer) finish(u *unit) {
	first := &c.atoms[u.a0]
	u.kind, u.mark = first.kind, first.mark
	u.w = 0
	for i := u.a0; i < u.a1; i++ {
		u.w += c.box(&c.atoms[i])
	}
	if first.mark != 0 {
		cl := clreq.ClassOf(first.mark)
		u.nsBasic, u.nsStrict, u.noEnd = cl.NoStart, cl.NoStart, cl.NoEnd
		if cl.Pair && u.a1-u.a0 == 2 {
			u.nsBasic = false
		}
	}
	if u.kind == kMark {
		c.blanks(u)
	}
}

// box is the width an atom takes in a line: 1 em for a mark, else its advance.
func (c *composer) box(a *atom) geom.Length {
	if a.kind == kMark {
		return c.em
	}
	return a.adv
}

// blanks sets the blank parts of a mark unit from its class.
func (c *composer) blanks(u *unit) {
	cl := clreq.ClassOf(u.mark)
	half, quarter := geom.Em(500, c.em), geom.Em(250, c.em)
	u.level = cl.Shrink
	switch cl.Blank {
	case clreq.BlankLeft:
		u.bl = half
	case clreq.BlankRight:
		u.br = half
	case clreq.BlankSides:
		u.bl, u.br = quarter, quarter
	}
}

// prepare computes the joints, the trims between adjacent marks and the prefix sums of
// natural widths.
func (c *composer) prepare() {
	c.adv = append(c.adv[:0], 0)
	half := geom.Em(500, c.em)
	for k := range c.units {
		u := &c.units[k]
		u.trimL, u.trimR = 0, 0
		if k > 0 {
			c.joint(&c.units[k-1], u, half)
		}
		c.adv = append(c.adv, c.adv[k]+u.w+u.glue-u.trimL-c.prevTrimR(k))
	}
}

// prevTrimR is what the joint before unit k takes off unit k−1's right blank.
func (c *composer) prevTrimR(k int) geom.Length {
	if k == 0 {
		return 0
	}
	return c.units[k-1].trimR
}

// joint sets the gap before u (after p): adjacent marks lose the blank between them
// (at most ½ em, the left mark's first); an ideographic space is 1 em; otherwise no gap
// beside Chinese punctuation; Han and Latin get ¼ em (a source space between them is
// that gap); Latin words keep their space.
func (c *composer) joint(p, u *unit, half geom.Length) {
	p.trimR, u.trimL = 0, 0
	if p.kind == kMark && u.kind == kMark {
		t := min(p.br+u.bl, half)
		p.trimR = min(p.br, t)
		u.trimL = t - p.trimR
	}
	u.glue, u.jshrink, u.jst1, u.jst2 = 0, 0, 0, 0
	switch {
	case u.inWord:
	case u.ideo > 0: // an ideographic space is meant: 1 em each, even beside a mark
		u.glue = geom.Length(u.ideo) * c.em
		u.jshrink = geom.Em(clreq.IdeoShrink, c.em)
	case p.kind == kMark || u.kind == kMark:
	case (p.kind == kLatin) != (u.kind == kLatin):
		u.glue = geom.Em(clreq.HanLatinGap, c.em)
		u.jshrink = geom.Em(clreq.HanLatinGap-clreq.HanLatinGapMin, c.em)
		u.jst2 = geom.Em(clreq.HanLatinGapMax, c.em) - u.glue
	case u.space:
		u.glue, u.jshrink = u.spaceW, u.spaceW/3
		u.jst1 = max(0, geom.Em(clreq.WordSpaceMax, c.em)-u.spaceW)
	}
}

// natural is the width of units [s, e) set as one line with nothing stretched: the
// joint before s is dropped and the last unit's right blank is trimmed.
func (c *composer) natural(s, e int) geom.Length {
	u := &c.units[s]
	return c.adv[e] - c.adv[s] - (u.glue - u.trimL - c.prevTrimR(s)) - c.units[e-1].br
}

// splitWide cuts every unit wider than the measure (a very long Latin word, or a
// 2-em pair in a narrower measure) into one unit per atom, joined without a gap, so the
// line may break inside it wherever it fills. The paragraph's first unit is measured
// against the first line's room.
func (c *composer) splitWide() {
	wide := false
	for k := range c.units {
		wide = wide || c.tooWide(c.units, k)
	}
	if !wide {
		return
	}
	old := c.units
	c.units = make([]unit, 0, len(c.atoms))
	for k := range old {
		if !c.tooWide(old, k) {
			c.units = append(c.units, old[k])
			continue
		}
		for i := old[k].a0; i < old[k].a1; i++ {
			u := unit{a0: i, a1: i + 1, kind: c.atoms[i].kind, inWord: i > old[k].a0, noBreak: c.atoms[i].noBreak, nbOff: c.atoms[i].nbOff}
			if i == old[k].a0 {
				u.space, u.spaceW, u.ideo, u.keep = old[k].space, old[k].spaceW, old[k].ideo, old[k].keep
				u.noBreak, u.nbOff = old[k].noBreak, old[k].nbOff
			}
			c.finish(&u)
			c.units = append(c.units, u)
		}
	}
}

// tooWide reports whether word unit k of units is wider than any line it could start,
// counting the half ems of an opening mark before it and a closing mark after it, which
// may not be parted from it by a line break.
func (c *composer) tooWide(units []unit, k int) bool {
	u := &units[k]
	room := c.opt.Width
	if k == 0 {
		room -= c.indent()
	}
	w, half := u.w, geom.Em(500, c.em)
	if k > 0 && units[k-1].noEnd {
		w += half
	}
	if k+1 < len(units) && !units[k+1].inWord && (units[k+1].nsStrict || units[k+1].nsBasic) {
		w += half
	}
	return u.a1-u.a0 > 1 && w > room
}
