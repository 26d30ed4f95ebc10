// Package place decides where every article goes and where each of its lines lands:
// it asks the plan for the tiling of least cost around the pins, then sets each
// module — its legs (body lines per column), its headline lines (and those a squeezed
// module loses), its photo frames and their resolution — as values.
//
// Everything the report says about a module is decided here; package draw turns
// these values into the display list without deciding anything.
package place

import (
	"errors"
	"slices"
	"strings"

	"broadsheet/issues"
	"broadsheet/layout/fit"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/plan"
	"broadsheet/layout/style"
)

// Page is the placement of every article of a page.
type Page struct {
	// Modules are in the issue file's order, one per article.
	Modules []*Module
	// Empty lists the free rectangles no article took.
	Empty []geom.Cells
	// Blocks are the advertisements and notices, where they stand.
	Blocks []*Block
}

// Arrange places the articles on the grid: the pinned ones where the file says, the
// others in the plan's best tiling around them, around the fixed blocks and around
// the masthead's first mast lines on page 1; the article with ear = true in the
// 报眼's cells, ear. A pin that cannot be honoured is an issues.ErrorList at the pin.
func Arrange(iss *issues.Issue, g grid.Grid, sheet *style.Sheet, arts []*fit.Article, blocks []*Block, mast int, ear geom.Cells) (*Page, error) {
	if err := checkPins(iss, g); err != nil {
		return nil, err
	}
	var free, pinned []*fit.Article
	var pins []geom.Cells
	for _, a := range byRank(arts) {
		if p := a.S.Art.Place; p != nil {
			pins = append(pins, geom.Cells{Column: p.Column - 1, Line: p.Line - 1, Columns: p.Columns, Lines: p.Lines})
			pinned = append(pinned, a)
		} else if isEar(iss, false, a.S.Index) && !ear.Empty() {
			pins = append(pins, ear)
			pinned = append(pinned, a)
		} else {
			free = append(free, a)
		}
	}
	for _, b := range blocks {
		pins = append(pins, b.Cells) // after the stories' pins
	}
	if mast > 0 {
		pins = append(pins, mastPins(g.Columns, mast, ear)...) // last
	}
	fits := fitAll(free)
	sol, err := plan.Solve(plan.Problem{
		Columns: g.Columns, Lines: g.Lines, Items: len(free), Gap: sheet.Grid.ModuleGap, Pins: pins,
		Cost:    func(i, w, h int) int64 { return fits[i][w][h].Cost },
		Empty:   func(w, h int) int64 { return emptyCost(&sheet.Costs, w, h) },
		Reserve: func(w, h int) int64 { return fit.ReserveCost(g, &sheet.Costs, w, h) },
	})
	if err != nil {
		return nil, pinError(err, owners(iss, pinned, blocks), mast)
	}
	page := &Page{Modules: make([]*Module, len(arts)), Empty: sol.Empty, Blocks: blocks}
	for i, a := range free {
		r := sol.Modules[i]
		m := &Module{Story: a.S, Cells: r}
		if r.Columns > 0 {
			m.Fitting = fits[i][r.Columns][r.Lines]
		}
		page.Modules[a.S.Index] = m
	}
	for k, a := range pinned {
		r := pins[k]
		page.Modules[a.S.Index] = &Module{Story: a.S, Cells: r, Pinned: true, Ear: a.S.Art.Place == nil,
			Fitting: a.Fit(r.Columns, r.Lines, a.HeadChoices(r.Columns))}
	}
	mods, ranked := make([]*Module, len(arts)), byRank(arts)
	for k, a := range ranked {
		mods[k] = page.Modules[a.S.Index]
	}
	harmonise(mods, ranked, sheet)
	for _, m := range page.Modules {
		m.set(g, sheet)
	}
	return page, nil
}

// byRank is the articles in order of importance: the file's order, with the
// continuations of stories from other pages at their ranks and the 报眼 last.
func byRank(arts []*fit.Article) []*fit.Article {
	out := slices.Clone(arts)
	slices.SortStableFunc(out, func(a, b *fit.Article) int { return a.S.Rank - b.S.Rank })
	return out
}

