package layout

import (
	"errors"
	"math/rand"
	"strings"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout/display"
	"broadsheet/layout/geom"
	"broadsheet/layout/report"
)

// sentences are the stuff generated pages are made of.
var sentences = []string{
	"近年来，郑州市完整、准确、全面贯彻新发展理念，坚持把制造业高质量发展作为主攻方向。",
	"“一带一路”国际商品交易中心项目奠基仪式在郑州经开区举行。",
	"海马 EX00(智行盒子)首批试制车下线，RCEP成员国的南通道线路加速拓展。",
	"11月16日，全市GDP同比增长5.2%，3000～5000家企业参与其中。",
	"演练过程中，各参演单位密切配合，应急响应迅速——处置思路清晰……",
	"《郑州市生态环境保护条例》明确：要深刻认识“无废城市”建设的重大意义！",
	"点。",
}

// genIssue makes a page of the given seed: a format within the decoder's bounds, one
// to twelve articles of random length, photos, and at times a pin.
func genIssue(seed int64) *issues.Issue {
	r := rand.New(rand.NewSource(seed))
	cols := 4 + r.Intn(7)
	chars := 8 + r.Intn(10)
	body := geom.Pt([]float64{8, 9, 10.5}[r.Intn(3)])
	f := issues.Format{SizeName: "custom", Columns: cols, ColumnChars: chars, BodySize: body,
		Leading: body.Scale(int64(14+r.Intn(5)), 10), Kinsoku: "strict", FullwidthPunctuation: r.Intn(2) == 0}
	f.Width = body*geom.Length(cols*chars+cols-1) + geom.Mm(20+float64(r.Intn(40)))
	f.Height = geom.Mm(200 + float64(r.Intn(400)))
	iss := &issues.Issue{File: "gen.toml", Newspaper: "测试日报", Date: issues.Date{Year: 2024, Month: 3, Day: 1}, PageNo: 1 + r.Intn(9), Format: f}
	for i, n := 0, 1+r.Intn(12); i < n; i++ {
		iss.Articles = append(iss.Articles, genArticle(r, cols))
	}
	if r.Intn(4) == 0 {
		iss.Articles[r.Intn(len(iss.Articles))].Place = &issues.Place{Column: 1, Columns: 1 + r.Intn(cols), Line: 1 + r.Intn(20), Lines: 5 + r.Intn(30)}
	}
	return iss
}

func genArticle(r *rand.Rand, cols int) issues.Article {
	a := issues.Article{Headline: pick(r, 1+r.Intn(2)), Lead: []string{"", "本报讯"}[r.Intn(2)]}
	if r.Intn(2) == 0 {
		a.Subhead = pick(r, 1)
	}
	if r.Intn(3) == 0 {
		a.Kicker = pick(r, 1)
	}
	for p, n := 0, 1+r.Intn(12); p < n; p++ {
		switch para := pick(r, 1+r.Intn(6)); r.Intn(8) {
		case 0:
			a.Paragraphs = append(a.Paragraphs, "## "+pick(r, 1))
		case 1:
			a.Paragraphs = append(a.Paragraphs, "**问：**"+para)
		default:
			a.Paragraphs = append(a.Paragraphs, para)
		}
	}
	switch r.Intn(10) {
	case 0:
		a.Kind, a.Paragraphs, a.Lead = issues.KindBriefs, nil, "" // the decoder refuses a brief list with a lead or a body
		for k, n := 0, 1+r.Intn(6); k < n; k++ {
			a.Briefs = append(a.Briefs, issues.Brief{Title: pick(r, 1), Body: pick(r, 1+r.Intn(3))})
		}
	case 1:
		a.Box = []string{"rule", "double", "tint"}[r.Intn(3)]
		a.Tint = 10
	case 2:
		a.EditorNote = pick(r, 1+r.Intn(2))
	}
	for p, n := 0, r.Intn(3); p < n && a.Box == ""; p++ {
		ph := issues.Photo{Caption: pick(r, 1)}
		if r.Intn(2) == 0 {
			ph.Aspect = 0.5 + r.Float64()*2
		}
		if r.Intn(3) == 0 {
			ph.Columns = 1 + r.Intn(cols)
		}
		a.Photos = append(a.Photos, ph)
	}
	if r.Intn(4) == 0 {
		a.Byline = "记者 王赛华"
	}
	return a
}

func pick(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(sentences[r.Intn(len(sentences))])
	}
	return b.String()
}

// FuzzCompose composes generated pages: no panic, modules inside the grid and apart,
// and every body character either on the page or counted as overset.
func FuzzComposePage(f *testing.F) {
	for _, seed := range []int64{1, 2, 3, 42, 1000} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed int64) {
		iss := genIssue(seed)
		for i := range iss.Articles {
			if p := iss.Articles[i].Photos; len(p) > 0 && p[0].Columns > 0 {
				for k := range p {
					p[k].Columns = p[0].Columns // the decoder allows one width per article
				}
			}
		}
		page, rep, err := Compose(iss, Options{})
		if err != nil {
			checkPinError(t, iss, err) // a generated pin may leave the type area: an input error at the pin
			return
		}
		checkModules(t, rep)
		checkInside(t, page, rep)
		checkAccounted(t, iss, page, rep)
	})
}

// checkInside fails when a text item of the type area starts outside it (an opening
// mark at a line's start may hang ½ em into the margin: its blank half).
func checkInside(t *testing.T, page *display.Page, rep *report.Report) {
	t.Helper()
	g := rep.Grid
	right := g.XPt + float64(g.Columns)*(g.ColumnPt+g.GutterPt) - g.GutterPt
	bottom := g.YPt + float64(g.Lines)*g.LeadingPt
	for _, it := range page.Items {
		tx, ok := it.(*display.Text)
		if !ok || tx.Y.Points() < g.YPt {
			continue
		}
		x, y := tx.X.Points(), tx.Y.Points()
		if x < g.XPt-tx.Size.Points()/2-0.01 || x > right || y > bottom {
			t.Fatalf("text %q at %.2f,%.2f outside the type area %.2f–%.2f × %.2f–%.2f", tx.Text, x, y, g.XPt, right, g.YPt, bottom)
		}
	}
}

// checkPinError fails unless err is an input error about a pin of the page: nothing
// else a generated page holds may fail.
func checkPinError(t *testing.T, iss *issues.Issue, err error) {
	t.Helper()
	var list issues.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("unexpected error: %v", err)
	}
	for _, e := range list {
		if !strings.HasSuffix(e.Item, ".place") {
			t.Fatalf("unexpected error, not about a pin: %v", e)
		}
	}
}
