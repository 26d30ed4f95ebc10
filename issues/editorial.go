package issues

import (
	"strings"

	"broadsheet/layout/geom"
)

// Headline sizes a file may fix: from the body's 小五 to twice 初号.
var minHeadline, maxHeadline = geom.Pt(9), geom.Pt(84)

// headlineSize decodes article.headline_size: a 号 name such as "一号", or a length
// such as "30pt"; 0 when the key is absent or wrong (the layout chooses).
func headlineSize(t table) geom.Length {
	v, ok := t.M["headline_size"]
	if !ok {
		return 0
	}
	s, isString := v.(string)
	if !isString {
		t.WrongType("headline_size", `a 号 name like "一号" or a length like "30pt"`, v)
		return 0
	}
	name := strings.TrimSpace(s)
	for _, h := range geom.HaoScale() {
		if h.Name == name {
			return h.Size
		}
	}
	l, err := geom.ParseLength(name)
	switch {
	case err != nil:
		t.Errorf("headline_size", "%s is neither a 号 name (初号, 小初, 一号 … 小五) nor a length like \"30pt\"", clip(s))
		return 0
	case l < minHeadline || l > maxHeadline:
		t.Errorf("headline_size", "%s is out of range; want %s..%s (小五 to twice 初号)", l, minHeadline, maxHeadline)
		return 0
	}
	return l
}
