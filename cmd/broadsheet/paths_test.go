package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The output guard lets a PDF replace only a PDF or an empty file, a report only a
// report, never an input, and never anything but a regular file.
func TestGuardOutput(t *testing.T) {
	dir := t.TempDir()
	file := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pdf, report, issue := file("old.pdf", "%PDF-1.7\n"), file("old.json", "{\n  \"pages\": []\n}\n"), file("a.toml", "page = 1\n")
	empty, text := file("empty.pdf", ""), file("notes.pdf", "notes\n")
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(pdf, link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := map[string]string{canonical(issue): issue}
	for _, c := range []struct {
		path string
		kind outputKind
		want string // "" when the path may be written
	}{
		{filepath.Join(dir, "new.pdf"), pdfFile, ""},
		{filepath.Join(dir, "sub", "new.pdf"), pdfFile, ""},
		{pdf, pdfFile, ""},
		{empty, pdfFile, ""},
		{report, reportFile, ""},
		{pdf, reportFile, "exists and is not a JSON report"},
		{report, pdfFile, "exists and is not a PDF"},
		{text, pdfFile, "exists and is not a PDF"},
		{issue, reportFile, "is an issue file of this run"},
		{filepath.Join(dir, ".", "a.toml"), pdfFile, "is an issue file of this run"},
		{link, pdfFile, "is a symbolic link, not a PDF"},
		{fifo, reportFile, "is a named pipe, not a JSON report"},
		{dir, pdfFile, "is a folder, not a PDF"},
		{"/dev/null", reportFile, "is a device, not a JSON report"},
	} {
		err := guardOutput(c.path, c.kind, inputs)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s as a %s: %v", c.path, c.kind.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s as a %s: %v, want %q", c.path, c.kind.name, err, c.want)
		}
	}
}
