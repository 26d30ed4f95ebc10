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
	"broadsheet/layout/words"
)

// Setter sets the articles of one page: the page's grid, the style sheet, the faces
// and the composition switches of the issue's format.
type Setter struct {
	// BriefMark separates the items of a brief list (format.brief_mark).
	BriefMark string
	Grid      grid.Grid
	Sheet     *style.Sheet
	Faces     *Faces
	// Strict is the kinsoku level; FullWidth turns , ( ) ; : ! ? beside Chinese into
	// full-width marks.
	Strict, FullWidth bool
}

// NewSetter is the setter of an issue's page.
func NewSetter(f issues.Format, g grid.Grid, sheet *style.Sheet, faces *Faces) *Setter {
	return &Setter{Grid: g, Sheet: sheet, Faces: faces, Strict: f.Kinsoku != "basic", FullWidth: f.FullwidthPunctuation,
		BriefMark: f.BriefMark}
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
	// measure is the width of a leg; inset what a box takes from each side of the
	// headline's measure. boxed caches the article set inside a box, by columns.
	measure, inset geom.Length
	boxed          map[int]*Story
	// breaks caches the segmenter's answer for each headline part.
	breaks map[string][]words.Quality
	// Missing lists the article's characters no embedded face has.
	Missing []Missing
}

// BodyLine is one composed line of the body flow: a paragraph line or the byline.
type BodyLine struct {
	lines.Line
	Byline bool // set flush right in the column
	Para   int  // paragraph index, -1 for the byline
	First  bool // its paragraph's first line
	Cross  bool // a crosshead's line
	Brief  bool // a brief item's line (the first holds its title)
	Blank  bool // a line of white (above a crosshead)
	Rule   bool // a line holding a thin rule across the column
	Label  bool // a jump label, （下转第3版） or （上接第1版）, set flush right
}

// Story sets article a, the index-th of the file, at importance rank.
func (st *Setter) Story(index, rank int, a *issues.Article) *Story {
	s := &Story{Index: index, Rank: rank, Art: a, set: st,
		heads: map[[3]int]*HeadBlock{}, headFace: st.Sheet.HeadlineFace(rank), layers: map[layerKey]setLayer{}, captions: map[[2]int][]lines.Line{}}
	for _, p := range a.Photos {
		s.PhotoCols = max(s.PhotoCols, p.Columns)
	}
	s.measure = st.Grid.ColumnWidth()
	s.setBody()
	s.Missing = st.articleMissing(s)
	return s
}

// setBody composes the body flow: the editor's note between thin rules, then the
// paragraphs (the lead in Hei before the first; a paragraph starting "## " is a
// crosshead, with a line of white above it) or a brief list's items, then the byline.
func (s *Story) setBody() {
	st, f := s.set, &s.set.Sheet.Faces
	if s.Art.EditorNote != "" {
		s.note()
	}
	if s.Art.Kind == issues.KindBriefs {
		s.briefList()
	}
	if c := s.Art.Continued; c != nil {
		s.Body = append(s.Body, s.jumpLabel(st.Sheet.Jumps.In, c.FromPage))
	}
	for i, p := range s.Art.Paragraphs {
		if head, ok := strings.CutPrefix(p, crossheadMark); ok {
			s.crosshead(i, strings.TrimSpace(head))
			continue
		}
		indent := st.Sheet.Grid.Indent
		if c := s.Art.Continued; c != nil && c.Fragment && i == 0 {
			indent = 0 // the paragraph began on the other page
		}
		spans, _, _ := s.paraSpans(i)
		s.paragraph(spans, i, indent, true, BodyLine{})
	}
	if s.Art.Lead != "" && s.leadPara() < 0 { // a body of crossheads only: the lead stands alone, not lost
		s.paragraph([]lines.Span{{Text: s.Art.Lead, Font: st.Faces.Font(f.Lead)}}, len(s.Art.Paragraphs), st.Sheet.Grid.Indent, true, BodyLine{})
	}
	if s.Art.Byline != "" {
		s.paragraph([]lines.Span{{Text: s.Art.Byline, Font: st.Faces.Font(f.Byline)}}, -1, 0, false, BodyLine{Byline: true})
	}
	s.countChars()
}

