package layout

import (
	"fmt"
	"unicode"
)

// checkGlyphs reports every character of the article that no embedded face has: the
// composer sets it as an empty box, and a person must decide what to print instead.
func (s *story) checkGlyphs() {
	a := s.art
	s.checkText("kicker", a.Kicker, kickerFace)
	s.checkText("headline", a.Headline, headlineFace(s.rank))
	s.checkText("subhead", a.Subhead, subheadFace)
	s.checkText("lead", a.Lead, leadFace)
	for i, p := range a.Paragraphs {
		s.checkText(fmt.Sprintf("paragraph %d", i+1), p, bodyFace)
	}
	s.checkText("byline", a.Byline, bylineFace)
	for k, p := range a.Photos {
		s.checkText(fmt.Sprintf("photo[%d].caption", k), p.Caption, captionFace)
	}
}

func (s *story) checkText(where, text string, f face) {
	for i, r := range []rune(text) {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			continue
		}
		if _, _, ok := f.Glyph(r); !ok {
			s.warnings = append(s.warnings, Warning{
				Kind: WarnMissingGlyph, Article: s.index, Item: fmt.Sprintf("article[%d]", s.index),
				Message: fmt.Sprintf("%s, character %d: no embedded font has %q (U+%04X); it prints as an empty box",
					where, i+1, r, r),
				Attention: true,
			})
		}
	}
}
