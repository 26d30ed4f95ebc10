package layout

import (
	"fmt"
	"strings"

	"broadsheet/layout/display"
)

// Dump writes a page and its report as readable text, one line per thing: the grid,
// each article's module, then every item in drawing order with its position. Golden
// tests compare dumps, so a change in layout shows up as a readable diff.
func Dump(p *display.Page, r *Report) string {
	var b strings.Builder
	b.WriteString(display.DumpHeader(p))
	gr := r.Grid
	fmt.Fprintf(&b, "grid %d columns x %d lines, %d chars at %s, leading %s\n",
		gr.Columns, gr.Lines, gr.ColumnChars, gr.BodySize, gr.Leading)
	for _, a := range r.Articles {
		dumpArticle(&b, a)
	}
	fmt.Fprintf(&b, "fill %.4f empty %d\n", r.Fill, r.EmptyLines)
	for _, e := range r.Empty {
		fmt.Fprintf(&b, "empty %s\n", e)
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "warning %s %s: %s\n", w.Kind, w.Item, w.Message)
	}
	b.WriteString(display.DumpItems(p))
	return b.String()
}

func dumpArticle(b *strings.Builder, a ArticleReport) {
	fmt.Fprintf(b, "article %d %q module %s head %s %s lines %d", a.Index, a.Headline, a.ModuleString(),
		a.HeadlineSize, a.HeadlineHao, a.LinesSet)
	if a.Overset != nil {
		fmt.Fprintf(b, " overset %d chars %d lines", a.Overset.Characters, a.Overset.Lines)
	}
	b.WriteByte('\n')
	for _, p := range a.Photos {
		fmt.Fprintf(b, "  photo %s placeholder=%v ppi=%.0f\n", p.Frame, p.Placeholder, p.PPI)
	}
}

// ModuleString formats the article's module, or "none" when the page had no room for it.
func (a ArticleReport) ModuleString() string {
	if a.Module == nil {
		return "none"
	}
	return a.Module.String()
}

// String formats a grid rectangle as "col 2+3 line 10+40" (1-based start, count).
func (g GridRect) String() string {
	return fmt.Sprintf("col %d+%d line %d+%d", g.Column, g.Columns, g.Line, g.Lines)
}
