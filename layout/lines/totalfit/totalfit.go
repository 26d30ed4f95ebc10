// Package totalfit chooses all the line breaks of a justified paragraph together, as
// the shortest path through the allowed breaks (Knuth and Plass), so that the
// looseness a line cannot avoid is shared with its neighbours instead of landing on
// one line. A line's demerits follow clreq's order of adjustment: what the Latin word
// spaces and the Han–Latin gaps absorb costs little, compressed punctuation (挤进) a
// little more, and the even inter-character spacing that is left over (推出 makes it)
// costs its square.
//
// It sees a paragraph only as a row of Units, each priced in constant time from prefix
// sums; the line composer (package lines) builds them and sets the lines. It knows no
// characters, fonts or rules beyond what a Unit says.
package totalfit

import (
	"slices"

	"broadsheet/layout/geom"
)

// The costs, in square ems of spacing.
const (
	// shrinkWeight prices compressed punctuation per square em: ½ em of 挤进 costs as
	// much as 0.07 em of letter-spacing, so 挤进 is tried before 推出.
	shrinkWeight = 0.02
	// gapWeight prices the stretch of word spaces and Han–Latin gaps per square em.
	gapWeight = 0.05
	// lineWeight is what every line costs: of two settings equally even, the shorter.
	lineWeight = 0.0005
	// LooseSpread is where a reader begins to notice the spacing (in em); a line spread
	// wider costs loosePenalty on top, as much as 0.14 em more would: better two lines
	// at 0.09 em than one at 0.11.
	LooseSpread  = 0.10
	loosePenalty = 0.02
	// WideSpread is where letter-spacing reads as such (in em); a line spread wider
	// costs widePenalty on top, so there are as few as can be.
	WideSpread  = 0.25
	widePenalty = 10.0
	// MaxSpread is the widest even spacing (in em) worth setting at all.
	MaxSpread = 1.0
	// lastResortPenalty is the cost of a LastResort break (inside a URL or a long digit
	// string): cheaper only than a line spread beyond WideSpread.
	lastResortPenalty = 1.0
)

// Break tells whether a line may start at a unit.
type Break uint8

const (
	Never      Break = iota // a rule forbids it
	Allowed                 // a line may start here
	LastResort              // only with lastResortPenalty: a break inside a long run
)

// Unit is one unbreakable box of the paragraph with the joint before it. A line of
// units [s, e) is Σ Width wide at natural width, less Drop of unit s and End of e−1.
type Unit struct {
	Width geom.Length // the box and the joint before it, after the trims between adjacent marks
	Drop  geom.Length // what the line drops when it starts here: the joint before
	End   geom.Length // what the line trims when it ends here: the right blank
	Lead  geom.Length // the blank a line starting here may give up, all or nothing
	Inner geom.Length // shrink of its left blank and of the joint before it, inside a line
	Right geom.Length // shrink of its right blank when the line goes on after it
	Gaps  geom.Length // stretch of the joint before it below even spacing
	Even  bool        // the joint before it takes even spacing
	Chars int         // characters that count towards a last line's two (not punctuation)
	Break Break       // whether a line may start here
}

// edge is what the breaker keeps of a unit beyond the sums: what a line starting or
// ending at it drops.
type edge struct {
	drop, end, lead geom.Length
	brk             Break
}

// sum is a prefix sum over the units [0, k).
type sum struct {
	width, inner, right, gaps geom.Length
	joints, chars             int32
}

// Breaker holds one paragraph's units and the breaker's tables; keep one and reuse it.
type Breaker struct {
	// First and Rest are the room on the first line and on the others; Em is 1 em.
	First, Rest, Em geom.Length

	units    []edge
	sums     []sum     // sums[k] over units [0, k)
	best     []float64 // least demerits of the paragraph up to a break (when from is set)
	from     []int32   // where the best line to a break starts; −1: no way there yet
	maxEven  float64
	maxGap   geom.Length // maxEven em
	perEm    float64     // 1 / Em
	lastLine bool        // the line being priced is the paragraph's last
}

// Reset empties b for a new paragraph.
func (b *Breaker) Reset(first, rest, em geom.Length) {
	b.units, b.sums, b.First, b.Rest, b.Em = b.units[:0], append(b.sums[:0], sum{}), first, rest, em
}

// Add appends the paragraph's next unit.
func (b *Breaker) Add(u *Unit) {
	s := b.sums[len(b.sums)-1]
	s.width += u.Width
	s.inner += u.Inner
	s.right += u.Right
	s.gaps += u.Gaps
	s.chars += int32(u.Chars)
	if u.Even {
		s.joints++
	}
	b.units, b.sums = append(b.units, edge{u.Drop, u.End, u.Lead, u.Break}), append(b.sums, s)
}

