package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"broadsheet/issues"
	"broadsheet/layout/edition"
)

const shippedIssue = "../../issues/2023-11-22"

// storyText is a story's text as its pages print it: the lead, the paragraphs
// (crossheads without their mark, run-ins without their markers) and the byline.
func storyText(a issues.Article) string {
	var b strings.Builder
	b.WriteString(a.Lead)
	for _, p := range a.Paragraphs {
		p = strings.TrimPrefix(p, "## ")
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(p, "**", ""), `\*`, "*"))
	}
	b.WriteString(a.Byline)
	return squash(b.String())
}

// pageTexts builds the issue in dir into a fresh folder and returns each page's text
// (pdftotext -raw, squashed) by page number, and the issue's report.
func pageTexts(t *testing.T, dir string) (map[int]string, edition.Report) {
	t.Helper()
	out := t.TempDir()
	report := filepath.Join(out, "report.json")
	code, _, stderr := broadsheet(t, "-q", "-o", out, "--report", report, dir)
	if code > exitAttention || strings.Contains(stderr, ": overset: ") {
		t.Fatalf("exit %d, want the issue set with nothing overset:\n%s", code, stderr)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Pages []struct {
			File   string
			Issue  *edition.Report
			Report struct{ Page int }
		}
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	texts, whole := map[int]string{}, edition.Report{}
	for _, p := range rep.Pages {
		pdf := filepath.Join(out, strings.TrimSuffix(filepath.Base(p.File), ".toml")+".pdf")
		texts[p.Report.Page] = squash(tool(t, "pdftotext", "-raw", pdf, "-"))
		if p.Issue != nil {
			whole = *p.Issue
		}
	}
	return texts, whole
}

// checkJump fails unless the story's text reads once, in order, across its two pages:
// its first part up to （下转第N版） on its page, the rest after （上接第M版） on page N.
func checkJump(t *testing.T, story string, from, to int, texts map[int]string) {
	t.Helper()
	out, in := squash(fmt.Sprintf("（下转第%d版）", to)), squash(fmt.Sprintf("（上接第%d版）", from))
	src, dst := texts[from], texts[to]
	start := strings.Index(src, story[:60])
	end := strings.Index(src, out)
	if start < 0 || end < start {
		t.Fatalf("page %d: the story's start (%q) or %s is missing", from, story[:60], out)
	}
	part := src[start:end]
	if !strings.HasPrefix(story, part) {
		t.Fatalf("page %d: the part before %s is not the story's start:\n%s", from, out, part)
	}
	rest := story[len(part):]
	k := strings.Index(dst, in)
	if k < 0 || !strings.HasPrefix(dst[k+len(in):], rest) {
		t.Fatalf("page %d: %s is not followed by the rest of the story (%d bytes from %q)", to, in, len(rest), rest[:min(60, len(rest))])
	}
	for p, text := range texts {
		if n := strings.Count(text, story[:60]) + strings.Count(text, rest[:60]); n != map[int]int{from: 1, to: 1}[p] {
			t.Errorf("page %d: the story's start and its rest appear %d times", p, n)
		}
	}
}

// The shipped issue builds as a unit: each jumped story reads once and in order
// across its two pages with the labels' page numbers right, and page 1's 导读 points
// at the pages its articles are on.
func TestWholeIssueReadsOnceAcrossItsPages(t *testing.T) {
	need(t, "pdftotext")
	texts, rep := pageTexts(t, shippedIssue)
	p1, err := issues.Decode(filepath.Join(shippedIssue, "p01.toml"))
	if err != nil {
		t.Fatal(err)
	}
	jumps := 0
	for _, a := range p1.Articles {
		if a.Jump != nil {
			checkJump(t, storyText(a), 1, a.Jump.Page, texts)
			jumps++
		}
	}
	if jumps != 2 || len(rep.Jumps) != 2 {
		t.Fatalf("%d jumps in page 1, %d in the report; want 2", jumps, len(rep.Jumps))
	}
	for _, tz := range rep.Teasers {
		if want := squash(fmt.Sprintf("%d版 · %s", tz.Page, tz.Text)); !strings.Contains(texts[1], want) {
			t.Errorf("page 1 lacks the teaser %q", want)
		}
	}
}

// compose-06's overlong story, given a jump to a page of its own issue, sets every
// character on the two pages and reports nothing overset.
func TestOverlongStoryJumpsWhole(t *testing.T) {
	need(t, "pdftotext")
	src, err := os.ReadFile("../../issues/compose-06-overset.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "2023-10-28")
	os.Mkdir(dir, 0o755)
	s := strings.Replace(string(src), "\nlead     = \"本报讯\"\n", "\nlead     = \"本报讯\"\njump     = { page = 4, headline = \"竞相发展 回升向好\" }\n", 1)
	writeFile(t, filepath.Join(dir, "p03.toml"), s)
	writeFile(t, filepath.Join(dir, "p04.toml"), "newspaper = \"郑州日报\"\ndate = 2023-10-28\npage = 4\nsection = \"经济\"\n\n"+
		"[[article]]\nheadline = \"全市秋粮收获基本结束\"\nbody = \"本报讯 全市秋粮收获基本结束，总产量稳中有增。\"\n")
	texts, rep := pageTexts(t, dir)
	iss, err := issues.Decode(filepath.Join(dir, "p03.toml"))
	if err != nil {
		t.Fatal(err)
	}
	checkJump(t, storyText(iss.Articles[0]), 3, 4, texts)
	if len(rep.Jumps) != 1 || rep.Jumps[0].CharsFrom+rep.Jumps[0].CharsTo < 14000 {
		t.Fatalf("report %+v; want one jump of the whole story", rep.Jumps)
	}
}

// What makes a folder no issue, or a page unable to stand alone, is bad input: exit 2
// at the key, and no PDF.
func TestBadIssuesExitTwo(t *testing.T) {
	page := func(no int, date, extra string) string {
		return fmt.Sprintf("newspaper = \"郑州日报\"\ndate = %s\npage = %d\n\n[[article]]\nheadline = \"标题%d\"\nbody = \"正文。\"\n%s", date, no, no, extra)
	}
	tests := []struct {
		name  string
		dir   string
		files map[string]string
		want  string
	}{
		{"jump to a page not in the issue", "2023-11-22", map[string]string{
			"p01.toml": page(1, "2023-11-22", "jump = { page = 9 }\n"), "p02.toml": page(2, "2023-11-22", "")},
			"p01.toml:8:8: article[0].jump: page 9 is not in the issue; want one of its pages (1, 2)"},
		{"two files of one page", "2023-11-22", map[string]string{
			"p01.toml": page(1, "2023-11-22", ""), "p1.toml": page(1, "2023-11-22", "")},
			"p1.toml:3:8: page: 1 is also the page of"},
		{"dates that differ", "2023-11-22", map[string]string{
			"p01.toml": page(1, "2023-11-22", ""), "p02.toml": page(2, "2023-11-23", "")},
			"p02.toml:2:8: date: 2023-11-23 is not the date of its issue folder, 2023-11-22"},
		{"a loop", "2023-11-22", map[string]string{
			"p01.toml": page(1, "2023-11-22", ""), "p02.toml": page(2, "2023-11-22", "jump = { page = 3 }\n"),
			"p03.toml": page(3, "2023-11-22", "jump = { page = 2 }\n")},
			"p03.toml:8:8: article[0].jump: page 3 jumps to page 2, which leads back to page 3"},
		{"a teaser's article not found", "2023-11-22", map[string]string{
			"p01.toml": page(1, "2023-11-22", "\n[[teaser]]\ntext = \"看点\"\narticle = \"无此标题\"\n"), "p02.toml": page(2, "2023-11-22", "")},
			"teaser[0].article: \"无此标题\" is the headline of no article in the issue"},
		{"a jump outside an issue folder", "pages", map[string]string{
			"p01.toml": page(1, "2023-11-22", "jump = { page = 2 }\n"), "p02.toml": page(2, "2023-11-22", "")},
			"p01.toml:8:8: article[0].jump: continues on page 2, which only a whole issue has"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), tc.dir)
			os.Mkdir(dir, 0o755)
			for name, text := range tc.files {
				writeFile(t, filepath.Join(dir, name), text)
			}
			out := t.TempDir()
			code, _, stderr := broadsheet(t, "-q", "-o", out, dir)
			if code != exitInput || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, want 2 with %q:\n%s", code, tc.want, stderr)
			}
			if pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf")); tc.name != "a jump outside an issue folder" && len(pdfs) > 0 {
				t.Fatalf("wrote %v for an issue with bad input", pdfs)
			}
		})
	}
}

