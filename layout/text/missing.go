package text

import (
	"fmt"
	"unicode/utf8"

	"broadsheet/fonts"
	"broadsheet/issues"
	"broadsheet/layout/lines"
)

// Missing is a character of the input that no embedded face has: the composer sets it
// as an empty box, and a person must decide what to print instead.
type Missing struct {
	Article int    // 0-based; -1 for the page's running head or masthead
	Item    string // the input item, e.g. "article[2]" or "newspaper"
	Where   string // which part of the item, e.g. "paragraph 3"; empty for all of it
	Char    int    // 1-based character position in that text
	Rune    rune
}

// articleMissing finds every character of the story's article that no face has.
func (st *Setter) articleMissing(s *Story) []Missing {
	a, f := s.Art, &st.Sheet.Faces
	item := issues.ArticleItem(s.Index)
	var out []Missing
	check := func(where, text string, id fonts.ID) {
		out = append(out, st.MissingIn(s.Index, item, where, text, id)...)
	}
	check("kicker", a.Kicker, f.Kicker)
	check("headline", a.Headline, st.Sheet.HeadlineFace(s.Rank))
	check("subhead", a.Subhead, f.Subhead)
	check("lead", a.Lead, f.Lead)
	for i, p := range a.Paragraphs {
		check(fmt.Sprintf("paragraph %d", i+1), p, f.Body)
	}
	check("byline", a.Byline, f.Byline)
	for k, p := range a.Photos {
		check(fmt.Sprintf("photo[%d].caption", k), p.Caption, f.Caption)
	}
	return out
}

// MissingIn lists the characters of text that face id's chain cannot set, as the
// composer decides (so the report and the page agree).
func (st *Setter) MissingIn(article int, item, where, text string, id fonts.ID) []Missing {
	var out []Missing
	for _, m := range lines.MissingIn(text, st.Faces.Font(id)) {
		out = append(out, Missing{Article: article, Item: item, Where: where,
			Char: utf8.RuneCountInString(text[:m.Offset]) + 1, Rune: m.Rune})
	}
	return out
}
