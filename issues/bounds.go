package issues

import (
	"broadsheet/issues/tomltab"
	"unicode/utf8"

	"broadsheet/layout/geom"
)

// maxPageChars bounds the text of one page, in characters: ten times what a full
// broadsheet page holds (about 20,000), so that a page with a whole book pasted into
// it is refused in a moment instead of being set for minutes (the layout sets every
// article at every width it may take: a million characters take 14 s and 570 MB).
// Text beyond what the page holds, up to this bound, is set and reported as overset.
const maxPageChars = 200_000

// textBound reports the article at which the page's text passes maxPageChars.
func (d *decoder) textBound(is *Issue) {
	total := 0
	for i, a := range is.Articles {
		total += articleChars(a)
		if total <= maxPageChars {
			continue
		}
		item := tomltab.Elem("article", i)
		d.Errs.Add(d.Pos.KeyAt(item), item,
			"the page's text passes %d characters in this article (%d so far); a full broadsheet page holds about 20,000: "+
				"move the rest to another page", maxPageChars, total)
		return
	}
}

// articleChars counts the characters of an article's text.
func articleChars(a Article) int {
	n := 0
	for _, s := range append([]string{a.Kicker, a.Headline, a.Subhead, a.Lead, a.Byline}, a.Paragraphs...) {
		n += utf8.RuneCountInString(s)
	}
	for _, p := range a.Photos {
		n += utf8.RuneCountInString(p.Caption)
	}
	if a.Jump != nil {
		n += utf8.RuneCountInString(a.Jump.Headline)
	}
	return n
}

// The layout chooses the articles' modules by a search over every run of consecutive
// articles and every module size of the grid: its time grows with the free (unpinned)
// articles cubed × columns × lines × (lines + columns), and its memory with articles
// squared × columns × lines. maxSearch bounds that product so that no page takes more
// than about two seconds of one core: 60 articles on the default broadsheet (8
// columns × 103 lines) come to 2.0 × 10¹⁰ and 1.5 s; 19 on a 2000 × 2000 mm page of
// 20 columns × 408 lines to 2.4 × 10¹⁰ and 1.9 s, where 60 would take 7 × 10¹¹, a
// minute and 600 MB.
const maxSearch = 2.5e10

// Vertical proportions of the type area, as the layout computes its lines.
var (
	typeMargin = 55 * geom.Millimetre // page height − default type area height
	headSpace  = 10 * geom.Millimetre // running head and its rule above the type area
	minMargin  = 10 * geom.Millimetre // the least white at the top and bottom edges
)

// typeLines is the number of body lines of f's type area.
func typeLines(f Format) int {
	height := f.TypeHeight
	if height == 0 {
		height = max(f.Height-typeMargin, f.Height/2)
	}
	height = min(height, f.Height-2*minMargin-headSpace)
	if f.Leading <= 0 {
		return 1
	}
	return max(1, int((height+f.Leading-f.BodySize)/f.Leading))
}

// searchWork is the size of the layout's search for n free articles on f's grid.
func searchWork(f Format, n int) float64 {
	w, l := float64(f.Columns), float64(typeLines(f))
	return float64(n) * float64(n) * float64(n) * w * l * (l + w)
}

// searchBound reports the first free article past the most the layout can search
// on this page's grid in time.
func (d *decoder) searchBound(is *Issue) {
	free := 0
	for i, a := range is.Articles {
		if a.Place != nil {
			continue
		}
		free++
		if searchWork(is.Format, free) <= maxSearch {
			continue
		}
		item := tomltab.Elem("article", i)
		d.Errs.Add(d.Pos.KeyAt(item), item,
			"a page of %s × %d lines can be laid out with at most %d articles that are not pinned "+
				"(the layout's search grows with articles³ × columns × lines²); this is unpinned article %d: "+
				"move the rest to another page, pin some with [article.place], or use fewer format.columns, "+
				"a larger format.leading or a shorter format.type_height",
			columnsN(is.Format.Columns), typeLines(is.Format), free-1, free)
		return
	}
}
