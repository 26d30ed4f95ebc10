package layout

import (
	"broadsheet/fonts"
	"broadsheet/layout/geom"
	"broadsheet/layout/lines"
)

// Hao is a size of the Chinese 号 scale.
type Hao struct {
	Name string
	Size geom.Length
}

// haoScale is the 号 scale from the largest size down to 小五.
var haoScale = []Hao{
	{"初号", geom.Pt(42)}, {"小初", geom.Pt(36)}, {"一号", geom.Pt(26)}, {"小一", geom.Pt(24)},
	{"二号", geom.Pt(22)}, {"小二", geom.Pt(18)}, {"三号", geom.Pt(16)}, {"小三", geom.Pt(15)},
	{"四号", geom.Pt(14)}, {"小四", geom.Pt(12)}, {"五号", geom.Pt(10.5)}, {"小五", geom.Pt(9)},
}

// haoIndex returns the index in haoScale of the largest size not above s.
func haoIndex(s geom.Length) int {
	for i, h := range haoScale {
		if h.Size <= s {
			return i
		}
	}
	return len(haoScale) - 1
}

// face adapts an embedded face and its fallback chain to the line composer.
type face fonts.ID

var _ lines.Font = face(fonts.Song)

var loadedFaces = func() (fs [fonts.Count]*fonts.Face) {
	for id := fonts.ID(0); id < fonts.Count; id++ {
		fs[id] = fonts.MustLoad(id)
	}
	return fs
}()

// Glyph returns the first face in the chain that has r, and r's advance in it.
func (f face) Glyph(r rune) (int, int, bool) {
	for _, id := range fonts.ID(f).Fallbacks() {
		if adv, ok := loadedFaces[id].Advance(r); ok {
			return int(id), adv, true
		}
	}
	return -1, 0, false
}

// The faces of the page's text roles.
const (
	bodyFace    = face(fonts.Song)
	leadFace    = face(fonts.Hei)
	bylineFace  = face(fonts.Kai)
	captionFace = face(fonts.Kai)
	kickerFace  = face(fonts.Kai)
	subheadFace = face(fonts.Song)
)

// headlineFace alternates Hei and bold Song down the page, so neighbouring headlines differ.
func headlineFace(rank int) face {
	if rank%2 == 0 {
		return face(fonts.Hei)
	}
	return face(fonts.SongBold)
}
