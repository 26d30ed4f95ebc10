package issues

import "unicode/utf8"

// maxTeasers bounds a page's [[teaser]] tables: a 导读 box lists a handful of the
// issue's stories, and twenty fill a column of a broadsheet.
const maxTeasers = 20

// maxTeaserChars bounds a teaser's text and the box's title: a teaser is a headline
// or a sentence, and 200 characters is ten lines of a column, more than any 导读 line.
const maxTeaserChars = 200

// teasers decodes the [[teaser]] tables.
func (d *decoder) teasers(root table) []Teaser {
	list, _ := root.Tables("teaser", "[[teaser]]")
	var out []Teaser
	for i, t := range list {
		if i == maxTeasers {
			d.Errs.Add(t.Start(), t.Item, "a page has at most %d teasers; this is teaser %d: a 导读 box lists a handful of stories",
				maxTeasers, i+1)
			break
		}
		out = append(out, d.teaser(t))
	}
	return out
}

// teaser decodes one [[teaser]]: its text and exactly one of page = N or article =
// "the headline of an article on another page".
func (d *decoder) teaser(t table) Teaser {
	t.CheckKeys("text", "page", "article")
	tz := Teaser{Pos: t.Start()}
	tz.Text = shortProse(t, "text", true)
	_, hasPage := t.M["page"]
	_, hasArticle := t.M["article"]
	switch {
	case hasPage && hasArticle:
		d.Errs.Add(tz.Pos, t.Item, "has both page and article; want exactly one: page = N, or article = \"…\" (the page is then found from the article)")
	case !hasPage && !hasArticle:
		d.Errs.Add(tz.Pos, t.Item, "points nowhere; want exactly one of page = N (the page it points to) or article = \"…\" (the headline of an article on another page)")
	case hasPage:
		tz.Page = d.pageRef(t, "page", "this teaser's own page; a teaser points to another page of the issue")
		tz.PagePos = t.At("page")
	default:
		tz.Article, _ = prose(t, "article", true)
		tz.ArticlePos = t.At("article")
	}
	return tz
}

// teaserBox decodes [teasers]: the head of the box of the page's teasers and where it
// stands: pinned by place, in the 报眼 with ear = true, or where the layout puts it.
func (d *decoder) teaserBox(root table, is *Issue) TeaserBox {
	t, ok := root.SubTable("teasers", "[teasers]")
	switch {
	case !ok && len(is.Teasers) == 0:
		return TeaserBox{}
	case !ok:
		return TeaserBox{Title: DefaultTeaserTitle}
	}
	t.CheckKeys("title", "ear", "place")
	if len(is.Teasers) == 0 {
		root.Errorf("teasers", "heads a box of no teasers; want [[teaser]] tables, each with a text and a page or an article, or leave [teasers] out")
		return TeaserBox{}
	}
	b := TeaserBox{Pos: t.Start(), Title: DefaultTeaserTitle}
	if _, given := t.M["title"]; given {
		b.Title = shortProse(t, "title", true)
	}
	b.Ear, _ = t.Boolean("ear")
	if b.Ear {
		b.EarPos = t.At("ear")
	}
	if b.Ear && earFree(t, &is.Masthead, is.PageNo) {
		earTakes(t, "place")
	}
	b.Place = d.place(t, "[teasers.place]", 0)
	return b
}

// shortProse decodes the prose at key, at most maxTeaserChars long.
func shortProse(t table, key string, required bool) string {
	s, _ := prose(t, key, required)
	if n := utf8.RuneCountInString(s); n > maxTeaserChars {
		t.Errorf(key, "has %d characters; a teaser, like its box's title, is a headline or a sentence: want at most %d", n, maxTeaserChars)
	}
	return s
}
