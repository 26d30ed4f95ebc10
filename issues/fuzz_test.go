package issues

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"broadsheet/layout/geom"
)

// FuzzDecode checks that DecodeBytes never panics, that its errors are an ErrorList
// with positions inside the file, and that a page it accepts has, in every article,
// a headline and at least one paragraph.
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.toml")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("newspaper = \"报\"\ndate = 2023-11-21\npage = 1\narticle = [{headline = \"题\", body = \"文\"}]\n"))
	f.Add([]byte("newspaper = \"报\"\ndate = 2023-11-21\npage = 1\narticle = [{headline = \"题\", body = \"文\", jump = { page = 2 }}]\n" +
		"teaser = [{ text = \"导\", page = 3 }, { text = \"读\", article = \"题\" }]\nteasers = { ear = true }\n"))
	file := filepath.Join("testdata", "good", "fuzz.toml") // so photos/dot.png resolves
	f.Fuzz(func(t *testing.T, data []byte) {
		is, err := DecodeBytes(file, data)
		if err != nil {
			checkFuzzErrors(t, data, err)
			return
		}
		for i, a := range is.Articles {
			if strings.TrimSpace(a.Headline) == "" || a.Headline != strings.TrimSpace(a.Headline) {
				t.Errorf("article %d has headline %q", i, a.Headline)
			}
			if len(a.Paragraphs) == 0 {
				t.Errorf("article %d has no paragraph", i)
			}
			for _, p := range a.Paragraphs {
				if p == "" || p != strings.TrimSpace(p) || strings.ContainsAny(p, "\n\r") {
					t.Errorf("article %d has paragraph %q", i, p)
				}
			}
		}
		checkFuzzCrossPage(t, is)
		if len(is.Articles) == 0 || is.PageNo < 1 || is.Newspaper == "" {
			t.Errorf("accepted a page without articles, page number or paper: %+v", is)
		}
	})
}

// checkFuzzCrossPage checks what a page accepted says of other pages: every jump to
// another page with a headline and a rank, every teaser pointing at exactly one page or
// article (never its own page), and a teaser box only over teasers.
func checkFuzzCrossPage(t *testing.T, is *Issue) {
	for i, a := range is.Articles {
		if j := a.Jump; j != nil && (j.Page < 1 || j.Page == is.PageNo || j.Headline == "" || j.Rank < 1) {
			t.Errorf("article %d has jump %+v on page %d", i, *j, is.PageNo)
		}
	}
	for k, tz := range is.Teasers {
		if tz.Text == "" || (tz.Page == 0) == (tz.Article == "") || tz.Page == is.PageNo {
			t.Errorf("teaser %d is %+v on page %d", k, tz, is.PageNo)
		}
	}
	if (len(is.Teasers) == 0) != (is.TeaserBox == TeaserBox{}) {
		t.Errorf("%d teasers with the box %+v", len(is.Teasers), is.TeaserBox)
	}
}

// checkFuzzErrors checks that err is an ErrorList whose positions lie in data.
func checkFuzzErrors(t *testing.T, data []byte, err error) {
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error is not a non-empty ErrorList: %T %v", err, err)
	}
	lines := strings.Count(string(data), "\n") + 1
	for _, e := range list {
		if e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 || e.Msg == "" {
			t.Errorf("bad error position or message: %v (the file has %d lines)", e, lines)
		}
	}
}

func TestParseSize(t *testing.T) {
	good := map[string][2]geom.Length{
		"broadsheet":    {geom.Mm(390), geom.Mm(545)},
		" Tabloid ":     {geom.Mm(275), geom.Mm(390)},
		"300x420mm":     {geom.Mm(300), geom.Mm(420)},
		"300×420mm":     {geom.Mm(300), geom.Mm(420)},
		"300 X 420 mm":  {geom.Mm(300), geom.Mm(420)},
		"300mmx420mm":   {geom.Mm(300), geom.Mm(420)},
		"842x1190pt":    {geom.Pt(842), geom.Pt(1190)},
		"297.5x420.5mm": {geom.Mm(297.5), geom.Mm(420.5)},
	}
	for in, want := range good {
		_, w, h, err := parseSize(in)
		if err != nil || w != want[0] || h != want[1] {
			t.Errorf("parseSize(%q) = %v×%v, %v; want %v×%v", in, w, h, err, want[0], want[1])
		}
	}
	for _, bad := range []string{"", "A4", "300x420", "300x", "x420mm", "300x420px", "49x420mm",
		"300x2001mm", "300x420x500mm", "-300x420mm", "300*420mm"} {
		if _, _, _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) gave no error", bad)
		}
	}
}

func TestSplitParagraphs(t *testing.T) {
	in := "\n  第一段。 \r\n\u3000\u3000第二段，“引号”。\u3000\n \t \n\u3000\nthird\rfourth\n"
	want := []string{"第一段。", "第二段，“引号”。", "third", "fourth"}
	if got := splitParagraphs(in); !reflect.DeepEqual(got, want) {
		t.Errorf("splitParagraphs = %q, want %q", got, want)
	}
	if got := splitParagraphs(" \n\u3000\n"); len(got) != 0 {
		t.Errorf("blank body gave %q", got)
	}
}
