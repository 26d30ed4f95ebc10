package lines

import "broadsheet/layout/geom"

// Costs of a headline's line breaks, in square ems of slack: a break inside a run of
// Chinese characters may split a word (标题转行 wants the sense whole), so it must buy
// much evenness; a break between Chinese and Latin text, some.
const (
	breakInRun    = 30
	breakAtScript = 4
)

// balance re-breaks a paragraph set at natural width (a headline) into the number of
// lines the greedy fill needed, choosing among the allowed breaks those that make the
// lines most even and fall at phrase boundaries: at a space, after a closing or pause
// mark, before an opening mark. A small dynamic programme over the break positions.
func (c *composer) balance() {
	lines, n := len(c.breaks), len(c.units)
	if lines < 2 || n > 200 {
		return
	}
	best, from := newBalanceTable(lines, n)
	for l := 1; l <= lines; l++ {
		for e := 1; e <= n; e++ {
			if e == n || c.allowed(e) {
				c.bestLineTo(best, from, l, e)
			}
		}
	}
	if best[lines][n] == noWay {
		return
	}
	for l, e := lines, n; l > 0; l-- {
		c.breaks[l-1] = e
		e = from[l][e]
	}
}

// noWay marks a balance table entry no setting reaches.
const noWay = int64(1) << 62

// newBalanceTable returns best[l][k], the least cost of setting units [0, k) as l
// lines (noWay until found), and from[l][k], where the last of those lines starts.
func newBalanceTable(lines, n int) (best [][]int64, from [][]int) {
	best, from = make([][]int64, lines+1), make([][]int, lines+1)
	for l := range best {
		best[l], from[l] = make([]int64, n+1), make([]int, n+1)
		for k := range best[l] {
			best[l][k] = noWay
		}
	}
	best[0][0] = 0
	return best, from
}

// bestLineTo finds the best start for line l ending before unit e.
func (c *composer) bestLineTo(best [][]int64, from [][]int, l, e int) {
	for s := e - 1; s >= 0; s-- {
		if best[l-1][s] == noWay || (s > 0 && !c.allowed(s)) {
			continue
		}
		slack := c.avail(s == 0) - c.natural(s, e)
		if slack < 0 {
			break // longer lines only get wider
		}
		cost := best[l-1][s] + c.slackCost(slack) + c.breakCost(e)
		if e-s == 1 && len(c.units) > 1 {
			cost += breakInRun * 100 // a line of one word or number alone reads as a fragment
		}
		if cost < best[l][e] {
			best[l][e], from[l][e] = cost, s
		}
	}
}

// slackCost is the square of a line's slack in ems (in 1/100 em² steps).
func (c *composer) slackCost(slack geom.Length) int64 {
	if c.em == 0 {
		return 0
	}
	s := int64(slack) * 10 / int64(c.em)
	return s * s
}

// breakCost is what breaking before unit k costs: nothing at a phrase boundary.
func (c *composer) breakCost(k int) int64 {
	if k >= len(c.units) {
		return 0
	}
	p, u := &c.units[k-1], &c.units[k]
	switch {
	case u.space, u.bl > 0 && u.kind == kMark, p.br > 0 && p.kind == kMark:
		return 0
	case p.kind != u.kind:
		return breakAtScript * 100
	}
	return breakInRun * 100
}
