package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"

	"broadsheet/fonts"
	"broadsheet/layout/display"

	"github.com/signintech/gopdf"
)

// Each face is parsed by gopdf once per process and shared through a FontContainer
// (parsing costs 2–5 ms a face; taking it from the container costs about 2 µs).
// The container keys a face by its plain name, id.Name(), and gopdf writes that name
// into the PDF; finish renames it to the subset name with the page's tag, so the
// cache never decides what a font is called.
var (
	faceOnce      [fonts.Count]sync.Once
	faceContainer [fonts.Count]*gopdf.FontContainer
	faceErr       [fonts.Count]error
)

// container returns the process-wide gopdf container that holds face id.
func container(id fonts.ID) (*gopdf.FontContainer, error) {
	if id < 0 || id >= fonts.Count {
		return nil, fmt.Errorf("no face %d", int(id))
	}
	faceOnce[id].Do(func() {
		face, err := fonts.Load(id)
		if err != nil {
			faceErr[id] = err
			return
		}
		fc := new(gopdf.FontContainer)
		if err := fc.AddTTFFontData(id.Name(), face.Data); err != nil {
			faceErr[id] = fmt.Errorf("parse %s: %w", id.Name(), err)
			return
		}
		faceContainer[id] = fc
	})
	return faceContainer[id], faceErr[id]
}

// usage records, per face, the characters a page draws with it.
type usage [fonts.Count]map[rune]struct{}

// collect gathers the faces and characters of every text item in items.
func (u *usage) collect(items []display.Item) {
	for _, it := range items {
		t, ok := it.(*display.Text)
		if !ok || t.Text == "" || t.Face < 0 || t.Face >= fonts.Count {
			continue
		}
		if u[t.Face] == nil {
			u[t.Face] = make(map[rune]struct{})
		}
		for _, r := range t.Text {
			u[t.Face][r] = struct{}{}
		}
	}
}

// faces returns the faces the page uses, in ID order.
func (u *usage) faces() []fonts.ID {
	var ids []fonts.ID
	for id := fonts.ID(0); id < fonts.Count; id++ {
		if u[id] != nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// subsetName returns the PDF font name of face id drawing the characters in set:
// a six-letter tag, "+", and the face's name. The tag is derived from a hash of the
// face's name and the sorted characters, so a different subset gets a different tag
// and the same page always gets the same one.
func subsetName(id fonts.ID, set map[rune]struct{}) string {
	runes := make([]rune, 0, len(set))
	for r := range set {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	h := sha256.New()
	h.Write([]byte(id.Name()))
	var buf [4]byte
	for _, r := range runes {
		binary.BigEndian.PutUint32(buf[:], uint32(r))
		h.Write(buf[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag) + "+" + id.Name()
}

// checkCoverage returns an error naming the first character of t its face cannot draw.
// gopdf would draw it as a blank without a word; choosing a fallback face is layout's job.
func checkCoverage(t *display.Text) error {
	face, err := fonts.Load(t.Face)
	if err != nil {
		return err
	}
	for _, r := range t.Text {
		if !face.Has(r) {
			return fmt.Errorf("face %s has no glyph for %U %q", t.Face.Name(), r, r)
		}
	}
	return nil
}
