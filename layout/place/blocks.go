package place

import (
	"broadsheet/issues"
	"broadsheet/layout/geom"
	"broadsheet/layout/grid"
	"broadsheet/layout/lines"
	"broadsheet/layout/style"
	"broadsheet/layout/text"
)

// Block is an advertisement or notice placed on the page.
type Block struct {
	Index int
	Block *issues.Block
	Cells geom.Cells
	// Picture is where the block's picture, or its PDF's page, goes: as large as the
	// block allows, its shape kept, centred; zero for a labelled placeholder.
	Picture geom.Rect
	// Frame is the block's rectangle on the page; Label the placeholder's text,
	// centred in it.
	Frame geom.Rect
	Label []Line
}

// Blocks places the page's fixed blocks: each where its pin says, or else at the page
// foot, from the right edge leftwards, a row above when a row is full; the block with
// ear = true fills the 报眼's cells, ear. A block larger than the type area, or a pin
// that leaves it, is an input error at the block.
func Blocks(iss *issues.Issue, g grid.Grid, sheet *style.Sheet, st *text.Setter, mast int, ear geom.Cells) ([]*Block, error) {
	var errs issues.ErrorList
	var out []*Block
	right, bottom, rowTop := g.Columns, g.Lines, g.Lines
	for i := range iss.Blocks {
		b := &iss.Blocks[i]
		if isEar(iss, true, i) && !ear.Empty() {
			out = append(out, setBlock(i, b, ear, g, sheet, st))
			continue
		}
		cols, lns := blockColumns(g, b), blockLines(g, b)
		if cols > g.Columns || lns > g.Lines-mastSpace(mast) || cols < 1 || lns < 1 {
			errs.Add(b.Pos, issues.BlockItem(i), "a block of %d columns × %d lines does not fit the type area of %d columns × %d lines; want a smaller block",
				cols, lns, g.Columns, g.Lines-mastSpace(mast))
			continue
		}
		cells := geom.Cells{Columns: cols, Lines: lns}
		if p := b.Place; p != nil {
			cells.Column, cells.Line = p.Column-1, p.Line-1
			if cells.Right() > g.Columns || cells.Bottom() > g.Lines {
				errs.Add(p.Pos, issues.BlockItem(i)+".place", "the block's columns %d–%d, lines %d–%d leave the type area; want columns within 1–%d and lines within 1–%d",
					cells.Column+1, cells.Right(), cells.Line+1, cells.Bottom(), g.Columns, g.Lines)
				continue
			}
		} else {
			if cols > right {
				right, bottom = g.Columns, rowTop-sheet.Grid.ModuleGap
			}
			cells.Column, cells.Line = right-cols, bottom-lns
			right -= cols
			rowTop = min(rowTop, cells.Line)
		}
		out = append(out, setBlock(i, b, cells, g, sheet, st))
	}
	return out, errs.Err()
}

// mastSpace is the lines the masthead and its gap line take from the type area.
func mastSpace(mast int) int {
	if mast == 0 {
		return 0
	}
	return mast + 1
}

// blockColumns is the block's width in basic columns: as given, or its length rounded
// to the nearest whole span of columns.
func blockColumns(g grid.Grid, b *issues.Block) int {
	if b.Width == 0 {
		return b.Columns
	}
	pitch := g.ColumnWidth() + g.Body
	return max(1, int((b.Width+g.Body+pitch/2)/pitch))
}

// blockLines is the block's height in body lines: as given, or its length rounded to
// the nearest whole number of lines.
func blockLines(g grid.Grid, b *issues.Block) int {
	if b.Height == 0 {
		return b.Lines
	}
	return max(1, int((b.Height-g.Body+g.Leading/2)/g.Leading)+1)
}

// setBlock fits the block's picture into its cells, or sets its label.
func setBlock(i int, b *issues.Block, cells geom.Cells, g grid.Grid, sheet *style.Sheet, st *text.Setter) *Block {
	r := g.Rect(cells)
	pb := &Block{Index: i, Block: b, Cells: cells, Frame: r}
	if b.File != "" {
		pw, ph := float64(b.PixelWidth), float64(b.PixelHeight)
		if b.PDF != nil {
			pw, ph = float64(b.PDF.Width), float64(b.PDF.Height)
		}
		scale := min(float64(r.W)/pw, float64(r.H)/ph)
		w, h := geom.Length(pw*scale), geom.Length(ph*scale)
		pb.Picture = geom.Rect{X: r.X + (r.W-w)/2, Y: r.Y + (r.H-h)/2, W: w, H: h}
		return pb
	}
	label := b.Label
	if label == "" {
		label = sheet.Blocks.Labels[b.Kind]
	}
	size := sheet.Blocks.Label
	set := lines.Compose([]lines.Span{{Text: label, Font: st.Faces.Font(sheet.Blocks.Face)}},
		lines.Options{Width: r.W - 2*sheet.Blocks.LabelInset.Of(g.Body), Size: size, Strict: st.Strict, Balance: true})
	y := r.Y + (r.H-size.Scale(int64(len(set.Lines)), 1))/2 + geom.Em(g.Ascent, size)
	for k, l := range set.Lines {
		pb.Label = append(pb.Label, Line{Line: l, X: r.X + (r.W-l.Width)/2, Y: y + size*geom.Length(k), Size: size})
	}
	return pb
}