// countChars counts the characters of the body from each line on.
func (s *Story) countChars() {
	s.chars = make([]int, len(s.Body)+1)
	for i := len(s.Body) - 1; i >= 0; i-- {
		s.chars[i] = s.chars[i+1] + LineChars(s.Body[i].Line)
	}
}

// leadPara is the paragraph the lead (本报讯) runs into: the first that is not a
// crosshead; -1 when every one is.
func (s *Story) leadPara() int {
	for i, p := range s.Art.Paragraphs {
		if !strings.HasPrefix(p, crossheadMark) {
			return i
		}
	}
	return -1
}

// paraSpans is paragraph i's spans as the body sets them — the lead in Hei before
// the paragraph it runs into, the bold run-ins — with where each span's bytes are in
// the file's paragraph (nil for the lead's) and whether it is bold.
func (s *Story) paraSpans(i int) (spans []lines.Span, src [][]int, bold []bool) {
	st, f := s.set, &s.set.Sheet.Faces
	if s.Art.Lead != "" && i == s.leadPara() {
		spans = []lines.Span{{Text: s.Art.Lead, Font: st.Faces.Font(f.Lead)}, {Text: "\u3000", Font: st.Faces.Font(f.Body)}}
		src, bold = make([][]int, 2), make([]bool, 2)
	}
	runs := splitRunIns(s.Art.Paragraphs[i])
	spans = append(spans, s.runInSpans(runs, st.Faces.Font(f.Body))...)
	for _, r := range runs {
		src, bold = append(src, r.src), append(bold, r.bold)
	}
	return spans, src, bold
}

// crossheadMark starts a paragraph that is a crosshead (小标题).
const crossheadMark = "## "

// paragraph composes spans at the column's measure and appends its lines, each a copy
// of like with the paragraph index para.
func (s *Story) paragraph(spans []lines.Span, para, indent int, justify bool, like BodyLine) {
	st := s.set
	par := lines.Compose(spans, st.options(s.measure, st.Grid.Body, indent, justify))
	for k, l := range par.Lines {
		b := like
		b.Line, b.Para, b.First = l, para, k == 0
		s.Body = append(s.Body, b)
	}
}

// white appends a line of white to the flow, or one holding a thin rule.
func (s *Story) white(rule bool) {
	s.Body = append(s.Body, BodyLine{Blank: !rule, Rule: rule, Para: noPara})
}

// noPara is the paragraph index of lines that belong to none: white and rules.
const noPara = -2

// crosshead sets a crosshead in bold Hei at body size, not indented, after a line of
// white unless it opens the body.
func (s *Story) crosshead(para int, text string) {
	if len(s.Body) > 0 {
		s.white(false)
	}
	set := s.balancedPart(text, s.set.Sheet.Crosshead, s.measure, s.set.Grid.Body)
	for k, l := range set.lines {
		s.Body = append(s.Body, BodyLine{Line: l, Para: para, First: k == 0, Cross: true})
	}
}

// note sets the editor's note (编者按): led by a bold 「编者按」, in Kai, between thin
// rules, before the body.
func (s *Story) note() {
	f := &s.set.Sheet.Faces
	s.white(true)
	spans := []lines.Span{{Text: editorNote, Font: s.set.Faces.Font(f.RunIn)}, {Text: s.Art.EditorNote, Font: s.set.Faces.Font(f.Note)}}
	s.paragraph(spans, -3, s.set.Sheet.Grid.Indent, true, BodyLine{})
	s.white(true)
}

// editorNote leads the editor's note.
const editorNote = "【编者按】"

