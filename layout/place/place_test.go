package place

import (
	"testing"

	"broadsheet/issues"
	"broadsheet/layout/fit"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// arrange places the articles of an issue file.
func arrange(t *testing.T, file string) (*issues.Issue, grid.Grid, *Page) {
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
	p, err := Arrange(iss, g, &sheet, arts, nil, 0, geom.Cells{})
	if err != nil {
		t.Fatal(err)
	}
	return iss, g, p
}

// Every article of the sample gets a module inside the grid, apart from the others;
// its legs carry every body line once, its lines lie inside its module, and its photos
// are framed inside it.
func TestSamplePlacement(t *testing.T) {
	_, g, p := arrange(t, "../../issues/zhengzhou-2023-11-21-p7.toml")
	for i, m := range p.Modules {
		if !m.Placed() || m.Cells.Right() > g.Columns || m.Cells.Bottom() > g.Lines {
			t.Fatalf("article[%d] at %v", i, m.Cells)
		}
		for _, o := range p.Modules[:i] {
			if m.Cells.Overlaps(o.Cells) {
				t.Errorf("article[%d] %v overlaps %v", i, m.Cells, o.Cells)
			}
		}
		sum := 0
		for _, n := range m.Legs {
			sum += n
		}
		if sum != len(m.Story.Body) || len(m.Text) != sum || m.Overset != 0 || m.HeadLost != 0 {
			t.Errorf("article[%d]: legs %v hold %d of %d lines, %d placed, overset %d, head lost %d",
				i, m.Legs, sum, len(m.Story.Body), len(m.Text), m.Overset, m.HeadLost)
		}
		box := g.Rect(m.Cells)
		for _, l := range append(append([]Line(nil), m.Heading...), m.Text...) {
			if l.Y < box.Y || l.Y > box.Bottom() || l.X < box.X-l.Size/2 || l.X+l.Width > box.Right()+l.Size/2 {
				t.Errorf("article[%d] line at %v,%v outside %v", i, l.X, l.Y, box)
			}
		}
		for _, ph := range m.Photos {
			if !box.Contains(ph.Frame) || !ph.Placeholder {
				t.Errorf("article[%d] photo %v in %v, placeholder %v", i, ph.Frame, box, ph.Placeholder)
			}
		}
	}
}

// A real picture is cropped, never stretched, and its resolution is what it prints at.
func TestPhotoResolution(t *testing.T) {
	iss, _, p := arrange(t, "../../issues/compose-08-photos.toml")
	seen := 0
	for i, m := range p.Modules {
		for k, ph := range m.Photos {
			if ph.Placeholder {
				continue
			}
			seen++
			src := iss.Articles[i].Photos[k]
			sx, sy := float64(ph.Placed.W)/float64(src.PixelWidth), float64(ph.Placed.H)/float64(src.PixelHeight)
			if d := sx/sy - 1; d > 1e-6 || d < -1e-6 {
				t.Errorf("article[%d].photo[%d] stretched: %v × %v", i, k, sx, sy)
			}
			if ph.Placed.W < ph.Frame.W || ph.Placed.H < ph.Frame.H || ph.PPI <= 0 {
				t.Errorf("article[%d].photo[%d] placed %v does not cover %v (ppi %v)", i, k, ph.Placed, ph.Frame, ph.PPI)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no real picture on compose-08")
	}
}
