package calendar

import (
	"fmt"
	"sort"
	"strings"
)

// LunarDate is a day of the Chinese lunar calendar (农历).
type LunarDate struct {
	// Year is the Gregorian year in which this lunar year began (its 正月初一):
	// 2023 for 癸卯年, which ran from 2023-01-22 to 2024-02-09.
	Year int
	// Month is 1 (正月) to 12 (腊月).
	Month int
	// Leap is true in a leap month (闰月), which repeats the number of the month
	// before it.
	Leap bool
	// Day is 1 (初一) to 29 or 30.
	Day int
	// MonthDays is the length of the month, 29 (小月) or 30 (大月).
	MonthDays int
}

// MonthStyle chooses the names of the eleventh and twelfth months.
type MonthStyle int

const (
	// Numbered names them 十一月 and 十二月, the plain style of a masthead's 农历
	// line; it is the style of String.
	Numbered MonthStyle = iota
	// Folk names them 冬月 and 腊月, as almanacs, some mastheads and feature
	// pages do (腊月廿三).
	Folk
)

// stems and branches are the ten heavenly stems (天干) and twelve earthly branches
// (地支); zodiac gives each branch's animal (生肖).
var (
	stems    = [10]string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}
	branches = [12]string{"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"}
	zodiac   = [12]string{"鼠", "牛", "虎", "兔", "龙", "蛇", "马", "羊", "猴", "鸡", "狗", "猪"}
)

// cycleEpoch is a year whose lunar year is 甲子, the first of the sixty-year cycle.
const cycleEpoch = 1984

// numerals are the Chinese numerals one to ten of the month and day names.
var numerals = [11]string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// StemBranch is the year's name in the sixty-year cycle (干支纪年): 癸卯 for 2023.
func (d LunarDate) StemBranch() string {
	n := mod(d.Year-cycleEpoch, 60)
	return stems[n%10] + branches[n%12]
}

// Zodiac is the year's animal (生肖): 兔 for 2023.
func (d LunarDate) Zodiac() string {
	return zodiac[mod(d.Year-cycleEpoch, 12)]
}

// MonthName names the month in the style of String: 正月, 二月 … 十二月, and 闰二月
// for a leap month.
func (d LunarDate) MonthName() string { return d.monthName(Numbered) }

func (d LunarDate) monthName(style MonthStyle) string {
	var name string
	switch {
	case d.Month == 1:
		name = "正月"
	case d.Month == 11 && style == Folk:
		name = "冬月"
	case d.Month == 12 && style == Folk:
		name = "腊月"
	case d.Month > 10:
		name = "十" + numerals[d.Month-10] + "月"
	default:
		name = numerals[d.Month] + "月"
	}
	if d.Leap {
		return "闰" + name
	}
	return name
}

// DayName names the day: 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十.
func (d LunarDate) DayName() string {
	switch {
	case d.Day <= 10:
		return "初" + numerals[d.Day]
	case d.Day < 20:
		return "十" + numerals[d.Day-10]
	case d.Day == 20:
		return "二十"
	case d.Day < 30:
		return "廿" + numerals[d.Day-20]
	default:
		return "三十"
	}
}

// String is the date as a masthead prints it after 农历: 癸卯年十月初九, 癸卯年闰二月初一,
// 癸卯年十二月廿九.
func (d LunarDate) String() string { return d.Format(Numbered) }

// Format is String with the month names of a style: Format(Folk) gives
// 癸卯年腊月廿九.
func (d LunarDate) Format(style MonthStyle) string {
	return d.StemBranch() + "年" + d.monthName(style) + d.DayName()
}

// lunarMonth is one month of the expanded table.
type lunarMonth struct {
	start  int // day number of its 初一
	year   int // lunar year it belongs to
	number int // 1…12
	leap   bool
	days   int // 29 or 30
}

// months is every month of the table, in order; monthsEnd is the day number after
// the last one.
var months, monthsEnd = expandYears()

// FirstDate and LastDate are the first and the last Gregorian dates Lunar converts:
// 1900-01-31 (庚子年正月初一) and 2100-02-08 (己未年十二月三十).
var FirstDate, LastDate = rangeDates()

// Date is a Gregorian date.
type Date struct{ Year, Month, Day int }

// String writes the date in ISO form, 2023-11-21.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

func rangeDates() (first, last Date) {
	y, m, d := civil(months[0].start)
	first = Date{y, m, d}
	y, m, d = civil(monthsEnd - 1)
	return first, Date{y, m, d}
}

// Lunar converts a Gregorian date to the lunar calendar: Lunar(2023, 11, 21) is
// 癸卯年十月初九. The error wraps ErrInvalidDate or ErrOutOfRange and says what
// would be valid.
func Lunar(year, month, day int) (LunarDate, error) {
	if err := Valid(year, month, day); err != nil {
		return LunarDate{}, err
	}
	n := dayNumber(year, month, day)
	if n < months[0].start || n >= monthsEnd {
		return LunarDate{}, fmt.Errorf("%04d-%02d-%02d: %w %s to %s",
			year, month, day, ErrOutOfRange, FirstDate, LastDate)
	}
	i := sort.Search(len(months), func(i int) bool { return months[i].start > n }) - 1
	m := months[i]
	return LunarDate{Year: m.year, Month: m.number, Leap: m.leap, Day: n - m.start + 1, MonthDays: m.days}, nil
}

// lunarYear is one line of the table: the Gregorian month and day of the year's
// 正月初一, its leap month (0 for none), and the lengths of its months in order, a
// leap month right after the month it repeats: 'L' for 30 days (大月), 'S' for 29
// (小月).
type lunarYear struct {
	month, day int
	leap       int
	lengths    string
}

// expandYears turns the table into its months. The table is checked by the tests;
// a malformed line is a programming error, and panics at start-up.
func expandYears() ([]lunarMonth, int) {
	n := 0
	for _, y := range lunarYears {
		n += len(y.lengths)
	}
	out := make([]lunarMonth, 0, n)
	start := dayNumber(firstLunarYear, lunarYears[0].month, lunarYears[0].day)
	for i, y := range lunarYears {
		year := firstLunarYear + i
		if got := dayNumber(year, y.month, y.day); got != start {
			panic(fmt.Sprintf("calendar: lunar year %d starts on day %d, after the last it should be %d", year, got, start))
		}
		want := 12
		if y.leap != 0 {
			want = 13
		}
		if len(y.lengths) != want || strings.Trim(y.lengths, "LS") != "" {
			panic(fmt.Sprintf("calendar: lunar year %d: month lengths %q", year, y.lengths))
		}
		number := 0
		for j, c := range y.lengths {
			leap := y.leap != 0 && j == y.leap
			if !leap {
				number++
			}
			days := 29
			if c == 'L' {
				days = 30
			}
			out = append(out, lunarMonth{start: start, year: year, number: number, leap: leap, days: days})
			start += days
		}
	}
	return out, start
}
