package layout

import (
	"errors"
	"fmt"
	"path/filepath"

	"broadsheet/issues"
	"broadsheet/layout/display"
	"broadsheet/layout/plan"
)

// Options are the layout's switches that do not come from the issue file.
type Options struct{}

// Compose lays out the page of an issue: it returns the page to draw and the report of
// what went where. A pin that cannot be honoured is an issues.ErrorList naming the
// pin's position in the file; everything else that needs a person (overset text,
// characters no font has, soft photos) is a warning in the report.
func Compose(iss *issues.Issue, opt Options) (*display.Page, *Report, error) {
	g := NewGrid(iss.Format)
	if err := checkPlaces(iss, g); err != nil {
		return nil, nil, err
	}
	stories := prepare(iss, g)
	mast := mastheadLines(iss, g)
	mods, empty, err := arrange(iss, g, stories, mast)
	if err != nil {
		return nil, nil, err
	}
	page := &display.Page{Width: g.Page.W, Height: g.Page.H, Meta: pageMeta(iss)}
	if mast > 0 {
		page.Items = masthead(iss, g, mast, page.Items)
	} else {
		page.Items = runningHead(iss, g, page.Items)
	}
	rep := newReport(iss, g)
	rep.Warnings = append(rep.Warnings, pageGlyphs(iss)...)
	for _, m := range mods {
		if m.columns > 0 {
			m.distribute(len(m.story.body))
			page.Items = m.place(g, page.Items)
		}
		rep.add(m)
		rep.Warnings = append(rep.Warnings, m.story.warnings...)
	}
	page.Items = append(page.Items, rules(g, mods)...)
	page.Overlay = overlay(g, mods)
	rep.measure(g, mods, empty)
	for i, w := range rep.Warnings {
		if w.Article >= 0 {
			rep.Warnings[i].Pos = iss.Articles[w.Article].Pos.String()
		}
	}
	return page, rep, nil
}

// prepare sets the text of every article once: body in the basic column, headlines
// and captions on demand.
func prepare(iss *issues.Issue, g Grid) []*story {
	opt := textOptions{strict: iss.Format.Kinsoku != "basic", fullWidth: iss.Format.FullwidthPunctuation}
	stories := make([]*story, len(iss.Articles))
	for i := range iss.Articles {
		stories[i] = newStory(i, i, &iss.Articles[i], g, opt)
	}
	return stories
}

// checkPlaces rejects pins that run below the type area; the plan checks overlaps.
func checkPlaces(iss *issues.Issue, g Grid) error {
	var errs issues.ErrorList
	for i, a := range iss.Articles {
		p := a.Place
		if p == nil {
			continue
		}
		if p.Column+p.Columns-1 > g.Columns || p.Line+p.Lines-1 > g.Lines {
			errs.Add(p.Pos, fmt.Sprintf("article[%d].place", i),
				"module of columns %d–%d, lines %d–%d leaves the type area; want columns within 1–%d and lines within 1–%d",
				p.Column, p.Column+p.Columns-1, p.Line, p.Line+p.Lines-1, g.Columns, g.Lines)
		}
	}
	return errs.Err()
}

// arrange fits every article to every module size, asks the plan for the best tiling
// around the pins (and the masthead's first lines on page 1), and returns the modules
// in the issue's order.
func arrange(iss *issues.Issue, g Grid, stories []*story, mast int) ([]*module, []plan.Rect, error) {
	var free []*story
	var pins []plan.Rect
	var pinned []*story
	for _, s := range stories {
		if p := s.art.Place; p != nil {
			pins = append(pins, plan.Rect{Column: p.Column - 1, Line: p.Line - 1, Columns: p.Columns, Lines: p.Lines})
			pinned = append(pinned, s)
		} else {
			free = append(free, s)
		}
	}
	if mast > 0 {
		pins = append(pins, plan.Rect{Columns: g.Columns, Lines: mast}) // after the stories' pins
	}
	fits := fitStories(free)
	sol, err := plan.Solve(plan.Problem{
		Columns: g.Columns, Lines: g.Lines, Items: len(free), Gap: 1, Pins: pins,
		Cost:  func(i, w, h int) int64 { return fits[i][w][h].cost },
		Empty: func(w, h int) int64 { return int64(w*h) * costHole },
	})
	if err != nil {
		return nil, nil, pinError(err, pinned, mast)
	}
	mods := make([]*module, len(stories))
	for i, s := range free {
		r := sol.Modules[i]
		m := &module{story: s, column: r.Column, line: r.Line}
		if r.Columns > 0 {
			m.fitting = fits[i][r.Columns][r.Lines]
		} else {
			m.unplaced()
		}
		mods[s.index] = m
	}
	for k, s := range pinned {
		r := pins[k]
		heads := s.headChoices(r.Columns)
		mods[s.index] = &module{story: s, column: r.Column, line: r.Line, fitting: s.fit(r.Columns, r.Lines, heads)}
	}
	return mods, sol.Empty, nil
}

// fitStories fits each free article to every module size.
func fitStories(free []*story) [][][]fitting {
	fits := make([][][]fitting, len(free))
	for i, s := range free {
		fits[i] = s.fitAll()
	}
	return fits
}

// pinError turns the plan's complaint about a pin into an input error at the pin. The
// masthead, when there is one, is the plan's last pin.
func pinError(err error, pinned []*story, mast int) error {
	var pe *plan.PinError
	if !errors.As(err, &pe) {
		return err
	}
	var errs issues.ErrorList
	add := func(s *story, format string, args ...any) {
		errs.Add(s.art.Place.Pos, fmt.Sprintf("article[%d].place", s.index), format, args...)
	}
	isMast := func(k int) bool { return k >= len(pinned) }
	switch {
	case pe.Kind == plan.PinFenced:
		for _, s := range pinned {
			add(s, "the pins %s", pe.Msg)
		}
	case pe.Kind == plan.PinOutside:
		add(pinned[pe.Pin], "%s", pe.Msg)
	case isMast(pe.Pin) || isMast(pe.Other):
		s := pinned[min(pe.Pin, pe.Other)]
		add(s, "overlaps the masthead or its gap line, lines 1–%d of page 1; want line %d or below", mast+1, mast+2)
	case pe.Kind == plan.PinOverlap:
		add(pinned[pe.Pin], "overlaps the module pinned for article[%d]; want modules that share no cell", pinned[pe.Other].index)
	default: // no gap line between two pins
		up := pinned[pe.Other].art.Place
		end := up.Line + up.Lines - 1
		add(pinned[pe.Pin], "starts right under the module pinned for article[%d], which ends at line %d; want line %d or below, leaving a gap line for the rule",
			pinned[pe.Other].index, end, end+2)
	}
	return errs.Err()
}

// pageMeta names the page for the document information.
func pageMeta(iss *issues.Issue) display.Meta {
	return display.Meta{
		Title:     fmt.Sprintf("%s %s 第%d版", iss.Newspaper, chineseDate(iss.Date), iss.PageNo),
		Newspaper: iss.Newspaper, Date: iss.Date.String(), PageNo: iss.PageNo, Section: iss.Section,
		Source: filepath.Base(iss.File),
	}
}
