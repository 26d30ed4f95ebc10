package calendar

import (
	"errors"
	"testing"
)

// knownDates are lunar dates gathered from published calendars, not from this
// package: Spring Festivals, leap months, festivals and year boundaries. Each was
// checked against independent conversions of the calendar before it was written
// here: all agree with 寿星万年历 (as packaged in lunar-go); date-chinese, a pure
// astronomical computation, differs only on the 1906 and 2057 rows (see
// corrections); ICU's Chinese calendar puts the Spring Festivals of 2027 and 2030
// a day off.
var knownDates = []struct {
	y, m, d int
	want    string
	note    string
}{
	// Spring Festival (正月初一), 2020–2030.
	{2020, 1, 25, "庚子年正月初一", "春节"},
	{2021, 2, 12, "辛丑年正月初一", "春节"},
	{2022, 2, 1, "壬寅年正月初一", "春节"},
	{2023, 1, 22, "癸卯年正月初一", "春节"},
	{2024, 2, 10, "甲辰年正月初一", "春节"},
	{2025, 1, 29, "乙巳年正月初一", "春节"},
	{2026, 2, 17, "丙午年正月初一", "春节"},
	{2027, 2, 6, "丁未年正月初一", "春节"},
	{2028, 1, 26, "戊申年正月初一", "春节"},
	{2029, 2, 13, "己酉年正月初一", "春节"},
	{2030, 2, 3, "庚戌年正月初一", "春节"},
	// Leap months: the first day, and for 2020 the change to the next month.
	{2020, 5, 23, "庚子年闰四月初一", "闰四月"},
	{2020, 6, 20, "庚子年闰四月廿九", "闰四月 has 29 days"},
	{2020, 6, 21, "庚子年五月初一", "after 闰四月"},
	{2023, 3, 22, "癸卯年闰二月初一", "闰二月"},
	{2023, 4, 20, "癸卯年三月初一", "after 闰二月"},
	{2025, 7, 25, "乙巳年闰六月初一", "闰六月"},
	{2028, 6, 23, "戊申年闰五月初一", "闰五月"},
	{2033, 12, 22, "癸丑年闰十一月初一", "闰十一月: the 2033 case, by GB/T 33661's rule"},
	// Mid-Autumn (八月十五) and Dragon Boat (五月初五).
	{2022, 9, 10, "壬寅年八月十五", "中秋"},
	{2023, 9, 29, "癸卯年八月十五", "中秋"},
	{2024, 9, 17, "甲辰年八月十五", "中秋"},
	{2025, 10, 6, "乙巳年八月十五", "中秋"},
	{2023, 6, 22, "癸卯年五月初五", "端午"},
	{2024, 6, 10, "甲辰年五月初五", "端午"},
	{2025, 5, 31, "乙巳年五月初五", "端午"},
	// January and February dates still in the previous lunar year.
	{2023, 1, 21, "壬寅年十二月三十", "除夕"},
	{2024, 1, 1, "癸卯年十一月二十", "New Year's Day in 癸卯年"},
	{2024, 2, 9, "癸卯年十二月三十", "除夕"},
	{2025, 1, 28, "甲辰年十二月廿九", "除夕 of a short 腊月"},
	{2026, 2, 16, "乙巳年十二月廿九", "除夕"},
	// The example, and the ends of the range.
	{2023, 11, 21, "癸卯年十月初九", "the sample page's date"},
	{1900, 1, 31, "庚子年正月初一", "FirstDate"},
	{1901, 1, 1, "庚子年十一月十一", "the first day of 1901"},
	{2099, 12, 31, "己未年十一月二十", "the last day of 2099"},
	{2100, 2, 8, "己未年十二月三十", "LastDate"},
	// Corrected against the published calendar (see corrections).
	{1906, 4, 24, "丙午年四月初一", "Qing almanac"},
	{2057, 9, 28, "丁丑年八月三十", "new moon at midnight"},
	{2057, 9, 29, "丁丑年九月初一", "new moon at midnight"},
}

