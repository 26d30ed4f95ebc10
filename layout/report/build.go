package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"broadsheet/issues"
	"broadsheet/layout/furniture"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/place"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// Build writes the report of a page from its placement and its furniture: the
// characters of the running head or masthead that no face has, and what of them
// did not fit.
func Build(iss *issues.Issue, g grid.Grid, sheet *style.Sheet, page *place.Page, furn furniture.Set) *Report {
	r := newReport(iss, g)
	r.missing(iss, furn.Missing)
	for _, c := range furn.Cut {
		r.warn(iss, Warning{Kind: WarnOverset, Article: -1, Item: c.Item, Attention: true,
			Message: fmt.Sprintf("%q does not fit the page's head even at %s, the smallest allowed; its last %s left out",
				c.Text, c.Size, count(c.Lost, "character"))})
	}
	if e := furn.EmptyEar; !e.Empty() {
		r.warn(iss, Warning{Kind: WarnEmptySpace, Article: -1, Item: "masthead",
			Message: fmt.Sprintf("the masthead band's columns %d–%d are white: give a short article or a block ear = true to stand there as the 报眼", e.Column+1, e.Right())})
	}
	for _, m := range page.Modules {
		r.add(iss, sheet, m)
		r.missing(iss, m.Story.Missing)
	}
	for _, b := range page.Blocks {
		r.Blocks = append(r.Blocks, BlockReport{Index: b.Index, Kind: b.Block.Kind, File: b.Block.File, Module: b.Cells})
	}
	r.measure(g, page)
	return r
}

// add records a module, with its overset and photo warnings.
func (r *Report) add(iss *issues.Issue, sheet *style.Sheet, m *place.Module) {
	s := m.Story
	a := ArticleReport{Index: s.Index, Headline: s.Art.Headline, Pinned: m.Pinned, LinesSet: min(len(s.Body), m.Capacity), Rank: s.Rank}
	if sp := m.Split; sp != nil {
		p := s.Art.Paragraphs[sp.Para]
		a.Jump = &Jump{Page: s.Art.Jump.Page, Characters: sp.Chars, Continued: sp.Rest, Paragraph: sp.Para,
			Offset: utf8.RuneCountInString(p[:sp.Offset]), Bold: sp.Bold}
	}
	if c := s.Art.Continued; c != nil {
		a.ContinuedFrom = c.FromPage
	}
	a.Item = s.Art.Name
	if m.Placed() {
		cells := m.Cells
		a.Module = &cells
	}
	if m.Placed() {
		a.Legs = append([]int(nil), m.Legs...)
	}
	if m.Head != nil {
		for _, l := range m.Head.Layers {
			a.HeadlineLines = append(a.HeadlineLines, len(l.Lines))
		}
		a.HeadLines, a.HeadWhite = m.HeadLines, max(0, m.HeadLines-m.Head.Lines)
		a.HeadlineSize = m.Head.Size.String()
		if m.Head.Hao >= 0 {
			a.HeadlineHao = sheet.Hao[m.Head.Hao].Name
		}
	}
	if chars := m.OversetChars(); chars > 0 {
		a.Overset = &Overset{Characters: chars, Lines: m.Overset}
	}
	for _, p := range m.Photos {
		a.Photos = append(a.Photos, PhotoReport{Frame: p.Cells, Placeholder: p.Placeholder, PPI: p.PPI})
	}
	r.Articles = append(r.Articles, a)
	r.oversetWarnings(iss, m)
	for k, p := range a.Photos {
		if !p.Placeholder && p.PPI < sheet.Photo.MinPPI {
			r.warn(iss, Warning{Kind: WarnLowResolution, Article: a.Index, Item: issues.PhotoItem(a.Index, k), Attention: true,
				Message: fmt.Sprintf("prints at %.0f ppi, under the %.0f ppi newsprint needs; use a larger picture or a narrower frame", p.PPI, sheet.Photo.MinPPI)})
		}
	}
}

// warn adds w, placed at its article's start in the issue file.
func (r *Report) warn(iss *issues.Issue, w Warning) {
	if w.Article >= 0 {
		a := &iss.Articles[w.Article]
		w.Pos = a.Pos.String()
		if a.Name != "" { // made by the issue's composition: a continuation, the teasers
			w.Item = strings.Replace(w.Item, issues.ArticleItem(w.Article), a.Name, 1)
		}
	}
	r.Warnings = append(r.Warnings, w)
}

