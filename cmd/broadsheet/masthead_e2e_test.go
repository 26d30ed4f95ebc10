package main

import (
	"path/filepath"
	"strings"
	"testing"

	"broadsheet/issues"
)

const frontPage = "../../issues/compose-12-front-masthead.toml"

// Page 1's masthead comes back from the PDF: the info column's date, 农历 date,
// 今日 N 版, 总第 N 期, 刊号 and editor, in that order, then the 报眼's story; and the
// logo is an image on the page, where the name is not set in type.
func TestMastheadTextComesBack(t *testing.T) {
	need(t, "pdftotext", "pdfimages")
	out := filepath.Join(t.TempDir(), "front.pdf")
	code, _, stderr := broadsheet(t, "-o", out, frontPage)
	if code != 0 && !(code == 1 && onlyEmptySpace(stderr)) {
		t.Fatalf("exit %d, want 0, or 1 for empty space reported:\n%s", code, stderr)
	}
	text := squash(tool(t, "pdftotext", "-raw", out, "-"))
	at := 0
	for _, want := range []string{"2023年11月22日星期三", "农历癸卯年十月初十", "第1版要闻今日8版", "总第23456期", "国内统一刊号CN41-0014", "责任编辑刘洋"} {
		k := strings.Index(text[at:], want)
		if k < 0 {
			t.Fatalf("%q is missing after position %d of the extracted text:\n%s", want, at, text[:min(len(text), 600)])
		}
		at += k
	}
	iss, err := issues.Decode(frontPage)
	if err != nil {
		t.Fatal(err)
	}
	ear := iss.Articles[iss.Masthead.Ear.Index]
	for _, want := range append([]string{squash(ear.Headline)}, ear.Paragraphs...) {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("the 报眼's %q is missing from the extracted text", want)
		}
	}
	if strings.Contains(text, "郑州日报") {
		t.Errorf("the paper's name is set in type as well as the logo")
	}
	if images := strings.Count(tool(t, "pdfimages", "-list", out), "\n") - 2; images != 1 {
		t.Errorf("%d images on the page, want 1: the logo", images)
	}
}
