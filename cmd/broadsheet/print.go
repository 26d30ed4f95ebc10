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
		if !strings.HasPrefix(e, r.File+":") {
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
		fmt.Fprintf(stdout, "%s → %s (%s, fill %.1f%%, %.0f ms)\n", r.File, r.Output,
			count(len(r.Report.Articles), "article"), 100*r.Report.Fill, 1000*r.Seconds)
	}
	if !c.quiet {
		printIssue(stdout, r)
	}
}

// printIssue says, after the first page of an issue composed as a whole, where its
// stories jump and where its teasers point.
func printIssue(w io.Writer, r result) {
	if r.Issue == nil {
		return
	}
	for _, j := range r.Issue.Jumps {
		if !j.Cut {
			fmt.Fprintf(w, "  %s %s: jumps to page %d, but nothing continues there: %s\n", j.File, j.Item, j.To, j.Reason)
			continue
		}
		over := ""
		if j.OversetTo > 0 {
			over = fmt.Sprintf(", %d of them overset on page %d", j.OversetTo, j.To)
		}
		fmt.Fprintf(w, "  %s %s: page %d → page %d, %d + %d characters%s\n", j.File, j.Item, j.From, j.To, j.CharsFrom, j.CharsTo, over)
	}
	for _, t := range r.Issue.Teasers {
		fmt.Fprintf(w, "  %s %s: %q → page %d\n", t.File, t.Item, t.Text, t.Page)
	}
}

// printReport is the short human form of a page's report, for --check.
func printReport(w io.Writer, r result) {
	rep := r.Report
	fmt.Fprintf(w, "%s: page %d, %.0f×%.0f mm, %s × %s, fill %.1f%%, %s\n",
		r.File, rep.Page, rep.WidthMm, rep.HeightMm, count(rep.Grid.Columns, "column"), count(rep.Grid.Lines, "line"),
		100*rep.Fill, count(rep.EmptyLines, "empty cell"))
	for _, a := range rep.Articles {
		fmt.Fprintf(w, "  %s %s  %s %s  %s%s  %s\n", articleName(a), a.ModuleString(),
			a.HeadlineSize, a.HeadlineHao, count(a.LinesSet, "line"), oversetNote(a), a.Headline)
		for _, p := range a.Photos {
			fmt.Fprintf(w, "    photo %s%s\n", p.Frame, photoNote(p))
		}
	}
}

func oversetNote(a report.ArticleReport) string {
	if a.Overset == nil {
		return ""
	}
	return fmt.Sprintf(", OVERSET %s in %s", count(a.Overset.Characters, "character"), count(a.Overset.Lines, "line"))
}

// count spells n things: "1 line", "3 lines".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

func photoNote(p report.PhotoReport) string {
	if p.Placeholder {
		return " placeholder"
	}
	return fmt.Sprintf(" %.0f ppi", p.PPI)
}

// articleName is what --check calls an article: article[N], or what the issue's
// composition made it as (the teasers, a continuation).
func articleName(a report.ArticleReport) string {
	if a.Item != "" {
		return a.Item
	}
	return fmt.Sprintf("article[%d]", a.Index)
}
