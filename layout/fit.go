package layout

import (
	"sort"

	"broadsheet/layout/geom"
	"broadsheet/layout/plan"
)

// Costs of the choices made in fitting an article to a module, in points of badness.
// Overset dominates everything, then holes, then the looks of headlines and photos.
const (
	costOverset     = 1_000_000     // per body line that does not fit
	costCut         = 1_000_000_000 // per article that does not fit whole (× cutWeight): cut one, not several
	costHole        = 100           // per empty body cell (one column × one line)
	costExtraHead   = 30            // per cell of extra white in a headline block
	costHaoStep     = 60            // per 号 step below the rank's largest headline size
	costTwoLines    = 150           // a two-line headline across four or more columns (double across six)
	costManyLines   = 5000          // per headline line beyond two
	costAspect      = 40            // per line a photo frame departs from the picture's shape
	costShallow     = 100           // per column and line a text column is shallower than minDepth
	costDeepHole    = 1000          // per column and line an empty column foot is deeper than two lines
	costNarrowPhoto = 300           // a one-column photo in an article of three or more
	costNarrowLead  = 800           // per column the lead story is narrower than half the page
	costWidow       = 150           // a paragraph's last line alone at the top of a column
	minDepth        = 8             // the fewest lines a column of running text should have
	maxColumns      = 64            // more basic columns than any page has (the decoder allows 20)
)

// fitting is how an article fills a module: the headline block, the photo block at the
// top right of the body area, and the body columns.
type fitting struct {
	columns, lines int
	head           *headBlock
	headLines      int // lines of the headline block, with any extra white
	photoCols      int
	frames         []int // frame lines of each photo
	photoLines     int   // lines of the photo block: frames, captions and the gaps after them
	capacity       int   // body lines the columns can hold
	overset        int   // body lines that do not fit
	dropped        bool  // the photos did not fit and are left out
	cost           int64
}

// headChoice is a headline block worth trying and what its looks cost.
type headChoice struct {
	block *headBlock
	cost  int64
}

// fitAll fits the article to every module size of the grid, for the plan's search
// and for setting the chosen module afterwards.
func (s *story) fitAll() [][]fitting {
	fits := make([][]fitting, s.grid.Columns+1)
	for w := 1; w <= s.grid.Columns; w++ {
		fits[w] = make([]fitting, s.grid.Lines+1)
		var heads []headChoice
		if s.allowsWidth(w) {
			heads = s.headChoices(w) // set only at the widths the article may take
		}
		for h := 1; h <= s.grid.Lines; h++ {
			fits[w][h] = s.fit(w, h, heads)
		}
	}
	return fits
}

// fit finds the best way to set the article in a module of w columns × h lines.
func (s *story) fit(w, h int, heads []headChoice) fitting {
	best := fitting{columns: w, lines: h, cost: plan.Infinite}
	if !s.allowsWidth(w) {
		return best
	}
	for _, hc := range heads {
		for extra := 0; extra <= s.maxExtra() && hc.block.lines+extra <= h; extra++ {
			f := fitting{columns: w, lines: h, head: hc.block, headLines: hc.block.lines + extra}
			base := hc.cost + int64(extra*w*costExtraHead) + s.prominence(w)
			if len(s.art.Photos) == 0 {
				s.evaluate(&f, base, &best)
				continue
			}
			for pc := 1; pc <= w; pc++ {
				if fixed := s.photoCols; fixed == 0 || fixed == pc {
					s.fitPhotos(f, pc, base, &best)
				}
			}
		}
	}
	if best.head == nil {
		best = s.squeezed(w, h)
	}
	return best
}

// allowsWidth reports whether the article may be w columns wide: any width, unless the
// file gives one.
func (s *story) allowsWidth(w int) bool { return s.art.Columns == 0 || s.art.Columns == w }

