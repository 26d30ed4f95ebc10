package layout

import (
	"broadsheet/issues"
)

// Options are the layout's switches that do not come from the issue file.
type Options struct{}

// Compose lays out the page of an issue: it returns the page to draw and the report of
// what went where. A pin that cannot be honoured is an *issues.Error (or issues.ErrorList)
// naming the pin's position in the file; every other outcome (overset, missing glyphs)
// is a warning in the report.
func Compose(iss *issues.Issue, opt Options) (*Page, *Report, error) {
	panic("not yet")
}
