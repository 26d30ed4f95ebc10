package lines

import "broadsheet/layout/geom"

// lookahead bounds how far 挤进 looks for the next allowed break.
const lookahead = 8

// breakLines breaks a justified paragraph by total fit (total.go); text set at natural
// width, and a paragraph total fit cannot set within the rules, greedily.
func (c *composer) breakLines() {
	if c.opt.Justify && c.totalFit() {
		return
	}
	c.greedy()
}

// greedy fills lines one at a time on the natural widths, resolving forbidden breaks by
// 挤进 then 推出, and then mends a one-character last line.
func (c *composer) greedy() {
	c.breaks = c.breaks[:0]
	for s := 0; s < len(c.units); {
		e := c.fit(s, c.avail(len(c.breaks) == 0))
		c.breaks = append(c.breaks, e)
		s = e
	}
	if c.opt.Justify {
		c.fixLastLine()
	}
}

// avail is the room for text on a line: the measure less the indent on the first line.
func (c *composer) avail(first bool) geom.Length {
	if first {
		return c.opt.Width - c.indent()
	}
	return c.opt.Width
}

// indent is the first line's indent; dropped when it would leave less than 1 em.
func (c *composer) indent() geom.Length {
	in := geom.Length(max(c.opt.Indent, 0)) * c.em
	if c.opt.Width-in < c.em {
		return 0
	}
	return in
}

// fit returns the end of the line that starts at unit s.
func (c *composer) fit(s int, avail geom.Length) int {
	n := len(c.units)
	e := s + 1
	for e < n && c.natural(s, e+1) <= avail {
		e++
	}
	if e == n || c.allowed(e) {
		return e
	}
	if e2 := c.nextAllowed(e); e2 > 0 && c.tight(s, e2) <= avail {
		return e2 // 挤进: compress the line's punctuation and take more
	}
	if e2 := c.prevAllowed(s, e); e2 > s {
		return e2 // 推出: push the last units to the next line
	}
	for k := e; k > s; k-- {
		if c.kinsoku(k) {
			return k // a word wider than the line: split it where the other rules allow
		}
	}
	return e // unavoidable: nothing on this line may end it
}

// allowed reports whether a line may break before unit k (0 < k < len(units)): the
// line-edge rules allow it, the caller has not forbidden it, and it is not a long
// run's last-resort break (unless that resort is taken).
func (c *composer) allowed(k int) bool {
	u := &c.units[k]
	return c.kinsoku(k) && !u.noBreak && (!u.soft || c.emergency)
}

// kinsoku reports whether the line-edge rules allow a break before unit k: inside a
// word cut for being wider than the measure too, but not before a mark such as ～ that
// may not start a line, nor after one that may not end it, nor at a no-break space.
func (c *composer) kinsoku(k int) bool {
	p, u := &c.units[k-1], &c.units[k]
	if p.noEnd || u.keep {
		return false
	}
	if c.opt.Strict {
		return !u.nsStrict
	}
	return !u.nsBasic
}

// wordSplits lists the breaks that fall where the caller forbade one.
func (c *composer) wordSplits() []WordSplit {
	var out []WordSplit
	for _, k := range c.breaks {
		if u := &c.units[min(k, len(c.units)-1)]; k < len(c.units) && u.noBreak {
			out = append(out, WordSplit{Span: int(c.atoms[u.a0].span), Offset: int(u.nbOff)})
		}
	}
	return out
}

// nextAllowed is the first break after e that is allowed (or the paragraph's end),
// within lookahead units; -1 if none.
func (c *composer) nextAllowed(e int) int {
	for k := e + 1; k <= len(c.units) && k <= e+lookahead; k++ {
		if k == len(c.units) || c.allowed(k) {
			return k
		}
	}
	return -1
}

// prevAllowed is the last allowed break before e that leaves the line [s, …) non-empty;
// s if none.
func (c *composer) prevAllowed(s, e int) int {
	for k := e - 1; k > s; k-- {
		if c.allowed(k) {
			return k
		}
	}
	return s
}

// tight is the narrowest units [s, e) can be set: natural width less all shrink.
func (c *composer) tight(s, e int) geom.Length {
	k := c.caps(s, e)
	w := c.natural(s, e)
	for _, v := range k.shrink {
		w -= v
	}
	return w
}

// fixLastLine keeps a justified paragraph's last line from holding fewer than two
// characters (punctuation not counted): first by taking it up into the line above if
// that line can be compressed to hold it, else by bringing a character down.
func (c *composer) fixLastLine() {
	nb := len(c.breaks)
	if nb < 2 {
		return
	}
	n, p := len(c.units), c.breaks[nb-2]
	if c.chars(p, n) >= 2 {
		return
	}
	q := 0
	if nb >= 3 {
		q = c.breaks[nb-3]
	}
	if c.tight(q, n) <= c.avail(q == 0) {
		c.breaks = append(c.breaks[:nb-2], n)
		return
	}
	c.pullDown(q, p, nb)
}

// pullDown moves the break at p (the start of the last line) back to the last allowed
// break that gives the last line two characters and still fits.
func (c *composer) pullDown(q, p, nb int) {
	n := len(c.units)
	for k := p - 1; k > q; k-- {
		if !c.allowed(k) || c.chars(k, n) < 2 {
			continue
		}
		if c.tight(k, n) <= c.avail(false) {
			c.breaks[nb-2] = k
		}
		return
	}
}

// chars counts the characters of units [s, e) that are not punctuation, stopping at 2.
func (c *composer) chars(s, e int) int {
	n := 0
	for k := s; k < e && n < 2; k++ {
		if u := &c.units[k]; u.kind != kMark && u.mark == 0 {
			n += int(u.a1 - u.a0)
		}
	}
	return n
}
