package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const seedText = "../../issues/importer/testdata/zhengzhou-2023-11-21-p7.txt"

// TestImportedSeedBuilds imports the sample page's extracted text and sets the issue
// file it gives: the PDF holds the headlines and the text joined across column breaks.
func TestImportedSeedBuilds(t *testing.T) {
	need(t, "pdftotext")
	dir := t.TempDir()
	page := filepath.Join(dir, "p7.toml")
	code, stdout, stderr := broadsheet(t, "import", "-o", page, "--newspaper", "郑州日报", "--date", "2023-11-21",
		"--page", "7", "--section", "经开区新闻", seedText)
	if code != exitAttention || !strings.Contains(stdout, "5 articles") {
		t.Fatalf("import: exit %d, want 1 (guesses to check):\n%s%s", code, stdout, stderr)
	}
	pdf := filepath.Join(dir, "p7.pdf")
	if code, _, stderr := broadsheet(t, page); code > exitAttention {
		t.Fatalf("the imported page does not build: exit %d\n%s", code, stderr)
	}
	text := squash(tool(t, "pdftotext", "-raw", pdf, "-"))
	for _, want := range []string{"首批试制车在郑州经开区下线", "新发展格局的战略性布局", "国内国际双循环的战略支点"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// TestImportNeverReplacesAnEditedFile: an import may replace an earlier import nobody
// edited, never a hand-made or corrected issue file, nor the text itself.
func TestImportNeverReplacesAnEditedFile(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "p7.txt")
	copyFile(t, seedText, text)
	page := filepath.Join(dir, "p7.toml")
	if code, _, stderr := broadsheet(t, "import", text); code != exitAttention {
		t.Fatalf("first import: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := broadsheet(t, "import", text); code != exitAttention {
		t.Fatalf("an unedited import is not replaced: exit %d\n%s", code, stderr)
	}
	data, _ := os.ReadFile(page)
	edited := strings.Replace(string(data), "报名待补", "郑州日报", 1)
	if err := os.WriteFile(page, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := broadsheet(t, "import", text)
	if code != exitInput || !strings.Contains(stderr, "not an unedited import") {
		t.Errorf("an edited import: exit %d, want 2 and a message\n%s", code, stderr)
	}
	if now, _ := os.ReadFile(page); string(now) != edited {
		t.Error("the edited file was changed")
	}
	if code, _, _ := broadsheet(t, "import", "-o", text, text); code != exitInput {
		t.Errorf("-o the text itself: exit %d, want 2", code)
	}
}

// TestImportCheckPrintsGuessesAndWritesNothing: --check lists each guess with the
// text's line, and writes no issue file.
func TestImportCheckPrintsGuessesAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "p7.txt")
	copyFile(t, seedText, text)
	code, stdout, _ := broadsheet(t, "import", "--check", text)
	if code != exitAttention {
		t.Errorf("exit %d, want 1", code)
	}
	if want := text + ":11: article[0].body paragraph 2: joined at a column break: …新发展格|局的战略…"; !strings.Contains(stdout, want) {
		t.Errorf("--check lacks %q:\n%s", want, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "p7.toml")); err == nil {
		t.Error("--check wrote an issue file")
	}
}

// TestImportUsageErrors: a wrong flag value or a missing file exits 2, writing nothing.
func TestImportUsageErrors(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(t.TempDir(), "page.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"import", "-o", filepath.Join(dir, "fifo.toml"), fifo}, // a pipe would wait for a writer
		{"import"},
		{"import", "--date", "2023-02-30", seedText},
		{"import", "--page", "-3", seedText},
		{"import", filepath.Join(dir, "missing.txt")},
		{"import", "-o", filepath.Join(dir, "x.toml"), filepath.Join("..", "..", "issues", "photos")},
	} {
		if code, _, stderr := broadsheet(t, args...); code != exitInput || stderr == "" {
			t.Errorf("%v: exit %d, want 2 and a message", args, code)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
