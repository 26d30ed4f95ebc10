package report

import (
	"encoding/json"
	"strings"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout/fit"
	"broadsheet/layout/furniture"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/place"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

func build(t *testing.T, file string) *Report {
	t.Helper()
	iss, err := issues.Decode(file)
	if err != nil {
		t.Fatal(err)
	}
	sheet := style.Default()
	faces, err := text.LoadFaces()
	if err != nil {
		t.Fatal(err)
	}
	g := grid.New(iss.Format, &sheet.Grid, faces.Ascent(sheet.Body))
	st := text.NewSetter(iss.Format, g, &sheet, faces)
	arts := make([]*fit.Article, len(iss.Articles))
	for i := range iss.Articles {
		arts[i] = fit.New(st.Story(i, i, &iss.Articles[i]), g, &sheet)
	}
	p, err := place.Arrange(iss, g, &sheet, arts, nil, 0, geom.Cells{})
	if err != nil {
		t.Fatal(err)
	}
	return Build(iss, g, &sheet, p, furniture.Set{})
}

// A photo printing under 170 ppi is a warning that names the photo and where its
// article starts, and the page needs a person.
func TestLowResolutionWarning(t *testing.T) {
	r := build(t, "../../issues/compose-08-photos.toml")
	found := false
	for _, w := range r.Warnings {
		if w.Kind == WarnLowResolution {
			found = true
			if !strings.HasPrefix(w.Item, "article[") || !strings.Contains(w.Item, ".photo[") || !strings.Contains(w.Pos, "compose-08-photos.toml:") {
				t.Errorf("warning %+v", w)
			}
		}
	}
	if !found || !r.NeedsAttention() {
		t.Errorf("no low-resolution warning: %+v", r.Warnings)
	}
}

// The overset page reports overset characters per article, and the JSON report gives
// modules 1-based.
func TestOversetAndJSON(t *testing.T) {
	r := build(t, "../../issues/compose-06-overset.toml")
	over := 0
	for _, a := range r.Articles {
		if a.Overset != nil {
			over += a.Overset.Characters
		}
	}
	if over == 0 {
		t.Fatal("no overset on the overlong page")
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Articles []struct {
			Module *struct{ Column, Line int }
		}
	}
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if m := back.Articles[0].Module; m == nil || m.Column != r.Articles[0].Module.Column+1 || m.Line < 1 {
		t.Errorf("JSON module %+v for %v", m, r.Articles[0].Module)
	}
	if r.Fill <= 0 || r.Fill > 1 {
		t.Errorf("fill %v", r.Fill)
	}
}

// An empty area deeper than two lines is reported where it is.
func TestHolesAreReported(t *testing.T) {
	r := &Report{}
	r.addEmpty(geom.Cells{Column: 2, Line: 10, Columns: 1, Lines: 5})
	r.addEmpty(geom.Cells{Column: 3, Line: 10, Columns: 1, Lines: 5})
	r.flagHoles()
	if len(r.Empty) != 1 || r.Empty[0].Columns != 2 || len(r.Warnings) != 1 ||
		r.Warnings[0].Message != "5 empty lines × 2 columns at column 3, line 11: the page is short of text there" {
		t.Errorf("empty %v warnings %+v", r.Empty, r.Warnings)
	}
}
