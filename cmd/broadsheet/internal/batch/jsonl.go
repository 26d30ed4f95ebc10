package batch

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The --report FILE.jsonl report: one JSON object per line, a "page" line for each
// page as soon as it is done (in the order pages finish), then one "summary" line.
// A killed run leaves every finished page's line and no summary; the files of the
// shards of one run concatenate into one report. The schema is in docs/reports.md.

// pageLine is what became of one page.
type pageLine struct {
	Type   string `json:"type"` // "page"
	Input  string `json:"input"`
	Output string `json:"output,omitempty"`
	// State is written, skipped (up to date, not rebuilt), checked (--check), invalid
	// (bad input, no PDF) or failed (the PDF could not be written).
	State string `json:"state"`
	// Status is the page's exit status: 0 fine, 1 needs a person, 2 bad input, 3 failed.
	Status  int             `json:"status"`
	Skipped bool            `json:"skipped"`
	Errors  []string        `json:"errors,omitempty"`
	Warn    json.RawMessage `json:"warnings,omitempty"`
	Overset json.RawMessage `json:"overset,omitempty"`
	// Issue is, on the first page set of an issue composed as a whole, its jumps and
	// teasers.
	Issue   json.RawMessage `json:"issue,omitempty"`
	Seconds float64         `json:"seconds"`
	Shard   string          `json:"shard,omitempty"`
}

// summaryLine closes a report: the counts of the run.
type summaryLine struct {
	Type      string  `json:"type"` // "summary"
	Pages     int     `json:"pages"`
	Written   int     `json:"written"`
	UpToDate  int     `json:"up_to_date"`
	Checked   int     `json:"checked"`
	Attention int     `json:"attention"`
	Invalid   int     `json:"invalid"`
	Failed    int     `json:"failed"`
	Seconds   float64 `json:"seconds"`
	Status    int     `json:"status"`
	Shard     string  `json:"shard,omitempty"`
	Version   string  `json:"version"`
}

// OversetArticle is an article whose text did not all fit, as the reports give it.
type OversetArticle struct {
	Article    int `json:"article"` // 0-based, in the issue file's order
	Characters int `json:"characters"`
	Lines      int `json:"lines"`
}

// jsonlReport writes the lines; each is one write, so a line is whole or absent.
type jsonlReport struct {
	f   *os.File
	err error // the first write error, reported at the end
}

// createJSONL starts a report, replacing an earlier one.
func createJSONL(path string) (*jsonlReport, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return &jsonlReport{f: f}, nil
}

// page writes the line of one page.
func (j *jsonlReport) page(o Outcome, shard string) {
	j.write(pageLine{Type: "page", Input: o.Input, Output: o.Output, Status: o.Status, Skipped: o.Skipped,
		Errors: o.Errors, Seconds: o.Seconds, Shard: shard, State: pageState(o), Warn: o.Warnings, Overset: o.Overset, Issue: o.Issue})
}

// pageState names what became of a page.
func pageState(o Outcome) string {
	switch {
	case o.Status == statusInput:
		return "invalid"
	case o.Status == statusFailure:
		return "failed"
	case o.Skipped:
		return "skipped"
	case o.Output == "":
		return "checked"
	}
	return "written"
}

// summary writes the last line and closes the report.
func (j *jsonlReport) summary(n counts, elapsed time.Duration, status int, shard, version string) error {
	j.write(summaryLine{Type: "summary", Pages: n.done, Written: n.written, UpToDate: n.skipped,
		Checked: n.checked, Attention: n.attention, Invalid: n.invalid, Failed: n.failed,
		Seconds: float64(elapsed.Milliseconds()) / 1000, Status: status, Shard: shard, Version: version})
	if err := j.f.Close(); err != nil && j.err == nil {
		j.err = err
	}
	return j.err
}

func (j *jsonlReport) write(v any) {
	line, err := json.Marshal(v)
	if err == nil {
		_, err = j.f.Write(append(line, '\n'))
	}
	if err != nil && j.err == nil {
		j.err = err
	}
}
