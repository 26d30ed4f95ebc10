package edition

import (
	"strings"
	"testing"

	"broadsheet/issues"
)

// page is a page of an issue with the given number and one article per headline.
func page(no int, file string, headlines ...string) *issues.Issue {
	p := &issues.Issue{File: file, PageNo: no, Date: issues.Date{Year: 2023, Month: 11, Day: 22},
		PagePos: issues.Pos{File: file, Line: 3, Col: 13}, DatePos: issues.Pos{File: file, Line: 2, Col: 13}}
	for _, h := range headlines {
		p.Articles = append(p.Articles, issues.Article{Headline: h, Paragraphs: []string{"正文。"}})
	}
	return p
}

// jump makes article i of p jump to page to, the key written at line.
func jump(p *issues.Issue, i, to, line int) {
	p.Articles[i].Jump = &issues.Jump{Pos: issues.Pos{File: p.File, Line: line, Col: 1}, Page: to, Headline: "续", Rank: 2}
}

func TestCheckRefusesWhatMakesNoIssue(t *testing.T) {
	tests := []struct {
		name  string
		pages func() []*issues.Issue
		want  string // the error, which names file:line:col and the item
	}{
		{"two files of one page", func() []*issues.Issue {
			return []*issues.Issue{page(1, "a.toml", "甲"), page(1, "b.toml", "乙")}
		}, "b.toml:3:13: page: 1 is also the page of a.toml; want one file a page"},
		{"dates differ", func() []*issues.Issue {
			b := page(2, "b.toml", "乙")
			b.Date.Day = 23
			return []*issues.Issue{page(1, "a.toml", "甲"), b}
		}, "b.toml:2:13: date: 2023-11-23 differs from 2023-11-22 in a.toml"},
		{"jump to a page not in the issue", func() []*issues.Issue {
			a := page(1, "a.toml", "甲")
			jump(a, 0, 5, 9)
			return []*issues.Issue{a, page(2, "b.toml", "乙")}
		}, "a.toml:9:1: article[0].jump: page 5 is not in the issue; want one of its pages (1, 2)"},
		{"jump to its own page", func() []*issues.Issue {
			a := page(1, "a.toml", "甲")
			jump(a, 0, 1, 9)
			return []*issues.Issue{a, page(2, "b.toml", "乙")}
		}, "a.toml:9:1: article[0].jump: page 1 is the article's own page"},
		{"jumps in a loop", func() []*issues.Issue {
			a, b, c := page(1, "a.toml", "甲"), page(2, "b.toml", "乙"), page(3, "c.toml", "丙")
			jump(a, 0, 2, 9)
			jump(b, 0, 3, 7)
			jump(c, 0, 2, 8)
			return []*issues.Issue{a, b, c}
		}, "article[0].jump: page 3 jumps to page 2, which leads back to page 3"},
		{"a loop that a first jump leads into", func() []*issues.Issue {
			a, b, c, d := page(1, "a.toml", "甲"), page(2, "b.toml", "乙", "丁"), page(3, "c.toml", "丙"), page(4, "d.toml", "戊")
			jump(b, 0, 4, 21) // off the loop
			jump(b, 1, 3, 31)
			jump(c, 0, 2, 8)
			return []*issues.Issue{a, b, c, d}
		}, "jumps to page"},
		{"teaser to a page not in the issue", func() []*issues.Issue {
			a := page(1, "a.toml", "甲")
			a.Teasers = []issues.Teaser{{Text: "看点", Page: 7, PagePos: issues.Pos{File: "a.toml", Line: 12, Col: 8}}}
			return []*issues.Issue{a, page(2, "b.toml", "乙")}
		}, "a.toml:12:8: teaser[0].page: page 7 is not in the issue"},
		{"teaser to an article not found", func() []*issues.Issue {
			a := page(1, "a.toml", "甲")
			a.Teasers = []issues.Teaser{{Text: "看点", Article: "丁", ArticlePos: issues.Pos{File: "a.toml", Line: 13, Col: 11}}}
			return []*issues.Issue{a, page(2, "b.toml", "乙")}
		}, `a.toml:13:11: teaser[0].article: "丁" is the headline of no article in the issue`},
		{"teaser to a headline two articles have", func() []*issues.Issue {
			a := page(1, "a.toml", "甲")
			a.Teasers = []issues.Teaser{{Text: "看点", Article: "乙", ArticlePos: issues.Pos{File: "a.toml", Line: 15, Col: 11}}}
			return []*issues.Issue{a, page(2, "b.toml", "乙"), page(3, "c.toml", "乙")}
		}, `a.toml:15:11: teaser[0].article: "乙" is the headline of 2 articles in the issue`},
		{"teaser to an article on its own page", func() []*issues.Issue {
			a := page(1, "a.toml", "甲")
			a.Teasers = []issues.Teaser{{Text: "看点", Article: "甲", ArticlePos: issues.Pos{File: "a.toml", Line: 14, Col: 11}}}
			return []*issues.Issue{a, page(2, "b.toml", "乙")}
		}, `a.toml:14:11: teaser[0].article: "甲" is on page 1, the teaser's own page`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(Order(tc.pages()))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Check = %v; want an error containing %q", err, tc.want)
			}
			if tc.name == "a loop that a first jump leads into" && strings.Contains(err.Error(), "to page 4") {
				t.Fatalf("Check = %v; want the jump on the loop (page 2 → 3 or 3 → 2), not the one into page 4", err)
			}
		})
	}
}

func TestComposeOrderPutsAJumpedStorysPageFirst(t *testing.T) {
	a, b, c := page(1, "a.toml", "甲"), page(2, "b.toml", "乙"), page(3, "c.toml", "丙")
	jump(c, 0, 1, 9) // page 3's story continues on page 1
	byNo := map[int]*issues.Issue{1: a, 2: b, 3: c}
	order, loop := composeOrder([]*issues.Issue{a, b, c}, byNo)
	if loop != nil || len(order) != 3 || order[0] != b || order[1] != c || order[2] != a {
		t.Fatalf("order = %v, loop %v; want pages 2, 3, 1", pageList(order), loop)
	}
}

func TestFindArticleIgnoresForcedBreaks(t *testing.T) {
	pages := []*issues.Issue{page(1, "a.toml", "甲"), page(4, "b.toml", "郑州｜汽车产量")}
	if p, ok := FindArticle(pages, "郑州汽车产量"); !ok || p != 4 {
		t.Fatalf("FindArticle = %d, %v; want page 4", p, ok)
	}
}
