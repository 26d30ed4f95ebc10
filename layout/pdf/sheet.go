package pdf

import (
	"fmt"
	"path/filepath"
	"strings"

	"broadsheet/fonts"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/pdf/object"
)

// The marks outside the trimmed page, as a printer's prepress software draws them.
var (
	// cropOffset is the least gap between the trim and a crop mark: the marks start
	// outside the bleed, and at least this far out so a small misregistration of the
	// cut never shows one.
	cropOffset = geom.Mm(3)
	// cropLength is the length of each crop mark (角线).
	cropLength = geom.Mm(5)
	// markMargin is the room beyond the crop marks' start for the marks themselves.
	markMargin = geom.Mm(8)
	// registrationRadius is the radius of a registration mark's circle; its cross is
	// 1.5 times as wide.
	registrationRadius = geom.Mm(2)
	// markWidth is the line width of crop and registration marks (a hairline that
	// still prints on newsprint).
	markWidth = geom.Pt(0.25)
	// slugSize is the type size of the slug line.
	slugSize = geom.Pt(6)
	// slugIndent is where the slug line starts, from the trim's left edge: clear of the
	// bottom-left crop marks.
	slugIndent = geom.Mm(15)
)

// slugFace draws the slug line.
const slugFace = fonts.Song

// sheet is the PDF page around the trimmed page: its boxes in points from the
// MediaBox's lower-left corner, and the slug line if marks are drawn.
type sheet struct {
	width, height float64 // the MediaBox
	trim, bleed   [4]float64
	margin        float64 // from the MediaBox's edge to the trim
	bleedSize     float64
	marks         bool
	slug          string
}

// newSheet works out the boxes of a page: without bleed and marks the MediaBox is
// the trimmed page; bleed grows it by the bleed, marks by the room for crop marks
// outside the bleed.
func newSheet(page *display.Page) (*sheet, error) {
	p := page.Print
	if p.Bleed < 0 || p.Bleed > geom.Mm(25) {
		return nil, fmt.Errorf("bleed %v: want 0–25 mm", p.Bleed)
	}
	s := &sheet{bleedSize: p.Bleed.Points(), marks: p.Marks}
	s.margin = s.bleedSize
	if p.Marks {
		s.margin = max(p.Bleed, cropOffset).Points() + markMargin.Points()
		s.slug = slugLine(page)
	}
	w, h := page.Width.Points(), page.Height.Points()
	s.width, s.height = w+2*s.margin, h+2*s.margin
	s.trim = [4]float64{s.margin, s.margin, s.margin + w, s.margin + h}
	b := s.bleedSize
	s.bleed = [4]float64{s.trim[0] - b, s.trim[1] - b, s.trim[2] + b, s.trim[3] + b}
	return s, nil
}

// slugLine returns the slug: paper, date, page and the issue file, with what the slug
// face cannot draw replaced by "?".
func slugLine(page *display.Page) string {
	m := page.Meta
	var parts []string
	for _, p := range []string{m.Newspaper, m.Date, pageNo(m.PageNo), m.Section, filepath.Base(m.Source)} {
		if p != "" && p != "." {
			parts = append(parts, p)
		}
	}
	face, err := fonts.Load(slugFace)
	if err != nil {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if face.Has(r) {
			return r
		}
		return '?'
	}, strings.Join(parts, "  "))
}

// pageNo names a page number as the paper does: 第7版.
func pageNo(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("第%d版", n)
}

// box returns a box as a PDF rectangle.
func box(b [4]float64) object.Array { return object.Array{b[0], b[1], b[2], b[3]} }

// registration is the resource name of the registration colour (all inks).
const registration = "CSAll"

// slugFont is the resource name of the slug line's font.
const slugFont = "FSlug"

// marksContent returns the content drawing crop marks at the four trim corners,
// registration marks at the middle of the top and side edges (and the bottom one when
// there is no slug line) and the slug line, all in the registration colour.
func (s *sheet) marksContent(slug *fonts.Subset) string {
	var b strings.Builder
	fmt.Fprintf(&b, "q\n/%s CS 1 SCN %s w\n", registration, num(markWidth.Points()))
	off := max(s.bleedSize, cropOffset.Points())
	l := cropLength.Points()
	line := func(x1, y1, x2, y2 float64) {
		fmt.Fprintf(&b, "%s %s m %s %s l S\n", num(x1), num(y1), num(x2), num(y2))
	}
	for _, x := range []float64{s.trim[0], s.trim[2]} {
		for _, y := range []float64{s.trim[1], s.trim[3]} {
			dx, dy := 1.0, 1.0 // outwards
			if x == s.trim[0] {
				dx = -1
			}
			if y == s.trim[1] {
				dy = -1
			}
			line(x+dx*off, y, x+dx*(off+l), y) // horizontal mark on the trim line
			line(x, y+dy*off, x, y+dy*(off+l)) // vertical mark
		}
	}
	mid := off + l/2
	cx, cy := (s.trim[0]+s.trim[2])/2, (s.trim[1]+s.trim[3])/2
	marks := [][2]float64{{cx, s.trim[3] + mid}, {s.trim[0] - mid, cy}, {s.trim[2] + mid, cy}}
	if s.slug == "" { // the slug line holds the bottom margin; on a narrow page it reaches the middle
		marks = append(marks, [2]float64{cx, s.trim[1] - mid})
	}
	for _, c := range marks {
		registrationMark(&b, c[0], c[1], registrationRadius.Points())
	}
	if s.slug != "" && slug != nil {
		fmt.Fprintf(&b, "/%s cs 1 scn\nBT /%s %s Tf %s %s Td <%s> Tj ET\n", registration, slugFont,
			num(slugSize.Points()), num(s.trim[0]+slugIndent.Points()), num(s.trim[1]-mid-slugSize.Points()/3),
			glyphHex(slug, s.slug))
	}
	b.WriteString("Q\n")
	return b.String()
}

// bezierCircle is the distance of a quarter circle's control points from its ends,
// as a fraction of the radius: 4(√2−1)/3.
const bezierCircle = 0.5523

// registrationMark draws a circle of radius r with a cross through it at (x, y).
func registrationMark(b *strings.Builder, x, y, r float64) {
	k := bezierCircle * r
	fmt.Fprintf(b, "%s %s m\n", num(x+r), num(y))
	fmt.Fprintf(b, "%s %s %s %s %s %s c\n", num(x+r), num(y+k), num(x+k), num(y+r), num(x), num(y+r))
	fmt.Fprintf(b, "%s %s %s %s %s %s c\n", num(x-k), num(y+r), num(x-r), num(y+k), num(x-r), num(y))
	fmt.Fprintf(b, "%s %s %s %s %s %s c\n", num(x-r), num(y-k), num(x-k), num(y-r), num(x), num(y-r))
	fmt.Fprintf(b, "%s %s %s %s %s %s c\nS\n", num(x+k), num(y-r), num(x+r), num(y-k), num(x+r), num(y))
	c := 1.5 * r
	fmt.Fprintf(b, "%s %s m %s %s l S\n", num(x-c), num(y), num(x+c), num(y))
	fmt.Fprintf(b, "%s %s m %s %s l S\n", num(x), num(y-c), num(x), num(y+c))
}

// num formats a coordinate to 0.001 pt.
func num(v float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", v), "0"), ".")
}