func TestKnownDates(t *testing.T) {
	for _, k := range knownDates {
		got, err := Lunar(k.y, k.m, k.d)
		if err != nil {
			t.Errorf("Lunar(%d, %d, %d): %v", k.y, k.m, k.d, err)
			continue
		}
		if got.String() != k.want {
			t.Errorf("Lunar(%d, %d, %d) = %s, want %s (%s)", k.y, k.m, k.d, got, k.want, k.note)
		}
	}
}

func TestLunarFields(t *testing.T) {
	got, err := Lunar(2023, 3, 22)
	if err != nil {
		t.Fatal(err)
	}
	want := LunarDate{Year: 2023, Month: 2, Leap: true, Day: 1, MonthDays: 29}
	if got != want {
		t.Errorf("Lunar(2023, 3, 22) = %+v, want %+v", got, want)
	}
	if got.StemBranch() != "癸卯" || got.Zodiac() != "兔" || got.MonthName() != "闰二月" || got.DayName() != "初一" {
		t.Errorf("names of %+v: %s %s %s %s", got, got.StemBranch(), got.Zodiac(), got.MonthName(), got.DayName())
	}
}

func TestMonthStyles(t *testing.T) {
	for _, c := range []struct {
		d              LunarDate
		numbered, folk string
	}{
		{LunarDate{Year: 2023, Month: 1, Day: 1}, "癸卯年正月初一", "癸卯年正月初一"},
		{LunarDate{Year: 2023, Month: 10, Day: 9}, "癸卯年十月初九", "癸卯年十月初九"},
		{LunarDate{Year: 2023, Month: 11, Day: 20}, "癸卯年十一月二十", "癸卯年冬月二十"},
		{LunarDate{Year: 2023, Month: 12, Day: 30}, "癸卯年十二月三十", "癸卯年腊月三十"},
		{LunarDate{Year: 2033, Month: 11, Leap: true, Day: 1}, "癸丑年闰十一月初一", "癸丑年闰冬月初一"},
	} {
		if got := c.d.String(); got != c.numbered {
			t.Errorf("%+v.String() = %s, want %s", c.d, got, c.numbered)
		}
		if got := c.d.Format(Folk); got != c.folk {
			t.Errorf("%+v.Format(Folk) = %s, want %s", c.d, got, c.folk)
		}
	}
}

func TestDayNames(t *testing.T) {
	want := []string{"初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十",
		"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
		"廿一", "廿二", "廿三", "廿四", "廿五", "廿六", "廿七", "廿八", "廿九", "三十"}
	for i, w := range want {
		if got := (LunarDate{Day: i + 1}).DayName(); got != w {
			t.Errorf("day %d: %s, want %s", i+1, got, w)
		}
	}
}

func TestStemBranchCycle(t *testing.T) {
	for _, c := range []struct {
		year        int
		name, beast string
	}{
		{1900, "庚子", "鼠"}, {1984, "甲子", "鼠"}, {2023, "癸卯", "兔"}, {2024, "甲辰", "龙"},
		{2043, "癸亥", "猪"}, {2044, "甲子", "鼠"}, {2099, "己未", "羊"},
	} {
		d := LunarDate{Year: c.year, Month: 1, Day: 1}
		if d.StemBranch() != c.name || d.Zodiac() != c.beast {
			t.Errorf("%d: %s%s, want %s%s", c.year, d.StemBranch(), d.Zodiac(), c.name, c.beast)
		}
	}
}

