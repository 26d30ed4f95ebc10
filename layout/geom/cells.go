package geom

import (
	"encoding/json"
	"fmt"
)

// Cells is a rectangle of whole grid cells of a page's type area: 0-based first
// column and line, and a count of each. It is the one grid rectangle of broadsheet:
// the plan's modules, the report's modules, photo frames and empty areas.
//
// People count columns and lines from 1, so String and the JSON form are 1-based:
// "col 2+3 line 10+40" is columns 2–4, lines 10–49.
type Cells struct{ Column, Line, Columns, Lines int }

// Right returns the column after the rectangle's last.
func (c Cells) Right() int { return c.Column + c.Columns }

// Bottom returns the line after the rectangle's last.
func (c Cells) Bottom() int { return c.Line + c.Lines }

// Empty reports whether the rectangle has no cell.
func (c Cells) Empty() bool { return c.Columns <= 0 || c.Lines <= 0 }

// Overlaps reports whether c and o share a cell.
func (c Cells) Overlaps(o Cells) bool {
	return c.Column < o.Right() && o.Column < c.Right() && c.Line < o.Bottom() && o.Line < c.Bottom()
}

// String formats the rectangle 1-based, as "col 2+3 line 10+40" (first, count).
func (c Cells) String() string {
	return fmt.Sprintf("col %d+%d line %d+%d", c.Column+1, c.Columns, c.Line+1, c.Lines)
}

// cellsJSON is the 1-based form of Cells in reports.
type cellsJSON struct {
	Column  int `json:"column"`
	Columns int `json:"columns"`
	Line    int `json:"line"`
	Lines   int `json:"lines"`
}

// MarshalJSON writes the rectangle 1-based: {"column":2,"columns":3,"line":10,"lines":40}.
func (c Cells) MarshalJSON() ([]byte, error) {
	return json.Marshal(cellsJSON{c.Column + 1, c.Columns, c.Line + 1, c.Lines})
}

// UnmarshalJSON reads the 1-based form MarshalJSON writes.
func (c *Cells) UnmarshalJSON(data []byte) error {
	var v cellsJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*c = Cells{Column: v.Column - 1, Line: v.Line - 1, Columns: v.Columns, Lines: v.Lines}
	return nil
}
