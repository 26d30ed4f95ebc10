package issues

import "fmt"

// maxPageNo is the highest page number (版次) a file may give or point to.
const maxPageNo = 9999

// jump decodes article.jump = { page = 3, headline = "…", rank = 2 }: the page the
// story continues on (转版), the headline over the rest there, and the rest's place
// in that page's order. Only a story with a body jumps; ear says the article stands
// in the 报眼.
func (d *decoder) jump(at table, a *Article, ear bool) *Jump {
	v, given := at.M["jump"]
	if !given {
		return nil
	}
	if _, isTable := v.(map[string]any); !isTable {
		at.WrongType("jump", "a table like jump = { page = 3 }, the page the story continues on", v)
		return nil
	}
	if why := wholeOnPage(at, a, ear); why != "" {
		at.Errorf("jump", "%s; only a story's body continues on another page: leave jump out", why)
		return nil
	}
	t, _ := at.SubTable("jump", "[article.jump]")
	t.CheckKeys("page", "headline", "rank")
	j := &Jump{Pos: at.At("jump"), Headline: a.Headline, Rank: DefaultJumpRank}
	j.Page = d.pageRef(t, "page", "the article's own page; want another page of the issue")
	if _, given := t.M["headline"]; given {
		j.Headline, _ = prose(t, "headline", true)
	}
	if n, ok := t.Integer("rank", false, "2"); ok {
		j.Rank = int(n)
		if n < 1 || n > MaxArticles+1 {
			t.Errorf("rank", "%d is not a place in the page's order; want 1 (before the page's lead) to %d (after the most articles a page holds)",
				n, MaxArticles+1)
		}
	}
	return j
}

// wholeOnPage says why an article is set whole where it stands and cannot jump: a
// brief list, a box, the 报眼 item, photo news; "" for a story that may.
func wholeOnPage(t table, a *Article, ear bool) string {
	switch {
	case a.Kind == KindBriefs:
		return `a brief list (kind = "briefs") is set whole on its page`
	case a.Box != "":
		return fmt.Sprintf("a boxed article (box = %q) is set whole in its frame", a.Box)
	case ear:
		return "the 报眼 item (ear = true) is set whole in the masthead band"
	case !needsBody(t, a):
		return "photo news (captions, no body) has no text to continue"
	}
	return ""
}

// pageRef decodes key, a page of the issue other than the file's own: 1 to maxPageNo;
// self says why the file's own page is wrong. It returns 0 when key is wrong.
func (d *decoder) pageRef(t table, key, self string) int {
	n, ok := t.Integer(key, true, "3")
	switch {
	case !ok:
	case n < 1 || n > maxPageNo:
		t.Errorf(key, "%d is not a page number; want 1 or more (up to %d)", n, maxPageNo)
	case int(n) == d.page:
		t.Errorf(key, "page %d is %s", n, self)
	default:
		return int(n)
	}
	return 0
}
