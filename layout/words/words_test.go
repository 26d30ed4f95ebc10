package words

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// at splits a case written with one "/" at the break in question into the text and the
// byte offset of the break.
func at(t *testing.T, marked string) (string, int) {
	t.Helper()
	i := strings.Index(marked, "/")
	if i < 0 || strings.Count(marked, "/") != 1 {
		t.Fatalf("case %q: want exactly one /", marked)
	}
	return marked[:i] + marked[i+1:], i
}

// The bad breaks that issue 8 found in headlines, each in its headline.
var badBreaks = []string{
	"郑开马/拉松鸣枪开跑",
	"郑州中心城区60/条道路完成提质改造",
	"碧沙岗公园菊花/展延展至月底",
	"菊花/展开幕",
	"菊花展开/幕",
	"第五届河南省非/遗展示周闭幕",
	"非/遗传承人",
	"非遗传/承人",
	"全省公共图书馆年接/待读者超4000万人次",
	"增强企业获得感幸/福感",
	"增强企业获得感幸福/感",
	"经开区领导调研区/政务服务办事大厅",
	"九旬老人坚持义/务巡河二十年",
}

// The breaks a reader would take instead.
var goodBreaks = []string{
	"郑开马拉松/鸣枪开跑",
	"郑州中心城区60条/道路完成提质改造",
	"碧沙岗公园菊花展/延展至月底",
	"菊花展/开幕",
	"第五届河南省非遗/展示周闭幕",
	"非遗/传承人",
	"全省公共图书馆年接待/读者超4000万人次",
	"增强企业获得感/幸福感",
	"经开区领导调研/区政务服务办事大厅",
	"九旬老人坚持/义务巡河二十年",
	"九旬老人坚持义务/巡河二十年",
}

func TestIssueBadBreaksAreAvoided(t *testing.T) {
	for _, c := range badBreaks {
		text, i := at(t, c)
		if q := Breaks(text)[i]; q > Weak {
			t.Errorf("%s: %v, want forbidden or weak; words %q", c, q, Segment(text))
		}
	}
}

func TestIssueGoodBreaksAreTaken(t *testing.T) {
	for _, c := range goodBreaks {
		text, i := at(t, c)
		if q := Breaks(text)[i]; q < Good {
			t.Errorf("%s: %v, want good or best; words %q", c, q, Segment(text))
		}
	}
}

// The issue's own case: the good break beats the bad one.
func TestRegionBindsToItsOffice(t *testing.T) {
	text := "经开区领导调研区政务服务办事大厅"
	q := Breaks(text)
	good := strings.Index(text, "区政务")
	bad := good + len("区")
	if q[good] <= q[bad] {
		t.Errorf("调研|区 %v, 区|政务 %v: want the first better", q[good], q[bad])
	}
}

