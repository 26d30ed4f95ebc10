package edition

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout"
)

var update = flag.Bool("update", false, "rewrite the golden layout dumps in testdata/")

// issueDirs are the whole issues the project ships: folders of issues/ named by date.
func issueDirs(t *testing.T) []string {
	dirs, err := filepath.Glob("../../issues/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("want a whole issue in issues/: %v %v", dirs, err)
	}
	return dirs
}

// composeDir decodes and composes the issue in dir.
func composeDir(t *testing.T, dir string) *Result {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	var pages []*issues.Issue
	for _, f := range files {
		iss, err := issues.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, iss)
	}
	res, err := Compose(pages, layout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// The computed layout of every page of every shipped issue, composed as a whole, as a
// readable dump against its golden file. Regenerate with: go test ./layout/edition/ -update
func TestGoldenIssues(t *testing.T) {
	want := map[string]bool{}
	for _, dir := range issueDirs(t) {
		for _, p := range composeDir(t, dir).Pages {
			name := filepath.Base(dir) + "-" + strings.TrimSuffix(filepath.Base(p.Issue.File), ".toml") + ".golden"
			want[name] = true
			checkGolden(t, filepath.Join("testdata", name), layout.Dump(p.Page, p.Report))
		}
	}
	goldens, _ := filepath.Glob("testdata/*.golden")
	for _, g := range goldens {
		if !want[filepath.Base(g)] {
			t.Errorf("%s has no page in a shipped issue: remove it or restore its page", g)
		}
	}
}

// checkGolden compares got with the golden file, or rewrites it with -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./layout/edition/ -update)", err)
	}
	if got == string(want) {
		return
	}
	w, g := strings.Split(string(want), "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		if i >= len(w) || i >= len(g) || w[i] != g[i] {
			t.Errorf("%s differs first at line %d (go test ./layout/edition/ -update rewrites it)", golden, i+1)
			return
		}
	}
}

// The shipped issue's stories jump where the file says, each cut with characters on
// both pages and the continuation on the page it names, at its rank; the teasers point
// at the pages their articles are on.
func TestShippedIssueJumpsAndTeases(t *testing.T) {
	res := composeDir(t, "../../issues/2023-11-22")
	if len(res.Report.Jumps) != 2 || len(res.Report.Teasers) != 3 {
		t.Fatalf("report %+v; want 2 jumps and 3 teasers", res.Report)
	}
	byNo := map[int]Page{}
	for _, p := range res.Pages {
		byNo[p.Report.Page] = p
	}
	for _, j := range res.Report.Jumps {
		if !j.Cut || j.CharsFrom < 500 || j.CharsTo < 300 {
			t.Errorf("%s %s: cut %v, %d + %d characters; want both pages to carry a good part", j.File, j.Item, j.Cut, j.CharsFrom, j.CharsTo)
		}
		found := false
		for _, a := range byNo[j.To].Report.Articles {
			if a.ContinuedFrom == j.From && a.Overset == nil {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no continuation set whole on page %d", j.Item, j.To)
		}
	}
	for k, want := range []int{2, 3, 3} {
		if got := res.Report.Teasers[k].Page; got != want {
			t.Errorf("teaser[%d] points at page %d; want %d", k, got, want)
		}
	}
}

// The rest of a story jumped to a page with no room for it is overset there, warned
// at the jump under the continuation's name, and the issue's report counts it.
func TestRestOnAFullPageIsOversetAndSaid(t *testing.T) {
	from, err := issues.Decode("../../issues/compose-06-overset.toml")
	if err != nil {
		t.Fatal(err)
	}
	to, err := issues.Decode("../../issues/compose-07-pinned.toml")
	if err != nil {
		t.Fatal(err)
	}
	from.PageNo, to.PageNo, to.Date = 1, 2, from.Date
	from.Articles[0].Jump = &issues.Jump{Pos: from.Articles[0].Pos, Page: 2, Headline: "续", Rank: 2}
	res, err := Compose([]*issues.Issue{from, to}, layout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	j := res.Report.Jumps[0]
	if !j.Cut || j.OversetTo == 0 || j.OversetTo > j.CharsTo {
		t.Fatalf("jump %+v; want it cut and part of its rest overset on page 2", j)
	}
	warned := false
	for _, w := range res.Pages[1].Report.Warnings {
		warned = warned || w.Kind == "overset" && strings.HasPrefix(w.Item, "continuation of article[0] of compose-06-overset.toml")
	}
	if !warned {
		t.Errorf("page 2 warns of no overset continuation: %+v", res.Pages[1].Report.Warnings)
	}
}
