package totalfit

import (
	"slices"
	"testing"

	"broadsheet/layout/geom"
)

const em = 9 * geom.Point

// han is n Han characters of 1 em, each joint taking even spacing, every break allowed.
func han(n int) []Unit {
	us := make([]Unit, n)
	for i := range us {
		us[i] = Unit{Width: em, Even: true, Chars: 1, Break: Allowed}
	}
	return us
}

func breaker(units []Unit, first, rest int) *Breaker {
	b := &Breaker{}
	b.Reset(geom.Length(first)*em, geom.Length(rest)*em, em)
	for _, u := range units {
		b.Add(&u)
	}
	return b
}

// Full lines and a short last line: nothing to share out.
func TestFullLines(t *testing.T) {
	got, ok := breaker(han(12), 5, 5).Lines(WideSpread, nil)
	if !ok || !slices.Equal(got, []int{5, 10, 12}) {
		t.Errorf("breaks %v %v", got, ok)
	}
}

// A unit that may not start a line makes one line short; the looseness is shared
// with the line before instead of landing on one.
func TestShared(t *testing.T) {
	us := han(14)
	us[10].Break = Never // a mark that may not start a line
	us[5].Break = Never
	got, ok := breaker(us, 5, 5).Lines(MaxSpread, nil)
	if !ok || !slices.Equal(got, []int{4, 9, 14}) && !slices.Equal(got, []int{4, 8, 12, 14}) {
		t.Errorf("breaks %v %v", got, ok)
	}
}

// A last line holds two characters; a paragraph that cannot keep the rules within
// maxEven has no setting.
func TestLastLineAndNoWay(t *testing.T) {
	got, ok := breaker(han(11), 5, 5).Lines(MaxSpread, nil)
	if !ok || got[len(got)-1]-got[len(got)-2] < 2 {
		t.Errorf("breaks %v %v: a last line of one character", got, ok)
	}
	us := han(6)
	for i := range us {
		us[i].Break = Never
	}
	if got, ok := breaker(us, 5, 5).Lines(MaxSpread, nil); ok {
		t.Errorf("breaks %v for a paragraph that cannot break", got)
	}
}

// A last-resort break is taken only when every other setting spreads a line beyond
// WideSpread.
func TestLastResort(t *testing.T) {
	us := han(10)
	us[5].Break = LastResort // lines of 4 would be spread by ⅓ em
	for _, maxEven := range []float64{WideSpread, MaxSpread} {
		if got, ok := breaker(us, 5, 5).Lines(maxEven, nil); !ok || !slices.Equal(got, []int{5, 10}) {
			t.Errorf("max %.2f: breaks %v %v, want the last resort taken", maxEven, got, ok)
		}
	}
	us[5].Break, us[3].Break = Allowed, LastResort
	if got, _ := breaker(us, 5, 5).Lines(MaxSpread, nil); slices.Contains(got, 3) {
		t.Errorf("breaks %v: the last resort taken with no need", got)
	}
}

// Shrink is priced below the stretch it saves: a line that can take one more unit by
// compressing ½ em takes it (挤进 before 推出).
func TestShrinkBeforeStretch(t *testing.T) {
	us := han(8)
	for i := range us {
		us[i].Right = em / 2 // every unit a comma that may lose its blank half
	}
	got, ok := breaker(us, 5, 5).Lines(MaxSpread, nil)
	if !ok || got[0] < 5 {
		t.Errorf("breaks %v %v", got, ok)
	}
}
