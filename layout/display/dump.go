package display

import (
	"fmt"
	"path/filepath"
	"strings"
)

// DumpHeader formats the page's size and title as the first line of a golden dump.
func DumpHeader(p *Page) string {
	return fmt.Sprintf("page %vx%v trim 0pt,0pt %vx%v title %q\n", p.Width, p.Height, p.Width, p.Height, p.Meta.Title)
}

// DumpItems writes every item of the page in drawing order, one line each with its
// position, so a change in layout shows up as a readable diff.
func DumpItems(p *Page) string {
	var b strings.Builder
	for _, it := range p.Items {
		b.WriteString(DumpItem(it))
		b.WriteByte('\n')
	}
	return b.String()
}

// DumpItem formats one item on one line.
func DumpItem(it Item) string {
	switch v := it.(type) {
	case *Text:
		s := fmt.Sprintf("text %v %v %s %v", v.X, v.Y, v.Face.Name(), v.Size)
		if v.Spacing != 0 {
			s += fmt.Sprintf(" +%v", v.Spacing)
		}
		return s + fmt.Sprintf(" %q", v.Text)
	case *Rule:
		return fmt.Sprintf("rule %v,%v %v,%v w%v", v.X1, v.Y1, v.X2, v.Y2, v.Width)
	case *Tint:
		return fmt.Sprintf("box %v fill=true stroke=false", v.Rect)
	case *Frame:
		return fmt.Sprintf("box %v fill=false stroke=true", v.Rect)
	case *Image:
		return fmt.Sprintf("image %s frame %v placed %v", filepath.Base(v.Path), v.Frame, v.Placed)
	case *Form:
		return fmt.Sprintf("form %s frame %v", filepath.Base(v.Path), v.Frame)
	}
	return fmt.Sprintf("%T", it)
}
