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

	"broadsheet/layout/geom"
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
	PhotoCols      int
	Frames         []int // frame lines of each photo
	PhotoLines     int   // lines of the photo block: frames, captions and the gaps after them
	Capacity       int   // body lines the columns can hold
	Overset        int   // body lines that do not fit
	Dropped        bool  // the photos did not fit and are left out
	Cost           int64
}

// Article is a story and what fitting it has worked out so far.
type Article struct {
	S     *text.Story
	grid  grid.Grid
	sheet *style.Sheet
	costs *style.Costs
	// photoGeoms[pc] is the photo geometry at pc columns, once computed.
	photoGeoms []*photoGeom
}

// New prepares story s for fitting on grid g.
func New(s *text.Story, g grid.Grid, sheet *style.Sheet) *Article {
	return &Article{S: s, grid: g, sheet: sheet, costs: &sheet.Costs}
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
			for pc := 1; pc <= w; pc++ {
				if fixed := s.S.PhotoCols; fixed == 0 || fixed == pc {
					s.fitPhotos(f, pc, base, &best)
				}
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
	head := s.S.Head(w, sizes[len(sizes)-1])
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
	b := f.Lines - f.HeadLines
	f.Capacity = (f.Columns-f.PhotoCols)*b + f.PhotoCols*max(0, b-f.PhotoLines)
	need := len(s.S.Body)
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
		cost += int64(s.shareLines(cols[:f.Columns], f, need)) * s.costs.Widow
	}
	f.Cost = cost
	if cost < best.Cost {
		*best = *f
		best.Frames = append([]int(nil), f.Frames...)
	}
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
	need, free := len(s.S.Body), f.Columns-f.PhotoCols
	rows := level(need, f.Columns, f.PhotoCols, f.PhotoLines, b)
	var c int64
	if depth := rows; need > 0 && depth < s.costs.MinDepth && free > 1 {
		c += int64((s.costs.MinDepth-depth)*free) * s.costs.Shallow
	}
	if legs := rows - f.PhotoLines; f.PhotoCols > 0 && legs > 0 && legs < s.costs.MinDepth {
		c += int64((s.costs.MinDepth-legs)*f.PhotoCols) * s.costs.Shallow
	}
	if deep := b - rows - 1; deep > 1 {
		c += int64((deep-1)*free) * s.costs.DeepHole
	}
	if deep := b - max(rows, f.PhotoLines) - 1; f.PhotoCols > 0 && deep > 1 {
		c += int64((deep-1)*f.PhotoCols) * s.costs.DeepHole
	}
	return c
}

// HeadChoices sets the headline at every size the article's rank allows at width w and
// keeps, for each block height, the size that looks best.
func (s *Article) HeadChoices(w int) []HeadChoice {
	byLines := map[int]HeadChoice{}
	for _, hao := range s.S.HeadSizes() {
		b := s.S.Head(w, hao)
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
	}
	return c
}

// fitPhotos sets the photos pc columns wide at the top right of the body area, as tall
// as the text lets them be within the crop the pictures allow.
func (s *Article) fitPhotos(f Fitting, pc int, cost int64, best *Fitting) {
	b := f.Lines - f.HeadLines
	pg := s.photoGeometry(pc)
	over, lo, hi := pg.over, pg.lo, pg.hi
	if lo+over > b {
		return
	}
	frames := b - over // as tall as the body area allows
	if free := (f.Columns - pc) * b; free < len(s.S.Body) {
		legs := (len(s.S.Body) - free + pc - 1) / pc
		frames = b - legs - over
	}
	frames = min(max(frames, lo), hi, b-over)
	f.PhotoCols, f.Frames = pc, pg.share(frames)
	f.PhotoLines = over
	for k, n := range f.Frames {
		f.PhotoLines += n
		cost += int64(abs(n-pg.natural[k])) * s.costs.Aspect
	}
	s.evaluate(&f, cost, best)
}

// photoGeom is what the photos of an article take at one width: the lines of the
// photo block that are not frames (captions and the gaps after them), the least and
// most total frame lines, and each photo's natural frame lines.
type photoGeom struct {
	over, lo, hi int
	natural      []int
}

// photoGeometry returns the photo geometry at pc columns, computed once per width.
func (s *Article) photoGeometry(pc int) *photoGeom {
	if s.photoGeoms == nil {
		s.photoGeoms = make([]*photoGeom, s.grid.Columns+1)
	}
	if g := s.photoGeoms[pc]; g != nil {
		return g
	}
	g := &photoGeom{}
	for k := range s.S.Art.Photos {
		g.over += len(s.S.Caption(k, pc)) + 1
		l, h := s.frameRange(k, pc)
		g.lo, g.hi = g.lo+l, g.hi+h
		g.natural = append(g.natural, s.naturalFrame(k, pc))
	}
	s.photoGeoms[pc] = g
	return g
}