func TestSegment(t *testing.T) {
	cases := []struct{ text, want string }{
		// jieba's own examples, as its dictionary path (without its model for unknown
		// words) cuts them.
		{"我来到北京清华大学", "我 来到 北京 清华大学"},
		{"工信处女干事每月经过下属科室都要亲口交代", "工信处 女干事 每月 经过 下属 科室 都 要 亲口 交代"},
		{"结婚的和尚未结婚的", "结婚 的 和 尚未 结婚 的"},
		{"南京市长江大桥", "南京市 长江大桥"},
		{"菊花展开幕", "菊花展 开幕"},
		{"非遗传承人接待游客", "非遗 传承人 接待 游客"},
		{"地铁7号线一期开始空载试运行", "地铁 7号线 一期 开始 空载 试运行"},
		{"投资103.6亿元", "投资 103.6亿元"},
		{"冬季招聘会提供岗位1.2万个", "冬季 招聘会 提供 岗位 1.2万个"},
		{"惠及群众40余万户", "惠及 群众 40余万户"},
		{"前10个月出口额同比增长12.6%", "前 10个月 出口额 同比增长 12.6%"},
		{"本周后期最低气温将降至零下3℃", "本周 后期 最低气温 将 降 至 零下 3℃"},
		{"2023年11月21日", "2023年 11月 21日"},
		{"第3届", "第3届"},
		{"历时3个多月", "历时 3个多月"},
		{"三十六条措施", "三十六条 措施"},
		{"今年开行突破2800班", "今年 开行 突破 2800班"},
		{"5G基站", "5G 基站"},
		{"海马 EX00（智行盒子）", "海马 ␠ EX00 （ 智行盒子 ）"},
		{"PM2.5浓度", "PM2.5 浓度"},
		{"“5G+北斗”计时", "“ 5G+ 北斗 ” 计时"},
		{"COVID-19疫苗", "COVID-19 疫苗"},
		{"A股", "A股"},
		{"“郑好办”上线供暖缴费功能", "“ 郑好办 ” 上线 供暖 缴费 功能"},
		{"提升政务服务水平　增强企业获得感", "提升 政务服务 水平 ␠ 增强 企业 获得感"},
	}
	for _, c := range cases {
		got := strings.Join(Segment(c.text), " ")
		got = strings.NewReplacer("   ", " ␠ ", " 　 ", " ␠ ").Replace(got)
		if got != c.want {
			t.Errorf("Segment(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// Inside a number with its unit, a Latin run, a word: no break; between the parts of a
// date: weak.
func TestNumbersAndLatinRunsHold(t *testing.T) {
	for _, text := range []string{"60条", "7号线", "103.6亿元", "5G", "EX00", "RCEP", "PM2.5", "1,000", "12.6%", "3℃", "第3届", "40余万户", "2小时", "COVID-19"} {
		q := Breaks("新增" + text + "道路")
		from := len("新增")
		for i := from + 1; i < from+len(text); i++ {
			if q[i] != Forbidden {
				t.Errorf("%s: break at byte %d is %v, want forbidden", text, i-from, q[i])
			}
		}
		if q[from] < Good || q[from+len(text)] < Good {
			t.Errorf("%s: breaks around it %v, %v: want good or best", text, q[from], q[from+len(text)])
		}
	}
	text, i := at(t, "2023年/11月21日")
	if q := Breaks(text)[i]; q != Weak {
		t.Errorf("2023年|11月: %v, want weak", q)
	}
}

func TestPunctuation(t *testing.T) {
	cases := []struct {
		marked string
		want   Quality
	}{
		{"新增供热面积/，热线受理", Forbidden},
		{"新增供热面积，/热线受理", Best},
		{"郑州集中供暖“/热”力全开", Forbidden},
		{"郑州集中供暖“热/”力全开", Forbidden},
		{"郑州集中供暖/“热”力全开", Best},
		{"郑州集中供暖“热”/力全开", Best},
		{"豫剧《/大河安澜》赴京演出", Forbidden},
		{"豫剧《大河安澜/》赴京演出", Forbidden},
		{"县（/市、区）", Forbidden},
		{"县（市/、区）", Forbidden},
		{"县（市、/区）", Best},
		{"怎么办/？", Forbidden},
		{"等待—/—回答", Forbidden},
		{"等待…/…回答", Forbidden},
		{"等待/……回答", Weak},
		{"等待……/回答", Best},
		{"聚焦城市更新/·推进高质量发展", Forbidden},
		{"聚焦城市更新·/推进高质量发展", Forbidden},
		{"3/～5℃", Forbidden},
		{"提升应急能力/　打造过硬队伍", Best},
		{"提升应急能力　/打造过硬队伍", Best},
		{"海马/ EX00", Best},
		{"全长100/\u00a0km", Forbidden},
		{"全长100\u00a0/km", Forbidden},
		{"郑州/\u200b开封", Best},
		{"海马 /EX00", Best},
	}
	for _, c := range cases {
		text, i := at(t, c.marked)
		if q := Breaks(text)[i]; q != c.want {
			t.Errorf("%s: %v, want %v; words %q", c.marked, q, c.want, Segment(text))
		}
	}
}

func TestPhraseBoundaries(t *testing.T) {
	cases := []struct {
		marked string
		want   Quality
	}{
		{"志愿者活跃/在大街小巷", Best},
		{"志愿者活跃在/大街小巷", Weak},
		{"光山羽绒服飞/向全国", Best},
		{"民警/为老人讲解", Best},
		{"郑州/与开封", Best},
		{"郑州/和开封", Best},
		{"老城里的/民生温度", Best},
		{"老城里/的民生温度", Weak},
		{"美好/的生活", Weak},
		{"长者食堂开到了/家门口", Best},
		{"市民/可通过12345热线反映", Good},
		{"市民可/通过12345热线反映", Weak},
		{"兰考县徐场村：从/“泡桐树”到“乐器村”", Weak},
		{"兰考县徐场村：/从“泡桐树”到“乐器村”", Best},
		{"郑州/建新城", Good},
		{"郑州建/新城", Weak},
		{"郑州/举办马拉松", Good},
		{"出口额/前10个月增长", Good},
		{"出口额前/10个月增长", Weak},
		{"进出口额/前三季度增长11%", Good},
		{"进出口额前/三季度增长11%", Weak},
		{"会议/上", Weak},
		{"会议/上一致通过", Weak},
		{"会议上/一致通过", Good},
		{"郑州举办/马拉松", Good},
	}
	for _, c := range cases {
		text, i := at(t, c.marked)
		if q := Breaks(text)[i]; q != c.want {
			t.Errorf("%s: %v, want %v; words %q", c.marked, q, c.want, Segment(text))
		}
	}
}

// Breaks' shape: one entry per byte and one more; breaks only between characters.
func TestBreaksShape(t *testing.T) {
	for _, text := range []string{"", "a", "马", "马拉松", "，", " ", "郑州 2023"} {
		q := Breaks(text)
		if len(q) != len(text)+1 {
			t.Fatalf("Breaks(%q) has %d entries, want %d", text, len(q), len(text)+1)
		}
		checkBreaks(t, text, q)
	}
}

// checkBreaks checks the invariants every text keeps: the segments make up the text, no
// segment is empty, and a break may fall only where a segment ends inside the text.
func checkBreaks(t *testing.T, text string, q []Quality) {
	t.Helper()
	segs := Segment(text)
	if got := strings.Join(segs, ""); got != text {
		t.Fatalf("segments of %q join to %q", text, got)
	}
	ends := map[int]bool{}
	p := 0
	for _, s := range segs {
		if s == "" {
			t.Fatalf("an empty segment in %q: %q", text, segs)
		}
		p += len(s)
		ends[p] = true
	}
	starts := map[int]bool{}
	for i := range text { // each character's start, an invalid byte counting as one
		starts[i] = true
	}
	for i, v := range q {
		if v == Forbidden {
			continue
		}
		if i == 0 || i >= len(text) || !starts[i] || !ends[i] {
			t.Fatalf("%q: a %v break at byte %d, which is not between two segments", text, v, i)
		}
	}
	if q[0] != Forbidden || q[len(text)] != Forbidden {
		t.Fatalf("%q: breaks at the ends %v, %v", text, q[0], q[len(text)])
	}
}

func FuzzBreaks(f *testing.F) {
	for _, c := range append(append([]string{}, badBreaks...), goodBreaks...) {
		f.Add(strings.Replace(c, "/", "", 1))
	}
	for _, s := range []string{"", "5G+北斗", "103.6亿元", "“郑好办”……——", "a\xffb", "\xe9\xa9", "1.2.3,,4", "第第3", "3万多多名", "　 \t\n", "《》（）", "A股B股"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		q := Breaks(text)
		if len(q) != len(text)+1 {
			t.Fatalf("Breaks(%q) has %d entries, want %d", text, len(q), len(text)+1)
		}
		checkBreaks(t, text, q)
		if !slices.Equal(q, Breaks(text)) {
			t.Fatalf("Breaks(%q) differs between two calls", text)
		}
	})
}

// dict.bin holds every word of house.txt with its frequency and tag: it was regenerated
// after house.txt was last edited.
func TestDictionaryHasHouseWords(t *testing.T) {
	f, err := os.Open("house.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	house, err := readHouse(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(house) < 300 {
		t.Errorf("house.txt has %d words, want a few hundred", len(house))
	}
	for _, h := range house {
		w, found, _ := dict().lookup(h.word)
		want := math.Round(math.Log(float64(h.freq))*costScale) / costScale
		if !found || w.tag != h.tag || math.Abs(w.logFreq-want) > 1e-9 {
			t.Errorf("dictionary has %q as %v (found %v), house.txt says ln f = %.4f, %s: run go generate ./layout/words",
				h.word, w, found, want, h.tag)
		}
	}
}

// Words of the general list are there, with their frequencies; words it lacks are not.
func TestDictionaryLookup(t *testing.T) {
	for _, c := range []struct {
		word string
		freq float64
		tag  string
	}{{"坚持", 10215, "v"}, {"义务", 2059, "n"}, {"的", 318825, "uj"}, {"在", 727915, "p"}, {"一", 217830, "m"}} {
		w, found, _ := dict().lookup(c.word)
		if !found || w.tag != c.tag || math.Abs(w.logFreq-math.Log(c.freq)) > 0.5/costScale {
			t.Errorf("lookup(%q) = %v, %v; want ln %v = %.3f, %s", c.word, w, found, c.freq, math.Log(c.freq), c.tag)
		}
	}
	for _, key := range []string{"", "拉松", "zzzz", "\xff", "龘龘龘龘"} {
		if _, found, _ := dict().lookup(key); found {
			t.Errorf("lookup(%q) found a word", key)
		}
	}
	if _, _, longer := dict().lookup("马拉"); !longer {
		t.Error("lookup(马拉) does not see 马拉松 after it")
	}
	if _, _, longer := dict().lookup("龘龘龘龘"); longer {
		t.Error("lookup(龘龘龘龘) sees a longer word")
	}
}

func TestQualityString(t *testing.T) {
	got := []string{Forbidden.String(), Weak.String(), Good.String(), Best.String(), Quality(7).String()}
	want := []string{"forbidden", "weak", "good", "best", "Quality(7)"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

type houseWord struct {
	word, tag string
	freq      int64
}

// readHouse reads the "word freq pos" lines of house.txt.
func readHouse(r io.Reader) ([]houseWord, error) {
	var list []houseWord
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		freq, err := strconv.ParseInt(f[min(1, len(f)-1)], 10, 64)
		if len(f) != 3 || err != nil {
			return nil, fmt.Errorf("house.txt:%d: want \"word freq pos\", got %q", n, line)
		}
		list = append(list, houseWord{f[0], f[2], freq})
	}
	return list, sc.Err()
}

// dictBudget is what the embedded dictionary may add to the binary.
const dictBudget = 4 << 20

func TestDictionaryFitsItsBudget(t *testing.T) {
	if len(dictData) > dictBudget {
		t.Errorf("dict.bin is %d bytes, over the %d-byte budget: prune in gen", len(dictData), dictBudget)
	}
}
