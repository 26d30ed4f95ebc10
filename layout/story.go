package layout

import (
	"unicode/utf8"

	"broadsheet/issues"
	"broadsheet/layout/geom"
	"broadsheet/layout/lines"
)

// story is an article prepared for fitting: its body set once in the basic column
// (every column of an article has the same measure), and its headline blocks and
// captions set on demand for each width tried.
type story struct {
	index, rank int
	art         *issues.Article
	grid        Grid
	opt         textOptions
	body        []bodyLine
	// chars[i] counts the characters of body lines i.. (for overset reports).
	chars    []int
	heads    map[[2]int]*headBlock // by columns and 号 index
	layers   map[layerKey][]lines.Line
	captions map[[2]int][]lines.Line
	// photoGeoms[pc] is the photo geometry at pc columns, once computed.
	photoGeoms []*photoGeom
	// photoCols is the photo width the file asks for (the widest, if several), or 0.
	photoCols int
	warnings  []Warning
}

// textOptions are the composition switches that come from the issue's format.
type textOptions struct{ strict, fullWidth bool }

// bodyLine is one composed line of the body flow: a paragraph line or the byline.
type bodyLine struct {
	lines.Line
	byline bool // set flush right in the column
	para   int  // paragraph index, -1 for the byline
}

func newStory(index, rank int, a *issues.Article, g Grid, opt textOptions) *story {
	s := &story{index: index, rank: rank, art: a, grid: g, opt: opt,
		heads: map[[2]int]*headBlock{}, layers: map[layerKey][]lines.Line{}, captions: map[[2]int][]lines.Line{}}
	for _, p := range a.Photos {
		s.photoCols = max(s.photoCols, p.Columns)
	}
	s.setBody()
	s.checkGlyphs()
	return s
}

// setBody composes the paragraphs (the lead in Hei before the first) and the byline.
func (s *story) setBody() {
	for i, p := range s.art.Paragraphs {
		spans := []lines.Span{{Text: p, Font: bodyFace}}
		if i == 0 && s.art.Lead != "" {
			spans = []lines.Span{{Text: s.art.Lead, Font: leadFace}, {Text: "\u3000" + p, Font: bodyFace}}
		}
		par := lines.Compose(spans, s.lineOptions(s.grid.ColumnWidth(), s.grid.Body, 2, true))
		for _, l := range par.Lines {
			s.body = append(s.body, bodyLine{Line: l, para: i})
		}
	}
	if s.art.Byline != "" {
		spans := []lines.Span{{Text: s.art.Byline, Font: bylineFace}}
		par := lines.Compose(spans, s.lineOptions(s.grid.ColumnWidth(), s.grid.Body, 0, false))
		for _, l := range par.Lines {
			s.body = append(s.body, bodyLine{Line: l, byline: true, para: -1})
		}
	}
	s.chars = make([]int, len(s.body)+1)
	for i := len(s.body) - 1; i >= 0; i-- {
		s.chars[i] = s.chars[i+1] + lineChars(s.body[i].Line)
	}
}

func (s *story) lineOptions(width, size geom.Length, indent int, justify bool) lines.Options {
	return lines.Options{Width: width, Size: size, Indent: indent, Strict: s.opt.strict,
		FullWidth: s.opt.fullWidth, Justify: justify}
}

func lineChars(l lines.Line) int {
	n := 0
	for _, r := range l.Runs {
		n += utf8.RuneCountInString(r.Text)
	}
	return n
}

// caption returns the caption of photo k set in a frame of the given columns.
func (s *story) caption(k, columns int) []lines.Line {
	key := [2]int{k, columns}
	if c, ok := s.captions[key]; ok {
		return c
	}
	var set []lines.Line
	if text := s.art.Photos[k].Caption; text != "" {
		spans := []lines.Span{{Text: text, Font: captionFace}}
		set = lines.Compose(spans, s.lineOptions(s.grid.SpanWidth(columns), s.grid.Body, 0, true)).Lines
	}
	s.captions[key] = set
	return set
}
