package issues

import (
	"fmt"
	"sort"
	"strings"
)

// Error is a mistake in an issue file: where it is, which item, and what would be valid.
type Error struct {
	Pos  Pos
	Item string // e.g. "article[2].photo[0].file"; empty for the file as a whole
	Msg  string // what is wrong and what would be valid
}

func (e *Error) Error() string {
	if e.Item == "" {
		return fmt.Sprintf("%v: %s", e.Pos, e.Msg)
	}
	return fmt.Sprintf("%v: %s: %s", e.Pos, e.Item, e.Msg)
}

// ErrorList is every error found in one or more issue files, sorted by position.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Pos, item, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Item: item, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line and column.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Err returns the list as an error, sorted, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
