package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"broadsheet/issues"
)

// importFile imports a test page and decodes the issue file it gives, strictly.
func importFile(t *testing.T, name string, meta Meta) (*Page, *issues.Issue, []byte) {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Import(name, text, meta)
	if err != nil {
		t.Fatal(err)
	}
	out := p.TOML()
	iss, err := issues.DecodeBytes(filepath.Join(t.TempDir(), "page.toml"), out)
	if err != nil {
		t.Fatalf("the import does not decode: %v\n%s", err, out)
	}
	return p, iss, out
}

// TestSeedMatchesSamplePage imports the text extracted from the sample page's print and
// compares the decoded result with the issue file a person made of the same text.
func TestSeedMatchesSamplePage(t *testing.T) {
	_, got, out := importFile(t, "zhengzhou-2023-11-21-p7.txt",
		Meta{Newspaper: "郑州日报", Date: "2023-11-21", Page: 7, Section: "经开区新闻"})
	want, err := issues.Decode(filepath.Join("..", "zhengzhou-2023-11-21-p7.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Newspaper != want.Newspaper || got.Date != want.Date || got.PageNo != want.PageNo || got.Section != want.Section {
		t.Errorf("page: got %s %s %d %s, want %s %s %d %s", got.Newspaper, got.Date, got.PageNo, got.Section,
			want.Newspaper, want.Date, want.PageNo, want.Section)
	}
	if len(got.Articles) != len(want.Articles) {
		t.Fatalf("%d articles, want %d\n%s", len(got.Articles), len(want.Articles), out)
	}
	for i := range want.Articles {
		compareArticle(t, i, got.Articles[i], want.Articles[i])
		if len(got.Articles[i].Photos) != len(want.Articles[i].Photos) {
			t.Errorf("article[%d]: %d photos, want %d", i, len(got.Articles[i].Photos), len(want.Articles[i].Photos))
		}
	}
	if t.Failed() {
		t.Logf("import:\n%s", out)
	}
}

func compareArticle(t *testing.T, i int, got, want issues.Article) {
	t.Helper()
	for _, f := range []struct{ name, got, want string }{
		{"kicker", got.Kicker, want.Kicker}, {"headline", got.Headline, want.Headline},
		{"subhead", got.Subhead, want.Subhead}, {"lead", got.Lead, want.Lead}, {"byline", got.Byline, want.Byline},
	} {
		if f.got != f.want {
			t.Errorf("article[%d].%s = %q, want %q", i, f.name, f.got, f.want)
		}
	}
	if !slices.Equal(got.Paragraphs, want.Paragraphs) {
		t.Errorf("article[%d] paragraphs:\n got %q\nwant %q", i, got.Paragraphs, want.Paragraphs)
	}
}

// TestSeedGuessesAreComments checks that every join at a column break is a comment
// naming the characters either side, and that the placeholder photos say so.
func TestSeedGuessesAreComments(t *testing.T) {
	p, _, out := importFile(t, "zhengzhou-2023-11-21-p7.txt",
		Meta{Newspaper: "郑州日报", Date: "2023-11-21", Page: 7, Section: "经开区新闻"})
	text := string(out)
	for _, want := range []string{
		"# guess: paragraph 2 (line 11): joined at a column break: …新发展格|局的战略…",
		"caption = \"\"  # guess: (line 15) caption to be written: the byline 记者 王赛华 文/图 credits a photo",
		"byline   = \"记者 王赛华\"  # guess: (line 35) run into the last paragraph in print: …新动能。|记者 王赛华",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the import lacks %q", want)
		}
	}
	joins := 0
	for _, g := range p.AllGuesses() {
		if strings.Contains(g, "joined at a column break") {
			joins++
		}
	}
	if joins != 10 {
		t.Errorf("%d joins at column breaks, want the seed's 10:\n%s", joins, strings.Join(p.AllGuesses(), "\n"))
	}
}

func TestDump(t *testing.T) {
	name := os.Getenv("IMPORT_DUMP")
	if name == "" {
		t.Skip()
	}
	_, _, out := importFile(t, name, Meta{})
	os.Stdout.Write(out)
}

// article is what a test expects of one imported article; paragraphs are given by
// their first characters, and photos by count.
type article struct {
	kicker, headline, subhead, lead, byline string
	paragraphs                              []string
	photos                                  int
}

