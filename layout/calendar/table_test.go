package calendar

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite table.go from the astronomy")

// closeCall is the distance from midnight, in seconds, under which the astronomy
// cannot be trusted to tell the Beijing date of an event: its own error (tens of
// seconds) plus the uncertainty of ΔT, which grows to a minute or two by 2100.
const closeCall = 120.0

// event is an astronomical instant reduced to its Beijing date.
type event struct {
	day          int     // day number of its Beijing date
	fromMidnight float64 // seconds to the nearest Beijing midnight
}

// ephemeris holds what the calendar is built from, for a span of Gregorian years.
type ephemeris struct {
	newMoons []event
	terms    map[int][24]event // by Gregorian year, term i as in solarTerms
}

// computeEphemeris finds every new moon and solar term of the Gregorian years
// from…to.
func computeEphemeris(from, to int) ephemeris {
	e := ephemeris{terms: map[int][24]event{}}
	for y := from; y <= to; y++ {
		var ts [24]event
		jan6 := float64(dayNumber(y, 1, 6) + unixEpochJDN)
		for i := range ts {
			lon := math.Mod(285+15*float64(i), 360)
			ts[i] = at(solarTermJDE(lon, jan6+15.2184*float64(i)))
		}
		e.terms[y] = ts
	}
	first := float64(dayNumber(from, 1, 1)+unixEpochJDN) - 2451550.09766
	last := float64(dayNumber(to, 12, 31)+unixEpochJDN) - 2451550.09766
	for k := math.Floor(first/meanSynodic) - 1; k <= math.Ceil(last/meanSynodic)+1; k++ {
		e.newMoons = append(e.newMoons, at(newMoonJDE(k)))
	}
	return e
}

func at(jde float64) event {
	d, s := beijing(jde)
	return event{d, s}
}

// principalTermDays are the days of the 中气 (the terms at multiples of 30°: the odd
// ones of solarTerms), sorted.
func (e ephemeris) principalTermDays() []int {
	var days []int
	for _, ts := range e.terms {
		for i := 1; i < 24; i += 2 {
			days = append(days, ts[i].day)
		}
	}
	sort.Ints(days)
	return days
}

// lastNewMoonOnOrBefore is the index of the last new moon whose day is ≤ day.
func (e ephemeris) lastNewMoonOnOrBefore(day int) int {
	return sort.Search(len(e.newMoons), func(i int) bool { return e.newMoons[i].day > day }) - 1
}

// computeMonths applies GB/T 33661-2017 to the spans between the eleventh months of
// Gregorian years from…to: each span runs from the month holding 冬至 of one year to
// the month holding the next, and when it has 13 months its first month with no
// 中气 is leap.
func computeMonths(e ephemeris, from, to int) []lunarMonth {
	principal := e.principalTermDays()
	hasPrincipal := func(start, end int) bool {
		i := sort.SearchInts(principal, start)
		return i < len(principal) && principal[i] < end
	}
	var out []lunarMonth
	for y := from; y < to; y++ {
		a := e.lastNewMoonOnOrBefore(e.terms[y][23].day)
		b := e.lastNewMoonOnOrBefore(e.terms[y+1][23].day)
		leapAllowed := b-a == 13
		number := 11
		for i := a; i < b; i++ {
			start, end := e.newMoons[i].day, e.newMoons[i+1].day
			m := lunarMonth{start: start, number: number, days: end - start}
			if leapAllowed && i > a && !hasPrincipal(start, end) {
				m.leap, leapAllowed = true, false
				m.number = out[len(out)-1].number
			}
			out = append(out, m)
			number = m.number%12 + 1
		}
	}
	return out
}