// oversetWarnings say what of the module did not fit, if anything.
func (r *Report) oversetWarnings(iss *issues.Issue, m *place.Module) {
	s := m.Story
	w := Warning{Kind: WarnOverset, Article: s.Index, Item: issues.ArticleItem(s.Index), Attention: true}
	say := func(format string, args ...any) {
		w.Message = fmt.Sprintf("%q: ", s.Art.Headline) + fmt.Sprintf(format, args...)
		r.warn(iss, w)
	}
	if m.Overset > 0 && s.Art.Jump != nil {
		say("%d characters in %d lines do not fit (overset): its module holds too little to cut it for page %d", s.CharsFrom(len(s.Body)-m.Overset), m.Overset, s.Art.Jump.Page)
	} else if m.Overset > 0 {
		say("%d characters in %d lines do not fit (overset)", s.CharsFrom(len(s.Body)-m.Overset), m.Overset)
	}
	if !m.Placed() {
		say("no room on the page for this article; all of it is overset")
		return
	}
	if j := s.Art.Jump; j != nil && m.Split == nil && m.Overset == 0 {
		r.warn(iss, Warning{Kind: WarnJumpUnneeded, Article: s.Index, Item: issues.ArticleItem(s.Index) + ".jump",
			Message: fmt.Sprintf("%q fits its page whole, so nothing continues on page %d; leave jump out, or give the page's other stories more room", s.Art.Headline, j.Page)})
	}
	if m.Dropped {
		say("%s fit its module; left out", photosDoNot(len(s.Art.Photos)))
	}
	if m.Head != nil && m.HeadLines < m.Head.Lines {
		say("the headline block needs %d lines and has %d", m.Head.Lines, m.HeadLines)
	}
	if m.Head != nil {
		for _, l := range m.Head.Layers {
			for _, word := range l.Split {
				r.warn(iss, Warning{Kind: WarnWordSplit, Article: s.Index, Item: issues.ArticleItem(s.Index) + "." + l.Name, Attention: true,
					Message: fmt.Sprintf("%q is broken inside the word %q: it is wider than the %d columns of the article; shorten the %s or force a break with ｜",
						s.Art.Headline, word, m.Cells.Columns, l.Name)})
			}
		}
	}
}

// photosDoNot is "its photo does not" or "its N photos do not".
func photosDoNot(n int) string {
	if n == 1 {
		return "its photo does not"
	}
	return fmt.Sprintf("its %d photos do not", n)
}

// missing warns of each character no face has.
func (r *Report) missing(iss *issues.Issue, ms []text.Missing) {
	for _, m := range ms {
		where := ""
		if m.Where != "" {
			where = m.Where + ", "
		}
		r.warn(iss, Warning{Kind: WarnMissingGlyph, Article: m.Article, Item: m.Item, Attention: true,
			Message: fmt.Sprintf("%scharacter %d: no embedded font has %q (U+%04X); %s",
				where, m.Char, m.Rune, m.Rune, missingFate(m.Rune))})
	}
}

// measure counts the empty cells of the page — the tails of body columns that the text
// does not reach and the free rectangles no article took — and the fill they leave.
func (r *Report) measure(g grid.Grid, page *place.Page) {
	for _, m := range page.Modules {
		for c, n := range m.Legs {
			start := m.BodyTop() + m.ColumnStart(c) + n
			if rows := m.Cells.Bottom() - start; rows > 0 {
				r.addEmpty(geom.Cells{Column: m.Cells.Column + c, Columns: 1, Line: start, Lines: rows})
			}
		}
	}
	for _, e := range page.Empty {
		r.addEmpty(e)
	}
	total := g.Columns * g.Lines
	r.Fill = round4(1 - float64(r.EmptyLines)/float64(total))
	r.flagHoles()
}

func (r *Report) addEmpty(e geom.Cells) {
	r.EmptyLines += e.Columns * e.Lines
	if n := len(r.Empty); n > 0 {
		last := &r.Empty[n-1]
		if last.Line == e.Line && last.Lines == e.Lines && last.Right() == e.Column {
			last.Columns += e.Columns
			return
		}
	}
	r.Empty = append(r.Empty, e)
}

// flagHoles warns of every empty area more than two lines deep.
func (r *Report) flagHoles() {
	for _, e := range r.Empty {
		if e.Lines > 2 {
			r.Warnings = append(r.Warnings, Warning{Kind: WarnEmptySpace, Article: -1,
				Message: fmt.Sprintf("%d empty lines × %s at column %d, line %d: the page is short of text there",
					e.Lines, count(e.Columns, "column"), e.Column+1, e.Line+1),
				Attention: true})
		}
	}
}

// count says n things: "1 column", "3 columns".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// missingFate says what the page shows for a character no face has: a mark that
// combines with the character before it is left out (the base prints), anything else
// prints as an empty box.
func missingFate(r rune) string {
	if unicode.In(r, unicode.Mn, unicode.Me) {
		return "it is left out, the character it sits on prints"
	}
	return "it prints as an empty box"
}
