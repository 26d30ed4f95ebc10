package layout

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"broadsheet/fonts"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/lines"
)

// placeholderGray is the tint of a photo that has not arrived yet.
const placeholderGray = display.Color(20)

// module is an article's place on the page and how it fills it.
type module struct {
	story        *story
	column, line int // 0-based grid position
	fitting
	// columnLines[c] is the number of body lines set in column c of the module.
	columnLines []int
	photos      []PhotoReport
	// headLost counts the characters of the headline block not on the page: lines a
	// squeezed module had no room for, or the whole block of an article with no module.
	headLost int
}

// rect returns the module's rectangle on the page.
func (m *module) rect(g Grid) geom.Rect { return g.Rect(m.column, m.columns, m.line, m.lines) }

// bodyTop is the grid line where the body area starts, under the headline block.
func (m *module) bodyTop() int { return m.line + m.headLines }

// distribute shares the body lines between the module's columns (see shareLines).
func (m *module) distribute(total int) {
	m.columnLines = make([]int, m.columns)
	m.story.shareLines(m.columnLines, &m.fitting, total)
}

// place draws the module: headline block, photos, body columns.
func (m *module) place(g Grid, items []display.Item) []display.Item {
	items = m.placeHead(g, items)
	items = m.placePhotos(g, items)
	return m.placeBody(g, items)
}

// placeHead centres the headline block's lines in its lines of the module. A block
// squeezed into a module too short for it keeps only the lines that fit.
func (m *module) placeHead(g Grid, items []display.Item) []display.Item {
	top := g.LineTop(m.line)
	region := g.Leading * geom.Length(m.headLines)
	y := top + geom.Max(0, (region-m.head.content)/2)
	bottom := m.rect(g).Bottom()
	x, width := g.ColumnX(m.column), g.SpanWidth(m.columns)
	for _, layer := range m.head.layers {
		y += layer.gap
		for i, l := range layer.lines {
			lineTop := y + layer.pitch*geom.Length(i)
			if lineTop+layer.size > bottom {
				m.headLost += lineChars(l)
				continue
			}
			base := lineTop + geom.Em(emAscent, layer.size)
			items = appendLine(items, l, x+(width-l.Width)/2, base, layer.size)
		}
		y += layer.pitch*geom.Length(len(layer.lines)-1) + layer.size
	}
	return items
}

// placeBody sets the body lines column by column, top to bottom.
func (m *module) placeBody(g Grid, items []display.Item) []display.Item {
	next := 0
	for c, n := range m.columnLines {
		x := g.ColumnX(m.column + c)
		for r := 0; r < n && next < len(m.story.body); r++ {
			l := m.story.body[next]
			lx := x
			if l.byline {
				lx += g.ColumnWidth() - l.Width
			}
			items = appendLine(items, l.Line, lx, g.Baseline(m.bodyTop()+m.columnStart(c)+r), g.Body)
			next++
		}
	}
	return items
}

// placePhotos draws each photo's frame (the picture, or a grey placeholder) and its
// caption under it, stacked at the top of the photo columns.
func (m *module) placePhotos(g Grid, items []display.Item) []display.Item {
	row := m.bodyTop()
	col := m.column + m.columns - m.photoCols
	for k, n := range m.frames {
		frame := g.Rect(col, m.photoCols, row, n)
		var rep PhotoReport
		items, rep = m.placeFrame(items, k, frame)
		rep.Frame = GridRect{Column: col + 1, Columns: m.photoCols, Line: row + 1, Lines: n}
		m.photos = append(m.photos, rep)
		row += n
		for _, l := range m.story.caption(k, m.photoCols) {
			items = appendLine(items, l, frame.X, g.Baseline(row), g.Body)
			row++
		}
		row++
	}
	return items
}

func (m *module) placeFrame(items []display.Item, k int, frame geom.Rect) ([]display.Item, PhotoReport) {
	p := m.story.art.Photos[k]
	if p.File == "" {
		return append(items, &display.Tint{Rect: frame, Color: placeholderGray}), PhotoReport{Placeholder: true}
	}
	// Cover the frame: scale the picture to the larger of the two ratios, centre it.
	pw, ph := float64(p.PixelWidth), float64(p.PixelHeight)
	scale := max(float64(frame.W)/pw, float64(frame.H)/ph)
	w, h := geom.Length(pw*scale), geom.Length(ph*scale)
	placed := geom.Rect{X: frame.X - (w-frame.W)/2, Y: frame.Y - (h-frame.H)/2, W: w, H: h}
	ppi := pw / (float64(w) / float64(geom.Inch))
	return append(items, &display.Image{Path: p.File, PixelWidth: p.PixelWidth, PixelHeight: p.PixelHeight, Frame: frame, Placed: placed}), PhotoReport{PPI: ppi}
}

