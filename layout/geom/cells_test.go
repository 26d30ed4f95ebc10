package geom

import (
	"encoding/json"
	"testing"
)

func TestCellsAreOneBasedForPeople(t *testing.T) {
	c := Cells{Column: 1, Line: 9, Columns: 3, Lines: 40}
	if c.String() != "col 2+3 line 10+40" || c.Right() != 4 || c.Bottom() != 49 {
		t.Errorf("%v right %d bottom %d", c, c.Right(), c.Bottom())
	}
	data, err := json.Marshal(c)
	if err != nil || string(data) != `{"column":2,"columns":3,"line":10,"lines":40}` {
		t.Fatalf("JSON %s %v", data, err)
	}
	var back Cells
	if err := json.Unmarshal(data, &back); err != nil || back != c {
		t.Errorf("round trip %v %v", back, err)
	}
	if !c.Overlaps(Cells{Column: 3, Line: 48, Columns: 1, Lines: 1}) || c.Overlaps(Cells{Column: 4, Line: 9, Columns: 1, Lines: 1}) {
		t.Errorf("overlaps")
	}
	if !(Cells{Columns: 0, Lines: 3}).Empty() {
		t.Errorf("empty")
	}
}
