package report

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Dump writes the report as readable text, one line per thing: the grid, each
// article's module and photos, the fill, the empty areas and the warnings.
func Dump(r *Report) string {
	var b strings.Builder
	gr := r.Grid
	fmt.Fprintf(&b, "grid %d columns x %d lines, %d chars at %s, leading %s\n",
		gr.Columns, gr.Lines, gr.ColumnChars, gr.BodySize, gr.Leading)
	for _, a := range r.Articles {
		dumpArticle(&b, a)
	}
	for _, bl := range r.Blocks {
		fmt.Fprintf(&b, "block %d %s module %s file %q\n", bl.Index, bl.Kind, bl.Module, filepath.Base(bl.File))
	}
	fmt.Fprintf(&b, "fill %.4f empty %d\n", r.Fill, r.EmptyLines)
	for _, e := range r.Empty {
		fmt.Fprintf(&b, "empty %s\n", e)
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "warning %s %s: %s\n", w.Kind, w.Item, w.Message)
	}
	return b.String()
}

func dumpArticle(b *strings.Builder, a ArticleReport) {
	fmt.Fprintf(b, "article %d %q module %s head %s %s lines %d", a.Index, a.Headline, a.ModuleString(),
		a.HeadlineSize, a.HeadlineHao, a.LinesSet)
	if a.Overset != nil {
		fmt.Fprintf(b, " overset %d chars %d lines", a.Overset.Characters, a.Overset.Lines)
	}
	b.WriteByte('\n')
	if j := a.Jump; j != nil {
		fmt.Fprintf(b, "  jump to page %d: %d chars here, %d continued from paragraph %d at %d\n", j.Page, j.Characters, j.Continued, j.Paragraph, j.Offset)
	}
	if a.ContinuedFrom > 0 {
		fmt.Fprintf(b, "  continued from page %d (%s) rank %d\n", a.ContinuedFrom, a.Item, a.Rank)
	} else if a.Item != "" {
		fmt.Fprintf(b, "  made as %s\n", a.Item)
	}
	if a.Module != nil {
		fmt.Fprintf(b, "  legs %v headline %v head %d white %d\n", a.Legs, a.HeadlineLines, a.HeadLines, a.HeadWhite)
	}
	for _, p := range a.Photos {
		fmt.Fprintf(b, "  photo %s placeholder=%v ppi=%.0f\n", p.Frame, p.Placeholder, p.PPI)
	}
}
