package fit

import (
	"testing"

	"broadsheet/layout/grid"
	"broadsheet/layout/plan"
	"broadsheet/layout/style"
)

// A short story spread wider than its body needs in legs of MinDepth lines pays for
// every body cell of the extra columns, above the white it would leave narrower; at the
// width its body needs, or in a 豆腐块 of StripCols columns, it pays nothing.
func TestStripCostPricesTheWidthAShortBodyDoesNotNeed(t *testing.T) {
	a := article(t, 6)
	c := a.costs
	need := len(a.S.Body)
	if need >= c.StripBody {
		t.Fatalf("the story has %d body lines, want a short one (under %d)", need, c.StripBody)
	}
	most := max(c.StripCols, need/c.MinDepth)
	for w := 1; w <= most; w++ {
		if got := a.stripCost(&Fitting{Columns: w, Lines: 30}, need, 20); got != 0 {
			t.Errorf("%d lines in %d columns cost %d as a strip, want 0 (at most %d columns need no price)", need, w, got, most)
		}
	}
	for w := most + 1; w <= 8; w++ {
		b := ceilDiv(need, w)
		if got, white := a.stripCost(&Fitting{Columns: w}, need, b), int64((w-most)*b)*(c.Hole+c.DeepHole); got <= white {
			t.Errorf("%d lines in %d columns of %d lines cost %d as a strip, want more than the %d its white would", need, w, b, got, white)
		}
	}
	long := *a
	long.costs = &style.Costs{Strip: c.Strip, StripBody: need, StripCols: c.StripCols, MinDepth: c.MinDepth}
	if got := long.stripCost(&Fitting{Columns: 8}, need, 3); got != 0 {
		t.Errorf("a story of StripBody lines or more, not the lead, costs %d as a strip, want 0", got)
	}
}

// The band a page short of copy keeps may be half the type area wide, not narrower,
// and each of its cells costs less than a cell of white at a column foot, so that the
// white gathers there; it is flagged once.
func TestReserveCostTakesHalfTheWidthAndUndercutsFeet(t *testing.T) {
	c := style.Default().Costs
	g := grid.Grid{Columns: 8, Lines: 100}
	if got := ReserveCost(g, &c, 3, 10); got != plan.Infinite {
		t.Errorf("a band 3 of 8 columns wide costs %d, want it refused", got)
	}
	a := &Article{costs: &c}
	for _, w := range []int{4, 8} {
		band := ReserveCost(g, &c, w, 20)
		feet := int64(w) * (20*c.Hole + a.foot(20))
		if band >= feet || band <= int64(w*20)*c.Hole {
			t.Errorf("a band %d × 20 costs %d, want between its cells as shallow holes and the %d of %d deep feet", w, band, feet, w)
		}
	}
}