// squeezed is the fitting of last resort, for a module too small for the article's
// headline block or its photos: the photos are left out, the headline at its smallest
// takes what it needs (clipped to the module), and the body that does not fit is
// overset. Its cost is finite, but above any fitting that keeps the article whole.
func (s *story) squeezed(w, h int) fitting {
	sizes := s.headSizes()
	head := s.head(w, sizes[len(sizes)-1])
	f := fitting{columns: w, lines: h, head: head, headLines: min(head.lines, h), dropped: len(s.art.Photos) > 0}
	best := fitting{cost: plan.Infinite}
	s.evaluate(&f, s.cutCost()+int64(max(0, head.lines-h)*w)*costOverset, &best)
	return best
}

// cutCost is what it costs to leave part of the article off the page: the more
// important the article, the dearer, so the least important story is cut first.
func (s *story) cutCost() int64 { return costCut * int64(max(1, 16-s.rank)) }

// maxExtra is the most white lines a headline block may take beyond what it needs,
// to give a short page air instead of holes.
func (s *story) maxExtra() int {
	if s.rank == 0 {
		return 6
	}
	return 4
}

// prominence is what it costs to set the lead story narrower than half the page.
func (s *story) prominence(w int) int64 {
	if half := (s.grid.Columns + 1) / 2; s.rank == 0 && w < half {
		return int64(half-w) * costNarrowLead
	}
	return 0
}

// evaluate counts capacity, overset and holes of f and keeps it if it beats best.
func (s *story) evaluate(f *fitting, cost int64, best *fitting) {
	b := f.lines - f.headLines
	f.capacity = (f.columns-f.photoCols)*b + f.photoCols*max(0, b-f.photoLines)
	need := len(s.body)
	f.overset = max(0, need-f.capacity)
	cost += int64(f.overset)*costOverset + int64(max(0, f.capacity-need))*costHole
	if f.overset > 0 {
		cost += s.cutCost()
	}
	if f.photoCols == 1 && f.columns >= 3 {
		cost += costNarrowPhoto
	}
	cost += s.shapeCost(f, b)
	if f.overset == 0 && f.columns > 1 {
		var cols [maxColumns]int
		cost += int64(s.shareLines(cols[:f.columns], f, need)) * costWidow
	}
	f.cost = cost
	if cost < best.cost {
		*best = *f
		best.frames = append([]int(nil), f.frames...)
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
func (s *story) shapeCost(f *fitting, b int) int64 {
	need, free := len(s.body), f.columns-f.photoCols
	rows := level(need, f.columns, f.photoCols, f.photoLines, b)
	var c int64
	if depth := rows; need > 0 && depth < minDepth && free > 1 {
		c += int64((minDepth-depth)*free) * costShallow
	}
	if legs := rows - f.photoLines; f.photoCols > 0 && legs > 0 && legs < minDepth {
		c += int64((minDepth-legs)*f.photoCols) * costShallow
	}
	if deep := b - rows - 1; deep > 1 {
		c += int64((deep-1)*free) * costDeepHole
	}
	if deep := b - max(rows, f.photoLines) - 1; f.photoCols > 0 && deep > 1 {
		c += int64((deep-1)*f.photoCols) * costDeepHole
	}
	return c
}

// headChoices sets the headline at every size the article's rank allows at width w and
// keeps, for each block height, the size that looks best.
func (s *story) headChoices(w int) []headChoice {
	byLines := map[int]headChoice{}
	for _, hao := range s.headSizes() {
		b := s.head(w, hao)
		c := headChoice{b, s.headCost(b, w)}
		if old, ok := byLines[b.lines]; !ok || c.cost < old.cost {
			byLines[b.lines] = c
		}
	}
	var out []headChoice
	for _, c := range byLines {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].cost != out[j].cost {
			return out[i].cost < out[j].cost
		}
		return out[i].block.lines < out[j].block.lines
	})
	keep := 1
	for keep < len(out) && keep < 4 && out[keep].cost <= out[0].cost+300 {
		keep++
	}
	return out[:keep]
}

