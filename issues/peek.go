package issues

import (
	"bytes"
	"time"

	"github.com/pelletier/go-toml/v2"

	"broadsheet/issues/tomltab"
)

// Head is what a page file says of its place in an issue, read without decoding the
// page: its page number and date, where they are written, and whether the page is tied
// to others (a jump, a teaser). A run reads the heads of every page file of an issue
// folder to find which pages it must compose together.
type Head struct {
	Page             int
	Date             Date
	PagePos, DatePos Pos
	// Linked is true when the page has an article with a jump, or teasers.
	Linked bool
}

// Peek reads the head of an issue file. ok is false when the file is not TOML with a
// page and a date; decoding it says why.
func Peek(path string, data []byte) (h Head, ok bool) {
	var doc struct {
		Page    int64            `toml:"page"`
		Date    toml.LocalDate   `toml:"date"`
		Teaser  []map[string]any `toml:"teaser"`
		Article []map[string]any `toml:"article"`
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if err := toml.Unmarshal(data, &doc); err != nil || doc.Page < 1 || doc.Date.Year == 0 {
		return Head{}, false
	}
	pos := tomltab.NewPositions(path, data)
	h = Head{Page: int(doc.Page), Date: Date{Year: doc.Date.Year, Month: time.Month(doc.Date.Month), Day: doc.Date.Day},
		PagePos: pos.At("page"), DatePos: pos.At("date"), Linked: len(doc.Teaser) > 0}
	for _, a := range doc.Article {
		if _, jumps := a["jump"]; jumps {
			h.Linked = true
		}
	}
	return h, true
}
