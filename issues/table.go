package issues

import (
	"fmt"
	"time"

	"broadsheet/issues/tomltab"
	"broadsheet/layout/geom"
)

// table is one TOML table of the issue file, read strictly (package tomltab).
type table = tomltab.Table

// clip shortens a value for a message.
func clip(s string) string { return tomltab.Clip(s) }

// date returns the TOML local date at key.
func date(t table, key string) (Date, bool) {
	d, ok := t.LocalDate(key)
	return Date{Year: d.Year, Month: time.Month(d.Month), Day: d.Day}, ok
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
