package tomltab

import "testing"

func TestPositions(t *testing.T) {
	doc := "name = \"报\"\n[format]\n  columns = 8\n[[article]]\nheadline = \"标题\"\n[[article]]\n" +
		"photo = [{ file = \"a.jpg\" }, { \"odd key\" = 1 }]\n"
	ix := newIndex([]byte(doc))
	for _, c := range []struct {
		item     string
		key, val place
	}{
		{"name", place{1, 1}, place{1, 8}},
		{"format", place{2, 1}, place{2, 1}},
		{"format.columns", place{3, 3}, place{3, 13}},
		{"article[0]", place{4, 1}, place{4, 1}},
		{"article[0].headline", place{5, 1}, place{5, 12}},
		{"article[1]", place{6, 1}, place{6, 1}},
		{"article[1].photo[0].file", place{7, 12}, place{7, 19}},
		{Key("article[1].photo[1]", "odd key"), place{7, 32}, place{7, 44}},
		{"article[1].photo[1].missing", place{7, 30}, place{7, 30}}, // its parent's value
	} {
		if got := ix.KeyAt(c.item); got != c.key {
			t.Errorf("KeyAt(%s) = %v, want %v", c.item, got, c.key)
		}
		if got := ix.At(c.item); got != c.val {
			t.Errorf("At(%s) = %v, want %v", c.item, got, c.val)
		}
	}
	if got := textIndex([]byte("a\n标题x")).Offset(len("a\n标题")); got != (place{2, 3}) {
		t.Errorf("Offset counts bytes, not characters: %v", got)
	}
}