func TestLunarErrors(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		want    error
		msg     string
	}{
		{2023, 2, 29, ErrInvalidDate, "2023-02-29: not a Gregorian date: the day must be 1 to 28"},
		{2023, 13, 1, ErrInvalidDate, "2023-13-01: not a Gregorian date: the month must be 1 to 12"},
		{1900, 1, 30, ErrOutOfRange, "1900-01-30: outside the lunar calendar's range 1900-01-31 to 2100-02-08"},
		{2100, 2, 9, ErrOutOfRange, "2100-02-09: outside the lunar calendar's range 1900-01-31 to 2100-02-08"},
	} {
		_, err := Lunar(c.y, c.m, c.d)
		if !errors.Is(err, c.want) || err.Error() != c.msg {
			t.Errorf("Lunar(%d, %d, %d): error %v, want %q", c.y, c.m, c.d, err, c.msg)
		}
	}
}

// TestEveryDay walks every day of the range: each maps to a valid lunar date, the
// next day is one lunar day later or the 初一 of the next month, months have 29 or
// 30 days, a year has 12 months or 13 with one leap, and 正月初一 falls between
// January 21 and February 20.
func TestEveryDay(t *testing.T) {
	first := dayNumber(FirstDate.Year, FirstDate.Month, FirstDate.Day)
	last := dayNumber(LastDate.Year, LastDate.Month, LastDate.Day)
	prev, err := Lunar(FirstDate.Year, FirstDate.Month, FirstDate.Day)
	if err != nil || prev.Month != 1 || prev.Leap || prev.Day != 1 {
		t.Fatalf("FirstDate %s is %+v, %v; want a 正月初一", FirstDate, prev, err)
	}
	monthsInYear, leaps := 1, 0
	for n := first + 1; n <= last; n++ {
		y, m, d := civil(n)
		cur, err := Lunar(y, m, d)
		if err != nil {
			t.Fatalf("%04d-%02d-%02d: %v", y, m, d, err)
		}
		if cur.MonthDays != 29 && cur.MonthDays != 30 || cur.Day < 1 || cur.Day > cur.MonthDays {
			t.Fatalf("%04d-%02d-%02d: %+v", y, m, d, cur)
		}
		switch {
		case cur.Day == prev.Day+1:
			if cur.Year != prev.Year || cur.Month != prev.Month || cur.Leap != prev.Leap {
				t.Fatalf("%04d-%02d-%02d: %+v follows %+v", y, m, d, cur, prev)
			}
		case cur.Day == 1 && prev.Day == prev.MonthDays:
			monthsInYear++
			if cur.Leap {
				leaps++
			}
			if !nextMonth(prev, cur) {
				t.Fatalf("%04d-%02d-%02d: month %+v follows %+v", y, m, d, cur, prev)
			}
			if cur.Year != prev.Year {
				checkYear(t, prev.Year, monthsInYear-1, leaps)
				monthsInYear, leaps = 1, 0
				if n < dayNumber(y, 1, 21) || n > dayNumber(y, 2, 20) {
					t.Errorf("正月初一 of %d on %04d-%02d-%02d", cur.Year, y, m, d)
				}
			}
		default:
			t.Fatalf("%04d-%02d-%02d: %+v follows %+v", y, m, d, cur, prev)
		}
		prev = cur
	}
	if prev.Month != 12 || prev.Day != prev.MonthDays {
		t.Errorf("LastDate %s is %+v, want the last day of a 腊月", LastDate, prev)
	}
}

// nextMonth reports whether month cur may follow month prev: the leap month
// repeating prev's number, or the next number (正月 of the next year after 腊月).
func nextMonth(prev, cur LunarDate) bool {
	switch {
	case cur.Leap:
		return !prev.Leap && cur.Month == prev.Month && cur.Year == prev.Year
	case prev.Month == 12:
		return cur.Month == 1 && cur.Year == prev.Year+1
	default:
		return cur.Month == prev.Month+1 && cur.Year == prev.Year
	}
}

func checkYear(t *testing.T, year, months, leaps int) {
	t.Helper()
	if !(months == 12 && leaps == 0 || months == 13 && leaps == 1) {
		t.Errorf("lunar year %d has %d months, %d leap", year, months, leaps)
	}
}

