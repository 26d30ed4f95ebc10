package clreq

import "testing"

// The table answers for the marks clreq names, and only for them.
func TestTable(t *testing.T) {
	cases := []struct {
		r              rune
		noStart, noEnd bool
		blank          Blank
	}{
		{'，', true, false, BlankRight}, {'。', true, false, BlankRight}, {'“', false, true, BlankLeft},
		{'）', true, false, BlankRight}, {'·', true, false, BlankSides}, {'—', true, false, InkFull},
	}
	for _, tc := range cases {
		m := Mark(tc.r)
		if m == 0 {
			t.Errorf("%q is not a mark", tc.r)
			continue
		}
		if c := ClassOf(m); c.NoStart != tc.noStart || c.NoEnd != tc.noEnd || c.Blank != tc.blank {
			t.Errorf("%q: %+v", tc.r, *c)
		}
	}
	for _, r := range "中A1 " {
		if Mark(r) != 0 {
			t.Errorf("%q is a mark", r)
		}
	}
	if full, ok := FullWidth(','); !ok || full != "，" {
		t.Errorf("FullWidth(',') = %q %v", full, ok)
	}
	if _, ok := FullWidth('a'); ok {
		t.Error("a has a full-width mark")
	}
}

// Clusters hold combining marks, spaces stand alone, invisibles are dropped.
func TestClusters(t *testing.T) {
	for _, tc := range []struct {
		s string
		n int
	}{{"ab", 1}, {"e\u0301x", 3}, {"中文", 3}, {" \u0301", 1}, {"👍🏽x", 8}} {
		if n := ClusterLen(tc.s); n != tc.n {
			t.Errorf("ClusterLen(%q) = %d, want %d", tc.s, n, tc.n)
		}
	}
	if s, changed := Visible("软\u00ad件\u200d"); s != "软件" || !changed {
		t.Errorf("Visible: %q %v", s, changed)
	}
	if !Wide('中') || Wide('A') || !Space('\u3000') || Space('中') || !Digit('7') {
		t.Error("Wide, Space or Digit misclassifies")
	}
}