// checkArticles compares the decoded articles with the expected ones.
func checkArticles(t *testing.T, got []issues.Article, want []article, out []byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d articles, want %d\n%s", len(got), len(want), out)
	}
	for i, w := range want {
		g := got[i]
		compareArticle(t, i, issues.Article{Kicker: g.Kicker, Headline: g.Headline, Subhead: g.Subhead, Lead: g.Lead, Byline: g.Byline},
			issues.Article{Kicker: w.kicker, Headline: w.headline, Subhead: w.subhead, Lead: w.lead, Byline: w.byline})
		if len(g.Paragraphs) != len(w.paragraphs) {
			t.Errorf("article[%d]: %d paragraphs, want %d: %q", i, len(g.Paragraphs), len(w.paragraphs), g.Paragraphs)
			continue
		}
		for k, p := range w.paragraphs {
			if !strings.HasPrefix(g.Paragraphs[k], p) {
				t.Errorf("article[%d] paragraph %d = %q, want it to start %q", i, k+1, g.Paragraphs[k], p)
			}
		}
		if len(g.Photos) != w.photos {
			t.Errorf("article[%d]: %d photos, want %d", i, len(g.Photos), w.photos)
		}
	}
	if t.Failed() {
		t.Logf("import:\n%s", out)
	}
}

// wantGuesses checks that each note is among the page's guesses.
func wantGuesses(t *testing.T, p *Page, notes ...string) {
	t.Helper()
	all := strings.Join(p.AllGuesses(), "\n")
	for _, n := range notes {
		if !strings.Contains(all, n) {
			t.Errorf("no guess says %q; the guesses:\n%s", n, all)
		}
	}
}

// TestAgencyDatelines: a running head, agency datelines with the byline in parentheses,
// a byline in parentheses on a line of its own, an article without a byline.
func TestAgencyDatelines(t *testing.T) {
	p, iss, out := importFile(t, "agency-datelines.txt", Meta{})
	if iss.Newspaper != "人民日报" || iss.Date.String() != "2024-09-08" || iss.PageNo != 4 || iss.Section != "要闻" || iss.Editor != "王五" {
		t.Errorf("running head read as %s %s %d %s %s", iss.Newspaper, iss.Date, iss.PageNo, iss.Section, iss.Editor)
	}
	checkArticles(t, iss.Articles, []article{
		{headline: "国务院常务会议部署推动制造业设备更新", lead: "新华社北京9月7日电", byline: "记者 张三 李四",
			paragraphs: []string{"国务院总理主持", "会议指出,推动大规模设备更新", "会议强调"}},
		{headline: "中欧班列今年开行突破一万列", lead: "新华社乌鲁木齐9月7日电", byline: "记者 王丽",
			paragraphs: []string{"记者从中国国家铁路集团", "据介绍"}},
		{headline: "秋粮收获进度过三成", lead: "本报北京9月7日电", byline: "记者 赵六",
			paragraphs: []string{"记者从农业农村部获悉", "农业农村部有关负责人"}},
	}, out)
	if !slices.Contains(iss.Articles[0].Paragraphs, "会议指出,推动大规模设备更新是加快构建新发展格局的重要举措。要坚持市场为主、政府引导,坚持鼓励先进、淘汰落后,坚持标准引领、有序提升,加快推动制造业高端化、智能化、绿色化发展。") {
		t.Errorf("the paragraph cut after a comma is not joined: %q", iss.Articles[0].Paragraphs)
	}
	wantGuesses(t, p, "taken as the running head", "joined at a column break: …汰落后,|坚持标准…",
		"in parentheses after the lead in print (新华社北京9月7日电(记者 张三 李四))")
}

// TestParenthesizedBylines: full-width indents and parentheses, bylines in parentheses
// after the lead and at the end of the last paragraph.
func TestParenthesizedBylines(t *testing.T) {
	_, iss, out := importFile(t, "parenthesized-bylines.txt", Meta{Newspaper: "郑州日报", Date: "2024-09-06", Page: 3})
	checkArticles(t, iss.Articles, []article{
		{headline: "市区新增五处口袋公园", lead: "本报讯", byline: "记者 李明 通讯员 周芳",
			paragraphs: []string{"9月5日，市区五处", "据市城市管理局介绍", "“以前这里"}},
		{headline: "老旧小区加装电梯提速", subhead: "惠及居民逾两千户", lead: "本报讯", byline: "记者 王赛华",
			paragraphs: []string{"今年以来", "市住房城乡建设局相关负责人"}},
		{headline: "新建小学秋季开学", lead: "本报讯", byline: "记者 鲁慧",
			paragraphs: []string{"9月1日", "新区管委会负责人"}},
	}, out)
	if last := iss.Articles[2].Paragraphs[1]; !strings.HasSuffix(last, "上好学。") {
		t.Errorf("the byline in parentheses is not split off the last paragraph: %q", last)
	}
}

