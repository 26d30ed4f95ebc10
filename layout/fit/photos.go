package fit

import (
	"slices"

	"broadsheet/layout/geom"
)

// Slot is where one photo sits in its article's photo block: its frame's first column
// and line from the block's top left, its width, its frame's height and its caption's
// lines, all in grid units.
type Slot struct {
	Photo                 int
	Column, Line, Columns int
	Frame, CaptionLines   int
}

// block is one way to set an article's photos at the top right of its body area: side
// by side in a row when their widths fit the article, else stacked.
type block struct {
	cols, lines int
	slots       []Slot
	// area is the placeholders' largest frame in cells: none may take more than half of
	// the article's module.
	area int
}

// blocks returns the ways to set the photos in an article w columns wide, worked out
// once per width. A photo whose file gives its columns keeps them; a picture is never
// wider than it prints sharp at (unless even one column is too wide for it); every
// frame keeps its photo's shape, to within the rounding to whole lines.
func (s *Article) blocks(w int) []block {
	if s.photoBlocks == nil {
		s.photoBlocks = make([][]block, s.grid.Columns+1)
	}
	if s.photoBlocks[w] == nil {
		if row := s.rows(w); len(row) > 0 {
			s.photoBlocks[w] = row
		} else {
			s.photoBlocks[w] = s.stacks(w)
		}
	}
	return s.photoBlocks[w]
}

// widths is the widths photo k may take in an article w columns wide, narrowest first.
func (s *Article) widths(k, w int) []int {
	if c := s.S.Art.Photos[k].Columns; c > 0 {
		if c > w {
			return nil
		}
		return []int{c}
	}
	var out []int
	for c := 1; c <= min(w, s.sharpest(k)); c++ {
		out = append(out, c)
	}
	return out
}

// sharpest is the widest photo k may be set, in columns: the widest at which a
// picture still prints at the sheet's resolution (at least one column); any width for
// a placeholder.
func (s *Article) sharpest(k int) int {
	p := s.S.Art.Photos[k]
	if p.File == "" || p.PixelWidth <= 0 {
		return s.grid.Columns
	}
	c := 1
	for c < s.grid.Columns && float64(p.PixelWidth)/(s.grid.SpanWidth(c+1).Points()/72) >= s.sheet.Photo.MinPPI {
		c++
	}
	return c
}

// rows sets two or more photos side by side, each of equal width unless the file gives
// one, under one frame height; none when their widths do not fit w columns.
func (s *Article) rows(w int) []block {
	n := len(s.S.Art.Photos)
	if n < 2 {
		return nil
	}
	var out []block
	for c := 1; c <= w; c++ {
		cols := make([]int, n)
		sum := 0
		for k := range n {
			ws := s.widths(k, w)
			switch {
			case len(ws) == 1:
				cols[k] = ws[0]
			case slices.Contains(ws, c):
				cols[k] = c
			default:
				cols[k] = 0
			}
			sum += cols[k]
		}
		if slices.Contains(cols, 0) || sum > w {
			continue
		}
		if b, ok := s.row(cols); ok && !containsBlock(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// row sets the photos side by side at the given widths, their frames one height (the
// tallest natural one that every photo's crop allows), their captions under them.
func (s *Article) row(cols []int) (block, bool) {
	lo, hi, natural := 0, 1<<30, 0
	for k, c := range cols {
		l, h := s.frameRange(k, c)
		lo, hi, natural = max(lo, l), min(hi, h), max(natural, s.naturalFrame(k, c))
	}
	if lo > hi {
		return block{}, false
	}
	frame := min(max(natural, lo), hi)
	b := block{}
	for k, c := range cols {
		capLines := len(s.S.Caption(k, c))
		b.slots = append(b.slots, Slot{Photo: k, Column: b.cols, Columns: c, Frame: frame, CaptionLines: capLines})
		b.cols += c
		b.lines = max(b.lines, frame+capLines+1)
		b.placeholder(k, c, frame)
	}
	return b, true
}

// stacks sets the photos one under another, each at the block's width or its own,
// right-aligned in the block.
func (s *Article) stacks(w int) []block {
	var out []block
	for bc := 1; bc <= w; bc++ {
		b, ok := block{cols: bc}, true
		for k := range s.S.Art.Photos {
			c := bc
			if ws := s.widths(k, w); len(ws) == 1 {
				c = ws[0]
			} else if !slices.Contains(ws, bc) {
				ok = false
			}
			if c > bc {
				ok = false
			}
			frame := s.naturalFrame(k, c)
			capLines := len(s.S.Caption(k, c))
			b.slots = append(b.slots, Slot{Photo: k, Column: bc - c, Line: b.lines, Columns: c, Frame: frame, CaptionLines: capLines})
			b.lines += frame + capLines + 1
			b.placeholder(k, c, frame)
		}
		if ok && !containsBlock(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// oversized prices photos that outgrow their story: every frame cell beyond the
// body's own cells (times the sheet's allowance) is priced like a hole, so that a
// photo's size follows the text it goes with, not the room the page has left.
func (s *Article) oversized(b block) int64 {
	cells := 0
	for _, sl := range b.slots {
		cells += sl.Columns * sl.Frame
	}
	if len(s.S.Body) == 0 {
		return 0 // photo news: the picture is the story
	}
	allowed := int(s.sheet.Photo.TextShare.Of(geom.Length(len(s.S.Body))))
	return int64(max(0, cells-allowed)) * s.costs.OversizePhoto
}

// placeholder records the area of photo k's frame if it is a placeholder.
func (b *block) placeholder(k, cols, frame int) { b.area = max(b.area, cols*frame) }

func containsBlock(bs []block, b block) bool {
	for _, o := range bs {
		if o.cols == b.cols && o.lines == b.lines && slices.Equal(o.slots, b.slots) {
			return true
		}
	}
	return false
}

// fitPhotos sets the photo block at the top right of the body area and prices the
// result; a block that does not fit under the headline, or a placeholder that would
// take more than half the module, is no choice.
func (s *Article) fitPhotos(f Fitting, b block, cost int64, best *Fitting) {
	body := f.BodyLines()
	if b.lines > body || b.cols > f.Columns || 2*b.area > f.Columns*f.Lines && len(s.S.Body) > 0 {
		return
	}
	if len(s.S.Body) == 0 && (b.cols != f.Columns || b.cols > int(s.sheet.Photo.NewsShare.Of(geom.Length(s.grid.Columns)))) {
		return // photo news (图片新闻): the picture spans its module, at most the sheet's share of the page
	}
	f.PhotoCols, f.PhotoLines, f.Slots = b.cols, b.lines, b.slots
	s.evaluate(&f, cost+s.oversized(b), best)
}

// naturalFrame is the frame height, in lines, that shows photo k whole at pc columns.
func (s *Article) naturalFrame(k, pc int) int {
	return s.frameLines(geom.Length(float64(s.grid.SpanWidth(pc)) / s.aspect(k)))
}

// frameRange is the least and most frame lines photo k may take at pc columns: the
// natural height for a placeholder, which keeps its shape; for a picture, a crop of up
// to a fifth of either side.
func (s *Article) frameRange(k, pc int) (lo, hi int) {
	p := s.S.Art.Photos[k]
	if p.File == "" {
		n := s.naturalFrame(k, pc)
		return n, n
	}
	height := float64(s.grid.SpanWidth(pc)) / s.aspect(k)
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
