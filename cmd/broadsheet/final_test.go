package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --final writes no PDF for a page that needs a person and says why.
func TestFinalRefusesPagesThatNeedAPerson(t *testing.T) {
	dir := t.TempDir()
	for file, reason := range map[string]string{
		"../../issues/compose-08-photos.toml":  "not written (--final): low-resolution: article[3].photo[0]",
		sample:                                 "not written (--final): placeholder: article[0].photo[0]",
		"../../issues/compose-06-overset.toml": "not written (--final): overset",
	} {
		out := filepath.Join(dir, filepath.Base(file)+".pdf")
		code, _, stderr := broadsheet(t, "--final", "-o", out, file)
		_, statErr := os.Stat(out)
		if code != exitAttention || statErr == nil || !strings.Contains(stderr, reason) {
			t.Errorf("%s: exit %d, PDF written: %v; want exit 1, no PDF and %q in:\n%s", file, code, statErr == nil, reason, stderr)
		}
	}
}

// On every page in issues/, --final writes the PDF exactly when it exits 0, and then
// the page needs nobody without --final either; every page it refuses, it says why.
func TestFinalWritesOnlyReadyPages(t *testing.T) {
	dir := t.TempDir()
	files, _ := filepath.Glob("../../issues/*.toml")
	for _, file := range files {
		out := filepath.Join(dir, filepath.Base(file)+".pdf")
		code, _, stderr := broadsheet(t, "--final", "-q", "-o", out, file)
		_, statErr := os.Stat(out)
		switch {
		case code == exitOK && statErr != nil:
			t.Errorf("%s: exit 0 but no PDF", file)
		case code == exitAttention && (statErr == nil || !strings.Contains(stderr, "not written (--final)")):
			t.Errorf("%s: exit 1, PDF written: %v, reasons:\n%s", file, statErr == nil, stderr)
		case code == exitOK:
			if plain, _, _ := broadsheet(t, "-q", "-o", out, file); plain != exitOK {
				t.Errorf("%s: written by --final, but needs a person without it (exit %d)", file, plain)
			}
		case code > exitAttention:
			t.Errorf("%s: exit %d\n%s", file, code, stderr)
		}
	}
}
