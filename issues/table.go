package issues

import (
	"fmt"
	"time"

	"github.com/pelletier/go-toml/v2"

	"broadsheet/issues/tomltab"
	"broadsheet/layout/geom"
)

// table is one TOML table of the issue file, read strictly (package tomltab).
type table = tomltab.Table

// clip shortens a value for a message.
func clip(s string) string { return tomltab.Clip(s) }

// date returns the TOML local date at key.
func date(t table, key string) (Date, bool) {
	const want = "a TOML local date like 2023-11-21 (no quotes)"
	v, ok := t.Lookup(key, true, "2023-11-21")
	if !ok {
		return Date{}, false
	}
	d, isDate := v.(toml.LocalDate)
	if !isDate {
		t.WrongType(key, want, v)
		return Date{}, false
	}
	date := Date{Year: d.Year, Month: time.Month(d.Month), Day: d.Day}
	if !validDate(date) {
		t.Errorf(key, "%v is not a day of the calendar; want %s", date, want)
		return Date{}, false
	}
	return date, true
}

// validDate reports whether d is a real day.
func validDate(d Date) bool {
	tm := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	return tm.Year() == d.Year && tm.Month() == d.Month && tm.Day() == d.Day
}

// length returns the length written as a string at key, like "9pt".
func length(t table, key, example string) (geom.Length, bool) {
	v, ok := t.M[key]
	if !ok {
		return 0, false
	}
	s, isString := v.(string)
	if !isString {
		t.WrongType(key, fmt.Sprintf("a length in quotes with a unit, like %q", example), v)
		return 0, false
	}
	l, err := geom.ParseLength(s)
	if err != nil {
		t.Errorf(key, "%v", err)
		return 0, false
	}
	return l, true
}
