package text

import (
	"broadsheet/fonts"
	"broadsheet/layout/geom"
	"broadsheet/layout/lines"
)

// HeadBlock is an article's headline block set for one width and one 号 size: the
// kicker (引题) above, the headline (主题), the subhead (副题) below, every line centred
// over the article's columns. It occupies whole body lines.
type HeadBlock struct {
	Hao       int         // index in the 号 scale of the headline size, or Fixed
	Size      geom.Length // the headline size
	Face      fonts.ID    // the headline's face
	Layers    []Layer
	Content   geom.Length // height of the set lines and the gaps between layers
	Lines     int         // the fewest body lines that hold it
	MainLines int         // lines of the headline itself
}

// Layer is one of the three layers of a headline block.
type Layer struct {
	Face  fonts.ID
	Size  geom.Length
	Lines []lines.Line
	Gap   geom.Length // space above this layer
	Pitch geom.Length // baseline to baseline within the layer
}

// Fixed stands for the size an article's headline_size gives when it is off the 号
// scale, where a 号 index is expected.
const Fixed = -1

// HeadSizes returns the 号 indices a headline of the story's rank may take, largest
// first: the one the file fixes, if it does.
func (s *Story) HeadSizes() []int {
	if size := s.Art.HeadlineSize; size != 0 {
		if i := s.set.Sheet.HaoIndex(size); s.set.Sheet.Hao[i].Size == size {
			return []int{i}
		}
		return []int{Fixed}
	}
	h := &s.set.Sheet.Head
	first := h.RankLargest[min(s.Rank, len(h.RankLargest)-1)]
	last := h.RankSmallest[min(s.Rank, len(h.RankSmallest)-1)]
	var out []int
	for i := first; i <= last; i++ {
		out = append(out, i)
	}
	return out
}

// SizeOf is the size of 号 index hao, or the file's size for Fixed.
func (s *Story) SizeOf(hao int) geom.Length {
	if hao == Fixed {
		return s.Art.HeadlineSize
	}
	return s.set.Sheet.Hao[hao].Size
}

// HeadFace is the face the story's headline is set in.
func (s *Story) HeadFace() fonts.ID { return s.headFace }

// SetHeadFace sets the story's headline in face id, as a story standing beside another
// in one row takes that one's face.
func (s *Story) SetHeadFace(id fonts.ID) { s.headFace = id }

// Head returns the headline block for an article of the given columns at 号 index hao.
func (s *Story) Head(columns, hao int) *HeadBlock {
	key := [3]int{columns, hao, int(s.headFace)}
	if h, ok := s.heads[key]; ok {
		return h
	}
	h := s.setHead(columns, hao)
	s.heads[key] = h
	return h
}

func (s *Story) setHead(columns, hao int) *HeadBlock {
	st, sh := s.set, &s.set.Sheet.Head
	g := st.Grid
	width := g.SpanWidth(columns) - sh.Air.Of(g.Body)
	size := s.SizeOf(hao)
	minor := s.minorSize(size)
	h := &HeadBlock{Hao: hao, Size: size, Face: s.headFace}
	if s.Art.Kicker != "" {
		h.add(s.layer(st.Sheet.Kicker, minor, sh.MinorPitch.Of(minor), s.Art.Kicker, width))
	}
	main := s.layer(s.headFace, size, sh.MainPitch.Of(size), s.Art.Headline, width)
	if len(h.Layers) > 0 {
		main.Gap = sh.LayerGap.Of(size)
	}
	h.add(main)
	h.MainLines = len(main.Lines)
	if s.Art.Subhead != "" {
		sub := s.layer(st.Sheet.Subhead, minor, sh.MinorPitch.Of(minor), sh.SubheadPrefix+s.Art.Subhead, width)
		sub.Gap = sh.LayerGap.Of(size)
		h.add(sub)
	}
	pad := sh.Pad.Of(g.Body)
	h.Lines = int((h.Content + 2*pad + g.Leading - 1) / g.Leading)
	return h
}

func (h *HeadBlock) add(l Layer) {
	h.Layers = append(h.Layers, l)
	h.Content += l.Gap + l.Pitch.Scale(int64(len(l.Lines)-1), 1) + l.Size
}

// layer sets one layer of text in face id at size.
func (s *Story) layer(id fonts.ID, size, pitch geom.Length, text string, width geom.Length) Layer {
	return Layer{Face: id, Size: size, Pitch: pitch, Lines: s.balanced(text, id, width, size)}
}

// minorSize is the size of kicker and subhead: about half the headline, on the 号
// scale, within the sheet's floors.
func (s *Story) minorSize(headline geom.Length) geom.Length {
	sh := s.set.Sheet
	size := sh.Hao[sh.HaoIndex(sh.Head.MinorShare.Of(headline))].Size
	return geom.Max(size, geom.Max(sh.Head.MinorFloor, sh.Head.MinorBody.Of(s.set.Grid.Body)))
}

// balanced sets a headline layer in the fewest lines, with the breaks moved to make
// the lines even and to fall at phrase boundaries. Settings are cached by face, text,
// width and size: kickers and subheads repeat across the headline sizes tried.
func (s *Story) balanced(text string, id fonts.ID, width, size geom.Length) []lines.Line {
	key := layerKey{id, text, width, size}
	if l, ok := s.layers[key]; ok {
		return l
	}
	opt := s.set.options(width, size, 0, false)
	opt.Balance = true
	set := lines.Compose([]lines.Span{{Text: text, Font: s.set.Faces.Font(id)}}, opt).Lines
	s.layers[key] = set
	return set
}

// layerKey names one setting of a headline layer. The face is part of it: a kicker
// and a subhead of the same words and size are set in different faces.
type layerKey struct {
	face        fonts.ID
	text        string
	width, size geom.Length
}
