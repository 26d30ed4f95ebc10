package fit

import (
	"testing"

	"broadsheet/layout/style"
)

// The price of the column feet is that of the feet the levelled text leaves: every
// column's empty foot, as levelShares sets the text, priced line by line.
func TestDeepFeetPricesTheLevelledFeet(t *testing.T) {
	sheet := style.Default()
	s := &Article{costs: &sheet.Costs}
	for cols := 1; cols <= 8; cols++ {
		for pc := 0; pc < cols; pc++ {
			for pl := 0; pl <= 12; pl += 3 {
				if pc == 0 && pl > 0 {
					continue
				}
				for b := max(1, pl); b <= 30; b++ {
					f := &Fitting{Columns: cols, Lines: b, PhotoCols: pc, PhotoLines: pl}
					for need := 0; need <= cols*b+3; need++ {
						rows := level(need, cols, pc, pl, b)
						var shares [maxColumns]int
						levelShares(shares[:cols], f, need, rows)
						var want int64
						for k, n := range shares[:cols] {
							want += s.foot(f.room(k) - n)
						}
						if got := s.deepFeet(f, need, rows); got != want {
							t.Fatalf("%d columns, photo %d×%d, %d body lines, %d lines of text: feet cost %d, want %d (shares %v)",
								cols, pc, pl, b, need, got, want, shares[:cols])
						}
					}
				}
			}
		}
	}
}
