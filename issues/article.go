package issues

import (
	"broadsheet/issues/tomltab"
	"strings"
)

// maxLines bounds place.line and place.lines: far more body lines than any page
// holds, so that later arithmetic on them cannot overflow.
const maxLines = 10000

// articles decodes the [[article]] tables; there must be at least one. ear is the
// item in the 报眼, nil when none is.
func (d *decoder) articles(root table, ear *Ear) []Article {
	if _, given := root.M["article"]; !given {
		d.Errs.Add(d.Pos.Start(), "article", "missing: the file needs at least one [[article]] with a headline and a body")
		return nil
	}
	list, _ := root.Tables("article", "[[article]]")
	if a, isArray := root.M["article"].([]any); isArray && len(a) == 0 {
		root.Errorf("article", "is empty; want at least one [[article]] with a headline and a body")
	}
	articles := make([]Article, 0, len(list))
	for i, t := range list {
		if i == MaxArticles {
			d.Errs.Add(t.Start(), t.Item, "a page holds at most %d articles; this is article %d: move the rest to another page", MaxArticles, i+1)
			break
		}
		articles = append(articles, d.article(t, ear != nil && !ear.Block && ear.Index == i))
	}
	return articles
}

// MaxArticles is the most articles one page may have: a broadsheet holds a few dozen
// briefs at most, and the layout's search grows with the square of the count.
const MaxArticles = 60

// article decodes one [[article]]; ear says it stands in the 报眼.
func (d *decoder) article(t table, ear bool) Article {
	t.CheckKeys("kicker", "headline", "subhead", "lead", "body", "byline", "columns", "photo", "place", "headline_size",
		"kind", "item", "editor_note", "box", "tint", "jump")
	a := Article{Pos: t.Start()}
	a.Kicker, _ = prose(t, "kicker", false)
	a.Headline, _ = prose(t, "headline", true)
	a.Subhead, _ = prose(t, "subhead", false)
	a.Lead, _ = prose(t, "lead", false)
	d.editorial(t, &a)
	a.Byline, _ = prose(t, "byline", false)
	a.HeadlineSize = headlineSize(t)
	a.Columns = d.width(t, "columns", false)
	a.Place = d.place(t, "[article.place]", a.Columns)
	width := a.Columns
	if width == 0 && a.Place != nil {
		width = a.Place.Columns
	}
	a.Photos = d.photos(t, width)
	a.Paragraphs = paragraphs(t, needsBody(t, &a))
	checkBox(t, &a)
	a.Jump = d.jump(t, &a, ear)
	return a
}

// paragraphs decodes an article's body: one paragraph per line, each trimmed,
// blank lines dropped.
func paragraphs(t table, required bool) []string {
	body, ok := prose(t, "body", required)
	if !ok {
		return nil
	}
	return splitParagraphs(body)
}

// splitParagraphs splits text into its lines that have a visible character, trimmed
// of spaces (full-width ones too) and otherwise unchanged.
func splitParagraphs(text string) []string {
	var paras []string
	for _, line := range strings.FieldsFunc(text, tomltab.IsLineBreak) {
		if line = strings.TrimSpace(line); !blank(line) {
			paras = append(paras, line)
		}
	}
	return paras
}

// width decodes a width in basic columns: 1 to the page's columns. It returns 0 when
// the key is absent or wrong.
func (d *decoder) width(t table, key string, required bool) int {
	n, ok := t.Integer(key, required, "1")
	switch {
	case !ok:
		return 0
	case n < minColumns || n > maxColumns:
		t.Errorf(key, "%d is out of range; want 1..%d", n, d.maxColumns)
		return 0
	case n > int64(d.maxColumns):
		t.Errorf(key, "%s is wider than the page's %d (format.columns); want 1..%d",
			columnsN(int(n)), d.maxColumns, d.maxColumns)
		return 0
	}
	return int(n)
}

// place decodes the pin of an article, a block or the teasers, written name
// ("[article.place]"); articleColumns is the item's own width, 0 if not given.
func (d *decoder) place(at table, name string, articleColumns int) *Place {
	t, ok := at.SubTable("place", name)
	if !ok {
		return nil
	}
	t.CheckKeys("column", "columns", "line", "lines")
	column := d.firstColumn(t)
	columns := d.width(t, "columns", true)
	line, okLine := t.IntIn("line", true, 1, maxLines)
	lines, okLines := t.IntIn("lines", true, 1, maxLines)
	if column == 0 || columns == 0 || !okLine || !okLines {
		return nil
	}
	if column+columns-1 > d.maxColumns {
		t.Errorf("columns", "%s from column %d end at column %d, past the page's %d (format.columns); want at most %d",
			columnsN(columns), column, column+columns-1, d.maxColumns, d.maxColumns-column+1)
		return nil
	}
	if articleColumns != 0 && columns != articleColumns {
		t.Errorf("columns", "%d differs from the article's columns = %d; give the same width or leave one out",
			columns, articleColumns)
		return nil
	}
	return &Place{Pos: t.Start(), Column: column, Columns: columns, Line: line, Lines: lines}
}

// firstColumn decodes place.column: 1..format.columns; 0 when missing or wrong.
func (d *decoder) firstColumn(t table) int {
	n, ok := t.IntIn("column", true, 1, maxColumns)
	if ok && n > d.maxColumns {
		t.Errorf("column", "%d is past the page's %d columns (format.columns); want 1..%d", n, d.maxColumns, d.maxColumns)
		return 0
	}
	return n
}