// FuzzLunar converts any date: a valid one in range gives a lunar date whose
// String has the form 干支年[闰]月日, anything else an error of the two kinds.
func FuzzLunar(f *testing.F) {
	f.Add(2023, 11, 21)
	f.Add(1900, 1, 31)
	f.Add(2100, 2, 9)
	f.Add(2024, 2, 30)
	f.Fuzz(func(t *testing.T, y, m, d int) {
		got, err := Lunar(y, m, d)
		if err != nil {
			if !errors.Is(err, ErrInvalidDate) && !errors.Is(err, ErrOutOfRange) {
				t.Fatalf("Lunar(%d, %d, %d): unexpected error %v", y, m, d, err)
			}
			return
		}
		if Valid(y, m, d) != nil {
			t.Fatalf("Lunar(%d, %d, %d) = %v for an invalid date", y, m, d, got)
		}
		s := []rune(got.String())
		if got.Month < 1 || got.Month > 12 || got.Day < 1 || got.Day > got.MonthDays || len(s) < 6 || s[2] != '年' {
			t.Fatalf("Lunar(%d, %d, %d) = %+v, %s", y, m, d, got, got)
		}
	})
}

func TestSolarTerm(t *testing.T) {
	// Dates of solar terms as the almanac gives them, checked like knownDates.
	for _, c := range []struct {
		y, m, d int
		want    string
	}{
		{2023, 11, 22, "小雪"}, {2023, 12, 22, "冬至"}, {2024, 2, 4, "立春"},
		{2024, 4, 4, "清明"}, {2025, 4, 4, "清明"}, {2024, 6, 21, "夏至"},
		{2021, 12, 21, "冬至"}, // at 23:59 CST
		{1979, 1, 20, "大寒"},  // at 23:59:58 CST, see corrections
		{1929, 1, 6, "小寒"}, {2100, 12, 22, "冬至"},
	} {
		got, ok := SolarTerm(c.y, c.m, c.d)
		if !ok || got != c.want {
			t.Errorf("SolarTerm(%d, %d, %d) = %q, %v; want %q", c.y, c.m, c.d, got, ok, c.want)
		}
	}
	for _, c := range [][3]int{{2023, 11, 21}, {2023, 11, 23}, {2021, 12, 22}, {1979, 1, 21}, {1928, 12, 22}, {2101, 1, 5}, {2023, 2, 30}} {
		if got, ok := SolarTerm(c[0], c[1], c[2]); ok {
			t.Errorf("SolarTerm(%v) = %q, want none", c, got)
		}
	}
}

// TestSolarTermsEveryYear checks each year of the table has 24 terms, two a month,
// in the order of solarTerms, the 节 by the 9th and the 中气 from the 18th.
func TestSolarTermsEveryYear(t *testing.T) {
	for y := FirstTermYear; y <= LastTermYear; y++ {
		count := 0
		for m := 1; m <= 12; m++ {
			for d := 1; d <= monthLength(y, m); d++ {
				name, ok := SolarTerm(y, m, d)
				if !ok {
					continue
				}
				i := 2*(m-1) + count%2
				if name != solarTerms[i] || (count%2 == 0) != (d <= 9) || (count%2 == 1) != (d >= 18) {
					t.Errorf("%04d-%02d-%02d: %s, the %d-th term of the year", y, m, d, name, count+1)
				}
				count++
			}
		}
		if count != 24 {
			t.Errorf("%d has %d solar terms", y, count)
		}
	}
}

func BenchmarkLunar(b *testing.B) {
	for i := range b.N {
		if _, err := Lunar(2000+i%100, 1+i%12, 1+i%28); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExpandYears is the start-up cost of the table: it runs once, when the
// package is initialised.
func BenchmarkExpandYears(b *testing.B) {
	for range b.N {
		expandYears()
	}
}

func BenchmarkSolarTerm(b *testing.B) {
	for i := range b.N {
		SolarTerm(1930+i%170, 1+i%12, 1+i%28)
	}
}
