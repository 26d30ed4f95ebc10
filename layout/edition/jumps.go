package edition

import (
	"fmt"
	"path/filepath"
	"slices"

	"broadsheet/issues"
	"broadsheet/layout/report"
)

// continuation is the rest of a jumped story as an article of the page it continues
// on: the jump headline over the body from where the first page cut it, the byline
// last; （上接第N版） is set by the layout from Continued.
func continuation(from *issues.Issue, i int, j *report.Jump) issues.Article {
	a := &from.Articles[i]
	p := a.Paragraphs[j.Paragraph]
	off := byteOffset(p, j.Offset)
	first := p[off:]
	if j.Bold {
		first = "**" + first // the cut is inside a bold run-in: the rest reopens it
	}
	rest := append([]string{first}, a.Paragraphs[j.Paragraph+1:]...)
	return issues.Article{
		Pos: a.Jump.Pos, Headline: a.Jump.Headline, Paragraphs: rest, Byline: a.Byline, Kind: issues.KindStory,
		Continued: &issues.Continued{FromPage: from.PageNo, File: from.File, Index: i, Fragment: off > 0, Rank: a.Jump.Rank},
		Name:      continuationName(issues.ArticleItem(i), from.File),
	}
}

// byteOffset is the byte offset of the n-th character of s.
func byteOffset(s string, n int) int {
	for off := range s {
		if n == 0 {
			return off
		}
		n--
	}
	return len(s)
}

// withPage is a copy of a page's model that the issue's composition may add to
// (continuations, the teaser box) without touching the caller's.
func withPage(iss *issues.Issue) *issues.Issue {
	c := *iss
	c.Articles = slices.Clone(iss.Articles)
	return &c
}

// jumpsOf reports the jumps of a composed page and hands each continuation to the
// page it continues on.
func jumpsOf(p *issues.Issue, rep *report.Report, byNo map[int]*issues.Issue, out *Report) {
	for i, a := range p.Articles {
		if a.Jump == nil || a.Continued != nil {
			continue
		}
		jr := JumpReport{File: p.File, Item: issues.ArticleItem(i), Headline: a.Headline, From: p.PageNo, To: a.Jump.Page}
		if j := rep.Articles[i].Jump; j != nil {
			to := byNo[a.Jump.Page]
			to.Articles = append(to.Articles, continuation(p, i, j))
			jr.Cut, jr.CharsFrom, jr.CharsTo = true, j.Characters, j.Continued
		} else if rep.Articles[i].Overset != nil {
			jr.Reason = "its module holds too little to cut it: overset instead"
		} else {
			jr.Reason = "it fits its page whole"
		}
		out.Jumps = append(out.Jumps, jr)
	}
}

// teaserBox adds page p's teasers to it as a box of lines "3版 · text", where the
// file pins it, in the 报眼, or where the layout places it; the page of a teaser that
// names an article is the page that article is on.
func teaserBox(p *issues.Issue, pages []*issues.Issue, format string, out *Report) {
	if len(p.Teasers) == 0 {
		return
	}
	box := p.TeaserBox
	title := box.Title
	if title == "" {
		title = issues.DefaultTeaserTitle
	}
	pos := box.Pos
	if pos.Line == 0 {
		pos = p.Teasers[0].Pos
	}
	a := issues.Article{Pos: pos, Headline: title, Kind: issues.KindBriefs, Box: "rule", Place: box.Place, Name: "teasers"}
	for k, t := range p.Teasers {
		page := t.Page
		if t.Article != "" {
			page, _ = FindArticle(pages, t.Article)
		}
		a.Briefs = append(a.Briefs, issues.Brief{Title: fmt.Sprintf(format, page), Body: t.Text})
		out.Teasers = append(out.Teasers, TeaserReport{File: p.File, Item: teaserItem(k), Text: t.Text, Page: page})
	}
	if box.Ear {
		p.Masthead.Ear = &issues.Ear{Pos: box.EarPos, Index: len(p.Articles), Name: "teasers"}
	}
	p.Articles = append(p.Articles, a)
}

// continuationName is what messages call the rest of article item of file.
func continuationName(item, file string) string {
	return fmt.Sprintf("continuation of %s of %s", item, filepath.Base(file))
}
