package tomlpos

import "testing"

func TestPositions(t *testing.T) {
	doc := "name = \"报\"\n[format]\n  columns = 8\n[[article]]\nheadline = \"标题\"\n[[article]]\n" +
		"photo = [{ file = \"a.jpg\" }, { \"odd key\" = 1 }]\n"
	ix := New([]byte(doc))
	for _, c := range []struct {
		item     string
		key, val Pos
	}{
		{"name", Pos{1, 1}, Pos{1, 8}},
		{"format", Pos{2, 1}, Pos{2, 1}},
		{"format.columns", Pos{3, 3}, Pos{3, 13}},
		{"article[0]", Pos{4, 1}, Pos{4, 1}},
		{"article[0].headline", Pos{5, 1}, Pos{5, 12}},
		{"article[1]", Pos{6, 1}, Pos{6, 1}},
		{"article[1].photo[0].file", Pos{7, 12}, Pos{7, 19}},
		{Key("article[1].photo[1]", "odd key"), Pos{7, 32}, Pos{7, 44}},
		{"article[1].photo[1].missing", Pos{7, 30}, Pos{7, 30}}, // its parent's value
	} {
		if got := ix.KeyAt(c.item); got != c.key {
			t.Errorf("KeyAt(%s) = %v, want %v", c.item, got, c.key)
		}
		if got := ix.At(c.item); got != c.val {
			t.Errorf("At(%s) = %v, want %v", c.item, got, c.val)
		}
	}
	if got := Text([]byte("a\n标题x")).Offset(len("a\n标题")); got != (Pos{2, 3}) {
		t.Errorf("Offset counts bytes, not characters: %v", got)
	}
}
