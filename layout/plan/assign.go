package plan

import "broadsheet/layout/geom"

// assign hands the free articles, in order, to the free regions, in reading order:
// each region takes a run of consecutive articles (possibly none), choosing the runs
// of least total cost. When the grid cannot hold every article (more articles than
// modules fit), the least important ones are left without a module (zero geom.Cells) for the
// caller to report as overset.
//
// The reserve, when the problem has one, may follow the last article only when every
// article is placed: a page too full for its copy has nothing to keep empty.
func (t *table) assign(regions []geom.Cells) Solution {
	items := t.p.Items
	for placed := items; placed >= 0; placed-- {
		end := placed
		if placed == items {
			end = t.n // the reserve, when there is one
		}
		best, take := t.assignTable(regions, placed, end)
		if best[0][0] >= Infinite {
			continue
		}
		out := make([]geom.Cells, t.n)
		sol := Solution{Cost: best[0][0]}
		i := 0
		for r, region := range regions {
			j := take[r][i]
			if j == i {
				sol.Empty = append(sol.Empty, region)
				continue
			}
			t.modules(i, j, region, out)
			if j > items {
				sol.Reserved = out[items]
				sol.Empty = append(sol.Empty, sol.Reserved)
			}
			i = j
		}
		sol.Modules = out[:items]
		return sol
	}
	return Solution{Modules: make([]geom.Cells, items), Cost: Infinite}
}

// assignTable computes best[r][i], the least cost of filling regions r.. with items
// i..placed−1, or i..end−1 when end > placed (the reserve after the articles), and
// take[r][i], the end of the run of items region r takes.
func (t *table) assignTable(regions []geom.Cells, placed, end int) (best [][]int64, take [][]int) {
	R := len(regions)
	best, take = make([][]int64, R+1), make([][]int, R+1)
	for r := range best {
		best[r], take[r] = make([]int64, end+1), make([]int, end+1)
		for i := range best[r] {
			best[r][i] = Infinite
		}
	}
	best[R][placed], best[R][end] = 0, 0
	for r := R - 1; r >= 0; r-- {
		for i := 0; i <= end; i++ {
			for j := i; j <= end; j++ {
				c := t.runCost(i, j, regions[r])
				if rest := best[r+1][j]; c < Infinite && rest < Infinite && c+rest < best[r][i] {
					best[r][i], take[r][i] = c+rest, j
				}
			}
		}
	}
	return best, take
}

func (t *table) runCost(i, j int, r geom.Cells) int64 {
	if i == j {
		return t.p.Empty(r.Columns, r.Lines)
	}
	return t.cost[t.at(i, j, r.Columns, r.Lines)]
}