// emptyCost prices a free rectangle no article takes as the hole it is: like the
// empty foot of a column, dearer per cell past two lines deep. Were it cheaper, the
// plan would leave whole regions empty rather than set an article with a hole.
func emptyCost(c *style.Costs, w, h int) int64 {
	return int64(w*h)*c.Hole + int64(max(0, h-2)*w)*c.DeepHole
}

// fitAll fits each free article to every module size.
func fitAll(free []*fit.Article) [][][]fit.Fitting {
	fits := make([][][]fit.Fitting, len(free))
	for i, a := range free {
		fits[i] = a.All()
	}
	return fits
}

// checkPins rejects pins that run below the type area; the plan checks overlaps.
func checkPins(iss *issues.Issue, g grid.Grid) error {
	var errs issues.ErrorList
	for i, a := range iss.Articles {
		p := a.Place
		if p == nil {
			continue
		}
		if p.Column+p.Columns-1 > g.Columns || p.Line+p.Lines-1 > g.Lines {
			errs.Add(p.Pos, issues.PlaceItem(i),
				"module of columns %d–%d, lines %d–%d leaves the type area; want columns within 1–%d and lines within 1–%d",
				p.Column, p.Column+p.Columns-1, p.Line, p.Line+p.Lines-1, g.Columns, g.Lines)
		}
	}
	return errs.Err()
}

// owner is what a pin of the plan belongs to: an article or a block.
type owner struct {
	pos  issues.Pos
	item string // "article[2]" or "block[0]"
	// line and lines are the pin's first line and height, 1-based.
	line, lines int
	ear         bool // the 报眼, a part of the masthead
}

// owners lists the pins' owners in the plan's order: the articles, then the blocks.
func owners(iss *issues.Issue, pinned []*fit.Article, blocks []*Block) []owner {
	var out []owner
	for _, a := range pinned {
		p := a.S.Art.Place
		if p == nil { // the 报眼, in the band's first lines
			out = append(out, owner{a.S.Art.Pos, issues.ArticleItem(a.S.Index), 1, 1, true})
			continue
		}
		out = append(out, owner{p.Pos, issues.ArticleItem(a.S.Index), p.Line, p.Lines, false})
	}
	for _, b := range blocks {
		pos := b.Block.Pos
		if b.Block.Place != nil {
			pos = b.Block.Place.Pos
		}
		out = append(out, owner{pos, issues.BlockItem(b.Index), b.Cells.Line + 1, b.Cells.Lines, isEar(iss, true, b.Index)})
	}
	return out
}

// pinError turns the plan's complaint about a pin into an input error at the pin. The
// masthead, when there is one, is the plan's last pin (or two, around a 报眼).
func pinError(err error, pins []owner, mast int) error {
	var pe *plan.PinError
	if !errors.As(err, &pe) {
		return err
	}
	var errs issues.ErrorList
	add := func(o owner, format string, args ...any) {
		item := o.item + ".place"
		if strings.HasPrefix(o.item, "block") {
			item = o.item
		}
		errs.Add(o.pos, item, format, args...)
	}
	isMast := func(k int) bool { return k >= len(pins) || pins[k].ear }
	switch {
	case pe.Kind == plan.PinFenced:
		for _, o := range pins {
			add(o, "the pins %s", pe.Msg)
		}
	case pe.Kind == plan.PinOutside:
		add(pins[pe.Pin], "%s", pe.Msg)
	case isMast(pe.Pin) || isMast(pe.Other):
		o := pe.Pin
		if isMast(o) {
			o = pe.Other
		}
		add(pins[o], "overlaps the masthead or its gap line, lines 1–%d of page 1; want line %d or below", mast+1, mast+2)
	case pe.Kind == plan.PinOverlap:
		add(pins[pe.Pin], "overlaps the module pinned for %s; want modules that share no cell", pins[pe.Other].item)
	default: // no gap line between two pins
		up := pins[pe.Other]
		end := up.line + up.lines - 1
		add(pins[pe.Pin], "starts right under the module pinned for %s, which ends at line %d; want line %d or below, leaving a gap line for the rule",
			up.item, end, end+2)
	}
	return errs.Err()
}
