package layout_test

import (
	"path/filepath"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout"
	"broadsheet/layout/edition"
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
