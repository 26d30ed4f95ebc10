// Package fit prices an article in every module size the grid allows: for each width
// and height it chooses the headline size, the extra white in the headline block, and
// the photos' width and frame heights, and says what the best choice costs — overset,
// holes, shallow legs, widows, looks. The plan's search reads those costs.
//
// It decides the shape of an article inside a module, not where the module goes (the
// plan package) or where each line lands (the place package).
package fit

import (
	"sort"

	"broadsheet/layout/grid"
	"broadsheet/layout/plan"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// maxColumns is more basic columns than any page has (the decoder allows 20).
const maxColumns = 64

// Fitting is how an article fills a module: the headline block, the photo block at the
// top right of the body area, and the body columns.
type Fitting struct {
	Columns, Lines int
	Head           *text.HeadBlock
	HeadLines      int // lines of the headline block, with any extra white
	// PhotoCols and PhotoLines are the photo block at the top right of the body area:
	// its width in columns and its height in lines (frames, captions and the gaps
	// after them); Slots says where each photo sits in it.
	PhotoCols, PhotoLines int
	Slots                 []Slot
	Capacity              int // body lines the columns can hold
	Overset               int // body lines that do not fit
	// Continued are the body lines of a jumped story that go on another page (the
	// label that says so takes one line of the capacity).
	Continued int
	Dropped   bool // the photos did not fit and are left out
	Cost      int64
}

// Article is a story and what fitting it has worked out so far.
type Article struct {
	S     *text.Story
	grid  grid.Grid
	sheet *style.Sheet
	costs *style.Costs
	// photoBlocks[w] are the ways to set the photos in an article w columns wide, once
	// worked out.
	photoBlocks [][]block
	// gape is the price of each line an empty column foot is deeper than MinDepth
	// (Costs.Gape, for a story without photos).
	gape int64
}

// New prepares story s for fitting on grid g.
func New(s *text.Story, g grid.Grid, sheet *style.Sheet) *Article {
	a := &Article{S: s, grid: g, sheet: sheet, costs: &sheet.Costs}
	if len(s.Art.Photos) == 0 {
		a.gape = sheet.Costs.Gape
	}
	return a
}

// HeadChoice is a headline block worth trying and what its looks cost.
type HeadChoice struct {
	Block *text.HeadBlock
	Cost  int64
}

// All fits the article to every module size of the grid, for the plan's search
// and for setting the chosen module afterwards.
func (s *Article) All() [][]Fitting {
	fits := make([][]Fitting, s.grid.Columns+1)
	for w := 1; w <= s.grid.Columns; w++ {
		fits[w] = make([]Fitting, s.grid.Lines+1)
		var heads []HeadChoice
		if s.allowsWidth(w) {
			heads = s.HeadChoices(w) // set only at the widths the article may take
		}
		for h := 1; h <= s.grid.Lines; h++ {
			fits[w][h] = s.Fit(w, h, heads)
		}
	}
	return fits
}

// Fit finds the best way to set the article in a module of w columns × h lines.
func (s *Article) Fit(w, h int, heads []HeadChoice) Fitting {
	best := Fitting{Columns: w, Lines: h, Cost: plan.Infinite}
	if !s.allowsWidth(w) {
		return best
	}
	for _, hc := range heads {
		for extra := 0; extra <= s.maxExtra() && hc.Block.Lines+extra <= h; extra++ {
			f := Fitting{Columns: w, Lines: h, Head: hc.Block, HeadLines: hc.Block.Lines + extra}
			base := hc.Cost + int64(extra*w)*s.costs.ExtraHead + s.prominence(w)
			if len(s.S.Art.Photos) == 0 {
				s.evaluate(&f, base, &best)
				continue
			}
			for _, blk := range s.blocks(w) {
				s.fitPhotos(f, blk, base, &best)
			}
		}
	}
	if best.Head == nil {
		best = s.squeezed(w, h)
	}
	return best
}

// allowsWidth reports whether the article may be w columns wide: any width, unless the
// file gives one.
func (s *Article) allowsWidth(w int) bool { return s.S.Art.Columns == 0 || s.S.Art.Columns == w }

// squeezed is the fitting of last resort, for a module too small for the article's
// headline block or its photos: the photos are left out, the headline at its smallest
// takes what it needs (clipped to the module), and the body that does not fit is
// overset. Its cost is finite, but above any fitting that keeps the article whole.
func (s *Article) squeezed(w, h int) Fitting {
	sizes := s.S.HeadSizes()
	head := s.S.InBox(w).Head(w, sizes[len(sizes)-1])
	f := Fitting{Columns: w, Lines: h, Head: head, HeadLines: min(head.Lines, h), Dropped: len(s.S.Art.Photos) > 0}
	best := Fitting{Cost: plan.Infinite}
	s.evaluate(&f, s.cutCost()+int64(max(0, head.Lines-h)*w)*s.costs.Overset, &best)
	return best
}

// cutCost is what it costs to leave part of the article off the page: the more
// important the article, the dearer, so the least important story is cut first.
func (s *Article) cutCost() int64 { return s.costs.Cut * max(1, s.costs.CutWeight-int64(s.S.Rank)) }

// maxExtra is the most white lines a headline block may take beyond what it needs,
// to give a short page air instead of holes.
func (s *Article) maxExtra() int {
	if s.S.Rank == 0 {
		return s.sheet.Head.MaxExtraLead
	}
	return s.sheet.Head.MaxExtra
}

// prominence is what it costs to set the lead story narrower than half the page.
func (s *Article) prominence(w int) int64 {
	if half := (s.grid.Columns + 1) / 2; s.S.Rank == 0 && w < half {
		return int64(half-w) * s.costs.NarrowLead
	}
	return 0
}

// evaluate counts capacity, overset and holes of f and keeps it if it beats best.
func (s *Article) evaluate(f *Fitting, cost int64, best *Fitting) {
	b := f.BodyLines()
	f.Capacity = (f.Columns-f.PhotoCols)*b + f.PhotoCols*max(0, b-f.PhotoLines)
	need := len(s.S.InBox(f.Columns).Body)
	if s.S.Art.Jump != nil && need > f.Capacity && f.Capacity >= 2 {
		s.keep(f, cost+s.jumpCost(f, need)+s.shapeCost(f, b), best)
		return
	}
	f.Overset = max(0, need-f.Capacity)
	cost += int64(f.Overset)*s.costs.Overset + int64(max(0, f.Capacity-need))*s.costs.Hole
	if f.Overset > 0 {
		cost += s.cutCost()
	}
	if f.PhotoCols == 1 && f.Columns >= 3 {
		cost += s.costs.NarrowPhoto
	}
	cost += s.shapeCost(f, b)
	if f.Overset == 0 && f.Columns > 1 {
		var cols [maxColumns]int
		cost += s.breakCost(cols[:f.Columns], s.shareLines(cols[:f.Columns], f, need))
		cost += s.shortLegs(cols[:f.Columns], need)
	}
	s.keep(f, cost, best)
}

// keep makes f, at cost, the best if it beats best.
func (s *Article) keep(f *Fitting, cost int64, best *Fitting) {
	f.Cost = cost
	if cost < best.Cost {
		*best = *f
		best.Slots = append([]Slot(nil), f.Slots...)
	}
}

// jumpCost prices a jumped story's module that holds part of it: each line continued
// elsewhere a little, each line short of what the story should keep here as overset.
func (s *Article) jumpCost(f *Fitting, need int) int64 {
	j := &s.sheet.Jumps
	here := f.Capacity - 1 // the label takes a line
	f.Continued = need - here
	c := int64(f.Continued)*j.Line + int64(max(0, min(j.Keep, need)-here))*s.costs.Overset
	least := int((int64(f.Columns)*j.PhotoShare.Num + j.PhotoShare.Den/2) / j.PhotoShare.Den) // to the nearest column
	if len(s.S.Art.Photos) > 0 && f.PhotoCols < least {
		c += int64(least-f.PhotoCols) * j.NarrowPhoto
	}
	return c
}

// shortLegs prices the legs of a body that are shorter than a reader can follow.
func (s *Article) shortLegs(cols []int, need int) int64 {
	least := MinLeg(s.sheet, need)
	var c int64
	for _, n := range cols {
		if n > 0 && n < least {
			c += int64(least-n) * s.costs.ShortLeg
		}
	}
	return c
}

// MinLeg is the fewest lines a leg of a body of the given lines may have: the sheet's
// least leg, unless the whole body is too short to give every leg that many.
func MinLeg(sheet *style.Sheet, bodyLines int) int {
	if bodyLines < sheet.Costs.ShortBody {
		return 1
	}
	return sheet.Costs.MinLeg
}

// level is the number of body-area rows the text fills when levelled: the columns
// beside the photo block fill first, down to the photo's foot, then every column
// evenly. It is at most b, the rows there are.
func level(need, columns, photoCols, photoLines, b int) int {
	free := columns - photoCols
	var rows int
	switch {
	case need == 0:
		rows = 0
	case photoCols == 0:
		rows = ceilDiv(need, columns)
	case free > 0 && need <= free*photoLines:
		rows = ceilDiv(need, free)
	default:
		rows = photoLines + ceilDiv(need-free*photoLines, columns)
	}
	return min(rows, b)
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// shapeCost prices how the text sits in the columns: columns of running text too
// shallow to read as columns, and empty tails deeper than two lines at the foot of a
// column (a hole a reader sees).
func (s *Article) shapeCost(f *Fitting, b int) int64 {
	need, free := len(s.S.InBox(f.Columns).Body), f.Columns-f.PhotoCols
	rows := level(need, f.Columns, f.PhotoCols, f.PhotoLines, b)
	var c int64
	if depth := rows; need > 0 && depth < s.costs.MinDepth && free > 1 {
		c += int64((s.costs.MinDepth-depth)*free) * s.costs.Shallow
	}
	if legs := rows - f.PhotoLines; f.PhotoCols > 0 && legs > 0 && legs < s.costs.MinDepth {
		c += int64((s.costs.MinDepth-legs)*f.PhotoCols) * s.costs.Shallow
	}
	return c + s.deepFeet(f, need, rows) + s.stripCost(f, need, b)
}

// stripCost prices the columns of a short story's module beyond those its body of need
// lines fills in legs of MinDepth lines: each body cell of them at Costs.Strip.
func (s *Article) stripCost(f *Fitting, need, b int) int64 {
	c := s.costs
	if c.Strip == 0 || len(s.S.Art.Photos) > 0 || (need >= c.StripBody && s.S.Rank > 0) {
		return 0
	}
	cols := max(c.StripCols, need/max(1, c.MinDepth))
	return int64(max(0, f.Columns-cols)*b) * c.Strip
}

// deepFeet prices the empty feet of the columns as the text levelled to rows leaves
// them (levelShares, worked out here without the shares): per line deeper than two,
// and once for each foot that deep, which the report flags as a hole for a person to
// look at.
func (s *Article) deepFeet(f *Fitting, need, rows int) int64 {
	b, pc, free := f.BodyLines(), f.PhotoCols, f.Columns-f.PhotoCols
	under := rows > f.PhotoLines // the text runs on under the photo block
	short := max(0, free*rows+pc*max(0, rows-f.PhotoLines)-need)
	photoHole, shortPhoto := max(0, b-f.PhotoLines), 0 // the rightmost columns are the short ones
	if under {
		photoHole, shortPhoto = b-rows, min(short, pc)
	}
	shortFree := short - shortPhoto
	return int64(pc-shortPhoto)*s.foot(photoHole) + int64(shortPhoto)*s.foot(photoHole+1) +
		int64(free-shortFree)*s.foot(b-rows) + int64(shortFree)*s.foot(b-rows+1)
}

// foot is what an empty column foot of the given lines costs beyond its cells.
func (s *Article) foot(lines int) int64 {
	if lines <= 2 {
		return 0
	}
	return int64(lines-2)*s.costs.DeepHole + s.costs.Flagged + int64(max(0, lines-s.costs.MinDepth))*s.gape
}

// HeadChoiceAt is the headline set at exactly 号 index hao, at width w.
func (s *Article) HeadChoiceAt(w, hao int) []HeadChoice {
	b := s.S.InBox(w).Head(w, hao)
	return []HeadChoice{{b, s.headCost(b, w)}}
}

// HeadChoices sets the headline at every size the article's rank allows at width w and
// keeps, for each block height, the size that looks best.
func (s *Article) HeadChoices(w int) []HeadChoice {
	byLines := map[int]HeadChoice{}
	for _, hao := range s.S.HeadSizes() {
		b := s.S.InBox(w).Head(w, hao)
		c := HeadChoice{b, s.headCost(b, w)}
		if old, ok := byLines[b.Lines]; !ok || c.Cost < old.Cost {
			byLines[b.Lines] = c
		}
	}
	var out []HeadChoice
	for _, c := range byLines {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Cost != out[j].Cost {
			return out[i].Cost < out[j].Cost
		}
		return out[i].Block.Lines < out[j].Block.Lines
	})
	keep := 1
	for h := &s.sheet.Head; keep < len(out) && keep < h.KeepChoices && out[keep].Cost <= out[0].Cost+h.ChoiceSlack; {
		keep++
	}
	return out[:keep]
}

// headCost prices a headline block's looks: smaller than the rank allows, two lines
// across a wide article, three lines anywhere.
func (s *Article) headCost(b *text.HeadBlock, w int) int64 {
	c := int64(b.Hao-s.S.HeadSizes()[0]) * s.costs.HaoStep
	if b.MainLines == 2 && w >= s.costs.TwoLinesWide {
		c += s.costs.TwoLines
		if w >= s.costs.TwoLinesWider {
			c += s.costs.TwoLines
		}
	}
	for _, l := range b.Layers {
		c += int64(max(0, len(l.Lines)-s.costs.MostLines)) * s.costs.ManyLines
		c += int64(len(l.Split)) * s.costs.WordSplit
	}
	return c
}

// ColumnStart is the first body-area row of column c below the photo block.
func (f *Fitting) ColumnStart(c int) int {
	if c >= f.Columns-f.PhotoCols {
		return f.PhotoLines
	}
	return 0
}

// room is the number of body lines column c can hold.
func (f *Fitting) room(c int) int { return max(0, f.BodyLines()-f.ColumnStart(c)) }

// BodyLines is the lines of the module's body area, under the headline block.
func (f *Fitting) BodyLines() int { return f.Lines - f.HeadLines }

// breakCost prices the bad leg starts left after mending: a widow is a blemish; a
// crosshead or brief title ending a leg breaks a rule (Costs.Keep).
func (s *Article) breakCost(cols []int, bad int) int64 {
	kept := 0
	first := 0
	for c, n := range cols {
		if st := s.S.InBox(len(cols)); c > 0 && n > 0 && st.BadStart(first) && !st.Widow(first) {
			kept++
		}
		first += n
	}
	return int64(bad-kept)*s.costs.Widow + int64(kept)*s.costs.Keep
}

// shareLines is ShareLines for the article being fitted.
func (s *Article) shareLines(cols []int, f *Fitting, total int) (widows int) {
	return ShareLines(s.S.InBox(len(cols)), cols, f, total, MinLeg(s.sheet, total))
}

// ShareLines fills cols[c] with the number of body lines column c holds when total
// lines are set in f: the columns end level at the fewest rows that hold the text, the
// last columns a line short for the rest, and then a paragraph's last line is kept
// from standing alone at a column's top — back to the foot of the column before when
// that has room, or else the line above it follows it over. It returns the widows it
// could not mend.
func ShareLines(s *text.Story, cols []int, f *Fitting, total, minLeg int) (widows int) {
	levelShares(cols, f, total, level(total, f.Columns, f.PhotoCols, f.PhotoLines, f.BodyLines()))
	return mendWidows(s, cols, f, minLeg)
}

// levelShares fills cols[c] with the lines column c holds when total lines end level
// at rows: the last columns a line short for the rest.
func levelShares(cols []int, f *Fitting, total, rows int) {
	held := 0
	for c := range cols {
		cols[c] = max(0, rows-f.ColumnStart(c))
		held += cols[c]
	}
	for c := len(cols) - 1; held > total; c-- {
		if c < 0 {
			c = len(cols) - 1
		}
		if cols[c] > 0 {
			cols[c]--
			held--
		}
	}
}

// mendWidows moves column breaks so that no column starts with a paragraph's last
// line: the line before it follows it over when a later column has a spare row (the
// lines between move along), else the widow goes back when an earlier column has one.
// It returns the widows left.
func mendWidows(s *text.Story, cols []int, f *Fitting, minLeg int) (widows int) {
	for pass := 0; pass <= len(cols); pass++ {
		c := WidowColumn(s, cols, 0)
		if c < 0 {
			return 0
		}
		if d := spare(cols, f, c, len(cols)); d >= 0 && cols[c-1] > max(2, minLeg) {
			cols[c-1]--
			cols[d]++
		} else if u := spare(cols, f, 0, c); u >= 0 && (cols[c] == 1 || cols[c] > minLeg) {
			cols[u]++
			cols[c]--
		} else {
			break
		}
	}
	for c := WidowColumn(s, cols, 0); c >= 0; c = WidowColumn(s, cols, c+1) {
		widows++
	}
	return widows
}

// WidowColumn is the first column from `from` on that starts with a widow, or −1.
func WidowColumn(s *text.Story, cols []int, from int) int {
	first := 0
	for c, n := range cols {
		if c >= max(from, 1) && n > 0 && s.BadStart(first) {
			return c
		}
		first += n
	}
	return -1
}

// spare is the first column in [from, to) with a row to spare, or −1.
func spare(cols []int, f *Fitting, from, to int) int {
	for c := from; c < to; c++ {
		if cols[c] < f.room(c) {
			return c
		}
	}
	return -1
}

// ReserveCost is what it costs to keep a band w × h empty at the foot of the page,
// after the last article (plan.Problem.Reserve): the room a page short of copy has
// left, in one place, where a notice or an advertisement can go. Only a band at least
// Costs.ReserveWidth of the type area wide may be kept so. Each of its cells is priced
// a little below a cell of a deep hole (Costs.ReserveDeep), and it is flagged once: it
// is one empty area for a person to look at, not many.
func ReserveCost(g grid.Grid, c *style.Costs, w, h int) int64 {
	if int64(w)*c.ReserveWidth.Den < int64(g.Columns)*c.ReserveWidth.Num {
		return plan.Infinite
	}
	cost := int64(w*h) * (c.Hole + c.DeepHole*c.ReserveDeep.Num/c.ReserveDeep.Den)
	if h > 2 {
		cost += c.Flagged
	}
	return cost
}