// writeFile writes a test's file.
func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// An edit that makes a story jump rebuilds the page it now continues on, though that
// page's file did not change; a page added to the folder rebuilds the others too.
func TestRerunRebuildsThePagesAJumpReaches(t *testing.T) {
	need(t, "pdftotext")
	dir := filepath.Join(t.TempDir(), "2023-10-28")
	os.Mkdir(dir, 0o755)
	src, _ := os.ReadFile("../../issues/compose-06-overset.toml")
	writeFile(t, filepath.Join(dir, "p03.toml"), string(src))
	writeFile(t, filepath.Join(dir, "p04.toml"), "newspaper = \"郑州日报\"\ndate = 2023-10-28\npage = 4\n\n[[article]]\nheadline = \"全市秋粮收获基本结束\"\nbody = \"全市秋粮收获基本结束。\"\n")
	out := t.TempDir()
	broadsheet(t, "-q", "-o", out, dir)
	s := strings.Replace(string(src), "\nlead     = \"本报讯\"\n", "\nlead     = \"本报讯\"\njump     = { page = 4 }\n", 1)
	writeFile(t, filepath.Join(dir, "p03.toml"), s)
	code, stdout, stderr := broadsheet(t, "-o", out, dir)
	if code > exitAttention || strings.Contains(stdout, "up to date") {
		t.Fatalf("exit %d; want both pages rebuilt:\n%s%s", code, stdout, stderr)
	}
	if text := tool(t, "pdftotext", "-raw", filepath.Join(out, "p04.pdf"), "-"); !strings.Contains(squash(text), squash("（上接第3版）")) {
		t.Fatalf("page 4 was not rebuilt with the continuation:\n%s", text)
	}
	writeFile(t, filepath.Join(dir, "p05.toml"), "newspaper = \"郑州日报\"\ndate = 2023-10-28\npage = 5\n\n[[article]]\nheadline = \"新增一版\"\nbody = \"正文。\"\n")
	if _, stdout, _ := broadsheet(t, "-o", out, dir); strings.Contains(stdout, "up to date") {
		t.Errorf("a page added to the issue left its other pages up to date:\n%s", stdout)
	}
}

