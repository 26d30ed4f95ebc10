package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"broadsheet/issues"
)

// The page of crossheads, run-ins, an editor's note, brief lists, boxes and photo
// news gives its text back in reading order: every brief item's title and text, the
// crossheads, the note and the run-ins, each once.
func TestFurnitureTextInReadingOrder(t *testing.T) {
	need(t, "pdftotext")
	const file = "../../issues/compose-13-furniture.toml"
	out := filepath.Join(t.TempDir(), "page.pdf")
	if code, _, stderr := broadsheet(t, "-o", out, file); code != 0 && !(code == 1 && onlyEmptySpace(stderr)) {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	got := squeeze(tool(t, "pdftotext", "-raw", out, "-"))
	iss, err := issues.Decode(file)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, a := range iss.Articles {
		if a.EditorNote != "" {
			want = append(want, "【编者按】"+a.EditorNote)
		}
		for _, b := range a.Briefs {
			want = append(want, b.Title, b.Body)
		}
		for _, p := range a.Paragraphs {
			p = strings.TrimPrefix(p, "## ")
			want = append(want, strings.ReplaceAll(p, "**", ""))
		}
		for _, p := range a.Photos {
			want = append(want, p.Caption)
		}
	}
	at := 0
	for _, w := range want {
		w = squeeze(fullWidth(w))
		i := strings.Index(got[at:], w)
		if i < 0 {
			t.Errorf("text not found in reading order after offset %d: %q", at, w)
			continue
		}
		if strings.Count(got, w) != 1 {
			t.Errorf("text found %d times: %q", strings.Count(got, w), w)
		}
		at += i + len(w)
	}
}

// squeeze drops the white space pdftotext puts at line and run ends.
func squeeze(s string) string { return regexp.MustCompile(`\s+`).ReplaceAllString(s, "") }

// fullWidth turns the half-width marks the composer sets full width beside Chinese.
func fullWidth(s string) string {
	return strings.NewReplacer(",", "，", ":", "：", ";", "；", "(", "（", ")", "）", "!", "！", "?", "？").Replace(s)
}
