package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"broadsheet/issues"
	"broadsheet/layout"
	"broadsheet/layout/display"
	"broadsheet/layout/pdf"
	"broadsheet/layout/report"
)

// result is what became of one page.
type result struct {
	File    string         `json:"file"`
	Output  string         `json:"output,omitempty"`
	Status  int            `json:"status"`
	Errors  []string       `json:"errors,omitempty"`
	Report  *report.Report `json:"report,omitempty"`
	Seconds float64        `json:"-"` // not in the report, which is the same on every run
}

// runJobs sets the pages on up to c.jobs goroutines and prints each outcome as soon as
// it and every page before it are done, in the order of the jobs; then it writes the
// JSON report and returns the worst exit status.
func runJobs(jobs []job, c config, stdout, stderr io.Writer) int {
	done := make([]chan result, len(jobs))
	for i := range done {
		done[i] = make(chan result, 1)
	}
	next := make(chan int)
	for w := 0; w < max(1, min(c.jobs, len(jobs))); w++ {
		go func() {
			for i := range next {
				done[i] <- setPage(jobs[i], c)
			}
		}()
	}
	go func() {
		for i := range jobs {
			next <- i
		}
		close(next)
	}()
	results := make([]result, len(jobs))
	status := exitOK
	for i := range jobs {
		results[i] = <-done[i]
		printResult(results[i], c, stdout, stderr)
		status = max(status, results[i].Status)
	}
	if c.report != "" {
		if err := writeReport(c.report, results); err != nil {
			fmt.Fprintf(stderr, "broadsheet: report: %v\n", err)
			status = max(status, exitFailure)
		}
	}
	return status
}

// setPage decodes, composes and (unless checking) writes one page.
func setPage(j job, c config) result {
	start := time.Now()
	r := result{File: j.in}
	iss, err := issues.Decode(j.in)
	if err != nil {
		return r.fail(err)
	}
	page, rep, err := layout.Compose(iss, layout.Options{})
	if err != nil {
		return r.fail(err)
	}
	r.Report = rep
	if rep.NeedsAttention() {
		r.Status = exitAttention
	}
	if c.check {
		return r.done(start)
	}
	if err := writePDF(j.out, page, pdf.Options{Debug: c.debug}); err != nil {
		r.Status = exitFailure
		r.Errors = append(r.Errors, err.Error())
		return r.done(start)
	}
	r.Output = j.out
	return r.done(start)
}

func (r result) done(start time.Time) result {
	r.Seconds = float64(time.Since(start).Microseconds()) / 1e6
	return r
}

// fail records an input error (status 2) or another failure (status 3).
func (r result) fail(err error) result {
	var list issues.ErrorList
	if errors.As(err, &list) {
		r.Status = exitInput
		for _, e := range list {
			r.Errors = append(r.Errors, e.Error())
		}
		return r
	}
	r.Status = exitInput
	if !errors.Is(err, os.ErrNotExist) && !errors.Is(err, os.ErrPermission) {
		r.Status = exitFailure
	}
	r.Errors = append(r.Errors, err.Error())
	return r
}

// writePDF writes the page atomically: into a temporary file beside the target, then
// renamed over it, so a PDF appears whole or not at all.
func writePDF(path string, page *display.Page, opt pdf.Options) error {
	var buf bytes.Buffer
	if err := pdf.Write(&buf, page, opt); err != nil {
		return err
	}
	return writeAtomic(path, buf.Bytes())
}

func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// writeReport writes the JSON report of every page, atomically.
func writeReport(path string, results []result) error {
	data, err := json.MarshalIndent(struct {
		Pages []result `json:"pages"`
	}{results}, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(path, append(data, '\n'))
}
