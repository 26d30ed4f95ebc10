package edition

import (
	"fmt"

	"broadsheet/issues"
)

// Check finds what makes a set of page files no issue: two files of one page, dates
// that differ, a jump to a page not in the issue, to its own page or in a loop, a
// teaser whose page does not exist or whose article is not found. The pages are in
// page order.
func Check(pages []*issues.Issue) error {
	_, err := check(pages)
	return err
}

// check is Check, and the order to compose the pages in (composeOrder).
func check(pages []*issues.Issue) ([]*issues.Issue, error) {
	var errs issues.ErrorList
	byNo := map[int]*issues.Issue{}
	for _, p := range pages {
		if q, dup := byNo[p.PageNo]; dup {
			errs.Add(p.PagePos, "page", "%d is also the page of %s; want one file a page", p.PageNo, q.File)
			continue
		}
		byNo[p.PageNo] = p
		if p.Date != pages[0].Date {
			errs.Add(p.DatePos, "date", "%s differs from %s in %s; want the pages of one issue to share its date", p.Date, pages[0].Date, pages[0].File)
		}
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	order := checkJumps(pages, byNo, &errs)
	checkTeasers(pages, byNo, &errs)
	return order, errs.Err()
}

// checkJumps finds jumps to pages not in the issue, to their own page, and loops: a
// page whose story jumps to a page that (through others) jumps back to it. Without
// them, it returns the order to compose the pages in.
func checkJumps(pages []*issues.Issue, byNo map[int]*issues.Issue, errs *issues.ErrorList) []*issues.Issue {
	for _, p := range pages {
		for i, a := range p.Articles {
			j := a.Jump
			switch {
			case j == nil:
			case j.Page == p.PageNo:
				errs.Add(j.Pos, jumpItem(i), "page %d is the article's own page; want another page of the issue (%s)", j.Page, pageList(pages))
			case byNo[j.Page] == nil:
				errs.Add(j.Pos, jumpItem(i), "page %d is not in the issue; want one of its pages (%s)", j.Page, pageList(pages))
			}
		}
	}
	if len(*errs) > 0 {
		return nil
	}
	order, loop := composeOrder(pages, byNo)
	if loop != nil {
		errs.Add(loop.pos, jumpItem(loop.index), "page %d jumps to page %d, which leads back to page %d through its jumps; want jumps that never return to a page they left",
			loop.from, loop.to, loop.from)
	}
	return order
}

// jumpItem names the jump of article i.
func jumpItem(i int) string { return issues.ArticleItem(i) + ".jump" }

// pageList lists the issue's page numbers: "1, 2, 3, 4".
func pageList(pages []*issues.Issue) string {
	s := ""
	for k, p := range pages {
		if k > 0 {
			s += ", "
		}
		s += fmt.Sprint(p.PageNo)
	}
	return s
}

// edge is a jump from one page to another, for finding loops.
type edge struct {
	pos      issues.Pos
	index    int // the article's index on its page
	from, to int
}

// composeOrder orders the pages so that each comes after every page whose stories jump
// to it, in page order otherwise; loop is a jump that closes a loop, nil when none does.
func composeOrder(pages []*issues.Issue, byNo map[int]*issues.Issue) (order []*issues.Issue, loop *edge) {
	into := map[int]int{} // jumps into each page
	var edges []edge
	for _, p := range pages {
		for i, a := range p.Articles {
			if a.Jump != nil && a.Jump.Page != p.PageNo && byNo[a.Jump.Page] != nil {
				edges = append(edges, edge{a.Jump.Pos, i, p.PageNo, a.Jump.Page})
				into[a.Jump.Page]++
			}
		}
	}
	done := map[int]bool{}
	for len(order) < len(pages) {
		next := -1
		for _, p := range pages {
			if !done[p.PageNo] && into[p.PageNo] == 0 {
				next = p.PageNo
				break
			}
		}
		if next < 0 {
			return nil, onLoop(edges, done)
		}
		done[next] = true
		order = append(order, byNo[next])
		for _, e := range edges {
			if e.from == next {
				into[e.to]--
			}
		}
	}
	return order, nil
}

// onLoop finds a jump on a loop among the pages not yet ordered, each of which has a
// jump into it from another of them: walking back along those jumps from any such page
// must come round to a page already passed, and the jump into it closes the loop.
func onLoop(edges []edge, done map[int]bool) *edge {
	back := map[int]edge{} // a jump into each page left, from a page left
	start := 0
	for _, e := range edges {
		if !done[e.from] && !done[e.to] {
			back[e.to], start = e, e.to
		}
	}
	seen := map[int]bool{}
	for p := start; ; p = back[p].from {
		if seen[p] {
			e := back[p]
			return &e
		}
		seen[p] = true
	}
}

// checkTeasers finds teasers whose page is not in the issue, or whose article is on
// no page of it.
func checkTeasers(pages []*issues.Issue, byNo map[int]*issues.Issue, errs *issues.ErrorList) {
	for _, p := range pages {
		for k, t := range p.Teasers {
			switch {
			case t.Article != "":
				if on, ok := FindArticle(pages, t.Article); !ok {
					errs.Add(t.ArticlePos, teaserItem(k)+".article", "%q is the headline of no article in the issue (pages %s); want an article's headline as its file gives it",
						t.Article, pageList(pages))
				} else if n := countArticles(pages, t.Article); n > 1 {
					errs.Add(t.ArticlePos, teaserItem(k)+".article", "%q is the headline of %d articles in the issue; want a headline only one article has, or page = N", t.Article, n)
				} else if on == p.PageNo {
					errs.Add(t.ArticlePos, teaserItem(k)+".article", "%q is on page %d, the teaser's own page; want an article of another page", t.Article, on)
				}
			case byNo[t.Page] == nil:
				errs.Add(t.PagePos, teaserItem(k)+".page", "page %d is not in the issue; want one of its pages (%s)", t.Page, pageList(pages))
			}
		}
	}
}

// teaserItem names teaser k: "teaser[0]".
func teaserItem(k int) string { return fmt.Sprintf("teaser[%d]", k) }

// FindArticle finds the page of the article with the given headline (forced breaks
// and surrounding space ignored): the first in page order.
func FindArticle(pages []*issues.Issue, headline string) (page int, ok bool) {
	want := normalHeadline(headline)
	for _, p := range pages {
		for _, a := range p.Articles {
			if normalHeadline(a.Headline) == want {
				return p.PageNo, true
			}
		}
	}
	return 0, false
}

// countArticles counts the articles of the issue with the given headline.
func countArticles(pages []*issues.Issue, headline string) int {
	n, want := 0, normalHeadline(headline)
	for _, p := range pages {
		for _, a := range p.Articles {
			if normalHeadline(a.Headline) == want {
				n++
			}
		}
	}
	return n
}

// normalHeadline is a headline as a teaser may name it: without forced breaks and
// spaces.
func normalHeadline(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r != '｜' && r != ' ' && r != '\u3000' {
			out = append(out, r)
		}
	}
	return string(out)
}

// Alone refuses a page set alone, outside an issue, that needs the other pages of its
// issue: a story that jumps, a teaser.
func Alone(p *issues.Issue) error {
	var errs issues.ErrorList
	const fix = "keep the page with the issue's other pages in a folder named by their date (2023-11-22/p01.toml …), which is built as a whole"
	for i, a := range p.Articles {
		if a.Jump != nil {
			errs.Add(a.Jump.Pos, jumpItem(i), "continues on page %d, which only a whole issue has; %s", a.Jump.Page, fix)
		}
	}
	for k, t := range p.Teasers {
		errs.Add(t.Pos, teaserItem(k), "points at another page, which only a whole issue has; %s", fix)
	}
	return errs.Err()
}