// appendLine adds the runs of a composed line whose start is at x on baseline y.
// Characters no face has are drawn as empty boxes, one em each.
func appendLine(items []display.Item, l lines.Line, x, y, size geom.Length) []display.Item {
	for _, r := range l.Runs {
		if r.Face < 0 {
			items = appendMissing(items, r, x, y, size)
			continue
		}
		items = append(items, &display.Text{Face: fonts.ID(r.Face), Size: size, X: x + r.X, Y: y,
			Spacing: r.Spacing, Text: r.Text, Color: display.Black})
	}
	return items
}

func appendMissing(items []display.Item, r lines.Run, x, y, size geom.Length) []display.Item {
	n := utf8.RuneCountInString(r.Text)
	for i := 0; i < n; i++ {
		box := geom.Rect{X: x + r.X + (size+r.Spacing)*geom.Length(i) + size/10, Y: y - geom.Em(emAscent, size) + size/10,
			W: size * 8 / 10, H: size * 8 / 10}
		items = append(items, &display.Frame{Rect: box, Width: geom.Pt(0.4), Color: display.Black})
	}
	return items
}

// report describes the module for the page report.
func (m *module) report() ArticleReport {
	s := m.story
	r := ArticleReport{
		Index: s.index, Headline: s.art.Headline, Pinned: s.art.Place != nil,
		LinesSet: min(len(s.body), m.capacity), Photos: m.photos,
	}
	if m.columns > 0 {
		r.Module = &GridRect{Column: m.column + 1, Columns: m.columns, Line: m.line + 1, Lines: m.lines}
	}
	if m.head != nil {
		r.HeadlineSize = haoScale[m.head.hao].Size.String()
		r.HeadlineHao = haoScale[m.head.hao].Name
	}
	if chars := m.oversetChars(); chars > 0 {
		r.Overset = &Overset{Characters: chars, Lines: m.overset}
	}
	return r
}

// oversetChars counts the characters that are not on the page: body lines that did not
// fit, headline lines that did not, and the captions of photos left out.
func (m *module) oversetChars() int {
	s := m.story
	n := s.chars[len(s.body)-m.overset] + m.headLost
	if m.dropped || m.columns == 0 {
		for _, p := range s.art.Photos {
			n += visibleChars(p.Caption)
		}
	}
	return n
}

// unplaced records an article the page has no module for: all of it is overset.
func (m *module) unplaced() {
	a := m.story.art
	m.overset = len(m.story.body)
	m.headLost = visibleChars(a.Kicker) + visibleChars(a.Headline)
	if a.Subhead != "" {
		m.headLost += visibleChars(subheadPrefix + a.Subhead)
	}
}

func visibleChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// oversetWarning says what did not fit, if anything.
func (m *module) oversetWarning() []Warning {
	s := m.story
	item := fmt.Sprintf("article[%d]", s.index)
	var ws []Warning
	if m.overset > 0 {
		ws = append(ws, Warning{Kind: WarnOverset, Article: s.index, Item: item, Attention: true,
			Message: fmt.Sprintf("%q: %d characters in %d lines do not fit (overset)",
				s.art.Headline, s.chars[len(s.body)-m.overset], m.overset)})
	}
	if m.columns == 0 {
		ws = append(ws, Warning{Kind: WarnOverset, Article: s.index, Item: item, Attention: true,
			Message: fmt.Sprintf("%q: no room on the page for this article; all of it is overset", s.art.Headline)})
		return ws
	}
	if m.dropped {
		ws = append(ws, Warning{Kind: WarnOverset, Article: s.index, Item: item, Attention: true,
			Message: fmt.Sprintf("%q: %s fit its module; left out", s.art.Headline, photosDoNot(len(s.art.Photos)))})
	}
	if m.head != nil && m.headLines < m.head.lines {
		ws = append(ws, Warning{Kind: WarnOverset, Article: s.index, Item: item, Attention: true,
			Message: fmt.Sprintf("%q: the headline block needs %d lines and has %d", s.art.Headline, m.head.lines, m.headLines)})
	}
	return ws
}

// photosDoNot is "its photo does not" or "its N photos do not".
func photosDoNot(n int) string {
	if n == 1 {
		return "its photo does not"
	}
	return fmt.Sprintf("its %d photos do not", n)
}
