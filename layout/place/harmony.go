package place

import (
	"slices"

	"broadsheet/layout/fit"
	"broadsheet/layout/geom"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// harmonise makes the headline sizes follow importance: no article's headline is
// larger than a more important one's, unless the file fixes its size; and articles
// standing side by side in one row of the same depth (并列) share size and face. A
// module whose size changes is fitted again in the same cells.
func harmonise(mods []*Module, arts []*fit.Article, sheet *style.Sheet) {
	size := make([]geom.Length, len(mods))
	for i, m := range mods {
		if m.Placed() && m.Head != nil && !m.outsideOrder() {
			size[i] = m.Head.Size
		}
	}
	descend(mods, size)
	for _, row := range rows(mods) {
		for _, i := range row[1:] {
			mods[i].Story.SetHeadFace(mods[row[0]].Story.HeadFace())
		}
		shared := rowSize(mods, arts, sheet, row, size)
		for _, i := range row {
			size[i] = shared
		}
	}
	descend(mods, size)
	for i, m := range mods {
		if size[i] != 0 && (size[i] != m.Head.Size || m.Head.Face != m.Story.HeadFace()) {
			refit(m, arts[i], sheet, size[i])
		}
	}
}

// outsideOrder reports whether the module's headline stands outside the page's order
// of sizes: the 报眼, furniture beside the name, and a continuation from another page,
// whose headline is small by rule (Sheet.Jumps.Head) whatever its rank.
func (m *Module) outsideOrder() bool { return m.Ear || m.Story.Art.Continued != nil }

// rowSize is the largest of the row's sizes that every module of the row can take
// without more overset than it has, or else the row's smallest.
func rowSize(mods []*Module, arts []*fit.Article, sheet *style.Sheet, row []int, size []geom.Length) geom.Length {
	var sizes []geom.Length
	for _, i := range row {
		sizes = append(sizes, size[i])
	}
	slices.SortFunc(sizes, func(a, b geom.Length) int { return int(b - a) })
	for _, s := range sizes {
		ok := true
		for _, i := range row {
			m := mods[i]
			f := m.Fitting
			refit(m, arts[i], sheet, s)
			ok = ok && m.Overset <= f.Overset && m.HeadLines >= m.Head.Lines
			m.Fitting = f
		}
		if ok {
			return s
		}
	}
	return sizes[len(sizes)-1]
}

// descend lowers each size not fixed by the file to the size before it.
func descend(mods []*Module, size []geom.Length) {
	var prev geom.Length
	for i, m := range mods {
		if size[i] == 0 {
			continue
		}
		if prev != 0 && size[i] > prev && m.Story.Art.HeadlineSize == 0 {
			size[i] = prev
		}
		prev = size[i]
	}
}

// rows groups the placed modules that stand side by side in one row: the same first
// line and depth, each starting where the one before ends. Each group is in the
// issue's order and has two or more modules.
func rows(mods []*Module) [][]int {
	var out [][]int
	seen := map[int]bool{}
	for i, m := range mods {
		if !m.Placed() || seen[i] || m.Head == nil || m.outsideOrder() {
			continue
		}
		row := []int{i}
		for j := i + 1; j < len(mods); j++ {
			o := mods[j]
			if o.Placed() && o.Head != nil && !seen[j] && o.Cells.Line == m.Cells.Line && o.Cells.Lines == m.Cells.Lines && adjacent(mods, row, o) {
				row = append(row, j)
				seen[j] = true
			}
		}
		if len(row) > 1 {
			out = append(out, row)
		}
	}
	return out
}

// adjacent reports whether o starts or ends where a module of row does.
func adjacent(mods []*Module, row []int, o *Module) bool {
	for _, i := range row {
		if c := mods[i].Cells; c.Right() == o.Cells.Column || o.Cells.Right() == c.Column {
			return true
		}
	}
	return false
}

// refit sets m's headline at the 号 size nearest below size (or exactly the size
// the file fixes) and fits the article again in the same cells.
func refit(m *Module, a *fit.Article, sheet *style.Sheet, size geom.Length) {
	hao := sheet.HaoIndex(size)
	if m.Story.Art.HeadlineSize != 0 && sheet.Hao[hao].Size != size {
		hao = text.Fixed
	}
	m.Fitting = a.Fit(m.Cells.Columns, m.Cells.Lines, a.HeadChoiceAt(m.Cells.Columns, hao))
}
