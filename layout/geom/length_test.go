package geom

import "testing"

func TestUnitsAreExact(t *testing.T) {
	if Mm(25.4) != Inch || Pt(72) != Inch {
		t.Fatalf("25.4mm = %d, 72pt = %d, 1in = %d units", Mm(25.4), Pt(72), Inch)
	}
	// 1/1000 em of every size on the half-point scale is a whole number of units.
	for size := Pt(5); size <= Pt(42); size += Pt(0.5) {
		if size%1000 != 0 {
			t.Errorf("size %v is not a multiple of 1000 units", size)
		}
	}
}

func TestParseLength(t *testing.T) {
	good := map[string]Length{"9pt": Pt(9), " 3.5mm": Mm(3.5), "1in": Inch, "0.5cm": Mm(5), "10.5 pt": Pt(10.5)}
	for in, want := range good {
		got, err := ParseLength(in)
		if err != nil || got != want {
			t.Errorf("ParseLength(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "9", "pt", "-1pt", "9px", "NaNpt", "1e9mm", "9 p t"} {
		if _, err := ParseLength(bad); err == nil {
			t.Errorf("ParseLength(%q) gave no error", bad)
		}
	}
}

func TestScaleRounds(t *testing.T) {
	if got := Length(10).Scale(1, 4); got != 3 {
		t.Errorf("10×1/4 = %d, want 3 (half away from zero)", got)
	}
	if got := Length(-10).Scale(1, 4); got != -3 {
		t.Errorf("-10×1/4 = %d, want -3", got)
	}
	if got := Em(500, Pt(9)); got != Pt(4.5) {
		t.Errorf("half an em of 9pt = %v", got)
	}
}

func TestString(t *testing.T) {
	if s := Pt(13.5).String(); s != "13.5pt" {
		t.Errorf("String = %q", s)
	}
}
