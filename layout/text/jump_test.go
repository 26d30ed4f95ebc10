package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"broadsheet/issues"
	"broadsheet/layout/words"
)

// jumpStory is a story with crossheads, bold run-ins and an escaped asterisk, for
// cutting at every room.
func jumpStory() *issues.Article {
	return &issues.Article{Headline: "老城焕新", Byline: "记者 王红", Paragraphs: []string{
		"初冬的郑州，阳光和煦。走进管城回族区书院街，青砖灰瓦的老院落与咖啡馆、书店、文创小店错落相间，游客们在巷子里拍照打卡，老街坊们在树下晒太阳、拉家常。",
		"## 老街区“微改造”留住城市记忆",
		"**问：**改造要花多少钱？**答：**全市城市更新完成投资超过600亿元，惠及群众40余万户，其中老旧小区改造1,386个\\*，涉及居民楼五千余栋，加装电梯一千二百余部。",
		"“我们家在这条街上住了四代人，原来以为要拆迁，没想到是修旧如旧。”六十二岁的王秀英一边招呼记者进院子，一边指着重新修缮的门楼说，你看这砖，都是原来拆下来的老砖，一块一块编号再砌回去的。",
		"据介绍，郑州将继续坚持留改拆并举，以保留利用提升为主，统筹推进老旧小区改造、城中村改造和历史文化街区保护利用，让城市留下记忆，让人们记住乡愁。",
	}}
}

// linesText is the text of body lines that hold the story's own words (not labels).
func linesText(body []BodyLine) string {
	var b strings.Builder
	for _, l := range body {
		if l.Label || l.Para < 0 && !l.Byline {
			continue
		}
		for _, r := range l.Runs {
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

// Cut at every room a module may give, the part set on the page and the rest from
// the split read together as the whole story, once: nothing lost, nothing twice; the
// label ends the part, and the part never ends with a crosshead.
func TestJumpedLosesAndRepeatsNothing(t *testing.T) {
	st := setter(t)
	a := jumpStory()
	whole := st.Story(0, 0, a)
	want := strings.ReplaceAll(linesText(whole.Body), " ", "")
	cuts := 0
	for room := 2; room <= len(whole.Body)+1; room++ {
		cut, sp, ok := whole.Jumped(room, 3)
		if !ok {
			continue
		}
		cuts++
		body := cut.Body
		if last := body[len(body)-1]; !last.Label || linesText([]BodyLine{last}) != "" {
			t.Fatalf("room %d: the part does not end with its label", room)
		}
		if got := LineChars(body[len(body)-1].Line); got == 0 || len(body)-1 > room-1 {
			t.Fatalf("room %d: %d lines and a label in a room of %d", room, len(body)-1, room)
		}
		if body[len(body)-2].Cross {
			t.Fatalf("room %d: the part ends with a crosshead", room)
		}
		if para := a.Paragraphs[sp.Para]; sp.Fragment() && !strings.Contains(para, "*") && words.Breaks(para)[sp.Offset] == words.Forbidden {
			t.Errorf("room %d: the story is cut inside a word: %q | %q", room, para[:sp.Offset], para[sp.Offset:])
		}
		rest := restText(a, sp)
		if got := strings.ReplaceAll(linesText(body)+rest, " ", ""); got != want {
			t.Fatalf("room %d (split %+v):\n got %s\nwant %s", room, sp, got, want)
		}
	}
	if cuts < 10 {
		t.Fatalf("only %d rooms gave a cut", cuts)
	}
}

// restText is the text of the rest of a jumped story as its continuation prints it:
// the paragraphs from the split on, and the byline.
func restText(a *issues.Article, sp Split) string {
	p := a.Paragraphs[sp.Para][sp.Offset:]
	if sp.Bold {
		p = "**" + p
	}
	var b strings.Builder
	for _, q := range append([]string{p}, a.Paragraphs[sp.Para+1:]...) {
		if head, ok := strings.CutPrefix(q, crossheadMark); ok {
			b.WriteString(head)
			continue
		}
		b.WriteString(printedRunIns(q))
	}
	return b.String() + a.Byline
}

// A sentence that ends in the last two lines of the part is where the story is cut.
func TestJumpedCutsAtASentenceEnd(t *testing.T) {
	st := setter(t)
	whole := st.Story(0, 0, jumpStory())
	for room := 4; room < len(whole.Body)-3; room++ {
		cut, _, ok := whole.Jumped(room, 3)
		if !ok {
			continue
		}
		last := cut.Body[len(cut.Body)-2]
		text := linesText([]BodyLine{last})
		prev := linesText(cut.Body[len(cut.Body)-3 : len(cut.Body)-2])
		ends := strings.HasSuffix(text, "。") || strings.HasSuffix(text, "”") || strings.HasSuffix(text, "？")
		if !ends && (strings.ContainsAny(text, "。？") || strings.ContainsAny(prev, "。？")) {
			t.Errorf("room %d: the part ends %q after a sentence end in its last two lines (%q)", room, text, prev)
		}
	}
}

// FuzzJumped cuts stories of any text at any room: no panic, and the part and the rest
// read together as the whole story.
func FuzzJumped(f *testing.F) {
	for _, p := range jumpStory().Paragraphs {
		f.Add(p, "第二段。**答：**是的\\*。", uint8(5))
	}
	f.Add("a", "b", uint8(2))
	st := setter(f)
	f.Fuzz(func(t *testing.T, p1, p2 string, room uint8) {
		a := &issues.Article{Headline: "题", Byline: "记者", Paragraphs: []string{strings.TrimSpace(p1), strings.TrimSpace(p2)}}
		if a.Paragraphs[0] == "" || a.Paragraphs[1] == "" || strings.ContainsAny(p1+p2, "\n\r") || !utf8.ValidString(p1+p2) {
			return // the decoder gives paragraphs of valid UTF-8 on one line
		}
		whole := st.Story(0, 0, a)
		cut, sp, ok := whole.Jumped(int(room), 2)
		if !ok {
			return
		}
		want := halfWidth(linesText(whole.Body))
		if got := halfWidth(linesText(cut.Body) + restText(a, sp)); got != want { // the rest is set again, converting its marks
			t.Fatalf("room %d, split %+v:\n got %q\nwant %q", room, sp, got, want)
		}
	})
}

// halfWidth is text without spaces and with the marks the composer sets full width
// beside Chinese folded back, for comparing text set at different places.
func halfWidth(s string) string {
	return strings.NewReplacer(" ", "", "，", ",", "（", "(", "）", ")", "；", ";", "：", ":", "！", "!", "？", "?").Replace(s)
}

// A story whose lead is a long dateline is never cut inside it: every room gives a
// part that holds the whole lead, or no cut.
func TestJumpedNeverCutsInsideTheLead(t *testing.T) {
	st := setter(t)
	a := jumpStory()
	a.Lead = "本报讯（记者 张三 李四 王五 赵六 钱七 孙八 周九 吴十 郑十一 冯十二 陈十三 褚十四 卫十五）"
	whole := st.Story(0, 0, a)
	want := halfWidth(linesText(whole.Body))
	for room := 2; room <= len(whole.Body); room++ {
		cut, sp, ok := whole.Jumped(room, 2)
		if !ok {
			continue
		}
		here := halfWidth(linesText(cut.Body))
		if !strings.HasPrefix(here, halfWidth(a.Lead)) {
			t.Fatalf("room %d: the part %q does not hold the whole lead", room, here)
		}
		if got := here + halfWidth(restText(a, sp)); got != want {
			t.Fatalf("room %d: split %+v loses or repeats text:\n got %s\nwant %s", room, sp, got, want)
		}
	}
}
