package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"
)

// batchOptions are the flags for long runs: archives and nightly builds.
type batchOptions struct {
	jsonl   string // --report FILE.jsonl: one line per page as it finishes
	force   bool   // rebuild pages that are up to date
	shard   string // K/N or auto/N
	combine bool   // also write one PDF per issue folder
}

// addBatchFlags registers the flags of long runs.
func addBatchFlags(fs *pflag.FlagSet, b *batchOptions) {
	fs.BoolVar(&b.force, "force", false, "rebuild every page, even those whose PDF is up to date")
	fs.BoolVar(&b.combine, "combine", false, "also write one PDF per issue folder, beside it, its pages in page order with an outline")
	fs.StringVar(&b.shard, "shard", "", "build only slice K of N (K/N, 1-based; auto/N takes K from JOB_COMPLETION_INDEX)")
}

// takeJSONL moves a --report name ending in .jsonl from the JSON report to the
// line-per-page one.
func (b *batchOptions) takeJSONL(report *string) {
	if strings.HasSuffix(strings.ToLower(*report), ".jsonl") {
		b.jsonl, *report = *report, ""
	}
}

// batch is the state of one run that the long-run features share: the manifest, the
// JSON lines report, the counts and the progress display. Its methods are safe for
// concurrent use by the workers.
type batch struct {
	opt      batchOptions
	check    bool
	quiet    bool
	total    int
	started  time.Time
	manifest *manifest
	lines    *jsonlReport
	display  progress
	stderr   io.Writer // the real one, for the summary after the display has stopped
	mu       sync.Mutex
	counts   counts
	prior    map[string]*record // manifest records of the pages skipped, by input
}

// counts are the outcomes so far.
type counts struct {
	done, written, skipped, checked, attention, invalid, failed int
	issues, issuesUpToDate                                      int // whole issues (--combine)
}

// startBatch opens what a run needs: the JSON lines report (truncated), the manifest
// of each output folder (read when first needed) and the progress display.
func startBatch(total int, c config, stdout, stderr io.Writer) (*batch, error) {
	b := &batch{opt: c.batch, check: c.check, quiet: c.quiet, total: total, started: time.Now(),
		manifest: newManifest(c), prior: map[string]*record{}, stderr: stderr}
	if c.batch.jsonl != "" {
		lines, err := createJSONL(c.batch.jsonl)
		if err != nil {
			return nil, err
		}
		b.lines = lines
	}
	b.display = newProgress(c.quiet, total, stdout, stderr)
	return b, nil
}

// writers are where the page messages go while the progress display runs.
func (b *batch) writers(stdout, stderr io.Writer) (io.Writer, io.Writer) {
	return b.display.writers(stdout, stderr)
}

// build sets one page unless it is up to date, records it in the manifest and the
// JSON lines report as soon as it is done, and advances the progress display.
func (b *batch) build(j job, c config) result {
	start := time.Now()
	var r result
	key, rec := b.manifest.lookup(j, c)
	if rec != nil {
		r = result{File: j.in, Output: j.out, Status: rec.Status, Skipped: true}
		r = r.done(start)
	} else {
		r = setPage(j, c)
		if r.Output != "" && key != "" {
			if err := b.manifest.add(j, key, r); err != nil {
				r.Errors = append(r.Errors, err.Error())
				r.Status = max(r.Status, exitFailure)
			}
		}
	}
	b.finished(r, rec)
	return r
}

// finished counts a page and writes its line.
func (b *batch) finished(r result, prior *record) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.counts.add(r, b.check)
	if prior != nil {
		b.prior[r.File] = prior
	}
	if b.lines != nil {
		b.lines.page(r, prior, b.opt.shard)
	}
	b.display.advance(b.counts)
}

// add counts one page's outcome.
func (n *counts) add(r result, check bool) {
	n.done++
	switch {
	case r.Status == exitInput:
		n.invalid++
	case r.Status == exitFailure:
		n.failed++
	case r.Skipped:
		n.skipped++
	case check:
		n.checked++
	default:
		n.written++
	}
	if r.Status == exitAttention {
		n.attention++
	}
}

// printed is called in job order after a page's messages are printed: a page skipped
// as up to date repeats the warnings of its build, and gets its line too.
func (b *batch) printed(r result, stdout, stderr io.Writer) {
	if !r.Skipped {
		return
	}
	b.mu.Lock()
	prior := b.prior[r.File]
	delete(b.prior, r.File)
	b.mu.Unlock()
	if prior != nil {
		printPriorWarnings(r.File, prior.Warnings, stderr)
	}
	if !b.quiet && b.display.perPage() {
		fmt.Fprintf(stdout, "%s → %s (up to date)\n", r.File, r.Output)
	}
}

// printPriorWarnings prints the warnings a manifest recorded, as printResult does.
func printPriorWarnings(file string, raw json.RawMessage, stderr io.Writer) {
	var warnings []struct{ Kind, Item, Pos, Message string }
	if json.Unmarshal(raw, &warnings) != nil {
		return
	}
	for _, w := range warnings {
		where, item := file, w.Item
		if w.Pos != "" {
			where = w.Pos
		}
		if item != "" {
			item += ": "
		}
		fmt.Fprintf(stderr, "%s: %s: %s%s\n", where, w.Kind, item, w.Message)
	}
}

// keep returns what of a printed result the run keeps to the end: all of it for the
// JSON report, else only its outcome, so that memory does not grow with the pages'
// reports over an archive of hundreds of thousands of pages.
func (b *batch) keep(r result, c config) result {
	if c.report == "" {
		r.Report = nil
	}
	return r
}

// finish writes the summary line to the JSON lines report and the summary to stderr
// (for a run of more than one page, or with a JSON lines report, or a shard), and
// returns the run's status made worse by any failure to write the report.
func (b *batch) finish(status int) int {
	stderr := b.stderr
	b.mu.Lock()
	n := b.counts
	b.mu.Unlock()
	b.display.stop()
	elapsed := time.Since(b.started)
	if b.total > 1 || b.lines != nil || b.opt.shard != "" {
		fmt.Fprintln(stderr, summaryText(n, elapsed)) // a page set alone has its own line
	}
	if b.lines != nil {
		if err := b.lines.summary(n, elapsed, status, b.opt.shard); err != nil {
			fmt.Fprintf(stderr, "broadsheet: report: %v\n", err)
			status = max(status, exitFailure)
		}
	}
	if err := b.manifest.close(); err != nil {
		fmt.Fprintf(stderr, "broadsheet: manifest: %v\n", err)
		status = max(status, exitFailure)
	}
	return status
}

// summaryText is the run's last line: pages written, skipped, needing attention,
// failed, and the time taken.
func summaryText(n counts, elapsed time.Duration) string {
	s := fmt.Sprintf("broadsheet: %d pages", n.done)
	if n.checked > 0 {
		s += fmt.Sprintf(", %d checked", n.checked)
	}
	s += fmt.Sprintf(", %d written, %d up to date, %d need attention, %d bad input, %d failed, %.1f s",
		n.written, n.skipped, n.attention, n.invalid, n.failed, elapsed.Seconds())
	if n.issues+n.issuesUpToDate > 0 {
		s += fmt.Sprintf("; %d whole issues written, %d up to date", n.issues, n.issuesUpToDate)
	}
	if elapsed > 0 && n.done > 0 {
		s += fmt.Sprintf(" (%.1f pages/s)", float64(n.done)/elapsed.Seconds())
	}
	return s
}
