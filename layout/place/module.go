package place

import (
	"broadsheet/layout/fit"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/lines"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// Module is an article's place on the page and everything set in it.
type Module struct {
	Story *text.Story
	// Cells is the module on the grid; zero Columns when the page has no room for it.
	Cells  geom.Cells
	Pinned bool
	// Ear is true for the 报眼 in page 1's masthead band: furniture beside the name,
	// outside the page's order of importance.
	Ear bool
	fit.Fitting
	// Legs holds the number of body lines set in each column of the module.
	Legs []int
	// Frame is the module's rectangle on the page, where a box is drawn.
	Frame geom.Rect
	// Heading and Text are the module's composed lines where they land, in reading
	// order; each photo carries its caption's lines.
	Heading, Text []Line
	// Photos are the frames of the photos, in order (none when they were left out).
	Photos []Photo
	// Rules are the thin rules across a column the body flow holds (around an
	// editor's note, between brief items), each from X1 to X2 at Y.
	Rules []Rule
	// Split is where a jumped story is cut, the rest going on another page; nil for a
	// story set whole (or overset).
	Split *text.Split
	// HeadLost counts the characters of the headline block not on the page: lines a
	// squeezed module had no room for, or the whole block of an article with no module.
	HeadLost int
}

// Line is a composed line placed on the page: its start x on baseline y, at size.
type Line struct {
	lines.Line
	X, Y, Size geom.Length
}

// boxFrame is where a box around cells runs: down the middle of the gutters beside
// them and across the middle of the gap lines above and below, where the rules
// between modules run, so that it takes their place and meets them.
func boxFrame(g grid.Grid, c geom.Cells) geom.Rect {
	r := g.Rect(c)
	gapMid := g.Leading - g.Body/2 // from an em box's edge to the middle of the gap line
	return geom.Rect{X: r.X - g.Body/2, Y: r.Y - gapMid, W: r.W + g.Body, H: r.H + 2*gapMid}
}

// Rule is a thin rule across a column.
type Rule struct{ X1, X2, Y geom.Length }

// Photo is a photo's frame on the page.
type Photo struct {
	Cells geom.Cells
	// Frame is the visible rectangle; Placed is where the whole picture is scaled
	// to, covering Frame (cover and crop, never stretch). Placed is Frame for a
	// placeholder.
	Frame, Placed geom.Rect
	Placeholder   bool
	// PPI is the picture's effective resolution in its frame; 0 for a placeholder.
	PPI float64
	// Caption is the caption's lines under the frame.
	Caption []Line
}

// Placed reports whether the page had room for the article.
func (m *Module) Placed() bool { return m.Cells.Columns > 0 }

// BodyTop is the grid line where the body area starts, under the headline block.
func (m *Module) BodyTop() int { return m.Cells.Line + m.HeadLines }

// set works out the module's legs and lines; an article with no module loses all of
// its text to overset.
func (m *Module) set(g grid.Grid, sheet *style.Sheet) {
	if !m.Placed() {
		m.Overset = len(m.Story.Body)
		m.HeadLost = m.Story.HeadChars()
		return
	}
	m.Story = m.Story.InBox(m.Cells.Columns)
	if m.Continued > 0 {
		m.jump()
	}
	m.Frame = boxFrame(g, m.Cells)
	m.Legs = make([]int, m.Columns)
	fit.ShareLines(m.Story, m.Legs, &m.Fitting, len(m.Story.Body), fit.MinLeg(sheet, len(m.Story.Body)))
	m.setHead(g)
	m.setPhotos(g)
	m.setBody(g)
}

// jump cuts a jumped story to what its module holds, （下转第N版） last; a story that
// cannot be cut is overset instead, and said so.
func (m *Module) jump() {
	cut, sp, ok := m.Story.Jumped(m.Capacity, m.Story.Art.Jump.Page)
	m.Continued = 0
	if !ok {
		m.Overset = max(0, len(m.Story.Body)-m.Capacity)
		return
	}
	m.Story, m.Split, m.Overset = cut, &sp, 0
}

// setHead centres the headline block's lines in its lines of the module. A block
// squeezed into a module too short for it keeps only the lines that fit.
func (m *Module) setHead(g grid.Grid) {
	top := g.LineTop(m.Cells.Line)
	region := g.Leading * geom.Length(m.HeadLines)
	y := top + geom.Max(0, (region-m.Head.Content)/2)
	bottom := g.Rect(m.Cells).Bottom()
	x, width := g.ColumnX(m.Cells.Column), g.SpanWidth(m.Cells.Columns)
	if m.Story.Boxed() {
		x, width = x+g.Body/2, width-g.Body
	}
	for _, layer := range m.Head.Layers {
		y += layer.Gap
		for i, l := range layer.Lines {
			lineTop := y + layer.Pitch*geom.Length(i)
			if lineTop+layer.Size > bottom {
				m.HeadLost += text.LineChars(l)
				continue
			}
			base := lineTop + geom.Em(g.Ascent, layer.Size)
			m.Heading = append(m.Heading, Line{Line: l, X: x + (width-l.Width)/2, Y: base, Size: layer.Size})
		}
		y += layer.Pitch*geom.Length(len(layer.Lines)-1) + layer.Size
	}
}

// setBody sets the body lines column by column, top to bottom; the byline flush right.
func (m *Module) setBody(g grid.Grid) {
	next := 0
	body := m.Story.Body
	boxed := m.Story.Boxed()
	leg := text.LegWidth(g, m.Cells.Columns, boxed)
	for c, n := range m.Legs {
		x := g.ColumnX(m.Cells.Column + c)
		if boxed {
			x = g.ColumnX(m.Cells.Column) + g.Body/2 + (leg+g.Body)*geom.Length(c)
		}
		for r := 0; r < n && next < len(body); r++ {
			l := body[next]
			y := g.Baseline(m.BodyTop() + m.ColumnStart(c) + r)
			if l.Rule {
				mid := y - geom.Em(g.Ascent, g.Body) + g.Body/2
				m.Rules = append(m.Rules, Rule{X1: x, X2: x + leg, Y: mid})
			}
			lx := x
			if l.Byline || l.Label {
				lx += leg - l.Width
			}
			m.Text = append(m.Text, Line{Line: l.Line, X: lx, Y: y, Size: g.Body})
			next++
		}
	}
}

// setPhotos frames each photo where its slot in the photo block says, at the top right
// of the body area, and sets its caption under it.
func (m *Module) setPhotos(g grid.Grid) {
	top, left := m.BodyTop(), m.Cells.Right()-m.PhotoCols
	for _, sl := range m.Slots {
		cells := geom.Cells{Column: left + sl.Column, Columns: sl.Columns, Line: top + sl.Line, Lines: sl.Frame}
		frame := g.Rect(cells)
		p := m.frame(sl.Photo, cells, frame)
		row := cells.Bottom()
		for _, l := range m.Story.Caption(sl.Photo, sl.Columns) {
			p.Caption = append(p.Caption, Line{Line: l, X: frame.X, Y: g.Baseline(row), Size: g.Body})
			row++
		}
		m.Photos = append(m.Photos, p)
	}
}

// frame covers the frame with photo k: scaled to the larger of the two ratios,
// centred; a placeholder fills it.
func (m *Module) frame(k int, cells geom.Cells, frame geom.Rect) Photo {
	p := m.Story.Art.Photos[k]
	if p.File == "" {
		return Photo{Cells: cells, Frame: frame, Placed: frame, Placeholder: true}
	}
	pw, ph := float64(p.PixelWidth), float64(p.PixelHeight)
	scale := max(float64(frame.W)/pw, float64(frame.H)/ph)
	w, h := geom.Length(pw*scale), geom.Length(ph*scale)
	placed := geom.Rect{X: frame.X - (w-frame.W)/2, Y: frame.Y - (h-frame.H)/2, W: w, H: h}
	ppi := pw / (float64(w) / float64(geom.Inch))
	return Photo{Cells: cells, Frame: frame, Placed: placed, PPI: ppi}
}

// OversetChars counts the characters that are not on the page: body lines that did
// not fit, headline lines that did not, and the captions of photos left out.
func (m *Module) OversetChars() int {
	s := m.Story
	n := s.CharsFrom(len(s.Body)-m.Overset) + m.HeadLost
	if m.Dropped || !m.Placed() {
		for _, p := range s.Art.Photos {
			n += text.VisibleChars(p.Caption)
		}
	}
	return n
}
