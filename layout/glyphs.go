package layout

import (
	"fmt"
	"unicode/utf8"

	"broadsheet/fonts"
	"broadsheet/issues"
	"broadsheet/layout/lines"
)

// checkGlyphs reports every character of the article that no embedded face has: the
// composer sets it as an empty box, and a person must decide what to print instead.
func (s *story) checkGlyphs() {
	a, item := s.art, fmt.Sprintf("article[%d]", s.index)
	check := func(where, text string, f face) {
		s.warnings = append(s.warnings, missingGlyphs(s.index, item, where, text, f)...)
	}
	check("kicker", a.Kicker, kickerFace)
	check("headline", a.Headline, headlineFace(s.rank))
	check("subhead", a.Subhead, subheadFace)
	check("lead", a.Lead, leadFace)
	for i, p := range a.Paragraphs {
		check(fmt.Sprintf("paragraph %d", i+1), p, bodyFace)
	}
	check("byline", a.Byline, bylineFace)
	for k, p := range a.Photos {
		check(fmt.Sprintf("photo[%d].caption", k), p.Caption, captionFace)
	}
}

// pageGlyphs reports the characters of the running head or masthead that no embedded
// face has: the paper's name, the section and the editor.
func pageGlyphs(iss *issues.Issue) []Warning {
	var ws []Warning
	for _, f := range []struct {
		item, text string
		face       face
	}{
		{"newspaper", iss.Newspaper, face(fonts.SongBold)},
		{"section", iss.Section, face(fonts.Hei)},
		{"editor", iss.Editor, face(fonts.Song)},
	} {
		ws = append(ws, missingGlyphs(-1, f.item, "", f.text, f.face)...)
	}
	return ws
}

// missingGlyphs warns of each character of text the composer cannot set in f's chain
// of faces (the composer decides, so the report and the page agree); where
// says which part of the item the text is, if not all of it.
func missingGlyphs(article int, item, where, text string, f face) []Warning {
	var ws []Warning
	if where != "" {
		where += ", "
	}
	for _, m := range lines.MissingIn(text, f) {
		ws = append(ws, Warning{
			Kind: WarnMissingGlyph, Article: article, Item: item, Attention: true,
			Message: fmt.Sprintf("%scharacter %d: no embedded font has %q (U+%04X); it prints as an empty box",
				where, utf8.RuneCountInString(text[:m.Offset])+1, m.Rune, m.Rune),
		})
	}
	return ws
}
