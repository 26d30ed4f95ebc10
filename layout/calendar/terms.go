package calendar

import "fmt"

// solarTerms are the 24 solar terms (二十四节气) in the order they fall in a
// Gregorian year, two a month: a 节 early in the month, then a 中气 late in it.
// Term i is the moment the sun's apparent longitude reaches 285° + 15°·i.
var solarTerms = [24]string{
	"小寒", "大寒", "立春", "雨水", "惊蛰", "春分",
	"清明", "谷雨", "立夏", "小满", "芒种", "夏至",
	"小暑", "大暑", "立秋", "处暑", "白露", "秋分",
	"寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
}

// SolarTerm names the solar term that falls on a date in China Standard Time, as
// a masthead prints 今日小雪: SolarTerm(2023, 11, 22) is "小雪", true. On any
// other day, and on an invalid date or one outside FirstTermYear…LastTermYear, it
// is "", false.
func SolarTerm(year, month, day int) (string, bool) {
	if Valid(year, month, day) != nil || year < FirstTermYear || year > LastTermYear {
		return "", false
	}
	days := solarTermDays[year-FirstTermYear]
	for half := range 2 {
		i := 2*(month-1) + half
		if termDay(days, i) == day {
			return solarTerms[i], true
		}
	}
	return "", false
}

// FirstTermYear and LastTermYear are the Gregorian years SolarTerm knows, 1929
// (the first year of China Standard Time) to 2100.
const (
	FirstTermYear = firstTermYear
	LastTermYear  = firstTermYear + len(solarTermDays) - 1
)

// termDay is the day of the month of term i in one line of solarTermDays.
func termDay(days string, i int) int {
	d := int(days[2*i]-'0')*10 + int(days[2*i+1]-'0')
	if d < 1 || d > 31 {
		panic(fmt.Sprintf("calendar: solar term table: day %q", days[2*i:2*i+2]))
	}
	return d
}