// A page file of a linked issue that cannot be read says why at its place, and the
// issue's other pages say which file stops them; a page set from inside its folder is
// composed with its issue.
func TestLinkedIssueErrorsAndRelativePaths(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "2023-11-22")
	os.Mkdir(dir, 0o755)
	writeFile(t, filepath.Join(dir, "p01.toml"), "newspaper = \"报\"\ndate = 2023-11-22\npage = 1\n\n[[article]]\nheadline = \"甲\"\nbody = \"正文。\"\njump = { page = 2 }\n")
	writeFile(t, filepath.Join(dir, "p02.toml"), "newspaper = \"报\"\ndate = 2023-11-22\npage = 2\nsection = \"未完\n")
	code, _, stderr := broadsheet(t, "-q", "-o", t.TempDir(), dir)
	if code != exitInput || !strings.Contains(stderr, "p02.toml:4:") || !strings.Contains(stderr, "p01.toml: not set: the issue") {
		t.Fatalf("exit %d; want 2, p02's own error at its place and p01 stopped by it:\n%s", code, stderr)
	}
	writeFile(t, filepath.Join(dir, "p02.toml"), "newspaper = \"报\"\ndate = 2023-11-22\npage = 2\n\n[[article]]\nheadline = \"乙\"\nbody = \"正文。\"\n")
	for _, path := range []string{"p01.toml", "./p01.toml", "../2023-11-22//p01.toml"} {
		cmd := exec.Command(binary, "--check", path)
		cmd.Dir = dir
		got, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitAttention || !strings.Contains(string(got), "jump-unneeded") {
			t.Fatalf("%s set from inside its folder is not composed with its issue (%v):\n%s", path, err, got)
		}
	}
}
