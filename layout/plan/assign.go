package plan

import "broadsheet/layout/geom"

// assign hands the free articles, in order, to the free regions, in reading order:
// each region takes a run of consecutive articles (possibly none), choosing the runs
// of least total cost. When the grid cannot hold every article (more articles than
// modules fit), the least important ones are left without a module (zero geom.Cells) for the
// caller to report as overset.
func (t *table) assign(regions []geom.Cells) Solution {
	for placed := t.n; placed >= 0; placed-- {
		best, take := t.assignTable(regions, placed)
		if best[0][0] >= Infinite {
			continue
		}
		sol := Solution{Modules: make([]geom.Cells, t.n), Cost: best[0][0]}
		i := 0
		for r, region := range regions {
			j := take[r][i]
			if j == i {
				sol.Empty = append(sol.Empty, region)
				continue
			}
			t.modules(i, j, region, sol.Modules)
			i = j
		}
		return sol
	}
	return Solution{Modules: make([]geom.Cells, t.n), Cost: Infinite}
}

// assignTable computes best[r][i], the least cost of filling regions r.. with articles
// i..placed−1, and take[r][i], the end of the run of articles region r takes.
func (t *table) assignTable(regions []geom.Cells, placed int) (best [][]int64, take [][]int) {
	R := len(regions)
	best, take = make([][]int64, R+1), make([][]int, R+1)
	for r := range best {
		best[r], take[r] = make([]int64, placed+1), make([]int, placed+1)
		for i := range best[r] {
			best[r][i] = Infinite
		}
	}
	best[R][placed] = 0
	for r := R - 1; r >= 0; r-- {
		for i := 0; i <= placed; i++ {
			for j := i; j <= placed; j++ {
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
