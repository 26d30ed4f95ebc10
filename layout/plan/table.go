package plan

import "broadsheet/layout/geom"

// table holds, for every run of consecutive free articles i..j−1 and every rectangle
// size w × h, the least cost of tiling that rectangle with them and how it was cut.
// When the problem allows a reserve, it is one more item after the articles, priced by
// Problem.Reserve, so it is tiled in reading order like them.
type table struct {
	p    Problem
	n    int // free articles, and the reserve when there is one
	cost []int64
	how  []choice
	// narrowest is the least width of a rectangle that can hold the reserve: runs
	// that end with it are not tried narrower.
	narrowest int
}

// choice records the cut that gave a table entry its cost.
type choice struct {
	kind  int8  // leaf, across, down
	k     int32 // the first article of the second part
	split int32
}

const (
	leaf int8 = iota
	across
	down
)

func newTable(p Problem) *table {
	n := p.Items
	if p.Reserve != nil {
		n++
	}
	size := (n + 1) * (n + 1) * (p.Columns + 1) * (p.Lines + 1)
	t := &table{p: p, n: n, cost: make([]int64, size), how: make([]choice, size)}
	for i := range t.cost {
		t.cost[i] = Infinite
	}
	return t
}

func (t *table) at(i, j, w, h int) int {
	return ((i*(t.n+1)+j)*(t.p.Columns+1)+w)*(t.p.Lines+1) + h
}

// fill computes every entry, shorter runs of articles first.
func (t *table) fill() {
	t.narrowest = t.p.Columns + 1
	for i := 0; i < t.n; i++ {
		for w := 1; w <= t.p.Columns; w++ {
			for h := 1; h <= t.p.Lines; h++ {
				c := t.leafCost(i, w, h)
				t.cost[t.at(i, i+1, w, h)] = c
				if i == t.p.Items && c < Infinite {
					t.narrowest = min(t.narrowest, w)
				}
			}
		}
	}
	for length := 2; length <= t.n; length++ {
		for i := 0; i+length <= t.n; i++ {
			t.fillRun(i, i+length)
		}
	}
}

// leafCost is what item i costs alone in a rectangle w × h: an article's price, or the
// reserve's.
func (t *table) leafCost(i, w, h int) int64 {
	if i == t.p.Items {
		return t.p.Reserve(w, h)
	}
	return t.p.Cost(i, w, h)
}

func (t *table) fillRun(i, j int) {
	from := 1
	if j > t.p.Items {
		from = t.narrowest // the run ends with the reserve
	}
	for w := from; w <= t.p.Columns; w++ {
		for k := i + 1; k < j; k++ {
			t.acrossCuts(i, j, k, w)
			t.downCuts(i, j, k, w)
		}
	}
}

// acrossCuts tries every height of the top part i..k−1 over the bottom part k..j−1.
func (t *table) acrossCuts(i, j, k, w int) {
	gap, lines := t.p.Gap, t.p.Lines
	top := t.at(i, k, w, 0)
	bottom := t.at(k, j, w, 0)
	out := t.at(i, j, w, 0)
	for a := 1; a+gap < lines; a++ {
		ca := t.cost[top+a]
		if ca >= Infinite {
			continue
		}
		for b := 1; a+gap+b <= lines; b++ {
			cb := t.cost[bottom+b]
			if cb >= Infinite {
				continue
			}
			h := a + gap + b
			if c := ca + cb; c < t.cost[out+h] {
				t.cost[out+h] = c
				t.how[out+h] = choice{across, int32(k), int32(a)}
			}
		}
	}
}

// downCuts tries every width of the left part i..k−1 beside the right part k..j−1.
func (t *table) downCuts(i, j, k, w int) {
	for left := 1; left < w; left++ {
		l, r, out := t.at(i, k, left, 0), t.at(k, j, w-left, 0), t.at(i, j, w, 0)
		for h := 1; h <= t.p.Lines; h++ {
			cl, cr := t.cost[l+h], t.cost[r+h]
			if cl >= Infinite || cr >= Infinite {
				continue
			}
			if c := cl + cr; c < t.cost[out+h] {
				t.cost[out+h] = c
				t.how[out+h] = choice{down, int32(k), int32(left)}
			}
		}
	}
}

// modules reads back the cuts of entry (i, j) placed at r, writing article modules.
func (t *table) modules(i, j int, r geom.Cells, out []geom.Cells) {
	c := t.how[t.at(i, j, r.Columns, r.Lines)]
	switch {
	case j == i+1:
		out[i] = r
	case c.kind == across:
		a := int(c.split)
		t.modules(i, int(c.k), cells(r.Column, r.Line, r.Columns, a), out)
		t.modules(int(c.k), j, cells(r.Column, r.Line+a+t.p.Gap, r.Columns, r.Lines-a-t.p.Gap), out)
	default:
		left := int(c.split)
		t.modules(i, int(c.k), cells(r.Column, r.Line, left, r.Lines), out)
		t.modules(int(c.k), j, cells(r.Column+left, r.Line, r.Columns-left, r.Lines), out)
	}
}