// Lines returns the end unit of each line of the least total demerits among the
// settings whose lines are spread by at most maxEven em and keep every rule, appended
// to breaks[:0]; ok=false when there is none.
func (b *Breaker) Lines(maxEven float64, breaks []int) (_ []int, ok bool) {
	n := len(b.units)
	if n == 0 || b.Em <= 0 {
		return breaks, false
	}
	b.maxEven, b.perEm = maxEven, 1/float64(b.Em)
	b.maxGap = geom.Length(maxEven * float64(b.Em))
	b.best, b.from = slices.Grow(b.best[:0], n+1)[:n+1], slices.Grow(b.from[:0], n+1)[:n+1]
	for i := range b.from {
		b.from[i] = -1
	}
	b.best[0] = 0
	fill := 0 // the first start from which the line to e fits at natural width
	for e := 1; e <= n; e++ {
		for fill < e && b.natural(fill, e) > b.room(fill) {
			fill++
		}
		if e == n || b.units[e].brk != Never {
			b.bestLine(fill, e)
		}
	}
	if b.from[n] < 0 {
		return breaks, false
	}
	breaks = breaks[:0]
	for e := n; e > 0; e = int(b.from[e]) {
		breaks = append(breaks, e)
	}
	for i, j := 0, len(breaks)-1; i < j; i, j = i+1, j-1 {
		breaks[i], breaks[j] = breaks[j], breaks[i]
	}
	return breaks, true
}

func (b *Breaker) room(s int) geom.Length {
	if s == 0 {
		return b.First
	}
	return b.Rest
}

// natural is the width of units [s, e) as a line with nothing adjusted.
func (b *Breaker) natural(s, e int) geom.Length {
	return b.sums[e].width - b.sums[s].width - b.units[s].drop - b.units[e-1].end
}

// bestLine finds the best line ending before unit e (or at the paragraph's end), trying
// the starts from fill on (looser lines, until too loose) and before it (lines that
// shrink, until too tight).
func (b *Breaker) bestLine(fill, e int) {
	b.lastLine = e == len(b.units)
	for s := fill; s < e && b.try(s, e); s++ {
	}
	for s := fill - 1; s >= 0 && b.try(s, e); s-- {
	}
}

// try records the line [s, e) if it makes a better way to e; false when it is too
// loose or too tight, and so are all the lines further from fill.
func (b *Breaker) try(s, e int) bool {
	d, ok := b.demerits(s, e)
	if !ok {
		return false
	}
	if s > 0 && (b.from[s] < 0 || (b.lastLine && b.sums[e].chars-b.sums[s].chars < 2)) {
		return true // no way to s; or 一字不成行: a last line holds two characters
	}
	if !b.lastLine && b.units[e].brk == LastResort {
		d += lastResortPenalty
	}
	if total := b.best[s] + d; b.from[e] < 0 || total < b.best[e] {
		b.best[e], b.from[e] = total, int32(s)
	}
	return true
}

// demerits prices units [s, e) as one line, the way the composer will set it: shrink
// until nothing is left to give (the lead blank all or nothing), or stretch; ok=false
// when the line is too tight or too loose.
func (b *Breaker) demerits(s, e int) (float64, bool) {
	room, nat := b.room(s), b.natural(s, e)
	cost := lineWeight
	if nat > room {
		lead := b.units[s].lead
		need, all := nat-room, lead+b.sums[e].inner-b.sums[s+1].inner+b.sums[e-1].right-b.sums[s].right
		if need > all {
			return 0, false
		}
		if need <= all-lead || lead == 0 {
			return cost + b.shrinkCost(need), true
		}
		cost += b.shrinkCost(lead)
		if nat -= lead; nat >= room {
			return cost + b.shrinkCost(nat-room), true
		}
	} else if b.lastLine {
		return cost, true
	}
	return b.stretched(s, e, room-nat, cost)
}

// shrinkCost prices compressing a line's punctuation and spaces by x.
func (b *Breaker) shrinkCost(x geom.Length) float64 {
	f := float64(x) * b.perEm
	return shrinkWeight * f * f
}

// stretched adds to cost the price of stretching units [s, e) by d: the word spaces and
// Han–Latin gaps first, then even spacing.
func (b *Breaker) stretched(s, e int, d geom.Length, cost float64) (float64, bool) {
	gaps := min(d, b.sums[e].gaps-b.sums[s+1].gaps)
	g := float64(gaps) * b.perEm
	cost += gapWeight * g * g
	if d == gaps {
		return cost, true
	}
	joints := b.sums[e].joints - b.sums[s+1].joints
	if joints == 0 || d-gaps > b.maxGap*geom.Length(joints) {
		return 0, false
	}
	even := float64(d-gaps) * b.perEm / float64(joints)
	cost += even * even
	if even > LooseSpread {
		cost += loosePenalty
	}
	if even > WideSpread {
		cost += widePenalty
	}
	return cost, true
}
