package text

import (
	"strings"
	"testing"

	"broadsheet/fonts"
	"broadsheet/issues"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/style"
)

// setter is the setter of a default broadsheet page.
func setter(t testing.TB) *Setter {
	t.Helper()
	faces, err := LoadFaces()
	if err != nil {
		t.Fatal(err)
	}
	sheet := style.Default()
	f := issues.Format{Width: geom.Mm(390), Height: geom.Mm(545), Columns: 8, ColumnChars: 13,
		BodySize: geom.Pt(9), Leading: geom.Pt(13.5), Kinsoku: "strict", FullwidthPunctuation: true}
	return NewSetter(f, grid.New(f, &sheet.Grid, faces.Ascent(sheet.Body)), &sheet, faces)
}

// A kicker and a subhead of the same words are set in their own faces: the cache of
// layer settings keys them by face too (the subhead once came out in the kicker's Kai).
func TestKickerAndSubheadOfTheSameWordsKeepTheirFaces(t *testing.T) {
	st := setter(t)
	a := &issues.Article{Kicker: "——经开区召开会议", Headline: "项目建设加速推进", Subhead: "经开区召开会议",
		Paragraphs: []string{"正文。"}}
	s := st.Story(0, 1, a)
	h := s.Head(4, s.HeadSizes()[0])
	if len(h.Layers) != 3 {
		t.Fatalf("%d layers, want 3", len(h.Layers))
	}
	for i, want := range []fonts.ID{st.Sheet.Kicker, st.Sheet.HeadlineFace(1), st.Sheet.Subhead} {
		for _, l := range h.Layers[i].Lines {
			for _, r := range l.Runs {
				if fonts.ID(r.Face) != want {
					t.Errorf("layer %d run %q in %v, want %v", i, r.Text, fonts.ID(r.Face), want)
				}
			}
		}
	}
}

// The body flow holds every paragraph character once, the lead first, the byline last.
func TestBodyFlowKeepsEveryCharacter(t *testing.T) {
	st := setter(t)
	a := &issues.Article{Headline: "标题", Lead: "本报讯", Paragraphs: []string{"近日，海马EX00首批试制车在郑州经开区下线。", "第二段。"},
		Byline: "记者 王赛华"}
	s := st.Story(0, 0, a)
	var b strings.Builder
	for _, l := range s.Body {
		for _, r := range l.Runs {
			b.WriteString(r.Text)
		}
	}
	if got, want := b.String(), "本报讯近日，海马EX00首批试制车在郑州经开区下线。第二段。记者王赛华"; got != want {
		t.Errorf("body flow %q, want %q", got, want)
	}
	if !s.Body[len(s.Body)-1].Byline || s.CharsFrom(0) != VisibleChars("本报讯近日，海马EX00首批试制车在郑州经开区下线。第二段。记者王赛华") {
		t.Errorf("byline last %v, %d characters", s.Body[len(s.Body)-1].Byline, s.CharsFrom(0))
	}
}

// A character no face has is found, with its place in the article.
func TestMissingCharactersAreFound(t *testing.T) {
	st := setter(t)
	s := st.Story(2, 2, &issues.Article{Headline: "标题", Paragraphs: []string{"甲", "乙\uE000"}})
	if len(s.Missing) != 1 || s.Missing[0] != (Missing{Article: 2, Item: "article[2]", Where: "paragraph 2", Char: 2, Rune: 0xE000}) {
		t.Errorf("missing %+v", s.Missing)
	}
}