// computeYears groups months into lunar years first…last, each from its 正月.
func computeYears(ms []lunarMonth, first, last int) []lunarYear {
	var years []lunarYear
	var cur *lunarYear
	year := first - 1
	for _, m := range ms {
		if m.number == 1 && !m.leap {
			year++
			if year > last {
				break
			}
			y, mo, d := civil(m.start)
			if y != year {
				panic(fmt.Sprintf("正月 of %d starts in %d", year, y))
			}
			years = append(years, lunarYear{month: mo, day: d})
			cur = &years[len(years)-1]
		}
		if cur == nil {
			continue
		}
		if m.leap {
			cur.leap = m.number // also its index in lengths: the month it repeats comes first
		}
		c := "S"
		if m.days == 30 {
			c = "L"
		} else if m.days != 29 {
			panic(fmt.Sprintf("a month of %d days", m.days))
		}
		cur.lengths += c
	}
	return years
}

// computeTermDays writes the solar term days of Gregorian years from…to as the
// lines of solarTermDays.
func computeTermDays(e ephemeris, from, to int) []string {
	var out []string
	for y := from; y <= to; y++ {
		var b strings.Builder
		for i, t := range e.terms[y] {
			yy, m, d := civil(t.day)
			if yy != y || m != i/2+1 {
				panic(fmt.Sprintf("term %d of %d falls on %d-%d-%d", i, y, yy, m, d))
			}
			fmt.Fprintf(&b, "%02d", d)
		}
		out = append(out, b.String())
	}
	return out
}

// The span of table.go: lunar years, and Gregorian years of solar terms.
const (
	tableFirstLunar, tableLastLunar = 1900, 2099
	tableFirstTerm, tableLastTerm   = 1929, 2100
)

// astronomyTable computes the whole table: lunar years and solar term days.
func astronomyTable() ([]lunarYear, []string, ephemeris) {
	e := computeEphemeris(tableFirstLunar-1, max(tableLastLunar+1, tableLastTerm))
	e.correct(corrections)
	ms := computeMonths(e, tableFirstLunar-1, tableLastLunar+1)
	return computeYears(ms, tableFirstLunar, tableLastLunar), computeTermDays(e, tableFirstTerm, tableLastTerm), e
}

// TestTableMatchesAstronomy recomputes table.go from the positions of the sun and
// the moon and fails on any difference; with -update it rewrites the file instead.
func TestTableMatchesAstronomy(t *testing.T) {
	years, terms, e := astronomyTable()
	if *update {
		writeTable(t, years, terms)
		return
	}
	if len(years) != len(lunarYears) || firstLunarYear != tableFirstLunar {
		t.Fatalf("astronomy gives %d lunar years from %d, the table %d from %d", len(years), tableFirstLunar, len(lunarYears), firstLunarYear)
	}
	if len(terms) != len(solarTermDays) || firstTermYear != tableFirstTerm {
		t.Fatalf("astronomy gives solar terms of %d years from %d, the table %d from %d", len(terms), tableFirstTerm, len(solarTermDays), firstTermYear)
	}
	for i, y := range years {
		if y != lunarYears[i] {
			t.Errorf("lunar year %d: astronomy %+v, table %+v", tableFirstLunar+i, y, lunarYears[i])
		}
	}
	for i, s := range terms {
		if s != solarTermDays[i] {
			t.Errorf("solar terms of %d: astronomy %s, table %s", tableFirstTerm+i, s, solarTermDays[i])
		}
	}
	for _, c := range closeCalls(e) {
		t.Log("close call:", c)
	}
}

// closeCalls lists the new moons and solar terms of the table's span that fall so
// near a Beijing midnight that the astronomy alone cannot settle their date.
func closeCalls(e ephemeris) []string {
	var out []string
	first, last := dayNumber(tableFirstLunar, 1, 1), dayNumber(tableLastTerm, 12, 31)
	for _, m := range e.newMoons {
		if m.fromMidnight < closeCall && m.day >= first && m.day <= last {
			y, mo, d := civil(m.day)
			out = append(out, fmt.Sprintf("new moon on %04d-%02d-%02d, %.0f s from midnight", y, mo, d, m.fromMidnight))
		}
	}
	for y := tableFirstTerm; y <= tableLastTerm; y++ {
		for i, t := range e.terms[y] {
			if t.fromMidnight < closeCall {
				_, mo, d := civil(t.day)
				out = append(out, fmt.Sprintf("%s on %04d-%02d-%02d, %.0f s from midnight", solarTerms[i], y, mo, d, t.fromMidnight))
			}
		}
	}
	return out
}

