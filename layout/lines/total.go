package lines

import (
	"math"

	"broadsheet/layout/geom"
)

// Total fit: a justified paragraph's breaks are chosen all together, as the shortest
// path through the allowed breaks (Knuth and Plass), so that the looseness a line
// cannot avoid is shared with its neighbours instead of landing on one line. A line's
// demerits follow clreq's order of adjustment: what the Latin word spaces and the
// Han–Latin gaps absorb costs little, compressed punctuation (挤进) a little more, and
// the even inter-character spacing that is left over (推出 makes it) costs its square.
const (
	// shrinkWeight prices compressed punctuation per square em: ½ em of 挤进 costs as
	// much as 0.07 em of letter-spacing, so 挤进 is tried before 推出.
	shrinkWeight = 0.02
	// gapWeight prices the stretch of word spaces and Han–Latin gaps per square em.
	gapWeight = 0.05
	// lineWeight is what every line costs: of two settings equally even, the shorter.
	lineWeight = 0.0005
	// wideSpread is where letter-spacing starts to read as such (in em). The breaker
	// first looks for a setting with no line spread wider; failing that, it cuts long
	// runs (the last resort) and looks again; failing that, it allows spreads up to
	// maxSpread, each such line costing spreadPenalty on top so that there are as few
	// as can be; failing that, the paragraph is set greedily.
	wideSpread    = 0.25
	maxSpread     = 1.0
	spreadPenalty = 10.0
	// looseSpread is where a reader begins to notice the spacing (in em); a line spread
	// wider costs loosePenalty on top, as much as 0.14 em more would: better two lines
	// at 0.09 em than one at 0.11.
	looseSpread  = 0.10
	loosePenalty = 0.02
	// splitPenalty is the cost of breaking a long unbreakable run (a URL, an e-mail
	// address, a long digit string) after one of its separators: the last resort,
	// cheaper only than a line spread beyond wideSpread.
	splitPenalty = 1.0
)

// sum is a prefix sum over the units [0, k) of what prices a line in constant time.
type sum struct {
	inner   geom.Length // shrink of a unit inside a line: its left blank after the joint's trim, and the joint's
	right   geom.Length // shrink of a unit's right blank after the joint's trim, when a line goes on after it
	stretch geom.Length // stretch of the joint before a unit at levels below stretchEven
	joints  int32       // joints that take even spacing
}

// sumUp fills c.sums; caps gives the same figures by walking a line.
func (c *composer) sumUp() {
	c.sums = append(c.sums[:0], sum{})
	for k := range c.units {
		u, s := &c.units[k], c.sums[k]
		if u.level != shrinkNone {
			s.inner += u.bl - u.trimL
			s.right += u.br - u.trimR
		}
		s.inner += u.jshrink
		s.stretch += u.jst1 + u.jst2
		if !u.inWord {
			s.joints++
		}
		c.sums = append(c.sums, s)
	}
}

// shrinkOf is how much units [s, e) set as one line may shrink in all.
func (c *composer) shrinkOf(s, e int) geom.Length {
	a := c.sums
	return c.units[s].bl + a[e].inner - a[s+1].inner + a[e-1].right - a[s].right
}

// stretchOf is how much the joints of units [s, e) may stretch below even spacing, and
// how many joints take even spacing.
func (c *composer) stretchOf(s, e int) (geom.Length, int) {
	a := c.sums
	return a[e].stretch - a[s+1].stretch, int(a[e].joints - a[s+1].joints)
}

// fitness is what the breaker learns of one candidate line.
type fitness uint8

const (
	fits     fitness = iota
	tooLoose         // spread beyond maxSpread, or cannot be spread
	tooTight         // wider than the room even with all shrink
)

// demerits prices units [s, e) as one line of the paragraph (the last when last), the
// way plan will set it.
func (c *composer) demerits(s, e int, last bool) (float64, fitness) {
	room, nat := c.avail(s == 0), c.natural(s, e)
	cost := lineWeight
	if nat > room {
		need, all := nat-room, c.shrinkOf(s, e)
		if need > all {
			return 0, tooTight
		}
		ls := c.units[s].bl // an opening mark at line start: all or nothing
		if need <= all-ls || ls == 0 {
			return cost + c.shrinkCost(need), fits
		}
		cost += c.shrinkCost(ls)
		if nat -= ls; nat >= room {
			return cost + c.shrinkCost(nat-room), fits
		}
	} else if last {
		return cost, fits
	}
	return c.stretched(s, e, room-nat, cost)
}