// TestOneLongArticle: a feature with its byline under the title, numbered crossheads,
// a column break and a photo caption with its credit.
func TestOneLongArticle(t *testing.T) {
	p, iss, out := importFile(t, "one-long-article.txt", Meta{Newspaper: "郑州日报", Date: "2024-09-06", Page: 5})
	checkArticles(t, iss.Articles, []article{
		{headline: "走进黄河岸边的“科技粮仓”", byline: "本报记者 张三 文/图", photos: 1,
			paragraphs: []string{"初秋时节", "## 一、从", "“过去种地", "据县农业农村局", "## 二、从", "走进粮库", "粮库还建成", "## 三、从", "在粮库旁边", "从田间到车间"}},
	}, out)
	if c := iss.Articles[0].Photos[0].Caption; c != "粮库工作人员在智能控制中心查看仓房温湿度数据。 本报记者 张三 摄" {
		t.Errorf("caption %q", c)
	}
	wantGuesses(t, p, "crosshead", "joined at a column break: …术真正用|得上、用…", "taken as a photo's caption")
}

// TestKicker: a kicker ending in a colon, a subhead starting with a dash, two title lines
// that are a guess, and an article without a byline ended by the next one's titles.
func TestKicker(t *testing.T) {
	p, iss, out := importFile(t, "kicker.txt", Meta{Newspaper: "郑州日报", Date: "2024-09-06", Page: 2})
	checkArticles(t, iss.Articles, []article{
		{kicker: "坚持创新驱动:", headline: "我市高新技术企业突破三千家", subhead: "——三年实现数量翻番", lead: "本报讯", byline: "记者 王赛华",
			paragraphs: []string{"记者从市科技局获悉", "市科技局负责人"}},
		{headline: "聚焦民生实事", subhead: "夜市经济点亮城市烟火气", lead: "本报讯",
			paragraphs: []string{"入夏以来", "商户们表示"}},
		{headline: "城市书房免费开放", lead: "本报讯", byline: "记者 鲁慧",
			paragraphs: []string{"全市首批20家", "每家书房"}},
	}, out)
	wantGuesses(t, p, "no byline found: the article ends before the title line 21",
		"15: article[1].subhead: the second of two title lines, taken as the subhead (副题); if the first is a kicker (引题), rename both")
}

// TestPlaceholdersWhenNothingIsGiven: without flags or a running head, the page's keys
// are placeholders marked as guesses, and the file still decodes.
func TestPlaceholdersWhenNothingIsGiven(t *testing.T) {
	p, iss, _ := importFile(t, "kicker.txt", Meta{})
	if iss.Newspaper != placeholderNewspaper || iss.Date.String() != placeholderDate || iss.PageNo != placeholderPage {
		t.Errorf("placeholders: %s %s %d", iss.Newspaper, iss.Date, iss.PageNo)
	}
	wantGuesses(t, p, "newspaper: not in the text", "date: not in the text", "page: not in the text")
}

// TestUntouched: an import is recognised as such until someone edits it.
func TestUntouched(t *testing.T) {
	_, _, out := importFile(t, "kicker.txt", Meta{})
	if !Untouched(out) {
		t.Error("a fresh import is not recognised")
	}
	edited := []byte(strings.Replace(string(out), "聚焦民生实事", "聚焦民生", 1))
	if Untouched(edited) {
		t.Error("an edited import is taken as untouched")
	}
	if Untouched([]byte("newspaper = \"x\"\n")) {
		t.Error("a hand-made file is taken as an import")
	}
}

