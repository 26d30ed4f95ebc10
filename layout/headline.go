package layout

import (
	"broadsheet/layout/geom"
	"broadsheet/layout/lines"
)

// headBlock is an article's headline block set for one width and one 号 size: the
// kicker (引题) above, the headline (主题), the subhead (副题) below, every line centred
// over the article's columns. It occupies whole body lines.
type headBlock struct {
	hao       int // index in haoScale of the headline size
	layers    []headLayer
	content   geom.Length // height of the set lines and the gaps between layers
	lines     int         // the fewest body lines that hold it
	mainLines int         // lines of the headline itself
}

// headLayer is one of the three layers of a headline block.
type headLayer struct {
	font  face
	size  geom.Length
	lines []lines.Line
	gap   geom.Length // space above this layer
	pitch geom.Length // baseline to baseline within the layer
}

// Headline sizes by importance: the largest and the smallest 号 index each rank may
// use. The lead story never goes below 一号, the largest any other story may have, so
// it always has the largest headline; the second story stays at 小二 or above.
var (
	rankLargest  = []int{0, 2, 2, 3, 4, 4, 5}
	rankSmallest = []int{2, 5, 8} // 一号, 小二, then 四号 (14 pt) for every other rank
)

// headSizes returns the 号 indices a headline of this rank may take, largest first.
func (s *story) headSizes() []int {
	first := rankLargest[min(s.rank, len(rankLargest)-1)]
	last := rankSmallest[min(s.rank, len(rankSmallest)-1)]
	var out []int
	for i := first; i <= last; i++ {
		out = append(out, i)
	}
	return out
}

// head returns the headline block for an article of the given columns at 号 index hao.
func (s *story) head(columns, hao int) *headBlock {
	key := [2]int{columns, hao}
	if h, ok := s.heads[key]; ok {
		return h
	}
	h := s.setHead(columns, hao)
	s.heads[key] = h
	return h
}

func (s *story) setHead(columns, hao int) *headBlock {
	width := s.grid.SpanWidth(columns) - s.grid.Body // half a character of air each side
	size := haoScale[hao].Size
	minor := minorSize(size, s.grid.Body)
	h := &headBlock{hao: hao}
	if s.art.Kicker != "" {
		h.add(headLayer{font: kickerFace, size: minor, pitch: minor.Scale(13, 10),
			lines: s.balanced(s.art.Kicker, kickerFace, width, minor)})
	}
	main := headLayer{font: headlineFace(s.rank), size: size, pitch: size.Scale(12, 10),
		lines: s.balanced(s.art.Headline, headlineFace(s.rank), width, size)}
	if len(h.layers) > 0 {
		main.gap = size.Scale(15, 100)
	}
	h.add(main)
	h.mainLines = len(main.lines)
	if s.art.Subhead != "" {
		h.add(headLayer{font: subheadFace, size: minor, pitch: minor.Scale(13, 10), gap: size.Scale(15, 100),
			lines: s.balanced(subheadPrefix+s.art.Subhead, subheadFace, width, minor)})
	}
	pad := s.grid.Body.Scale(8, 10) // air above and below, in the block
	h.lines = int((h.content + 2*pad + s.grid.Leading - 1) / s.grid.Leading)
	return h
}

func (h *headBlock) add(l headLayer) {
	h.layers = append(h.layers, l)
	h.content += l.gap + l.pitch.Scale(int64(len(l.lines)-1), 1) + l.size
}

// subheadPrefix leads every subhead (副题), as Chinese papers set it.
const subheadPrefix = "——"

// minorSize is the size of kicker and subhead: about half the headline, on the 号
// scale, never below 12 pt or 1.3 × body.
func minorSize(headline, body geom.Length) geom.Length {
	s := haoScale[haoIndex(headline.Scale(55, 100))].Size
	return geom.Max(s, geom.Max(geom.Pt(12), body.Scale(13, 10)))
}

// balanced sets a headline layer in the fewest lines, with the breaks moved to make
// the lines even and to fall at phrase boundaries. Settings are cached by text, width
// and size: kickers and subheads repeat across the headline sizes tried.
func (s *story) balanced(text string, f face, width, size geom.Length) []lines.Line {
	key := layerKey{text, width, size}
	if l, ok := s.layers[key]; ok {
		return l
	}
	opt := s.lineOptions(width, size, 0, false)
	opt.Balance = true
	set := lines.Compose([]lines.Span{{Text: text, Font: f}}, opt).Lines
	s.layers[key] = set
	return set
}

type layerKey struct {
	text        string
	width, size geom.Length
}
