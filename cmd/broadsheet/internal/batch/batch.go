// Package batch is what long directory runs need beside setting pages: the build
// manifest that makes reruns incremental and resumable, the JSON lines report written
// as pages finish, the slices of --shard, the progress display, the summary line and
// the whole issues of --combine. It does not set pages: the command gives it a
// function that does, and the outcome of each page.
package batch

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"broadsheet/issues"
)

// Exit statuses of a page, as the command gives them.
const (
	statusOK        = 0
	statusAttention = 1
	statusInput     = 2
	statusFailure   = 3
)

// Options are the flags of long runs, and what of the command's flags they depend on.
type Options struct {
	JSONL   string // --report FILE.jsonl: one line per page as it finishes
	Force   bool   // rebuild pages that are up to date
	Shard   string // K/N or auto/N; K/N once resolved
	Combine bool   // also write one PDF per issue folder

	Check, Quiet, Debug bool   // the command's --check, -q, --debug
	Version             string // the program's version
	// Guard checks a path before a whole issue's PDF is written there; Write writes
	// one atomically. The command gives its own, so that every output is guarded and
	// no temporary file outlives an interrupt.
	Guard func(path string) error
	Write func(path string, data []byte) error
	// Merge makes one PDF of the pdfs, in order, with an outline entry per page titled
	// by titles (the command's, as the one package that reads PDFs).
	Merge func(pdfs, titles []string) ([]byte, error)
}

// AddFlags registers the flags of long runs.
func AddFlags(fs *pflag.FlagSet, o *Options) {
	fs.BoolVar(&o.Force, "force", false, "rebuild every page, even those whose PDF is up to date")
	fs.BoolVar(&o.Combine, "combine", false, "also write one PDF per issue folder, beside it, its pages in page order with an outline")
	fs.StringVar(&o.Shard, "shard", "", "build only slice K of N (K/N, 1-based; auto/N takes K from JOB_COMPLETION_INDEX)")
}

// TakeJSONL moves a --report name ending in .jsonl from the JSON report to the
// line-per-page one.
func (o *Options) TakeJSONL(report *string) {
	if strings.HasSuffix(strings.ToLower(*report), ".jsonl") {
		o.JSONL, *report = *report, ""
	}
}

// Outcome is what became of one page, as the reports and the manifest need it.
type Outcome struct {
	Input, Output string // output is empty when no PDF was written
	Status        int
	Errors        []string
	Skipped       bool            // up to date: not rebuilt
	Warnings      json.RawMessage // the layout report's warnings, nil when none
	Overset       json.RawMessage // the overset articles, nil when none
	Issue         json.RawMessage // an issue's jumps and teasers, on its first page set
	Seconds       float64
}

// Run is the state of one run that the long-run features share. Its methods are safe
// for concurrent use by the workers.
type Run struct {
	opt      Options
	total    int
	started  time.Time
	manifest *manifest
	lines    *jsonlReport
	display  progress
	stderr   io.Writer // the real one, for the summary after the display has stopped
	mu       sync.Mutex
	counts   counts
	prior    map[string]*Record // manifest records of the pages skipped, by input
}

// counts are the outcomes so far.
type counts struct {
	done, written, skipped, checked, attention, invalid, failed int
	issues, issuesUpToDate                                      int // whole issues (--combine)
}

// Start opens what a run of total pages needs: the JSON lines report (truncated), the
// manifest of each output folder (read when first needed) and the progress display.
func Start(total int, opt Options, stdout, stderr io.Writer) (*Run, error) {
	b := &Run{opt: opt, total: total, started: time.Now(), manifest: newManifest(opt),
		prior: map[string]*Record{}, stderr: stderr}
	if opt.JSONL != "" {
		lines, err := createJSONL(opt.JSONL)
		if err != nil {
			return nil, err
		}
		b.lines = lines
	}
	b.display = newProgress(opt.Quiet, total, stdout, stderr)
	return b, nil
}

