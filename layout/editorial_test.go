package layout

import (
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"broadsheet/issues"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/lines"
	"broadsheet/layout/report"
	"broadsheet/layout/style"
	text2 "broadsheet/layout/text"
	"broadsheet/layout/words"
)

// The checks a layout editor makes on every page in issues/.
func TestEditorsChecks(t *testing.T) {
	for _, file := range pages(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			iss, err := issues.Decode(file)
			if err != nil {
				t.Fatal(err)
			}
			page, rep := compose(t, file)
			editorsChecks(t, iss, page, rep)
		})
	}
}

// editorsChecks are the checks of TestEditorsChecks on one composed page (the pages
// of whole issues are checked with them too, in issue_test.go).
func editorsChecks(t *testing.T, iss *issues.Issue, page *display.Page, rep *report.Report) {
	t.Helper()
	checkSizesFollowImportance(t, iss, rep)
	checkLegs(t, iss, rep)
	checkHeadWhite(t, rep)
	checkPhotos(t, iss, rep)
	checkRulesMeet(t, page, rep)
}

// Headline sizes do not grow down the order of importance unless a file fixes one; the
// 报眼, beside the masthead, and what a whole issue's composition adds (a continuation,
// the teasers) are outside that order.
func checkSizesFollowImportance(t *testing.T, iss *issues.Issue, rep *report.Report) {
	t.Helper()
	for _, a := range iss.Articles {
		if a.HeadlineSize != 0 {
			return
		}
	}
	prev := math.Inf(1)
	ranked := slices.Clone(rep.Articles)
	slices.SortStableFunc(ranked, func(a, b report.ArticleReport) int { return a.Rank - b.Rank })
	for _, a := range ranked {
		if e := iss.Masthead.Ear; a.Module == nil || e != nil && !e.Block && e.Index == a.Index || a.Item != "" {
			continue
		}
		size := points(t, a.HeadlineSize)
		if size > prev {
			t.Errorf("article[%d] headline %s is larger than the article before it (%vpt)", a.Index, a.HeadlineSize, prev)
		}
		prev = size
	}
}

func points(t *testing.T, s string) float64 {
	l, err := geom.ParseLength(s)
	if err != nil {
		t.Fatal(err)
	}
	return l.Points()
}

// Every leg of a body holds at least six lines, unless the body is under twelve.
func checkLegs(t *testing.T, iss *issues.Issue, rep *report.Report) {
	t.Helper()
	sheet := style.Default()
	for _, a := range rep.Articles {
		if a.Module == nil || a.Overset != nil || a.LinesSet < sheet.Costs.ShortBody {
			continue
		}
		for c, n := range a.Legs {
			if n > 0 && n < sheet.Costs.MinLeg {
				t.Errorf("article[%d] leg %d holds %d lines (legs %v), want at least %d", a.Index, c+1, n, a.Legs, sheet.Costs.MinLeg)
			}
		}
	}
}

// A headline block takes at most one line of white beyond what it needs.
func checkHeadWhite(t *testing.T, rep *report.Report) {
	t.Helper()
	for _, a := range rep.Articles {
		if a.HeadWhite > 1 {
			t.Errorf("article[%d] headline block has %d lines of white", a.Index, a.HeadWhite)
		}
	}
}

// A placeholder keeps its shape and takes at most half its module; a picture prints at
// 170 ppi or more unless one column is already too wide for it.
func checkPhotos(t *testing.T, iss *issues.Issue, rep *report.Report) {
	t.Helper()
	sheet := style.Default()
	g := rep.Grid
	for _, a := range rep.Articles {
		if a.Module == nil {
			continue
		}
		for k, p := range a.Photos {
			ph := iss.Articles[a.Index].Photos[k]
			if ph.Columns > 0 && p.Frame.Columns != ph.Columns {
				t.Errorf("article[%d].photo[%d] is %d columns wide, the file says %d", a.Index, k, p.Frame.Columns, ph.Columns)
			}
			width := float64(p.Frame.Columns)*(g.ColumnPt+g.GutterPt) - g.GutterPt
			height := float64(p.Frame.Lines-1)*g.LeadingPt + g.GutterPt
			if p.Placeholder {
				news := len(iss.Articles[a.Index].Paragraphs) == 0 // photo news: the picture is the story
				if 2*p.Frame.Columns*p.Frame.Lines > a.Module.Columns*a.Module.Lines && !news {
					t.Errorf("article[%d].photo[%d] placeholder %v takes over half its module %v", a.Index, k, p.Frame, *a.Module)
				}
				aspect := sheet.Photo.Aspect
				if ph.Aspect > 0 {
					aspect = ph.Aspect
				}
				if d := math.Abs(width/aspect - height); d > g.LeadingPt {
					t.Errorf("article[%d].photo[%d] placeholder %.0f×%.0f pt, off its %.2f shape by %.1f pt", a.Index, k, width, height, aspect, d)
				}
				continue
			}
			oneColumn := float64(ph.PixelWidth) / (g.ColumnPt / 72)
			if p.PPI < sheet.Photo.MinPPI-0.5 && oneColumn >= sheet.Photo.MinPPI && ph.Columns == 0 {
				t.Errorf("article[%d].photo[%d] prints at %.0f ppi", a.Index, k, p.PPI)
			}
		}
	}
}

