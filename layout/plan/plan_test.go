package plan

import (
	"broadsheet/layout/geom"

	"errors"
	"math/rand"
	"testing"
)

// area is a fake article that wants a given number of grid cells and at least minW
// columns: it costs its empty cells, and a lot per missing cell.
type area struct{ cells, minW int }

func fakeProblem(cols, lines int, arts []area) Problem {
	return Problem{
		Columns: cols, Lines: lines, Items: len(arts), Gap: 1,
		Cost: func(i, w, h int) int64 {
			a := arts[i]
			if w < a.minW {
				return 1 << 40
			}
			if have := w * h; have < a.cells {
				return int64(a.cells-have) * 1000
			} else {
				return int64(have - a.cells)
			}
		},
		Empty: func(w, h int) int64 { return int64(w * h) },
	}
}

func checkTiling(t *testing.T, p Problem, s Solution) {
	t.Helper()
	all := append(append([]geom.Cells{}, p.Pins...), s.Modules...)
	cells := 0
	for i, m := range all {
		if i >= len(p.Pins) && m == (geom.Cells{}) {
			continue // not placed: the grid is too small for every article
		}
		if m.Empty() || m.Column < 0 || m.Line < 0 || m.Right() > p.Columns || m.Bottom() > p.Lines {
			t.Fatalf("module %d %+v leaves the %d×%d grid", i, m, p.Columns, p.Lines)
		}
		for j, o := range all[:i] {
			if m.Overlaps(o) {
				t.Fatalf("module %d %+v overlaps module %d %+v", i, m, j, o)
			}
		}
		cells += m.Columns * m.Lines
	}
	for _, e := range s.Empty {
		cells += e.Columns * e.Lines
		for j, o := range all {
			if e.Overlaps(o) {
				t.Fatalf("empty %+v overlaps module %d %+v", e, j, o)
			}
		}
	}
	if cells > p.Columns*p.Lines {
		t.Fatalf("modules hold %d cells of %d", cells, p.Columns*p.Lines)
	}
}

func TestExactFitTilesThePage(t *testing.T) {
	// 8 × 21 grid with a gap line: lead 8×10 on top, then two 4×10 side by side.
	p := fakeProblem(8, 21, []area{{80, 8}, {40, 1}, {40, 1}})
	s, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	checkTiling(t, p, s)
	if s.Cost != 0 {
		t.Errorf("cost %d, want 0: %+v", s.Cost, s.Modules)
	}
	if s.Modules[0] != (cells(0, 0, 8, 10)) {
		t.Errorf("lead at %+v, want the top band", s.Modules[0])
	}
}

func TestLeadIsTopLeft(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 1; n <= 12; n++ {
		arts := make([]area, n)
		for i := range arts {
			arts[i] = area{20 + r.Intn(200), 1}
		}
		p := fakeProblem(8, 60, arts)
		s, err := Solve(p)
		if err != nil {
			t.Fatal(err)
		}
		checkTiling(t, p, s)
		if m := s.Modules[0]; m.Column != 0 || m.Line != 0 {
			t.Errorf("%d articles: lead at %+v", n, m)
		}
	}
}

func TestPinsAreKeptAndAvoided(t *testing.T) {
	p := fakeProblem(8, 40, []area{{120, 1}, {60, 1}, {60, 1}})
	p.Pins = []geom.Cells{cells(5, 25, 3, 15)}
	s, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	checkTiling(t, p, s)
}

func TestBadPins(t *testing.T) {
	cases := map[string][]geom.Cells{
		"outside":  {cells(8, 0, 4, 10)},
		"overlap":  {cells(0, 0, 4, 10), cells(3, 5, 2, 10)},
		"pinwheel": {cells(0, 0, 6, 10), cells(6, 0, 4, 16), cells(4, 16, 6, 10), cells(0, 10, 4, 16)},
	}
	for name, pins := range cases {
		p := fakeProblem(10, 26, []area{{10, 1}})
		p.Pins = pins
		if _, err := Solve(p); !errors.Is(err, ErrPins) {
			t.Errorf("%s: err = %v, want a pin error", name, err)
		}
	}
}

func FuzzSolve(f *testing.F) {
	f.Add(int64(1), uint8(5), uint8(8), uint8(60), false)
	f.Add(int64(7), uint8(12), uint8(6), uint8(90), true)
	f.Fuzz(func(t *testing.T, seed int64, n, cols, lines uint8, pin bool) {
		c, l, k := 1+int(cols)%12, 3+int(lines)%120, 1+int(n)%12
		r := rand.New(rand.NewSource(seed))
		arts := make([]area, k)
		for i := range arts {
			arts[i] = area{1 + r.Intn(c*l/k+1), 1 + r.Intn(c)}
		}
		p := fakeProblem(c, l, arts)
		if pin && c > 1 && l > 4 {
			p.Pins = []geom.Cells{cells(r.Intn(c), r.Intn(l-1), 1, 1+r.Intn(2))}
		}
		s, err := Solve(p)
		if err != nil {
			t.Fatalf("one pin inside the grid cannot fail: %v", err) // a single pin neither overlaps nor fences
		}
		checkTiling(t, p, s)
	})
}