// naturalFrame is the frame height, in lines, that shows photo k whole at pc columns.
func (s *Article) naturalFrame(k, pc int) int {
	return s.frameLines(geom.Length(float64(s.grid.SpanWidth(pc)) / s.aspect(k)))
}

// frameRange is the least and most frame lines photo k may take at pc columns: exactly
// the natural height for a placeholder whose shape the file gives; for one of no given
// shape, anything from 1.9:1 to square; for a picture, a crop of up to a fifth either way.
func (s *Article) frameRange(k, pc int) (lo, hi int) {
	p := s.S.Art.Photos[k]
	width := float64(s.grid.SpanWidth(pc))
	switch {
	case p.File == "" && p.Aspect != 0:
		n := s.naturalFrame(k, pc)
		return n, n
	case p.File == "":
		// A placeholder of no given shape: the picture desk crops to what the page needs.
		ph := &s.sheet.Photo
		return s.frameLines(geom.Length(width / ph.WidestPlaceholder)), s.frameLines(geom.Length(width / ph.TallestPlaceholder))
	}
	height := width / s.aspect(k)
	return s.frameLines(geom.Length(height * s.sheet.Photo.CropShort)), s.frameLines(geom.Length(height * s.sheet.Photo.CropTall))
}

// aspect is photo k's width ÷ height: the picture's, the file's word, or 4:3.
func (s *Article) aspect(k int) float64 {
	p := s.S.Art.Photos[k]
	switch {
	case p.PixelWidth > 0 && p.PixelHeight > 0:
		return float64(p.PixelWidth) / float64(p.PixelHeight)
	case p.Aspect > 0:
		return p.Aspect
	}
	return s.sheet.Photo.Aspect
}

// frameLines is the number of lines a frame of the given height takes on the grid,
// rounded to the nearest: the frame runs from a line's top to a later line's em bottom.
func (s *Article) frameLines(height geom.Length) int {
	g := s.grid
	return max(s.sheet.Photo.MinFrameLines, int((height+g.Leading-g.Body+g.Leading/2)/g.Leading))
}

// share splits total frame lines between the photos in proportion to their natural
// heights.
func (g *photoGeom) share(total int) []int {
	n := len(g.natural)
	out := make([]int, n)
	nat, left := 0, total
	for _, v := range g.natural {
		nat += v
	}
	for k, v := range g.natural {
		if k == n-1 {
			out[k] = left
			break
		}
		out[k] = total * v / max(1, nat)
		left -= out[k]
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// ColumnStart is the first body-area row of column c below the photo block.
func (f *Fitting) ColumnStart(c int) int {
	if c >= f.Columns-f.PhotoCols {
		return f.PhotoLines
	}
	return 0
}

// room is the number of body lines column c can hold.
func (f *Fitting) room(c int) int { return max(0, f.Lines-f.HeadLines-f.ColumnStart(c)) }

// shareLines is ShareLines for the article being fitted.
func (s *Article) shareLines(cols []int, f *Fitting, total int) (widows int) {
	return ShareLines(s.S, cols, f, total)
}

// ShareLines fills cols[c] with the number of body lines column c holds when total
// lines are set in f: the columns end level at the fewest rows that hold the text, the
// last columns a line short for the rest, and then a paragraph's last line is kept
// from standing alone at a column's top — back to the foot of the column before when
// that has room, or else the line above it follows it over. It returns the widows it
// could not mend.
func ShareLines(s *text.Story, cols []int, f *Fitting, total int) (widows int) {
	rows := level(total, f.Columns, f.PhotoCols, f.PhotoLines, f.Lines-f.HeadLines)
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
	return mendWidows(s, cols, f)
}

// mendWidows moves column breaks so that no column starts with a paragraph's last
// line: the line before it follows it over when a later column has a spare row (the
// lines between move along), else the widow goes back when an earlier column has one.
// It returns the widows left.
func mendWidows(s *text.Story, cols []int, f *Fitting) (widows int) {
	for pass := 0; pass <= len(cols); pass++ {
		c := WidowColumn(s, cols, 0)
		if c < 0 {
			return 0
		}
		if d := spare(cols, f, c, len(cols)); d >= 0 && cols[c-1] > 2 {
			cols[c-1]--
			cols[d]++
		} else if u := spare(cols, f, 0, c); u >= 0 {
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
		if c >= max(from, 1) && n > 0 && s.Widow(first) {
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
