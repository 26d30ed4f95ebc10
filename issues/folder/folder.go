// Package folder reads what a run needs to know of an issue folder before any page
// of it is decoded: each page file's head — its page number and date, where they are
// written, and whether the page is tied to others by a jump or a teaser — and checks
// that the folder is one issue: one file a page, one date.
//
// It reads TOML and nothing else: no pictures, no layout. Decoding a page (package
// issues) says what else is wrong with it.
package folder

import (
	"bytes"
	"fmt"
	"time"

	"github.com/pelletier/go-toml/v2"

	"broadsheet/issues/tomltab"
)

// Head is what a page file says of its place in an issue.
type Head struct {
	File string
	Page int
	Date string // 2006-01-02
	// PagePos and DatePos are where page and date are written.
	PagePos, DatePos tomltab.Pos
	// Linked is true when the page has an article with a jump, or teasers.
	Linked bool
}

// Peek reads the head of an issue file. ok is false when the file is not TOML with a
// page and a date; decoding it says why.
func Peek(path string, data []byte) (h Head, ok bool) {
	var doc struct {
		Page    int64            `toml:"page"`
		Date    toml.LocalDate   `toml:"date"`
		Teaser  []map[string]any `toml:"teaser"`
		Article []map[string]any `toml:"article"`
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a byte-order mark some editors write
	if err := toml.Unmarshal(data, &doc); err != nil || doc.Page < 1 || doc.Date.Year == 0 {
		return Head{}, false
	}
	pos := tomltab.NewPositions(path, data)
	h = Head{File: path, Page: int(doc.Page), Date: fmt.Sprintf("%04d-%02d-%02d", doc.Date.Year, doc.Date.Month, doc.Date.Day),
		PagePos: pos.At("page"), DatePos: pos.At("date"), Linked: len(doc.Teaser) > 0}
	for _, a := range doc.Article {
		if _, jumps := a["jump"]; jumps {
			h.Linked = true
		}
	}
	return h, true
}

// IsIssue reports whether a folder's name is a date (2023-11-22): the folder of one
// issue's pages.
func IsIssue(name string) bool {
	_, err := time.Parse(time.DateOnly, name)
	return err == nil
}

// Check refuses, in the issue folder of the given date (its name), two files of one
// page and pages of another date.
func Check(date string, heads []Head) tomltab.ErrorList {
	var errs tomltab.ErrorList
	first := map[int]string{}
	for _, h := range heads {
		if f, dup := first[h.Page]; dup {
			errs.Add(h.PagePos, "page", "%d is also the page of %s; want one file a page in an issue folder", h.Page, f)
		} else {
			first[h.Page] = h.File
		}
		if h.Date != date {
			errs.Add(h.DatePos, "date", "%s is not the date of its issue folder, %s; want the pages of an issue in the folder of their date", h.Date, date)
		}
	}
	return errs
}