func BenchmarkSolve12(b *testing.B) {
	r := rand.New(rand.NewSource(3))
	arts := make([]area, 12)
	for i := range arts {
		arts[i] = area{30 + r.Intn(100), 1}
	}
	p := fakeProblem(8, 103, arts)
	for i := 0; i < b.N; i++ {
		if _, err := Solve(p); err != nil {
			b.Fatal(err)
		}
	}
}

// A free strip beside a column of pins stays whole: cutting across first would split
// it in two at the pins' gap line.
func TestFreeStripBesidePins(t *testing.T) {
	p := fakeProblem(8, 103, []area{{4 * 103, 4}})
	p.Pins = []geom.Cells{cells(0, 0, 4, 50), cells(0, 51, 4, 52)}
	s, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := (cells(4, 0, 4, 103)); s.Modules[0] != want {
		t.Errorf("module %+v, want %+v", s.Modules[0], want)
	}
}

func TestPinsNeedAGapLine(t *testing.T) {
	p := fakeProblem(8, 40, []area{{10, 1}})
	p.Pins = []geom.Cells{cells(0, 0, 4, 10), cells(2, 10, 4, 10)}
	_, err := Solve(p)
	var pe *PinError
	if !errors.As(err, &pe) || pe.Kind != PinNoGap || pe.Pin != 1 || pe.Other != 0 {
		t.Errorf("err = %v, want the second pin reported for no gap line", err)
	}
}

// BenchmarkSolveLarge: 16 articles on a grid of 20 columns × 200 lines.
func BenchmarkSolveLarge(b *testing.B) {
	r := rand.New(rand.NewSource(3))
	arts := make([]area, 16)
	for i := range arts {
		arts[i] = area{100 + r.Intn(400), 1}
	}
	p := fakeProblem(20, 200, arts)
	for b.Loop() {
		if _, err := Solve(p); err != nil {
			b.Fatal(err)
		}
	}
}

// A page short of copy keeps what its articles cannot use in one band across the
// foot, when a band costs less than holes in the modules: the articles' modules fit
// their text, and the band is reported empty.
func TestReserveTakesTheShortfall(t *testing.T) {
	p := fakeProblem(8, 40, []area{{80, 8}, {80, 8}})
	p.Cost = func(i, w, h int) int64 { // a cell short is dear, a cell over costs 3
		if w < 8 {
			return Infinite
		}
		if have := w * h; have < 80 {
			return int64(80-have) * 1000
		} else {
			return int64(have-80) * 3
		}
	}
	p.Reserve = func(w, h int) int64 {
		if w < p.Columns {
			return Infinite
		}
		return int64(w * h)
	}
	s, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	checkTiling(t, p, s)
	want := []geom.Cells{cells(0, 0, 8, 10), cells(0, 11, 8, 10)}
	for i, m := range s.Modules {
		if m != want[i] {
			t.Errorf("module %d %+v, want %+v", i, m, want[i])
		}
	}
	band := cells(0, 22, 8, 18)
	if s.Reserved != band || len(s.Empty) != 1 || s.Empty[0] != band {
		t.Errorf("reserved %+v, empty %+v; want the band %+v at the foot", s.Reserved, s.Empty, band)
	}
	if s.Cost != 8*18 {
		t.Errorf("cost %d, want %d (the band's cells)", s.Cost, 8*18)
	}
}

// Where holes in the modules cost less than the band, no band is kept.
func TestNoReserveWhenHolesAreCheaper(t *testing.T) {
	p := fakeProblem(8, 40, []area{{80, 8}, {80, 8}})
	p.Reserve = func(w, h int) int64 { return int64(w*h) * 5 }
	s, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	checkTiling(t, p, s)
	if s.Reserved != (geom.Cells{}) || len(s.Empty) != 0 {
		t.Errorf("reserved %+v, empty %+v; want none", s.Reserved, s.Empty)
	}
}

// A page too full for its articles keeps nothing empty: the least important article is
// left out, and no band is reserved in its place.
func TestNoReserveWhenArticlesAreLeftOut(t *testing.T) {
	p := fakeProblem(8, 23, []area{{80, 8}, {80, 8}, {80, 8}})
	p.Cost = func(i, w, h int) int64 {
		if w < 8 || h < 10 {
			return Infinite
		}
		return int64(w*h - 80)
	}
	p.Reserve = func(w, h int) int64 { return 0 }
	s, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	checkTiling(t, p, s)
	if s.Modules[2] != (geom.Cells{}) || s.Modules[0].Empty() || s.Modules[1].Empty() {
		t.Errorf("modules %+v, want the third left out", s.Modules)
	}
	if s.Reserved != (geom.Cells{}) {
		t.Errorf("reserved %+v on a page too full for its articles", s.Reserved)
	}
}