// shrinkCost prices compressing a line's punctuation and spaces by x.
func (c *composer) shrinkCost(x geom.Length) float64 {
	f := float64(x) / float64(c.em)
	return shrinkWeight * f * f
}

// stretched adds to cost the price of stretching units [s, e) by d: the word spaces and
// Han–Latin gaps first, then even spacing.
func (c *composer) stretched(s, e int, d geom.Length, cost float64) (float64, fitness) {
	em := float64(c.em)
	st, joints := c.stretchOf(s, e)
	gaps := min(d, st)
	g := float64(gaps) / em
	cost += gapWeight * g * g
	if d == gaps {
		return cost, fits
	}
	if joints == 0 {
		return 0, tooLoose
	}
	even := float64(d-gaps) / em / float64(joints)
	if even > c.maxEven {
		return 0, tooLoose
	}
	cost += even * even
	if even > looseSpread {
		cost += loosePenalty
	}
	if even > wideSpread {
		cost += spreadPenalty
	}
	return cost, fits
}

// totalFit breaks a justified paragraph by total fit and reports whether it found a
// setting within the rules (see wideSpread for the order of its tries).
func (c *composer) totalFit() bool {
	if c.em <= 0 || len(c.units) == 0 {
		return false
	}
	c.maxEven = wideSpread
	if c.shortestPath() {
		return true
	}
	if c.splitLong() {
		c.emergency = true
		c.prepare()
		if c.shortestPath() {
			return true
		}
	}
	c.maxEven = maxSpread
	return c.shortestPath()
}

// shortestPath finds the breaks of least total demerits into c.breaks; false when no
// setting keeps every line within the rules.
func (c *composer) shortestPath() bool {
	n := len(c.units)
	c.best, c.from = c.best[:0], c.from[:0]
	for range n + 1 {
		c.best, c.from = append(c.best, math.Inf(1)), append(c.from, -1)
	}
	c.best[0] = 0
	fill := 0 // the first start from which the line to e fits at natural width
	for e := 1; e <= n; e++ {
		for fill < e && c.natural(fill, e) > c.avail(fill == 0) {
			fill++
		}
		if e < n && !c.allowed(e) {
			continue
		}
		c.bestLine(fill, e)
	}
	if c.from[n] < 0 {
		return false
	}
	c.breaks = c.breaks[:0]
	for e := n; e > 0; e = int(c.from[e]) {
		c.breaks = append(c.breaks, e)
	}
	for i, j := 0, len(c.breaks)-1; i < j; i, j = i+1, j-1 {
		c.breaks[i], c.breaks[j] = c.breaks[j], c.breaks[i]
	}
	return true
}

// bestLine finds the best line ending before unit e (or at the paragraph's end), trying
// the starts from fill on (looser lines, until too loose) and before it (lines that
// shrink, until too tight).
func (c *composer) bestLine(fill, e int) {
	for s := fill; s < e && c.try(s, e); s++ {
	}
	for s := fill - 1; s >= 0 && c.try(s, e); s-- {
	}
}

// try records the line [s, e) if it makes a better way to e; false when it is too
// loose or too tight, and so are all the lines further from fill.
func (c *composer) try(s, e int) bool {
	n := len(c.units)
	last := e == n
	d, f := c.demerits(s, e, last)
	if f != fits {
		return false
	}
	if math.IsInf(c.best[s], 1) || (last && s > 0 && c.chars(s, n) < 2) {
		return true // no way to s; or 一字不成行: a last line holds two characters
	}
	if !last && c.units[e].soft {
		d += splitPenalty
	}
	if total := c.best[s] + d; total < c.best[e] {
		c.best[e], c.from[e] = total, int32(s)
	}
	return true
}
