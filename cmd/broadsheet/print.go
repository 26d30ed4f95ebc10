package main

import (
	"fmt"
	"io"
	"strings"

	"broadsheet/layout/report"
)

// printResult tells the user what became of a page: errors and warnings on stderr,
// what was written (or, with --check, the short report) on stdout.
func printResult(r result, c config, stdout, stderr io.Writer) {
	for _, e := range r.Errors {
		if !strings.Contains(e, r.File) {
			e = r.File + ": " + e
		}
		fmt.Fprintln(stderr, e)
	}
	if r.Report == nil {
		return
	}
	for _, w := range r.Report.Warnings {
		where, item := r.File, w.Item
		if w.Pos != "" {
			where = w.Pos
		}
		if item != "" {
			item += ": "
		}
		fmt.Fprintf(stderr, "%s: %s: %s%s\n", where, w.Kind, item, w.Message)
	}
	if c.check {
		printReport(stdout, r)
		return
	}
	if !c.quiet && r.Output != "" {
		fmt.Fprintf(stdout, "%s → %s (%d articles, fill %.1f%%, %.0f ms)\n", r.File, r.Output,
			len(r.Report.Articles), 100*r.Report.Fill, 1000*r.Seconds)
	}
}

// printReport is the short human form of a page's report, for --check.
func printReport(w io.Writer, r result) {
	rep := r.Report
	fmt.Fprintf(w, "%s: page %d, %.0f×%.0f mm, %d columns × %d lines, fill %.1f%%, %d empty cells\n",
		r.File, rep.Page, rep.WidthMm, rep.HeightMm, rep.Grid.Columns, rep.Grid.Lines,
		100*rep.Fill, rep.EmptyLines)
	for _, a := range rep.Articles {
		fmt.Fprintf(w, "  article[%d] %s  %s %s  %d lines%s  %s\n", a.Index, a.ModuleString(),
			a.HeadlineSize, a.HeadlineHao, a.LinesSet, oversetNote(a), a.Headline)
		for _, p := range a.Photos {
			fmt.Fprintf(w, "    photo %s%s\n", p.Frame, photoNote(p))
		}
	}
}

func oversetNote(a report.ArticleReport) string {
	if a.Overset == nil {
		return ""
	}
	return fmt.Sprintf(", OVERSET %d characters in %d lines", a.Overset.Characters, a.Overset.Lines)
}

func photoNote(p report.PhotoReport) string {
	if p.Placeholder {
		return " placeholder"
	}
	return fmt.Sprintf(" %.0f ppi", p.PPI)
}