// Every rule down ends on a rule across, or on the type area's edge.
func checkRulesMeet(t *testing.T, page *display.Page, rep *report.Report) {
	t.Helper()
	g := rep.Grid
	top, bottom := g.YPt, g.YPt+float64(g.Lines-1)*g.LeadingPt+g.GutterPt
	var across []*display.Rule
	for _, it := range page.Items {
		if r, ok := it.(*display.Rule); ok && r.Y1 == r.Y2 {
			across = append(across, r)
		}
		if f, ok := it.(*display.Frame); ok && f.Rect.W > geom.Pt(2*g.GutterPt) { // a box's frame, not a missing glyph
			r := f.Rect
			across = append(across, &display.Rule{X1: r.X, Y1: r.Y, X2: r.Right(), Y2: r.Y},
				&display.Rule{X1: r.X, Y1: r.Bottom(), X2: r.Right(), Y2: r.Bottom()})
		}
	}
	touches := func(x, y float64) bool {
		if math.Abs(y-top) < 0.01 || math.Abs(y-bottom) < 0.01 {
			return true
		}
		for _, a := range across {
			if math.Abs(a.Y1.Points()-y) < 0.01 && a.X1.Points() <= x+0.01 && a.X2.Points() >= x-0.01 {
				return true
			}
		}
		return false
	}
	for _, it := range page.Items {
		r, ok := it.(*display.Rule)
		if !ok || r.X1 != r.X2 {
			continue
		}
		x := r.X1.Points()
		if !touches(x, r.Y1.Points()) || !touches(x, r.Y2.Points()) {
			t.Errorf("rule down at x %.2f from %.2f to %.2f does not meet a rule across at both ends", x, r.Y1.Points(), r.Y2.Points())
		}
	}
}

// No kicker, headline or subhead line ends inside a word, by the project's segmenter,
// unless the page reports the word as too wide for its measure.
func TestHeadlinesBreakBetweenWords(t *testing.T) {
	for _, file := range pages(t) {
		iss, err := issues.Decode(file)
		if err != nil {
			t.Fatal(err)
		}
		sheet := style.Default()
		for _, m := range arrangePage(t, iss).Modules {
			if !m.Placed() || m.Head == nil {
				continue
			}
			a := m.Story.Art
			source := map[string]string{"kicker": a.Kicker, "headline": a.Headline, "subhead": sheet.Head.SubheadPrefix + a.Subhead}
			for _, l := range m.Head.Layers {
				if len(l.Split) > 0 {
					continue // reported as a warning
				}
				for _, off := range lineEnds(source[l.Name], l.Lines) {
					part, at := partAt(source[l.Name], off)
					if at > 0 && at < len(part) && words.Breaks(part)[at] == words.Forbidden {
						t.Errorf("%s: article[%d] %s breaks inside a word: %s|%s", filepath.Base(file), m.Story.Index, l.Name, part[:at], part[at:])
					}
				}
			}
		}
	}
}

// lineEnds returns the byte offsets in text where each line but the last ends: after
// its last drawn character. Lines draw text's characters in order, without spaces,
// forced breaks and invisible characters.
func lineEnds(text string, ls []lines.Line) []int {
	var ends []int
	rs := []rune(text)
	pos, off := 0, 0
	for li, l := range ls {
		n := 0
		for _, r := range l.Runs {
			n += utf8.RuneCountInString(r.Text)
		}
		for n > 0 && pos < len(rs) {
			r := rs[pos]
			off += utf8.RuneLen(r)
			pos++
			if !unicode.IsSpace(r) && string(r) != text2.ForcedBreak && !unicode.Is(unicode.Cf, r) {
				n--
			}
		}
		if li < len(ls)-1 {
			ends = append(ends, off)
		}
	}
	return ends
}

// partAt returns the part of text between forced breaks that holds offset off, and
// the offset in it; at 0 or the part's end when the break is a forced one.
func partAt(text string, off int) (string, int) {
	start := 0
	for _, p := range strings.SplitAfter(text, text2.ForcedBreak) {
		if off <= start+len(p) {
			p = strings.TrimSuffix(p, text2.ForcedBreak)
			return p, min(off-start, len(p))
		}
		start += len(p)
	}
	return text, off
}

// No leg ends with a crosshead (or a crosshead and one line of what it heads), or with
// a brief item's title line.
func TestCrossheadsAndBriefTitlesNeverEndALeg(t *testing.T) {
	for _, file := range pages(t) {
		iss, err := issues.Decode(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range arrangePage(t, iss).Modules {
			body, first := m.Story.Body, 0
			for c, n := range m.Legs {
				if end := first + n; c < len(m.Legs)-1 && n > 0 && end < len(body) {
					last := body[end-1]
					switch {
					case last.Cross:
						t.Errorf("%s: article[%d] leg %d ends with a crosshead", filepath.Base(file), m.Story.Index, c+1)
					case last.Brief && last.First && !last.Last:
						t.Errorf("%s: article[%d] leg %d ends with a brief's title line", filepath.Base(file), m.Story.Index, c+1)
					case end >= 2 && body[end-2].Cross && !last.Last:
						t.Errorf("%s: article[%d] leg %d ends with a crosshead and one line", filepath.Base(file), m.Story.Index, c+1)
					}
				}
				first += n
			}
		}
	}
}
