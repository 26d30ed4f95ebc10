// Package geom holds the one length type that every stage of broadsheet measures with,
// and the rectangles built from it.
//
// A Length is an integer count of a unit small enough that points, millimetres and
// 1/1000 em of any font size on a quarter-point scale are all exact, so layout
// arithmetic never drifts and the same input gives the same page on every machine.
// It is not a general geometry library: no transforms, no curves.
package geom

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Length is a distance in units of 1/254000 pt (1/720000 mm).
type Length int64

// Units of Length.
const (
	Unit       Length = 1
	Point      Length = 254000
	Millimetre Length = 720000
	Inch       Length = 72 * Point
)

// Pt returns the length of v points, rounded to the nearest unit.
func Pt(v float64) Length { return Length(math.Round(v * float64(Point))) }

// Mm returns the length of v millimetres, rounded to the nearest unit.
func Mm(v float64) Length { return Length(math.Round(v * float64(Millimetre))) }

// Points returns l in points, for writers that speak floats.
func (l Length) Points() float64 { return float64(l) / float64(Point) }

// Millimetres returns l in millimetres.
func (l Length) Millimetres() float64 { return float64(l) / float64(Millimetre) }

// String formats l in points with at most three decimals, e.g. "9pt" or "13.5pt".
func (l Length) String() string {
	return strconv.FormatFloat(math.Round(l.Points()*1000)/1000, 'f', -1, 64) + "pt"
}

// Scale returns l × num ÷ den, rounded to the nearest unit (half away from zero).
func (l Length) Scale(num, den int64) Length {
	p := int64(l) * num
	if (p < 0) != (den < 0) {
		return Length((p - den/2) / den)
	}
	return Length((p + den/2) / den)
}

// Em returns the length of n thousandths of an em of a font set at size.
func Em(n int, size Length) Length { return size.Scale(int64(n), 1000) }

// Max returns the larger of a and b.
func Max(a, b Length) Length {
	if a > b {
		return a
	}
	return b
}

// Min returns the smaller of a and b.
func Min(a, b Length) Length {
	if a < b {
		return a
	}
	return b
}

// ParseLength reads a length written as a number and a unit, "9pt", "3.5mm" or "1in".
// The number must be finite and not negative.
func ParseLength(s string) (Length, error) {
	t := strings.TrimSpace(s)
	for _, u := range []struct {
		suffix string
		unit   Length
	}{{"pt", Point}, {"mm", Millimetre}, {"cm", 10 * Millimetre}, {"in", Inch}} {
		if num, ok := strings.CutSuffix(t, u.suffix); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 1e6 {
				return 0, fmt.Errorf("%q is not a length: want a number and a unit, like \"9pt\" or \"3.5mm\"", s)
			}
			return Length(math.Round(v * float64(u.unit))), nil
		}
	}
	return 0, fmt.Errorf("%q is not a length: want a number and a unit (pt, mm, cm or in), like \"9pt\" or \"3.5mm\"", s)
}

// Hao is a size of the Chinese 号 scale: a named length.
type Hao struct {
	Name string
	Size Length
}

// HaoScale is the 号 scale from the largest size down to 八号 (typography.md).
func HaoScale() []Hao {
	return []Hao{
		{"初号", Pt(42)}, {"小初", Pt(36)}, {"一号", Pt(26)}, {"小一", Pt(24)},
		{"二号", Pt(22)}, {"小二", Pt(18)}, {"三号", Pt(16)}, {"小三", Pt(15)},
		{"四号", Pt(14)}, {"小四", Pt(12)}, {"五号", Pt(10.5)}, {"小五", Pt(9)},
		{"六号", Pt(7.5)}, {"小六", Pt(6.5)}, {"七号", Pt(5.5)}, {"八号", Pt(5)},
	}
}
