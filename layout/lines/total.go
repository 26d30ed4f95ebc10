package lines

import (
	"broadsheet/layout/lines/clreq"

	"broadsheet/layout/lines/totalfit"
)

// totalFit breaks a justified paragraph by total fit and reports whether it found a
// setting within the rules. It first looks for one with no line spread beyond
// totalfit.WideSpread; failing that, it cuts long runs (the last resort) and looks
// again; failing that, it allows spreads up to totalfit.MaxSpread. Failing that too,
// the caller sets the paragraph greedily.
func (c *composer) totalFit() bool {
	if c.em <= 0 || len(c.units) == 0 {
		return false
	}
	if c.fitLines(totalfit.WideSpread) {
		return true
	}
	if c.splitLong() {
		c.emergency = true
		c.prepare()
		if c.fitLines(totalfit.WideSpread) {
			return true
		}
	}
	return c.fitLines(totalfit.MaxSpread)
}

// fitLines hands the units to the breaker and takes its breaks.
func (c *composer) fitLines(maxEven float64) bool {
	b := &c.breaker
	b.Reset(c.avail(true), c.avail(false), c.em)
	for k := range c.units {
		u := c.fitUnit(k)
		b.Add(&u)
	}
	breaks, ok := b.Lines(maxEven, c.breaks)
	if ok {
		c.breaks = breaks
	}
	return ok
}

// fitUnit is unit k as the breaker sees it; caps and setLine agree with it.
func (c *composer) fitUnit(k int) totalfit.Unit {
	u := &c.units[k]
	drop := u.glue - u.trimL - c.prevTrimR(k)
	f := totalfit.Unit{Width: u.w + drop, Drop: drop, End: u.br, Lead: u.bl, Inner: u.jshrink,
		Gaps: u.jst1 + u.jst2, Even: !u.inWord, Chars: c.chars(k, k+1)}
	if u.level != clreq.ShrinkNone {
		f.Inner += u.bl - u.trimL
		f.Right = u.br - u.trimR
	}
	switch {
	case k == 0 || !c.allowed(k):
	case u.soft:
		f.Break = totalfit.LastResort
	default:
		f.Break = totalfit.Allowed
	}
	return f
}
