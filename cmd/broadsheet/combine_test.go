package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"broadsheet/issues"
)

// TestCombineWritesWholeIssues: --combine writes one PDF per issue folder beside it,
// its pages in page order whatever their files' names, with an outline naming each
// page's number and section; a rerun leaves it alone until a page changes.
func TestCombineWritesWholeIssues(t *testing.T) {
	need(t, "qpdf", "pdfinfo", "pdftotext")
	dir := writeArchive(t, 10) // 2023-11-01 holds pages 1–8, 2023-11-02 pages 1–2
	day := filepath.Join(dir, "2023-11-01")
	first := filepath.Join(day, "zz-front.toml") // page 1, now last by name
	if err := os.Rename(filepath.Join(day, "p01.toml"), first); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "pdf")
	report := filepath.Join(t.TempDir(), "run.jsonl")
	if code, _, stderr := broadsheet(t, "-q", "--combine", "-o", out, "--report", report, dir); code > exitAttention {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	whole := filepath.Join(out, "2023-11-01.pdf")
	if info := tool(t, "pdfinfo", whole); !strings.Contains(info, "Pages:           8") {
		t.Errorf("the whole issue:\n%s", info)
	}
	if info := tool(t, "pdfinfo", filepath.Join(out, "2023-11-02.pdf")); !strings.Contains(info, "Pages:           2") {
		t.Errorf("the second issue:\n%s", info)
	}
	tool(t, "qpdf", "--check", whole)
	titles := outlineTitles(t, whole)
	for i, title := range titles {
		iss := pageNumbered(t, day, i+1)
		want := "第" + string(rune('1'+i)) + "版"
		if iss.Section != "" {
			want += " " + iss.Section
		}
		if title != want {
			t.Errorf("outline entry %d is %q, want %q", i+1, title, want)
		}
	}
	if len(titles) != 8 {
		t.Fatalf("%d outline entries, want 8", len(titles))
	}
	front, _ := issues.Decode(first)
	if text := squash(tool(t, "pdftotext", "-raw", "-f", "1", "-l", "1", whole, "-")); !strings.Contains(text, squash(front.Articles[0].Paragraphs[0])[:30]) {
		t.Errorf("page 1 of the whole issue is not the page numbered 1")
	}
	if n := issueStates(t, report); n["written"] != 2 {
		t.Errorf("first run: issues %v, want 2 written", n)
	}
	broadsheet(t, "-q", "--combine", "-o", out, "--report", report, dir)
	if n := issueStates(t, report); n["skipped"] != 2 {
		t.Errorf("rerun: issues %v, want 2 up to date", n)
	}
	data, _ := os.ReadFile(first)
	os.WriteFile(first, []byte(strings.Replace(string(data), "。", "！", 1)), 0o644)
	broadsheet(t, "-q", "--combine", "-o", out, "--report", report, dir)
	if n := issueStates(t, report); n["written"] != 1 || n["skipped"] != 1 {
		t.Errorf("after editing a page: issues %v, want 1 written, 1 up to date", n)
	}
}

// outlineTitles lists the titles of a PDF's outline, in order.
func outlineTitles(t *testing.T, pdf string) []string {
	t.Helper()
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", pdf)), &doc); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for i, o := range doc.Outlines {
		if o.Page != i+1 {
			t.Errorf("outline entry %d points at page %d", i+1, o.Page)
		}
		titles = append(titles, o.Title)
	}
	return titles
}

// pageNumbered finds the issue file of page n in a folder.
func pageNumbered(t *testing.T, dir string, n int) *issues.Issue {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	for _, name := range names {
		if iss, err := issues.Decode(name); err == nil && iss.PageNo == n {
			return iss
		}
	}
	t.Fatalf("no page %d in %s", n, dir)
	return nil
}

// issueStates counts the issue lines of a JSON lines report by state.
func issueStates(t *testing.T, report string) map[string]int {
	t.Helper()
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var l struct{ Type, State string }
		json.Unmarshal([]byte(line), &l)
		if l.Type == "issue" {
			n[l.State]++
		}
	}
	return n
}
