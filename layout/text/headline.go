package text

import (
	"strings"
	"unicode/utf8"

	"broadsheet/fonts"
	"broadsheet/layout/geom"
	"broadsheet/layout/lines"
	"broadsheet/layout/words"
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
	Name  string // "kicker", "headline" or "subhead"
	Face  fonts.ID
	Size  geom.Length
	Lines []lines.Line
	Gap   geom.Length // space above this layer
	Pitch geom.Length // baseline to baseline within the layer
	// Split lists the words the layer had to be broken inside: a word wider than
	// the measure. Empty for a layer set as a reader would break it.
	Split []string
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
	if s.Art.Continued != nil { // the rest of a story the reader met on another page
		first = max(first, s.set.Sheet.Jumps.Head)
		last = max(last, first)
	}
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
func (s *Story) SetHeadFace(id fonts.ID) {
	s.headFace = id
	for _, b := range s.boxed {
		b.headFace = id
	}
}

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
	width := g.SpanWidth(columns) - sh.Air.Of(g.Body) - s.inset
	size := s.SizeOf(hao)
	minor := s.minorSize(size)
	h := &HeadBlock{Hao: hao, Size: size, Face: s.headFace}
	if s.Art.Kicker != "" {
		h.add(s.layer("kicker", st.Sheet.Kicker, minor, sh.MinorPitch.Of(minor), s.Art.Kicker, width))
	}
	main := s.layer("headline", s.headFace, size, sh.MainPitch.Of(size), s.Art.Headline, width)
	if len(h.Layers) > 0 {
		main.Gap = sh.LayerGap.Of(size)
	}
	h.add(main)
	h.MainLines = len(main.Lines)
	if s.Art.Subhead != "" {
		sub := s.layer("subhead", st.Sheet.Subhead, minor, sh.MinorPitch.Of(minor), sh.SubheadPrefix+s.Art.Subhead, width)
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
func (s *Story) layer(name string, id fonts.ID, size, pitch geom.Length, text string, width geom.Length) Layer {
	set := s.balanced(text, id, width, size)
	return Layer{Name: name, Face: id, Size: size, Pitch: pitch, Lines: set.lines, Split: set.split}
}

// minorSize is the size of kicker and subhead: about half the headline, on the 号
// scale, within the sheet's floors.
func (s *Story) minorSize(headline geom.Length) geom.Length {
	sh := s.set.Sheet
	size := sh.Hao[sh.HaoIndex(sh.Head.MinorShare.Of(headline))].Size
	return geom.Max(size, geom.Max(sh.Head.MinorFloor, sh.Head.MinorBody.Of(s.set.Grid.Body)))
}

// setLayer is a headline layer as set: its lines and the words broken inside.
type setLayer struct {
	lines []lines.Line
	split []string
}

// balanced sets a headline layer in the fewest lines, with the breaks moved to make
// the lines even and to fall where a reader breaks: never inside a word, and between
// words where one does not lean on the next. A ｜ in the text forces a break and is
// not printed. Settings are cached by face, text, width and size: kickers and
// subheads repeat across the headline sizes tried.
func (s *Story) balanced(text string, id fonts.ID, width, size geom.Length) setLayer {
	key := layerKey{id, text, width, size}
	if l, ok := s.layers[key]; ok {
		return l
	}
	var set setLayer
	for _, part := range strings.Split(text, ForcedBreak) {
		if part = strings.TrimSpace(part); part != "" {
			p := s.balancedPart(part, id, width, size)
			set.lines = append(set.lines, p.lines...)
			set.split = append(set.split, p.split...)
		}
	}
	s.layers[key] = set
	return set
}

// ForcedBreak in a kicker, headline or subhead breaks the line there.
const ForcedBreak = "｜"

// balancedPart sets text that holds no forced break: first keeping whole the words a
// weak break would part (区|政务服务), then, if the measure cannot, only the words.
func (s *Story) balancedPart(text string, id fonts.ID, width, size geom.Length) setLayer {
	opt := s.set.options(width, size, 0, false)
	opt.Balance = true
	breaks := s.wordBreaks(text)
	var par lines.Paragraph
	for _, least := range []words.Quality{words.Good, words.Weak} {
		par = lines.Compose([]lines.Span{{Text: text, Font: s.set.Faces.Font(id), NoBreak: below(text, breaks, least)}}, opt)
		if len(par.WordSplits) == 0 {
			break
		}
	}
	set := setLayer{lines: par.Lines}
	for _, ws := range par.WordSplits {
		set.split = append(set.split, wordAt(text, ws.Offset))
	}
	return set
}

// below lists the offsets between characters of text whose break is worse than least.
func below(text string, q []words.Quality, least words.Quality) []int {
	var out []int
	for i := 1; i < len(text); i++ {
		if q[i] < least && utf8.RuneStart(text[i]) {
			out = append(out, i)
		}
	}
	return out
}

// wordAt is the word of text that holds byte offset off.
func wordAt(text string, off int) string {
	at := 0
	for _, w := range words.Segment(text) {
		if off > at && off < at+len(w) {
			return w
		}
		at += len(w)
	}
	return text
}

// layerKey names one setting of a headline layer. The face is part of it: a kicker
// and a subhead of the same words and size are set in different faces.
type layerKey struct {
	face        fonts.ID
	text        string
	width, size geom.Length
}

// wordBreaks returns the segmenter's break qualities of a headline part, worked out
// once per text: a layer is set at every width and size tried.
func (s *Story) wordBreaks(text string) []words.Quality {
	if q, ok := s.breaks[text]; ok {
		return q
	}
	if s.breaks == nil {
		s.breaks = map[string][]words.Quality{}
	}
	q := words.Breaks(text)
	s.breaks[text] = q
	return q
}
