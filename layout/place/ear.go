package place

import (
	"broadsheet/issues"
	"broadsheet/layout/geom"
)

// The 报眼: on page 1 the item with ear = true stands in the free part of the
// masthead band, cells the furniture measures. For the plan it is a pin, and the
// masthead's own pin is the band around it.

// isEar reports whether the ear of the issue is block i (block) or article i.
func isEar(iss *issues.Issue, block bool, i int) bool {
	e := iss.Masthead.Ear
	return e != nil && e.Block == block && e.Index == i
}

// mastPins are the plan's pins of the masthead band of mast lines: the band, or the
// parts of it left and right of the 报眼 when one stands there.
func mastPins(columns, mast int, ear geom.Cells) []geom.Cells {
	band := geom.Cells{Columns: columns, Lines: mast}
	if ear.Empty() {
		return []geom.Cells{band}
	}
	var out []geom.Cells
	if ear.Column > 0 {
		out = append(out, geom.Cells{Columns: ear.Column, Lines: mast})
	}
	if ear.Right() < columns {
		out = append(out, geom.Cells{Column: ear.Right(), Columns: columns - ear.Right(), Lines: mast})
	}
	return out
}