// Writers are where the page messages go while the progress display runs.
func (b *Run) Writers(stdout, stderr io.Writer) (io.Writer, io.Writer) {
	return b.display.writers(stdout, stderr)
}

// Build sets the page in, whose PDF is out, with set unless it is up to date; records
// it in the manifest and the JSON lines report as soon as it is done; and advances the
// progress display. set returns the page's outcome and the build key of what it set
// (from Key; empty when the page could not be keyed). A skipped page's outcome is its
// last build's status.
func (b *Run) Build(in, out string, set func() (o Outcome, key string, pictures []string)) Outcome {
	start := time.Now()
	var o Outcome
	rec := b.manifest.lookup(in, out)
	if rec != nil {
		o = Outcome{Input: in, Output: out, Status: rec.Status, Skipped: true,
			Warnings: rec.Warnings, Overset: rec.Overset, Seconds: time.Since(start).Seconds()}
	} else {
		var key string
		var pictures []string
		o, key, pictures = set()
		if o.Output != "" && key != "" {
			if err := b.manifest.add(key, pictures, o); err != nil {
				o.Errors = append(o.Errors, err.Error())
				o.Status = max(o.Status, statusFailure)
			}
		}
	}
	b.finished(o, rec)
	return o
}

// Key returns the build key of an issue file's bytes, decoded as iss, and the pictures
// it names; the key is empty when the page cannot be keyed.
func (b *Run) Key(data []byte, iss *issues.Issue) (string, []string) {
	return b.manifest.key(data, iss)
}

// finished counts a page and writes its line.
func (b *Run) finished(o Outcome, prior *Record) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.counts.add(o, b.opt.Check)
	if prior != nil {
		b.prior[o.Input] = prior
	}
	if b.lines != nil {
		b.lines.page(o, b.opt.Shard)
	}
	b.display.advance(b.counts)
}

// add counts one page's outcome.
func (n *counts) add(o Outcome, check bool) {
	n.done++
	switch {
	case o.Status == statusInput:
		n.invalid++
	case o.Status == statusFailure:
		n.failed++
	case o.Skipped:
		n.skipped++
	case check:
		n.checked++
	default:
		n.written++
	}
	if o.Status == statusAttention {
		n.attention++
	}
}

// Printed is called in page order after a page's messages are printed: a page skipped
// as up to date repeats the warnings of its build, and gets its line too.
func (b *Run) Printed(in, out string, skipped bool, stdout, stderr io.Writer) {
	if !skipped {
		return
	}
	b.mu.Lock()
	prior := b.prior[in]
	delete(b.prior, in)
	b.mu.Unlock()
	if prior != nil {
		printPriorWarnings(in, prior.Warnings, stderr)
	}
	if !b.opt.Quiet && b.display.perPage() {
		fmt.Fprintf(stdout, "%s → %s (up to date)\n", in, out)
	}
}

// printPriorWarnings prints the warnings a manifest recorded, as the command prints a
// page's warnings.
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

// Finish writes the summary line to the JSON lines report and the summary to stderr
// (for a run of more than one page, or with a JSON lines report, or a shard), and
// returns the run's status made worse by any failure to write the report.
func (b *Run) Finish(status int) int {
	stderr := b.stderr
	b.mu.Lock()
	n := b.counts
	b.mu.Unlock()
	b.display.stop()
	elapsed := time.Since(b.started)
	if b.total > 1 || b.lines != nil || b.opt.Shard != "" {
		fmt.Fprintln(stderr, summaryText(n, elapsed)) // a page set alone has its own line
	}
	if b.lines != nil {
		if err := b.lines.summary(n, elapsed, status, b.opt.Shard, b.opt.Version); err != nil {
			fmt.Fprintf(stderr, "broadsheet: report: %v\n", err)
			status = max(status, statusFailure)
		}
	}
	if err := b.manifest.close(); err != nil {
		fmt.Fprintf(stderr, "broadsheet: manifest: %v\n", err)
		status = max(status, statusFailure)
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
