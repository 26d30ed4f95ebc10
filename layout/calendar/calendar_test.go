package calendar

import (
	"errors"
	"testing"
	"time"
)

func TestGregorianAndWeekday(t *testing.T) {
	for _, c := range []struct {
		y, m, d         int
		gregorian, wday string
	}{
		{2023, 11, 21, "2023年11月21日", "星期二"},
		{2024, 2, 29, "2024年2月29日", "星期四"},
		{2000, 1, 1, "2000年1月1日", "星期六"},
		{1970, 1, 1, "1970年1月1日", "星期四"},
		{1901, 1, 1, "1901年1月1日", "星期二"},
		{2099, 12, 31, "2099年12月31日", "星期四"},
	} {
		if got := Gregorian(c.y, c.m, c.d); got != c.gregorian {
			t.Errorf("Gregorian(%d, %d, %d) = %s, want %s", c.y, c.m, c.d, got, c.gregorian)
		}
		if got := Weekday(c.y, c.m, c.d); got != c.wday {
			t.Errorf("Weekday(%d, %d, %d) = %s, want %s", c.y, c.m, c.d, got, c.wday)
		}
	}
}

// TestDayNumbers checks dayNumber, civil and Weekday against package time for
// every day from 1800 to 2200, and dayNumber's offsets against time.Date's
// normalisation.
func TestDayNumbers(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for day := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() <= 2200; day = day.AddDate(0, 0, 1) {
		y, m, d := day.Year(), int(day.Month()), day.Day()
		n := dayNumber(y, m, d)
		if want := int(day.Sub(epoch).Hours() / 24); n != want {
			t.Fatalf("dayNumber(%s) = %d, want %d", day.Format(time.DateOnly), n, want)
		}
		if yy, mm, dd := civil(n); yy != y || mm != m || dd != d {
			t.Fatalf("civil(%d) = %d-%d-%d, want %s", n, yy, mm, dd, day.Format(time.DateOnly))
		}
		if Weekday(y, m, d) != weekdays[day.Weekday()] {
			t.Fatalf("Weekday(%s) = %s", day.Format(time.DateOnly), Weekday(y, m, d))
		}
	}
	for _, c := range [][3]int{{2023, 2, 30}, {2023, 13, 1}, {2023, 0, 1}, {2023, -13, 5}, {2023, 1, 0}, {2023, 25, 40}} {
		want := time.Date(c[0], time.Month(c[1]), c[2], 0, 0, 0, 0, time.UTC)
		if got := dayNumber(c[0], c[1], c[2]); got != int(want.Sub(epoch).Hours()/24) {
			t.Errorf("dayNumber(%v) = %d, want the day of %s", c, got, want.Format(time.DateOnly))
		}
	}
}

func TestValid(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		ok      bool
	}{
		{2024, 2, 29, true}, {2023, 2, 29, false}, {2000, 2, 29, true}, {1900, 2, 29, false},
		{2023, 4, 31, false}, {2023, 12, 31, true}, {2023, 0, 1, false}, {2023, 1, 0, false},
	} {
		err := Valid(c.y, c.m, c.d)
		if (err == nil) != c.ok || err != nil && !errors.Is(err, ErrInvalidDate) {
			t.Errorf("Valid(%d, %d, %d) = %v", c.y, c.m, c.d, err)
		}
	}
}
