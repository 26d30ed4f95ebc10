// Package calendar writes the dates a Chinese daily prints on its pages: the
// Gregorian date and weekday of the running head (2023年11月21日 星期二), and the
// 农历 date of page 1's masthead (癸卯年十月初九), with the solar term (节气) that
// falls on the day (小雪).
//
// The lunar calendar is the one of GB/T 33661-2017 (农历的编算和颁行): a month
// starts on the day of the new moon, 冬至 is in the eleventh month, and in a
// 13-month span between two eleventh months the first month without a principal
// term (中气) is the leap month; days are reckoned in China Standard Time (UTC+8),
// and before 1929 in Beijing's local mean time, as the almanacs of the time were.
// The dates come from a table (table.go) of every lunar year from 1900 to 2099 and
// of the solar terms of 1929–2100, computed from the positions of the sun and the
// moon. Its test recomputes it from the astronomy; the three events too close to
// midnight for the astronomy, or set otherwise by the Qing almanac, follow the
// published calendar (see corrections in table_test.go). Every day of the table
// was compared with independent conversions of the calendar, and agrees.
//
// The month style is a choice: String names the eleventh and twelfth months
// 十一月 and 十二月, the plain numbered style of a masthead's 农历 line;
// Format(Folk) gives 冬月 and 腊月, which some papers print instead.
// The year's 干支 is that of the lunar year, which begins at 正月初一 (not at 立春,
// as in fortune-telling).
//
// It is for printing a date, in its range (FirstDate to LastDate, which holds every
// day of 1901–2099): not an astronomical library, not a converter from lunar dates
// back to Gregorian ones, and not for dates before 1900. It knows nothing of
// issues, pages or fonts; it imports only the standard library.
package calendar

import (
	"errors"
	"fmt"
)

// ErrInvalidDate is returned (wrapped) for a year, month and day that name no
// Gregorian date, such as 2023-02-30.
var ErrInvalidDate = errors.New("not a Gregorian date")

// ErrOutOfRange is returned (wrapped) for a valid date outside FirstDate…LastDate.
var ErrOutOfRange = errors.New("outside the lunar calendar's range")

// weekdays are the names a paper prints, from Sunday (day 0 of the Gregorian week,
// as in package time).
var weekdays = [7]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// Gregorian formats a date as a Chinese paper prints it, in Arabic figures without
// leading zeros: Gregorian(2023, 11, 21) is "2023年11月21日". It does not check the
// date (see Valid).
func Gregorian(year, month, day int) string {
	return fmt.Sprintf("%d年%d月%d日", year, month, day)
}

// Weekday names the day of the week of a valid date: Weekday(2023, 11, 21) is
// "星期二". An invalid date is normalised first as package time does (2023-02-30 is
// taken as 2023-03-02); call Valid to refuse one.
func Weekday(year, month, day int) string {
	n := dayNumber(year, month, day)
	return weekdays[mod(n+thursday, 7)]
}

// thursday is the weekday of day number 0, 1970-01-01.
const thursday = 4

// Valid reports whether year, month and day name a date of the proleptic Gregorian
// calendar, and if not returns an error wrapping ErrInvalidDate that says what
// would be valid.
func Valid(year, month, day int) error {
	if month < 1 || month > 12 {
		return fmt.Errorf("%04d-%02d-%02d: %w: the month must be 1 to 12", year, month, day, ErrInvalidDate)
	}
	if n := monthLength(year, month); day < 1 || day > n {
		return fmt.Errorf("%04d-%02d-%02d: %w: the day must be 1 to %d", year, month, day, ErrInvalidDate, n)
	}
	return nil
}

// monthLength is the number of days of a Gregorian month.
func monthLength(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// dayNumber counts days from 1970-01-01 (day 0) to a proleptic Gregorian date,
// taking an out-of-range month or day as an offset (month 13 is January of the next
// year, day 0 the last of the previous month). The method counts years from
// March, so that the leap day ends the year (the "days from civil" algorithm).
func dayNumber(year, month, day int) int {
	year += (month - 1) / 12
	month = (month-1)%12 + 1
	if month < 1 {
		month += 12
		year--
	}
	if month <= 2 {
		year--
	}
	era := floorDiv(year, 400)
	yoe := year - era*400                            // year of the 400-year era, 0…399
	doy := (153*((month+9)%12)+2)/5 + day - 1        // day of the March-based year
	doe := yoe*365 + yoe/4 - yoe/100 + doy           // day of the era
	const daysPerEra, eraZeroToUnix = 146097, 719468 // 400 years; 0000-03-01 to 1970-01-01
	return era*daysPerEra + doe - eraZeroToUnix
}

// civil is the inverse of dayNumber: the Gregorian year, month and day of a day
// number.
func civil(n int) (year, month, day int) {
	const daysPerEra, eraZeroToUnix = 146097, 719468
	n += eraZeroToUnix
	era := floorDiv(n, daysPerEra)
	doe := n - era*daysPerEra
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = doy - (153*mp+2)/5 + 1
	month = (mp+2)%12 + 1
	year = yoe + era*400
	if month <= 2 {
		year++
	}
	return year, month, day
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func mod(a, b int) int { return a - floorDiv(a, b)*b }
