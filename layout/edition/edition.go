// Package edition composes a whole issue: the page files of one date, in page order.
// It checks what ties the pages together — one file a page, one date, jumps (转版) to
// pages of the issue and in no loop, teasers (导读) that point at pages and articles
// that exist — then composes each page with layout.Compose, a jumped story's page
// before the page it continues on, so that the continuation (上接) is composed with
// that page's own articles and every label's page number is the page as built.
//
// It is not for single pages that stand alone (layout.Compose is), and it does no I/O:
// the command reads the files and writes the PDFs.
package edition

import (
	"cmp"
	"slices"

	"broadsheet/issues"
	"broadsheet/layout"
	"broadsheet/layout/display"
	"broadsheet/layout/report"
)

// Page is one page of the issue as composed.
type Page struct {
	Issue  *issues.Issue // the page's model, with its continuations and teaser box added
	Page   *display.Page
	Report *report.Report
}

// Result is a composed issue: its pages in page order, and what ties them together.
type Result struct {
	Pages  []Page
	Report Report
}

// Report is what the issue's report says of the whole issue.
type Report struct {
	Jumps   []JumpReport   `json:"jumps"`
	Teasers []TeaserReport `json:"teasers"`
}

// JumpReport is one jumped story: where it starts and where it continues, and the
// characters of its body set on each.
type JumpReport struct {
	File     string `json:"file"` // the issue file the story is in
	Item     string `json:"item"` // article[2]
	Headline string `json:"headline"`
	From     int    `json:"from_page"`
	To       int    `json:"to_page"`
	// Cut is false when nothing continues, Reason then says why (the story fits its
	// page whole, or its module holds too little to cut it); CharsFrom and CharsTo are
	// the body's characters on each page when it was cut.
	Cut       bool   `json:"cut"`
	Reason    string `json:"reason,omitempty"`
	CharsFrom int    `json:"characters_from"`
	CharsTo   int    `json:"characters_to"`
	// OversetTo counts the characters of the rest that do not fit the page it
	// continues on (its overset, warned there).
	OversetTo int `json:"overset_to,omitempty"`
}

// TeaserReport is one teaser of a 导读 and the page it points to.
type TeaserReport struct {
	File string `json:"file"`
	Item string `json:"item"` // teaser[0]
	Text string `json:"text"`
	Page int    `json:"page"`
}

// Linked reports whether anything ties the pages together: a jump, or a teaser. Pages
// that are not linked may be composed one by one, in parallel.
func Linked(pages []*issues.Issue) bool {
	for _, p := range pages {
		if len(p.Teasers) > 0 {
			return true
		}
		for _, a := range p.Articles {
			if a.Jump != nil {
				return true
			}
		}
	}
	return false
}

// Order sorts the pages of an issue by page number.
func Order(pages []*issues.Issue) []*issues.Issue {
	out := slices.Clone(pages)
	slices.SortStableFunc(out, func(a, b *issues.Issue) int { return cmp.Compare(a.PageNo, b.PageNo) })
	return out
}

// Compose checks the issue and composes its pages, in page order. Input errors are an
// issues.ErrorList at the keys that cause them.
func Compose(pages []*issues.Issue, opt layout.Options) (*Result, error) {
	pages = Order(pages)
	order, err := check(pages)
	if err != nil {
		return nil, err
	}
	byNo := map[int]*issues.Issue{}
	for _, p := range pages {
		byNo[p.PageNo] = withPage(p)
	}
	res := &Result{Report: Report{Jumps: []JumpReport{}, Teasers: []TeaserReport{}}}
	teaser := opt.StyleSheet().Jumps.Teaser
	for _, p := range pages {
		teaserBox(byNo[p.PageNo], pages, teaser, &res.Report)
	}
	done := map[int]Page{}
	for _, p := range order {
		iss := byNo[p.PageNo]
		pg, rep, err := layout.Compose(iss, opt)
		if err != nil {
			return nil, err
		}
		jumpsOf(iss, rep, byNo, &res.Report)
		done[p.PageNo] = Page{Issue: iss, Page: pg, Report: rep}
	}
	for _, p := range pages {
		res.Pages = append(res.Pages, done[p.PageNo])
	}
	for k := range res.Report.Jumps {
		restOverset(&res.Report.Jumps[k], done[res.Report.Jumps[k].To].Report)
	}
	return res, nil
}

// restOverset records what of a jump's rest did not fit the page it continues on.
func restOverset(j *JumpReport, on *report.Report) {
	if on == nil || !j.Cut {
		return
	}
	name := continuationName(j.Item, j.File)
	for _, a := range on.Articles {
		if a.Item == name && a.Overset != nil {
			j.OversetTo = a.Overset.Characters
		}
	}
}
