package issues

import (
	"fmt"
	"strings"
)

// Article kinds.
const (
	KindStory  = ""       // a story: headline and body
	KindBriefs = "briefs" // a list of briefs (简讯) under a 栏头
)

// Boxes an article may be set in.
var boxes = []string{"rule", "double", "tint"}

// Brief is one item of a brief list: a title run in before its text.
type Brief struct {
	Pos         Pos
	Title, Body string
}

// editorial decodes the keys of an article that say what kind of thing it is beyond
// a plain story: a brief list, a box, an editor's note. It runs before the body, which
// a brief list or a photo news item does without.
func (d *decoder) editorial(t table, a *Article) {
	a.Kind = articleKind(t)
	a.EditorNote, _ = prose(t, "editor_note", false)
	a.Box, a.Tint = box(t)
	if a.Kind == KindBriefs {
		a.Briefs = d.briefs(t)
		for _, key := range []string{"lead", "body"} {
			if _, given := t.M[key]; given {
				t.Errorf(key, "a brief list (kind = \"briefs\") has items, not a %s; move it into an [[article.item]]", key)
			}
		}
	}
}

// articleKind decodes article.kind: absent for a story, or "briefs".
func articleKind(t table) string {
	if _, ok := t.M["kind"]; !ok {
		return KindStory
	}
	k, ok := t.Text("kind", true)
	if !ok {
		return KindStory
	}
	if k != KindBriefs {
		t.Errorf("kind", "%s is not a kind of article; want \"briefs\" (a list of items), or leave kind out for a story", clip(k))
		return KindStory
	}
	return k
}

// box decodes article.box and article.tint: the frame or tint an article is set in.
func box(t table) (string, int) {
	b := ""
	if _, ok := t.M["box"]; ok {
		b, _ = t.Text("box", true)
		if !contains(boxes, b) {
			t.Errorf("box", "%s is not a box; want \"rule\", \"double\" or \"tint\"", clip(b))
			b = ""
		}
	}
	tint := 0
	if _, ok := t.M["tint"]; ok {
		tint = percent(t, "tint")
		if b != "tint" && b != "" {
			t.Errorf("tint", "goes with box = \"tint\"; this box is %q", b)
		}
		if b == "" {
			b = "tint"
		}
	} else if b == "tint" {
		tint = 10
	}
	return b, tint
}

// percent decodes a percentage written "10%", from 1 to 100.
func percent(t table, key string) int {
	s, ok := t.Text(key, true)
	if !ok {
		return 0
	}
	var n int
	if _, err := fmt.Sscanf(strings.TrimSpace(s), "%d%%", &n); err != nil || !strings.HasSuffix(strings.TrimSpace(s), "%") {
		t.Errorf(key, "%s is not a percentage; want one like \"10%%\"", clip(s))
		return 0
	}
	if n < 1 || n > 100 {
		t.Errorf(key, "%d%% is out of range; want 1%%..100%% of black", n)
		return 0
	}
	return n
}

// briefs decodes the [[article.item]] tables of a brief list: at least one, each with
// a title and a body.
func (d *decoder) briefs(at table) []Brief {
	list, ok := at.Tables("item", "[[article.item]]")
	if !ok || len(list) == 0 {
		at.Missing("item", "[[article.item]] tables, each with a title and a body")
		return nil
	}
	var out []Brief
	for _, t := range list {
		t.CheckKeys("title", "body")
		b := Brief{Pos: t.Start()}
		b.Title, _ = prose(t, "title", true)
		b.Body, _ = prose(t, "body", true)
		if b.Body != "" {
			b.Body = strings.Join(splitParagraphs(b.Body), "")
		}
		out = append(out, b)
	}
	return out
}

// needsBody reports whether an article must have a body: a brief list has its items,
// and a photo news item (图片新闻) its captions instead.
func needsBody(t table, a *Article) bool {
	if a.Kind == KindBriefs {
		return false
	}
	if _, given := t.M["body"]; given {
		return true
	}
	for _, p := range a.Photos {
		if p.Caption != "" {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// briefMark decodes format.brief_mark: "rule" (default) or one character, like "■".
func briefMark(t table) string {
	if _, ok := t.M["brief_mark"]; !ok {
		return "rule"
	}
	m, ok := t.Text("brief_mark", true)
	if !ok {
		return "rule"
	}
	if m != "rule" && len([]rune(m)) != 1 {
		t.Errorf("brief_mark", "%s is not a brief mark; want \"rule\" or one character, like \"■\"", clip(m))
		return "rule"
	}
	return m
}

// checkBox refuses photos in a boxed article: a box holds a column of text (专栏,
// 言论) or a brief list, set at the box's narrower measure.
func checkBox(t table, a *Article) {
	if a.Box != "" && len(a.Photos) > 0 {
		t.Errorf("box", "a boxed article holds text only; move its photos to an article of their own or leave box out")
	}
}
