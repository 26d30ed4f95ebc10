// Package text sets the text of articles: each body once in the basic column through
// the line composer, headline blocks (引题, 主题, 副题) on the 号 scale for each width
// and size tried, and captions; and it finds the characters no embedded face has.
//
// It produces composed lines and their measures, as values. It does not decide where
// an article goes or how tall it is (package fit and place do), and it draws nothing.
package text

import (
	"fmt"

	"broadsheet/fonts"
	"broadsheet/layout/lines"
)

// Faces are the embedded faces as the line composer sees them.
type Faces struct{ faces [fonts.Count]*fonts.Face }

// LoadFaces loads every embedded face (each is parsed once per process).
func LoadFaces() (*Faces, error) {
	fs := &Faces{}
	for id := fonts.ID(0); id < fonts.Count; id++ {
		f, err := fonts.Load(id)
		if err != nil {
			return nil, fmt.Errorf("text: %w", err)
		}
		fs.faces[id] = f
	}
	return fs, nil
}

// Font returns face id, with its chain of fallback faces, for the line composer.
func (fs *Faces) Font(id fonts.ID) Font { return Font{fs, id} }

// Ascent is the top of face id's em box above the baseline, in 1/1000 em.
func (fs *Faces) Ascent(id fonts.ID) int { return fs.faces[id].Ascent() }

// Font is one face and its fallbacks; it implements lines.Font.
type Font struct {
	set *Faces
	id  fonts.ID
}

var _ lines.Font = Font{}

// Glyph returns the first face in the chain that has r, and r's advance in it.
func (f Font) Glyph(r rune) (int, int, bool) {
	for _, id := range f.id.Fallbacks() {
		if adv, ok := f.set.faces[id].Advance(r); ok {
			return int(id), adv, true
		}
	}
	return -1, 0, false
}

// ID is the font's own face.
func (f Font) ID() fonts.ID { return f.id }
