package main

import (
	"fmt"

	"broadsheet/issues"
	"broadsheet/layout/report"
)

// finalReasons returns why a page may not go to the print run as it is, one line
// each: every warning that needs a person (overset text, a character no face has, a
// photo under the press's resolution, empty space) and every photo placeholder. With
// --final such a page is not written.
func finalReasons(rep *report.Report) []string {
	var reasons []string
	for _, w := range rep.Warnings {
		if !w.Attention {
			continue
		}
		where := ""
		if w.Pos != "" {
			where = w.Pos + ": "
		}
		item := ""
		if w.Item != "" {
			item = w.Item + ": "
		}
		reasons = append(reasons, fmt.Sprintf("%snot written (--final): %s: %s%s", where, w.Kind, item, w.Message))
	}
	for _, a := range rep.Articles {
		for i, p := range a.Photos {
			if p.Placeholder {
				reasons = append(reasons, fmt.Sprintf("not written (--final): placeholder: %s (%s) has no picture yet", issues.PhotoItem(a.Index, i), a.Headline))
			}
		}
	}
	return reasons
}
