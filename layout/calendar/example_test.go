package calendar_test

import (
	"fmt"

	"broadsheet/layout/calendar"
)

// A masthead's date line: Gregorian date, weekday, 农历, and the solar term.
func Example() {
	y, m, d := 2023, 11, 22
	line := calendar.Gregorian(y, m, d) + " " + calendar.Weekday(y, m, d)
	if l, err := calendar.Lunar(y, m, d); err == nil {
		line += " 农历" + l.String()
	}
	if term, ok := calendar.SolarTerm(y, m, d); ok {
		line += " 今日" + term
	}
	fmt.Println(line)
	// Output: 2023年11月22日 星期三 农历癸卯年十月初十 今日小雪
}

func ExampleLunarDate_Format() {
	l, _ := calendar.Lunar(2024, 2, 9)
	fmt.Println(l, l.Format(calendar.Folk), l.Zodiac())
	// Output: 癸卯年十二月三十 癸卯年腊月三十 兔
}

func ExampleLunar_error() {
	_, err := calendar.Lunar(1899, 12, 31)
	fmt.Println(err)
	// Output: 1899-12-31: outside the lunar calendar's range 1900-01-31 to 2100-02-08
}