// correction is an event whose date the calendar as published differs on from the
// astronomy here: a new moon or a solar term within seconds of midnight, where
// these series (a few seconds off) cannot decide, or a date of the Qing almanac,
// which was computed by its own theory.
type correction struct {
	event               string // "new moon" or a solar term's name
	computed, published Date
	why                 string
}

// corrections are every such event of the table's span. Each was found where the
// astronomy here disagreed with other computations of the calendar, and each
// follows the published calendar (the tables of the Hong Kong Observatory and of
// 寿星万年历, which agree on them).
var corrections = []correction{
	{"new moon", Date{1906, 4, 23}, Date{1906, 4, 24},
		"光绪三十二年四月初一: the 时宪书 of the time put it on the 24th; the new moon was at 23:52 local mean time on the 23rd"},
	{"大寒", Date{1979, 1, 21}, Date{1979, 1, 20},
		"the term fell at 23:59:58 CST on the 20th; this sun is good to a few seconds only"},
	{"new moon", Date{2057, 9, 28}, Date{2057, 9, 29},
		"the new moon falls within seconds of midnight; the published calendar has 九月初一 on the 29th"},
}

// correct applies corrections to the ephemeris.
func (e ephemeris) correct(cs []correction) {
	for _, c := range cs {
		from := dayNumber(c.computed.Year, c.computed.Month, c.computed.Day)
		to := dayNumber(c.published.Year, c.published.Month, c.published.Day)
		found := false
		if c.event == "new moon" {
			for i := range e.newMoons {
				if e.newMoons[i].day == from {
					e.newMoons[i].day, found = to, true
				}
			}
		}
		for y, ts := range e.terms {
			for i := range ts {
				if solarTerms[i] == c.event && ts[i].day == from {
					ts[i].day, found = to, true
				}
			}
			e.terms[y] = ts
		}
		if !found {
			panic(fmt.Sprintf("correction of a %s on %s: no such event", c.event, c.computed))
		}
	}
}

// writeTable writes table.go.
func writeTable(t *testing.T, years []lunarYear, terms []string) {
	var b bytes.Buffer
	b.WriteString(`// Code generated by "go test -run TestTableMatchesAstronomy -update"; DO NOT EDIT.

package calendar

// firstLunarYear is the lunar year of lunarYears[0].
const firstLunarYear = ` + fmt.Sprint(tableFirstLunar) + `

// lunarYears[i] is lunar year firstLunarYear+i (see lunarYear): the date of its
// 正月初一, its leap month, and its months' lengths.
var lunarYears = [...]lunarYear{
`)
	for i, y := range years {
		fmt.Fprintf(&b, "\t{%d, %d, %d, %q}, // %d\n", y.month, y.day, y.leap, y.lengths, tableFirstLunar+i)
	}
	b.WriteString(`}

// firstTermYear is the Gregorian year of solarTermDays[0].
const firstTermYear = ` + fmt.Sprint(tableFirstTerm) + `

// solarTermDays[i] holds Gregorian year firstTermYear+i: the day of the month of
// each solar term in the order of solarTerms, two digits each (小寒 06 大寒 20 …).
var solarTermDays = [...]string{
`)
	for i, s := range terms {
		fmt.Fprintf(&b, "\t%q, // %d\n", s, tableFirstTerm+i)
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("table.go", src, 0o644); err != nil {
		t.Fatal(err)
	}
}
