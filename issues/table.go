package issues

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"broadsheet/layout/geom"
)

// table is one TOML table of the issue file with the decoder that reports its errors.
type table struct {
	d    *decoder
	item string // item name: "" for the top level, "format", "article[0]" …
	name string // the table as the user writes it: "[format]", "[[article]]"
	m    map[string]any
}

// sub returns the item name of key in t.
func (t table) sub(key string) string { return joinItem(t.item, key) }

// at returns the position of key's value in t.
func (t table) at(key string) Pos { return t.d.pos.at(t.sub(key)) }

// errorf reports an error at key's value.
func (t table) errorf(key, format string, args ...any) {
	t.d.errs.Add(t.at(key), t.sub(key), format, args...)
}

// start returns where t begins: its header, or 1:1 for the top level.
func (t table) start() Pos {
	if t.item == "" {
		return t.d.pos.start()
	}
	return t.d.pos.keyAt(t.item)
}

// checkKeys reports every key of t that is not one of valid.
func (t table) checkKeys(valid ...string) {
	for _, k := range sortedKeys(t.m) {
		if !slices.Contains(valid, k) {
			item := t.sub(k)
			t.d.errs.Add(t.d.pos.keyAt(item), item, "unknown key %q in %s; valid keys: %s",
				k, t.name, strings.Join(valid, ", "))
		}
	}
}

// sortedKeys returns the keys of m in order, so errors come out the same every time.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// missing reports that a required key is absent from t.
func (t table) missing(key, want string) {
	where := "the file"
	if t.item != "" {
		where = t.name
	}
	t.d.errs.Add(t.start(), t.sub(key), "missing: %s needs %s = %s", where, key, want)
}

// lookup returns key's value. A required key that is absent is reported.
func (t table) lookup(key string, required bool, want string) (any, bool) {
	v, ok := t.m[key]
	if !ok && required {
		t.missing(key, want)
	}
	return v, ok
}

// wrongType reports that key holds a value of the wrong TOML type.
func (t table) wrongType(key, want string, v any) {
	t.errorf(key, "want %s, not %s", want, typeName(v))
}

// text returns the trimmed string at key. A required string must not be blank.
func (t table) text(key string, required bool) (string, bool) {
	const want = `a string in quotes, like "…"`
	v, ok := t.lookup(key, required, `"…"`)
	if !ok {
		return "", false
	}
	s, isString := v.(string)
	if !isString {
		t.wrongType(key, want, v)
		return "", false
	}
	s = strings.TrimSpace(s)
	switch {
	case s == "" && required:
		t.errorf(key, "is empty; want some text")
		return "", false
	case s != "" && blank(s) && required:
		t.errorf(key, "is empty: it holds only characters that print as nothing (%s); want some text", codes(s))
		return "", false
	case blank(s):
		return "", true
	}
	return s, true
}

// integer returns the integer at key.
func (t table) integer(key string, required bool, example string) (int64, bool) {
	v, ok := t.lookup(key, required, example)
	if !ok {
		return 0, false
	}
	n, isInt := v.(int64)
	if !isInt {
		t.wrongType(key, "a whole number like "+example, v)
		return 0, false
	}
	return n, true
}

// intIn returns the integer at key if it lies within lo..hi, and reports it otherwise.
func (t table) intIn(key string, required bool, lo, hi int64) (int, bool) {
	n, ok := t.integer(key, required, fmt.Sprint(lo))
	if !ok {
		return 0, false
	}
	if n < lo || n > hi {
		t.errorf(key, "%d is out of range; want %d..%d", n, lo, hi)
		return 0, false
	}
	return int(n), true
}

// number returns the number (integer or float) at key.
func (t table) number(key, example string) (float64, bool) {
	v, ok := t.m[key]
	if !ok {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		if !math.IsNaN(n) && !math.IsInf(n, 0) {
			return n, true
		}
	}
	t.wrongType(key, "a number like "+example, v)
	return 0, false
}

// boolean returns the true or false at key.
func (t table) boolean(key string) (bool, bool) {
	v, ok := t.m[key]
	if !ok {
		return false, false
	}
	b, isBool := v.(bool)
	if !isBool {
		t.wrongType(key, "true or false (no quotes)", v)
		return false, false
	}
	return b, true
}

// length returns the length written as a string at key, like "9pt".
func (t table) length(key, example string) (geom.Length, bool) {
	v, ok := t.m[key]
	if !ok {
		return 0, false
	}
	s, isString := v.(string)
	if !isString {
		t.wrongType(key, fmt.Sprintf("a length in quotes with a unit, like %q", example), v)
		return 0, false
	}
	l, err := geom.ParseLength(s)
	if err != nil {
		t.errorf(key, "%v", err)
		return 0, false
	}
	return l, true
}

// date returns the TOML local date at key.
func (t table) date(key string) (Date, bool) {
	const want = "a TOML local date like 2023-11-21 (no quotes)"
	v, ok := t.lookup(key, true, "2023-11-21")
	if !ok {
		return Date{}, false
	}
	d, isDate := v.(toml.LocalDate)
	if !isDate {
		t.wrongType(key, want, v)
		return Date{}, false
	}
	date := Date{Year: d.Year, Month: time.Month(d.Month), Day: d.Day}
	if !validDate(date) {
		t.errorf(key, "%v is not a day of the calendar; want %s", date, want)
		return Date{}, false
	}
	return date, true
}

// validDate reports whether d is a real day.
func validDate(d Date) bool {
	tm := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	return tm.Year() == d.Year && tm.Month() == d.Month && tm.Day() == d.Day
}

// subTable returns the table at key; want says how the user writes it, e.g. "[format]".
func (t table) subTable(key, name string) (table, bool) {
	v, ok := t.m[key]
	if !ok {
		return table{}, false
	}
	m, isTable := v.(map[string]any)
	if !isTable {
		t.wrongType(key, "a "+name+" table", v)
		return table{}, false
	}
	return table{d: t.d, item: t.sub(key), name: name, m: m}, true
}

// tables returns the array of tables at key; name says how the user writes one,
// e.g. "[[article]]".
func (t table) tables(key, name string) ([]table, bool) {
	v, ok := t.m[key]
	if !ok {
		return nil, false
	}
	list, isArray := v.([]any)
	if !isArray {
		t.wrongType(key, name+" tables", v)
		return nil, false
	}
	var out []table
	good := true
	for i, e := range list {
		item := indexItem(t.sub(key), i)
		m, isTable := e.(map[string]any)
		if !isTable {
			t.d.errs.Add(t.d.pos.at(item), item, "want a %s table, not %s", name, typeName(e))
			good = false
			continue
		}
		out = append(out, table{d: t.d, item: item, name: name, m: m})
	}
	return out, good
}

// typeName describes a decoded TOML value's type for messages.
func typeName(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("a string (%s)", clip(v))
	case int64:
		return fmt.Sprintf("an integer (%d)", v)
	case float64:
		return fmt.Sprintf("a float (%v)", v)
	case bool:
		return fmt.Sprintf("a boolean (%v)", v)
	case toml.LocalDate:
		return fmt.Sprintf("a local date (%v)", v)
	case toml.LocalTime:
		return fmt.Sprintf("a local time (%v)", v)
	case toml.LocalDateTime:
		return fmt.Sprintf("a local date-time (%v)", v)
	case time.Time:
		return fmt.Sprintf("an offset date-time (%v)", v.Format(time.RFC3339Nano))
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

// clip quotes s for a message, shortened to 20 characters.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return fmt.Sprintf("%q…", string(r[:20]))
	}
	return fmt.Sprintf("%q", s)
}
