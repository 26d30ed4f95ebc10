package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"broadsheet/fonts"
	"broadsheet/issues"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/lines"
	"broadsheet/layout/style"
)

// Setter sets the articles of one page: the page's grid, the style sheet, the faces
// and the composition switches of the issue's format.
type Setter struct {
	Grid  grid.Grid
	Sheet *style.Sheet
	Faces *Faces
	// Strict is the kinsoku level; FullWidth turns , ( ) ; : ! ? beside Chinese into
	// full-width marks.
	Strict, FullWidth bool
}

// NewSetter is the setter of an issue's page.
func NewSetter(f issues.Format, g grid.Grid, sheet *style.Sheet, faces *Faces) *Setter {
	return &Setter{Grid: g, Sheet: sheet, Faces: faces, Strict: f.Kinsoku != "basic", FullWidth: f.FullwidthPunctuation}
}

// Story is an article prepared for fitting: its body set once in the basic column
// (every column of an article has the same measure), and its headline blocks and
// captions set on demand for each width tried.
type Story struct {
	// Index is the article's place in the issue file; Rank its order of importance.
	Index, Rank int
	Art         *issues.Article
	set         *Setter
	// Body is the body flow: paragraph lines, then the byline.
	Body []BodyLine
	// chars[i] counts the characters of body lines i.. (for overset reports).
	chars    []int
	heads    map[[3]int]*HeadBlock // by columns, 号 index and face
	headFace fonts.ID
	layers   map[layerKey]setLayer
	captions map[[2]int][]lines.Line
	// PhotoCols is the photo width the file asks for (the widest, if several), or 0.
	PhotoCols int
	// Missing lists the article's characters no embedded face has.
	Missing []Missing
}

// BodyLine is one composed line of the body flow: a paragraph line or the byline.
type BodyLine struct {
	lines.Line
	Byline bool // set flush right in the column
	Para   int  // paragraph index, -1 for the byline
}

// Story sets article a, the index-th of the file, at importance rank.
func (st *Setter) Story(index, rank int, a *issues.Article) *Story {
	s := &Story{Index: index, Rank: rank, Art: a, set: st,
		heads: map[[3]int]*HeadBlock{}, headFace: st.Sheet.HeadlineFace(rank), layers: map[layerKey]setLayer{}, captions: map[[2]int][]lines.Line{}}
	for _, p := range a.Photos {
		s.PhotoCols = max(s.PhotoCols, p.Columns)
	}
	s.setBody()
	s.Missing = st.articleMissing(s)
	return s
}

// setBody composes the paragraphs (the lead in Hei before the first) and the byline.
func (s *Story) setBody() {
	st, f := s.set, &s.set.Sheet.Faces
	body, lead := st.Faces.Font(f.Body), st.Faces.Font(f.Lead)
	for i, p := range s.Art.Paragraphs {
		spans := []lines.Span{{Text: p, Font: body}}
		if i == 0 && s.Art.Lead != "" {
			spans = []lines.Span{{Text: s.Art.Lead, Font: lead}, {Text: "\u3000" + p, Font: body}}
		}
		par := lines.Compose(spans, st.options(st.Grid.ColumnWidth(), st.Grid.Body, st.Sheet.Grid.Indent, true))
		for _, l := range par.Lines {
			s.Body = append(s.Body, BodyLine{Line: l, Para: i})
		}
	}
	if s.Art.Byline != "" {
		spans := []lines.Span{{Text: s.Art.Byline, Font: st.Faces.Font(f.Byline)}}
		par := lines.Compose(spans, st.options(st.Grid.ColumnWidth(), st.Grid.Body, 0, false))
		for _, l := range par.Lines {
			s.Body = append(s.Body, BodyLine{Line: l, Byline: true, Para: -1})
		}
	}
	s.chars = make([]int, len(s.Body)+1)
	for i := len(s.Body) - 1; i >= 0; i-- {
		s.chars[i] = s.chars[i+1] + LineChars(s.Body[i].Line)
	}
}

// options are the composer's options for a measure, size, indent and justification.
func (st *Setter) options(width, size geom.Length, indent int, justify bool) lines.Options {
	return lines.Options{Width: width, Size: size, Indent: indent, Strict: st.Strict,
		FullWidth: st.FullWidth, Justify: justify}
}

// CharsFrom counts the characters of body lines i and after.
func (s *Story) CharsFrom(i int) int { return s.chars[i] }

// Widow reports whether body line i ends a paragraph that began on an earlier line.
func (s *Story) Widow(i int) bool {
	return i > 0 && i < len(s.Body) && s.Body[i].Last && !s.Body[i].Byline && s.Body[i-1].Para == s.Body[i].Para
}

// Caption returns the caption of photo k set in a frame of the given columns.
func (s *Story) Caption(k, columns int) []lines.Line {
	key := [2]int{k, columns}
	if c, ok := s.captions[key]; ok {
		return c
	}
	var set []lines.Line
	if text := s.Art.Photos[k].Caption; text != "" {
		st := s.set
		spans := []lines.Span{{Text: text, Font: st.Faces.Font(st.Sheet.Caption)}}
		set = lines.Compose(spans, st.options(st.Grid.SpanWidth(columns), st.Grid.Body, 0, true)).Lines
	}
	s.captions[key] = set
	return set
}

// LineChars counts the characters drawn on a composed line.
func LineChars(l lines.Line) int {
	n := 0
	for _, r := range l.Runs {
		n += utf8.RuneCountInString(r.Text)
	}
	return n
}

// VisibleChars counts the characters of s that are not white space.
func VisibleChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// HeadChars counts the characters of the article's headline block as the page would
// print them: kicker, headline and the subhead with its prefix.
func (s *Story) HeadChars() int {
	a := s.Art
	n := VisibleChars(Printed(a.Kicker)) + VisibleChars(Printed(a.Headline))
	if a.Subhead != "" {
		n += VisibleChars(s.set.Sheet.Head.SubheadPrefix + Printed(a.Subhead))
	}
	return n
}

// Printed is a headline layer's text as the page prints it: without forced breaks.
func Printed(layer string) string { return strings.ReplaceAll(layer, ForcedBreak, "") }
