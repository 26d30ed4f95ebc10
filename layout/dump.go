package layout

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Dump writes a page and its report as readable text, one line per thing: the grid,
// each article's module, then every item in drawing order with its position. Golden
// tests compare dumps, so a change in layout shows up as a readable diff.
func Dump(p *Page, r *Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "page %vx%v trim %v title %q\n", p.Width, p.Height, p.Trim, p.Title)
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
	for _, it := range p.Items {
		b.WriteString(dumpItem(it))
		b.WriteByte('\n')
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

func dumpItem(it Item) string {
	switch v := it.(type) {
	case *Text:
		s := fmt.Sprintf("text %v %v %s %v", v.X, v.Y, v.Face.Name(), v.Size)
		if v.Spacing != 0 {
			s += fmt.Sprintf(" +%v", v.Spacing)
		}
		return s + fmt.Sprintf(" %q", v.Text)
	case *Rule:
		return fmt.Sprintf("rule %v,%v %v,%v w%v", v.X1, v.Y1, v.X2, v.Y2, v.Width)
	case *Box:
		return fmt.Sprintf("box %v fill=%v stroke=%v", v.Rect, v.Fill != nil, v.Stroke != nil)
	case *Image:
		return fmt.Sprintf("image %s frame %v placed %v", filepath.Base(v.Path), v.Frame, v.Placed)
	}
	return fmt.Sprintf("%T", it)
}
