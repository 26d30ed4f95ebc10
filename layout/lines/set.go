package lines

import (
	"math/bits"

	"broadsheet/layout/geom"
	"broadsheet/layout/lines/clreq"
)

// caps is how much a line can shrink and stretch, by level.
type caps struct {
	shrink  [clreq.ShrinkLevels]geom.Length
	stretch [clreq.StretchLevels]geom.Length
	joints  int
}

// caps sums the shrink and stretch of units [s, e) set as one line. setLine walks the
// line in the same way, so the two always agree.
func (c *composer) caps(s, e int) caps {
	var k caps
	for i := s; i < e; i++ {
		u := &c.units[i]
		if i == s {
			k.shrink[clreq.ShrinkLineStart] += u.bl
		} else {
			k.shrink[u.level] += u.bl - u.trimL
			k.shrink[clreq.ShrinkSpace] += u.jshrink
			k.stretch[clreq.StretchSpace] += u.jst1
			k.stretch[clreq.StretchHanLat] += u.jst2
			if !u.inWord {
				k.joints++
			}
		}
		if i != e-1 {
			k.shrink[u.level] += u.br - u.trimR
		}
	}
	k.shrink[clreq.ShrinkNone] = 0
	k.stretch[clreq.StretchEven] = 0
	return k
}

// share hands out take in proportion to the capacities offered, in order, exactly.
type share struct{ take, total, cum, given geom.Length }

// next returns the part of take for one more element of capacity v.
func (d *share) next(v geom.Length) geom.Length {
	if d.take == 0 || v == 0 {
		return 0
	}
	d.cum += v
	want := d.cum
	if d.take != d.total {
		hi, lo := bits.Mul64(uint64(d.take), uint64(d.cum))
		q, _ := bits.Div64(hi, lo, uint64(d.total))
		want = geom.Length(q)
	}
	s := want - d.given
	d.given = want
	return s
}

// plan is how one line is adjusted: per-level shares and the even spacing.
type plan struct {
	shrink  [clreq.ShrinkLevels]share
	stretch [clreq.StretchLevels - 1]share // levels below clreq.StretchEven
	even    geom.Length                    // added to every joint
	rest    geom.Length                    // the remainder of even spacing, added at joint restAt
	restAt  int
}

// plan decides how units [s, e) are brought from their natural width to target.
func (c *composer) plan(s, e int, target geom.Length) plan {
	var p plan
	k := c.caps(s, e)
	d := c.natural(s, e) - target
	rest := geom.Length(0)
	for l := clreq.ShrinkLineStart + 1; l < clreq.ShrinkLevels; l++ {
		rest += k.shrink[l]
	}
	if ls := k.shrink[clreq.ShrinkLineStart]; d > rest && ls > 0 {
		// An opening mark at line start loses its whole blank half or none of it: the
		// line starts flush or ½ em out, never in between; the rest is stretch.
		p.shrink[clreq.ShrinkLineStart] = share{take: ls, total: ls}
		d -= ls
	}
	for l := clreq.ShrinkLineStart + 1; l < clreq.ShrinkLevels && d > 0; l++ {
		t := min(d, k.shrink[l])
		p.shrink[l] = share{take: t, total: k.shrink[l]}
		d -= t
	}
	for l := 1; l < clreq.StretchEven && d < 0; l++ {
		t := min(-d, k.stretch[l])
		p.stretch[l] = share{take: t, total: k.stretch[l]}
		d += t
	}
	if d < 0 && k.joints > 0 {
		p.even = -d / geom.Length(k.joints)
		p.rest = -d - p.even*geom.Length(k.joints)
		p.restAt = c.restJoint(s, e)
	}
	return p
}

// restJoint picks the joint that takes the remainder of even spacing: the last one that
// already separates runs (a space or a Han–Latin boundary), else the last one.
func (c *composer) restJoint(s, e int) int {
	for i := e - 1; i > s; i-- {
		if u := &c.units[i]; u.inWord {
			continue
		} else if u.space || (u.kind == kLatin) != (c.units[i-1].kind == kLatin) {
			return i
		}
	}
	for i := e - 1; i > s; i-- {
		if !c.units[i].inWord {
			return i
		}
	}
	return -1
}

// jointGap is the gap before unit i on an adjusted line.
func (p *plan) jointGap(u *unit, i int) geom.Length {
	if u.inWord {
		return 0 // never space out a word
	}
	g := u.glue + p.stretch[clreq.StretchSpace].next(u.jst1) + p.stretch[clreq.StretchHanLat].next(u.jst2) + p.even
	if i == p.restAt {
		g += p.rest
	}
	return g - p.shrink[clreq.ShrinkSpace].next(u.jshrink)
}

// setLines turns the breaks into lines of runs.
func (c *composer) setLines() Paragraph {
	par := Paragraph{Missing: c.miss, Lines: make([]Line, len(c.breaks))}
	runs := make([]Run, 0, len(c.units)/4+len(c.breaks))
	s := 0
	for li, e := range c.breaks {
		last := li == len(c.breaks)-1
		x0 := geom.Length(0)
		if li == 0 {
			x0 = c.indent()
		}
		n0 := len(runs)
		var w geom.Length
		runs, w = c.setLine(runs, s, e, x0, c.target(s, e, li == 0, last))
		par.Lines[li] = Line{Runs: runs[n0:len(runs):len(runs)], Width: w, Last: last}
		if s < e {
			a := &c.atoms[c.units[s].a0]
			par.Lines[li].Span, par.Lines[li].Offset = int(a.span), int(a.off)
		}
		s = e
	}
	return par
}

// target is the width a line is set to: the room on the line when it is justified and
// not last, or when its natural width exceeds the room; else its natural width.
func (c *composer) target(s, e int, first, last bool) geom.Length {
	room, nat := c.avail(first), c.natural(s, e)
	if nat > room || (c.opt.Justify && !last) {
		return room
	}
	return nat
}

// setLine places units [s, e) from x, adjusted to width target, and appends their runs.
// It returns the runs and the line's set width.
func (c *composer) setLine(runs []Run, s, e int, x, target geom.Length) ([]Run, geom.Length) {
	p := c.plan(s, e, target)
	c.glyphs = c.glyphs[:0]
	for i := s; i < e; i++ {
		u := &c.units[i]
		var tl, tr geom.Length
		if i == s {
			tl = p.shrink[clreq.ShrinkLineStart].next(u.bl)
		} else {
			x += p.jointGap(u, i)
			tl = u.trimL + p.shrink[u.level].next(u.bl-u.trimL)
		}
		if i == e-1 {
			tr = u.br
		} else {
			tr = u.trimR + p.shrink[u.level].next(u.br-u.trimR)
		}
		c.place(u, i, x-tl)
		x += u.w - tl - tr
	}
	return c.runs(runs), x
}