// headCost prices a headline block's looks: smaller than the rank allows, two lines
// across a wide article, three lines anywhere.
func (s *story) headCost(b *headBlock, w int) int64 {
	c := int64(b.hao-s.headSizes()[0]) * costHaoStep
	if b.mainLines == 2 && w >= 4 {
		c += costTwoLines
		if w >= 6 {
			c += costTwoLines
		}
	}
	for _, l := range b.layers {
		c += int64(max(0, len(l.lines)-2)) * costManyLines
	}
	return c
}

// fitPhotos sets the photos pc columns wide at the top right of the body area, as tall
// as the text lets them be within the crop the pictures allow.
func (s *story) fitPhotos(f fitting, pc int, cost int64, best *fitting) {
	b := f.lines - f.headLines
	pg := s.photoGeometry(pc)
	over, lo, hi := pg.over, pg.lo, pg.hi
	if lo+over > b {
		return
	}
	frames := b - over // as tall as the body area allows
	if free := (f.columns - pc) * b; free < len(s.body) {
		legs := (len(s.body) - free + pc - 1) / pc
		frames = b - legs - over
	}
	frames = min(max(frames, lo), hi, b-over)
	f.photoCols, f.frames = pc, pg.share(frames)
	f.photoLines = over
	for k, n := range f.frames {
		f.photoLines += n
		cost += int64(abs(n-pg.natural[k])) * costAspect
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
func (s *story) photoGeometry(pc int) *photoGeom {
	if s.photoGeoms == nil {
		s.photoGeoms = make([]*photoGeom, s.grid.Columns+1)
	}
	if g := s.photoGeoms[pc]; g != nil {
		return g
	}
	g := &photoGeom{}
	for k := range s.art.Photos {
		g.over += len(s.caption(k, pc)) + 1
		l, h := s.frameRange(k, pc)
		g.lo, g.hi = g.lo+l, g.hi+h
		g.natural = append(g.natural, s.naturalFrame(k, pc))
	}
	s.photoGeoms[pc] = g
	return g
}

// naturalFrame is the frame height, in lines, that shows photo k whole at pc columns.
func (s *story) naturalFrame(k, pc int) int {
	return s.frameLines(geom.Length(float64(s.grid.SpanWidth(pc)) / s.aspect(k)))
}

// frameRange is the least and most frame lines photo k may take at pc columns: exactly
// the natural height for a placeholder whose shape the file gives; for one of no given
// shape, anything from 1.9:1 to square; for a picture, a crop of up to a fifth either way.
func (s *story) frameRange(k, pc int) (lo, hi int) {
	p := s.art.Photos[k]
	width := float64(s.grid.SpanWidth(pc))
	switch {
	case p.File == "" && p.Aspect != 0:
		n := s.naturalFrame(k, pc)
		return n, n
	case p.File == "":
		// A placeholder of no given shape: the picture desk crops to what the page needs.
		return s.frameLines(geom.Length(width / 1.9)), s.frameLines(geom.Length(width / 1.0))
	}
	height := width / s.aspect(k)
	return s.frameLines(geom.Length(height * 0.8)), s.frameLines(geom.Length(height * 1.25))
}

// aspect is photo k's width ÷ height: the picture's, the file's word, or 4:3.
func (s *story) aspect(k int) float64 {
	p := s.art.Photos[k]
	switch {
	case p.PixelWidth > 0 && p.PixelHeight > 0:
		return float64(p.PixelWidth) / float64(p.PixelHeight)
	case p.Aspect > 0:
		return p.Aspect
	}
	return 4.0 / 3.0
}

// frameLines is the number of lines a frame of the given height takes on the grid,
// rounded to the nearest: the frame runs from a line's top to a later line's em bottom.
func (s *story) frameLines(height geom.Length) int {
	g := s.grid
	return max(2, int((height+g.Leading-g.Body+g.Leading/2)/g.Leading))
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