// briefList sets the items of a brief list: each a bold title run in before its text,
// separated by thin rules, or each led by the format's brief mark.
func (s *Story) briefList() {
	st, f := s.set, &s.set.Sheet.Faces
	mark := st.BriefMark
	for k, b := range s.Art.Briefs {
		title := b.Title
		if mark != "rule" && mark != "" {
			title = mark + title
		} else if k > 0 {
			s.white(true)
		}
		spans := []lines.Span{{Text: title, Font: st.Faces.Font(f.RunIn)}, {Text: "\u3000", Font: st.Faces.Font(f.Body)}}
		spans = append(spans, s.runIns(b.Body, st.Faces.Font(f.Body))...)
		s.paragraph(spans, 1000+k, st.Sheet.Grid.Indent, true, BodyLine{Brief: true})
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

// BadStart reports whether a leg should not start at body line i: a widow; a line of
// white or a rule (they belong between things, not at a leg's top); a leg before that
// would end with a crosshead, or with a crosshead and one line of what it heads; or
// with a brief item's title line (the title never ends a leg).
func (s *Story) BadStart(i int) bool {
	if i <= 0 || i >= len(s.Body) {
		return false
	}
	b, prev := &s.Body[i], &s.Body[i-1]
	switch {
	case s.Widow(i), b.Blank, b.Rule, b.Label, prev.Cross && !b.Cross:
		return true
	case prev.Brief && prev.First && !prev.Last:
		return true
	case i >= 2 && s.Body[i-2].Cross && !prev.Cross && !prev.Last:
		return true
	}
	return false
}

// Boxed reports whether the article is set in a box (a rule, a double rule or a tint).
func (s *Story) Boxed() bool { return s.Art.Box != "" }

// InBox returns the article as set inside a box across columns: the frame runs down
// the middle of the gutters and gap lines around the module, and the text keeps one
// character from it, so the legs and headline are set half a character narrower each
// side (columns legs sharing the width less that and the gutters). The story itself,
// for an article in no box.
func (s *Story) InBox(columns int) *Story {
	if !s.Boxed() || columns < 1 {
		return s
	}
	if b, ok := s.boxed[columns]; ok {
		return b
	}
	g := s.set.Grid
	b := &Story{Index: s.Index, Rank: s.Rank, Art: s.Art, set: s.set, PhotoCols: s.PhotoCols, Missing: s.Missing,
		heads: map[[3]int]*HeadBlock{}, headFace: s.headFace, layers: map[layerKey]setLayer{}, captions: map[[2]int][]lines.Line{},
		inset: g.Body, measure: LegWidth(g, columns, true)}
	b.setBody()
	if s.boxed == nil {
		s.boxed = map[int]*Story{}
	}
	s.boxed[columns] = b
	return b
}

// LegWidth is the width of one leg of an article across columns: a basic column, or
// in a box, the columns' span less half a character each side and the gutters, shared.
func LegWidth(g grid.Grid, columns int, boxed bool) geom.Length {
	if !boxed {
		return g.ColumnWidth()
	}
	inner := g.SpanWidth(columns) - g.Body - g.Body*geom.Length(columns-1)
	return inner / geom.Length(columns)
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

// PrintedText is the text of an article's body flow as the page prints it, for
// checking that nothing is lost: the editor's note with its lead, the paragraphs
// without crosshead marks and ** markers, the brief items with their marks.
func (st *Setter) PrintedText(a *issues.Article) string {
	var b strings.Builder
	if a.EditorNote != "" {
		b.WriteString(editorNote + a.EditorNote)
	}
	for _, br := range a.Briefs {
		if st.BriefMark != "rule" && st.BriefMark != "" {
			b.WriteString(st.BriefMark)
		}
		b.WriteString(br.Title + printedRunIns(br.Body))
	}
	for _, p := range a.Paragraphs {
		if head, ok := strings.CutPrefix(p, crossheadMark); ok {
			b.WriteString(head)
			continue
		}
		b.WriteString(printedRunIns(p))
	}
	return b.String()
}
