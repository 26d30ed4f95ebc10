package importer

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Placeholders for what neither the person importing nor the text gives: the issue
// file needs a paper, a day and a page number to decode.
const (
	placeholderNewspaper = "报名待补"
	placeholderDate      = "2000-01-01"
	placeholderPage      = 1
)

var (
	newspaperRe = regexp.MustCompile(`([\p{Han}]{2,8}报)`)
	fileDateRe  = regexp.MustCompile(`(\d{4})-?(\d{2})-?(\d{2})`)
	// sectionRe is the page's name after its number in a running head: 第4版 要闻.
	sectionRe  = regexp.MustCompile(`第\s*\d{1,4}\s*版[ 　]+([\p{Han}]{2,10})`)
	filePageRe = regexp.MustCompile(`(?i)(?:^|[-_.])p(\d{1,4})(?:[-_.]|$)`)
)

// fillMeta completes what the person gave from the running head, then the source's
// file name, then placeholders; every value not given is recorded as a guess.
func fillMeta(given Meta, furniture []line, source string, guesses map[string]Guess) Meta {
	m := given
	head := readFurniture(furniture)
	base := filepath.Base(source)
	if m.Newspaper == "" {
		m.Newspaper = pick(guesses, "newspaper", head.Newspaper, head.line, placeholderNewspaper, "--newspaper")
	}
	if m.Date == "" {
		fromFile := ""
		if d := fileDateRe.FindStringSubmatch(base); d != nil && validDate(d[1]+"-"+d[2]+"-"+d[3]) {
			fromFile = d[1] + "-" + d[2] + "-" + d[3]
		}
		m.Date = pickOr(guesses, "date", head.Date, head.line, fromFile, base, placeholderDate, "--date")
	}
	if m.Page == 0 {
		fromFile := ""
		if d := filePageRe.FindStringSubmatch(base); d != nil && validPage(d[1]) {
			fromFile = strings.TrimLeft(d[1], "0")
		}
		page := pickOr(guesses, "page", itoa(head.Page), head.line, fromFile, base, strconv.Itoa(placeholderPage), "--page")
		m.Page, _ = strconv.Atoi(page)
	}
	if m.Section == "" && head.Section != "" {
		m.Section = pick(guesses, "section", head.Section, head.line, "", "--section")
	}
	if m.Editor == "" && head.Editor != "" {
		m.Editor = pick(guesses, "editor", head.Editor, head.line, "", "--editor")
	}
	return m
}

// validDate reports whether s is a real day, 2006-01-02, that an issue file may carry.
func validDate(s string) bool {
	d, err := time.Parse(time.DateOnly, s)
	return err == nil && d.Year() >= 1
}

// validPage reports whether s is a page number an issue file may carry: 1 to 9999.
func validPage(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= 9999
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// pick returns the running head's value, or the placeholder, recording the guess.
func pick(guesses map[string]Guess, key, fromHead string, headLine int, placeholder, flag string) string {
	return pickOr(guesses, key, fromHead, headLine, "", "", placeholder, flag)
}

// pickOr returns the first of the running head's value, the file name's, and the
// placeholder, recording where it came from as a guess.
func pickOr(guesses map[string]Guess, key, fromHead string, headLine int, fromFile, file, placeholder, flag string) string {
	switch {
	case fromHead != "":
		guesses[key] = Guess{Line: headLine, Key: key, Note: "read from the running head; " + flag + " gives it"}
		return fromHead
	case fromFile != "":
		guesses[key] = Guess{Line: 1, Key: key, Note: fmt.Sprintf("read from the file name %s; %s gives it", file, flag)}
		return fromFile
	}
	guesses[key] = Guess{Line: 1, Key: key, Note: "not in the text: a placeholder; " + flag + " gives it"}
	return placeholder
}

// head is what the running head's lines say.
type head struct {
	line      int
	Newspaper string
	Date      string
	Page      int
	Section   string
	Editor    string
}

// readFurniture reads the paper, date, page number and editor from running-head lines.
func readFurniture(lines []line) head {
	var h head
	for _, l := range lines {
		if h.line == 0 {
			h.line = l.no
		}
		if d := dateRe.FindStringSubmatch(l.text); d != nil && h.Date == "" {
			y, _ := strconv.Atoi(d[1])
			mo, _ := strconv.Atoi(d[2])
			dd, _ := strconv.Atoi(d[3])
			if date := fmt.Sprintf("%04d-%02d-%02d", y, mo, dd); validDate(date) {
				h.Date = date
			}
			if n := newspaperRe.FindString(l.text[:indexOf(l.text, d[0])]); n != "" && h.Newspaper == "" {
				h.Newspaper = n
			}
		}
		if m := pageNoRe.FindStringSubmatch(l.text); m != nil && h.Page == 0 {
			for _, g := range m[1:] {
				if n, err := strconv.Atoi(g); err == nil && validPage(g) {
					h.Page = n
					break
				}
			}
		}
		if m := sectionRe.FindStringSubmatch(l.text); m != nil && h.Section == "" {
			h.Section = m[1]
		}
		if m := editorRe.FindStringSubmatch(l.text); m != nil && h.Editor == "" {
			h.Editor = m[1]
		}
	}
	return h
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return 0
}
