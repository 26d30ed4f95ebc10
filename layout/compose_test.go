package layout

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"broadsheet/issues"
	"broadsheet/layout/display"
	"broadsheet/layout/furniture"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/report"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

var update = flag.Bool("update", false, "rewrite the golden layout dumps in testdata/")

// pages returns every issue file the project ships.
func pages(t testing.TB) []string {
	files, err := filepath.Glob("../issues/*.toml")
	if err != nil || len(files) < 9 {
		t.Fatalf("want the sample pages in issues/: %v %v", files, err)
	}
	return files
}

func compose(t testing.TB, file string) (*display.Page, *report.Report) {
	t.Helper()
	iss, err := issues.Decode(file)
	if err != nil {
		t.Fatal(err)
	}
	page, rep, err := Compose(iss, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return page, rep
}

// The computed layout of every shipped page, as a readable dump, against its golden
// file. Regenerate with: go test ./layout/ -update
func TestGoldenLayouts(t *testing.T) {
	for _, file := range pages(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".toml")
		t.Run(name, func(t *testing.T) {
			page, rep := compose(t, file)
			got := Dump(page, rep)
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./layout/ -update)", err)
			}
			if got != string(want) {
				t.Errorf("layout differs from %s (- golden, + now; go test ./layout/ -update rewrites it):\n%s", golden, diff(string(want), got))
			}
		})
	}
}

// Every golden dump belongs to a page that is still composed: a page removed or
// renamed leaves no golden file behind that no test reads.
func TestNoOrphanGoldenFiles(t *testing.T) {
	want := map[string]bool{}
	for _, file := range pages(t) {
		want[strings.TrimSuffix(filepath.Base(file), ".toml")+".golden"] = true
	}
	goldens, err := filepath.Glob("testdata/*.golden")
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		if !want[filepath.Base(g)] {
			t.Errorf("%s has no page in issues/: remove it or restore its page", g)
		}
	}
}

// Modules tile the type area without overlap, and every character of every article —
// headline block, body, byline, captions — is either on the page or counted as overset.
func TestEveryCharacterPlacedOrReported(t *testing.T) {
	for _, file := range pages(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			iss, err := issues.Decode(file)
			if err != nil {
				t.Fatal(err)
			}
			page, rep := compose(t, file)
			checkModules(t, rep)
			checkAccounted(t, iss, page, rep)
		})
	}
}

// checkAccounted fails unless the characters drawn in the type area (below any
// masthead, or in its 报眼) and the characters reported overset add up to the
// articles' characters.
func checkAccounted(t *testing.T, iss *issues.Issue, page *display.Page, rep *report.Report) {
	t.Helper()
	sheet := style.Default()
	g := grid.New(iss.Format, &sheet.Grid, 880)
	from := g.Area.Y
	if mast := furniture.MastheadLines(iss, g, &sheet); mast > 0 {
		from = g.LineTop(mast + 1)
	}
	var ear geom.Rect
	if e := iss.Masthead.Ear; e != nil && !e.Block {
		ear = g.Rect(*rep.Articles[e.Index].Module)
	}
	inEar := func(x, y geom.Length) bool { return x >= ear.X && x < ear.Right() && y > ear.Y && y < ear.Bottom() }
	placed, over, want := 0, 0, 0
	for _, it := range page.Items {
		switch v := it.(type) {
		case *display.Text:
			if v.Y > from || inEar(v.X, v.Y) {
				placed += utf8.RuneCountInString(v.Text)
			}
		case *display.Frame:
			if (v.Rect.Y > from || inEar(v.Rect.X, v.Rect.Y)) && v.Rect.W < g.Body { // not a block's outline
				placed++ // a character no face has, drawn as an empty box
			}
		}
	}
	for i, a := range iss.Articles {
		texts := []string{text.Printed(a.Kicker), text.Printed(a.Headline), a.Lead, a.Byline, setterOf(iss).PrintedText(&iss.Articles[i])}
		if a.Subhead != "" {
			texts = append(texts, sheet.Head.SubheadPrefix+text.Printed(a.Subhead))
		}
		for _, s := range append(texts, captions(a)...) {
			want += text.VisibleChars(s)
		}
		if o := rep.Articles[i].Overset; o != nil {
			over += o.Characters
		}
	}
	for _, b := range iss.Blocks {
		if b.File == "" {
			want += text.VisibleChars(blockLabel(b))
		}
	}
	if placed+over != want {
		t.Fatalf("%d characters placed + %d overset, want %d", placed, over, want)
	}
}

func checkModules(t *testing.T, rep *report.Report) {
	t.Helper()
	g := rep.Grid
	for i, a := range rep.Articles {
		if a.Module == nil {
			continue
		}
		m := *a.Module
		if m.Column < 0 || m.Line < 0 || m.Right() > g.Columns || m.Bottom() > g.Lines {
			t.Errorf("article[%d] module %s leaves the %d×%d grid", i, m, g.Columns, g.Lines)
		}
		for j, b := range rep.Articles[:i] {
			if b.Module == nil {
				continue
			}
			o := *b.Module
			if m.Overlaps(o) {
				t.Errorf("article[%d] %s overlaps article[%d] %s", i, m, j, o)
			}
		}
	}
}

func benchmarkCompose(b *testing.B, file string) {
	iss, err := issues.Decode(file)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, _, err := Compose(iss, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkComposeSample composes the sample page: setting the text of five articles,
// fitting each to every module size, and the plan's search.
func BenchmarkComposeSample(b *testing.B) {
	benchmarkCompose(b, "../issues/zhengzhou-2023-11-21-p7.toml")
}

// BenchmarkCompose12Articles composes the page of twelve briefs.
func BenchmarkCompose12Articles(b *testing.B) {
	benchmarkCompose(b, "../issues/compose-03-briefs.toml")
}

func captions(a issues.Article) []string {
	var c []string
	for _, p := range a.Photos {
		c = append(c, p.Caption)
	}
	return c
}

// diff lists the lines that differ between two dumps, with the line number in the
// golden file: at most maxDiff changed lines, then a count of the rest.
func diff(want, got string) string {
	const maxDiff = 12
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown, total := 0, 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a == c {
			continue
		}
		total++
		if shown < maxDiff {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, a, c)
			shown++
		}
	}
	if total > shown {
		fmt.Fprintf(&b, "… and %d more changed lines\n", total-shown)
	}
	return b.String()
}

// blockLabel is the text a block without a picture shows.
func blockLabel(b issues.Block) string {
	if b.Label != "" {
		return b.Label
	}
	return style.Default().Blocks.Labels[b.Kind]
}

// setterOf is a text setter for the issue's format (only its switches matter here).
func setterOf(iss *issues.Issue) *text.Setter {
	return &text.Setter{BriefMark: iss.Format.BriefMark}
}