// TestGB18030 reads text in the encoding older archives hold, and says so.
func TestGB18030(t *testing.T) {
	text, _ := os.ReadFile(filepath.Join("testdata", "kicker.txt"))
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(text)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Import("kicker.txt", gb, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Articles[0].Headline != "我市高新技术企业突破三千家" {
		t.Errorf("headline %q", p.Articles[0].Headline)
	}
	wantGuesses(t, p, "read as GB18030")
}

// TestNoArticle: text with no paragraph is an error, not an empty page.
func TestNoArticle(t *testing.T) {
	for _, text := range []string{"", "\n\n  \n", "标题一\n\n标题二\n"} {
		if _, err := Import("x.txt", []byte(text), Meta{}); err == nil {
			t.Errorf("%q: no error", text)
		}
	}
}

// TestLineEndsKept: text that keeps the print's line ends, with indented paragraph
// starts: the lines of a paragraph are joined, an indent starts a new one.
func TestLineEndsKept(t *testing.T) {
	p, iss, out := importFile(t, "line-ends-kept.txt", Meta{Newspaper: "河南日报", Date: "2023-11-22", Page: 2})
	checkArticles(t, iss.Articles, []article{
		{headline: "全省秋粮收购进度快于去年同期", lead: "本报讯", byline: "记者 宋敏",
			paragraphs: []string{"记者从省粮食和物资储备局获悉，截至11月20日，全省累计收购秋粮", "今年以来", "省粮食和物资储备局有关负责人"}},
	}, out)
	if got := iss.Articles[0].Paragraphs[1]; !strings.HasSuffix(got, "售粮效率大幅提高。") || !strings.Contains(got, "收购网点2300多个") {
		t.Errorf("the second paragraph's lines are not joined: %q", got)
	}
	wantGuesses(t, p, "joined at a column break: …收购网点|2300…")
}

// TestLongInputsCostTheirLength: a page of very many lines cut without a full stop,
// and text too long for a page, are handled in time proportional to their length.
func TestLongInputsCostTheirLength(t *testing.T) {
	text := "标题\n\n本报讯 " + strings.Repeat("一段没有句号的文字\n", 100000)
	start := time.Now()
	p, err := Import("long.txt", []byte(text), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(p.Articles[0].Paragraphs); n != 1 {
		t.Errorf("%d paragraphs, want the 100,000 lines joined into 1", n)
	}
	if elapsed := time.Since(start); elapsed > 20*time.Second {
		t.Errorf("took %v", elapsed) // quadratic joining takes hours
	}
	if _, err := Import("huge.txt", make([]byte, MaxText+1), Meta{}); err == nil || !strings.Contains(err.Error(), "split it by page") {
		t.Errorf("text over MaxText: %v", err)
	}
}

// TestTooManyArticles: more articles than a page holds is an error naming the limit,
// not an issue file that would not decode.
func TestTooManyArticles(t *testing.T) {
	text := strings.Repeat("标题\n\n本报讯 文字。记者 张三\n\n", issues.MaxArticles+1)
	if _, err := Import("issue.txt", []byte(text), Meta{}); err == nil || !strings.Contains(err.Error(), "at most 60") {
		t.Errorf("error %v", err)
	}
}

// TestImpossibleDatesAndPagesAreNotTaken: a file name or running head with a day or
// page number an issue file cannot carry gives a placeholder, not a file that fails.
func TestImpossibleDatesAndPagesAreNotTaken(t *testing.T) {
	text := []byte("2023年2月30日 第0版\n\n标题\n\n本报讯 文字。\n")
	for _, name := range []string{"20231345-p0.txt", "2023-02-29-p10000.txt"} {
		p, err := Import(name, text, Meta{})
		if err != nil {
			t.Fatal(err)
		}
		iss, err := issues.DecodeBytes("x.toml", p.TOML())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if iss.Date.String() != placeholderDate || iss.PageNo != placeholderPage {
			t.Errorf("%s: date %s, page %d; want the placeholders", name, iss.Date, iss.PageNo)
		}
	}
}

// TestBylineOnTwoLines: a reporter and a correspondent credited on two lines make one
// byline; a photographer's line gives the article its photo.
func TestBylineOnTwoLines(t *testing.T) {
	text := "标题\n\n本报讯 文字。\n\n记者 张三\n\n通讯员 李四 摄\n\n第二篇\n\n本报讯 文字。记者 王五\n"
	p, err := Import("x.txt", []byte(text), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if a := p.Articles[0]; a.Byline != "记者 张三 通讯员 李四 摄" || len(a.Photos) != 1 {
		t.Errorf("byline %q, %d photos", a.Byline, len(a.Photos))
	}
	if len(p.Articles) != 2 || p.Articles[1].Byline != "记者 王五" {
		t.Errorf("articles %+v", p.Articles)
	}
	wantGuesses(t, p, "7: article[0].byline: a second byline line, joined to the byline")
}

// TestAsterisksArePrinted: an asterisk of the text stays an asterisk, not the start of
// a bold run-in (**), and a ■ line in a body is a crosshead.
func TestAsterisksArePrinted(t *testing.T) {
	text := "标题\n\n本报讯 增长**两成**,见注*。\n\n■ 新的一节\n\n文字。\n"
	p, err := Import("x.txt", []byte(text), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	iss, err := issues.DecodeBytes("x.toml", p.TOML())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`增长\*\*两成\*\*,见注\*。`, "## ■ 新的一节", "文字。"}
	if !slices.Equal(iss.Articles[0].Paragraphs, want) {
		t.Errorf("paragraphs %q, want %q", iss.Articles[0].Paragraphs, want)
	}
}

// TestEditorNote: a paragraph led by 【编者按】 under the titles is the editor's note.
func TestEditorNote(t *testing.T) {
	text := "标题\n\n【编者按】今天起，本报推出系列报道。\n\n本报讯 文字。记者 张三\n"
	p, err := Import("x.txt", []byte(text), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	iss, err := issues.DecodeBytes("x.toml", p.TOML())
	if err != nil {
		t.Fatal(err)
	}
	a := iss.Articles[0]
	if a.EditorNote != "今天起，本报推出系列报道。" || a.Lead != "本报讯" || !slices.Equal(a.Paragraphs, []string{"文字。"}) {
		t.Errorf("note %q, lead %q, paragraphs %q", a.EditorNote, a.Lead, a.Paragraphs)
	}
	wantGuesses(t, p, "article[0].editor_note: a paragraph led by 编者按")
}
