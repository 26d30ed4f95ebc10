package layout_test

import (
	"path/filepath"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout"
	"broadsheet/layout/edition"
	"broadsheet/layout/report"
)

// The checks a layout editor makes, on every page of every whole issue in issues/
// (folders named by date), composed as a whole.
func TestEditorsChecksOnWholeIssues(t *testing.T) {
	dirs, _ := filepath.Glob("../issues/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]")
	if len(dirs) == 0 {
		t.Fatal("want a whole issue in issues/")
	}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
		var pages []*issues.Issue
		for _, f := range files {
			iss, err := issues.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, iss)
		}
		res, err := edition.Compose(pages, layout.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Pages {
			t.Run(filepath.Base(dir)+"/"+filepath.Base(p.Issue.File), func(t *testing.T) {
				layout.EditorsChecks(t, p.Issue, p.Page, p.Report)
			})
		}
	}
}

// FuzzComposeIssue composes generated two-page issues whose first page's lead jumps
// to the second: no panic and no error but a pin's, modules inside the grid and apart,
// and the jump either cut — its story whole on the first page's module, its rest on
// the second page — or said not to be.
func FuzzComposeIssue(f *testing.F) {
	for _, seed := range []int64{1, 2, 3, 42, 1000} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed int64) {
		from, to := layout.GenIssue(seed), layout.GenIssue(seed+1)
		for _, p := range []*issues.Issue{from, to} {
			for i := range p.Articles {
				p.Articles[i].Photos = nil // the decoder allows one width per article; photos are not what is fuzzed
			}
		}
		from.PageNo, to.PageNo, to.Date = 1, 2, from.Date
		to.Format = from.Format
		from.Articles[0].Place = nil
		from.Articles[0].Jump = &issues.Jump{Page: 2, Headline: "续" + from.Articles[0].Headline, Rank: 2}
		res, err := edition.Compose([]*issues.Issue{from, to}, layout.Options{})
		if err != nil {
			layout.CheckPinError(t, from, err)
			return
		}
		for _, p := range res.Pages {
			layout.CheckModules(t, p.Report)
		}
		j := res.Report.Jumps[0]
		src := res.Pages[0].Report.Articles[0]
		var rest *report.ArticleReport
		for k, a := range res.Pages[1].Report.Articles {
			if a.ContinuedFrom == 1 {
				rest = &res.Pages[1].Report.Articles[k]
			}
		}
		switch {
		case j.Cut && (src.Jump == nil || src.Overset != nil || rest == nil || j.CharsTo <= 0):
			t.Fatalf("a cut jump %+v: the first part %+v, the rest %+v", j, src, rest)
		case !j.Cut && (rest != nil || j.Reason == ""):
			t.Fatalf("a jump not cut %+v has a rest %+v or no reason", j, rest)
		}
	})
}
