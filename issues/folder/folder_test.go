package folder

import (
	"strings"
	"testing"
)

func TestPeekReadsTheHeadAndTheLinks(t *testing.T) {
	h, ok := Peek("p01.toml", []byte("\uFEFFnewspaper = \"报\"\ndate = 2023-11-22\npage = 1\n\n[[article]]\nheadline = \"甲\"\njump = { page = 2 }\n"))
	if !ok || h.Page != 1 || h.Date != "2023-11-22" || !h.Linked || h.PagePos.Line != 3 || h.DatePos.Line != 2 {
		t.Fatalf("Peek = %+v, %v", h, ok)
	}
	if h, ok := Peek("p02.toml", []byte("date = 2023-11-22\npage = 2\n[[article]]\nheadline = \"乙\"\n")); !ok || h.Linked {
		t.Fatalf("a page without jumps or teasers: %+v, %v", h, ok)
	}
	if h, ok := Peek("p03.toml", []byte("date = 2023-11-22\npage = 3\n[[teaser]]\ntext = \"看\"\npage = 1\n")); !ok || !h.Linked {
		t.Fatalf("a page with teasers: %+v, %v", h, ok)
	}
	for _, bad := range []string{"page = \"1\"\ndate = 2023-11-22\n", "page = 1\n", "not toml ="} {
		if _, ok := Peek("x.toml", []byte(bad)); ok {
			t.Errorf("Peek(%q) ok; want not a page head", bad)
		}
	}
}

func TestCheckRefusesTwoFilesOfAPageAndTwoDates(t *testing.T) {
	a, _ := Peek("a.toml", []byte("date = 2023-11-22\npage = 1\n"))
	b, _ := Peek("b.toml", []byte("date = 2023-11-22\npage = 1\n"))
	c, _ := Peek("c.toml", []byte("page = 2\ndate = 2023-11-23\n"))
	got := Check("2023-11-22", []Head{a, b, c}).Error()
	for _, want := range []string{"b.toml:2:8: page: 1 is also the page of a.toml", "c.toml:2:8: date: 2023-11-23 is not the date of its issue folder, 2023-11-22"} {
		if !strings.Contains(got, want) {
			t.Errorf("Check = %s\nwant %q", got, want)
		}
	}
	if errs := Check("2023-11-22", []Head{a, c}); len(errs) != 1 {
		t.Errorf("Check = %v; want only the date", errs)
	}
}

func TestIsIssueTakesDatesOnly(t *testing.T) {
	for name, want := range map[string]bool{"2023-11-22": true, "2024-02-29": true, "2024-99-99": false, "2023-11-22x": false, "pages": false} {
		if got := IsIssue(name); got != want {
			t.Errorf("IsIssue(%q) = %v, want %v", name, got, want)
		}
	}
}
