package main

import (
	"broadsheet/layout/picture"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	"broadsheet/cmd/broadsheet/internal/batch"
	"broadsheet/issues"
	"broadsheet/layout"
	"broadsheet/layout/display"
	"broadsheet/layout/edition"
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
	Skipped bool           `json:"skipped,omitempty"` // up to date: not rebuilt
	// Issue is, on the first page of an issue composed together, its jumps and teasers.
	Issue   *edition.Report `json:"issue,omitempty"`
	Seconds float64         `json:"-"` // not in the report, which is the same on every run
}

// runJobs sets the pages on up to c.jobs goroutines and prints each outcome as soon as
// it and every page before it are done, in the order of the jobs; then it writes the
// JSON report and returns the worst exit status. A signal from sigs stops it taking
// new pages: the pages being set are finished (a second signal abandons them), every
// temporary file is removed, the report says what was done, and the status is
// 128 + the signal's number (130 for SIGINT, 143 for SIGTERM).
func runJobs(jobs []job, c config, sigs <-chan os.Signal, stdout, stderr io.Writer) int {
	if len(jobs) > 1 {
		c.batch = true
		tuneForBatch()
	}
	b, err := startBatch(len(jobs), c, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "broadsheet: %v\n", err)
		return exitFailure
	}
	stdout, stderr = b.Writers(stdout, stderr)
	done := make([]chan result, len(jobs))
	for i := range done {
		done[i] = make(chan result, 1)
	}
	stop := make(chan struct{})
	finished := startWorkers(jobs, c, b, done, stop)
	var results []result
	status := exitOK
	take := func(r result) {
		printResult(r, c, stdout, stderr)
		b.Printed(r.File, r.Output, r.Skipped, stdout, stderr)
		status = max(status, r.Status)
		if c.report == "" {
			r.Report = nil // kept only for the JSON report: memory does not grow with the pages
		}
		results = append(results, r)
	}
	var sig os.Signal
	rest := "the rest were not started"
	for i := 0; i < len(jobs) && sig == nil; i++ {
		select {
		case r := <-done[i]:
			take(r)
		case sig = <-sigs:
			if stopRun(sig, sigs, stop, finished, stderr) {
				rest = "the pages being set were abandoned, the rest not started"
			}
			for ; i < len(jobs); i++ {
				select {
				case r := <-done[i]:
					take(r)
				default:
				}
			}
		}
	}
	if sig != nil {
		fmt.Fprintf(stderr, "broadsheet: %s: %d of %d pages set; %s\n", signalName(sig), len(results), len(jobs), rest)
	}
	if c.report != "" {
		if err := writeReport(c.report, results); err != nil {
			fmt.Fprintf(stderr, "broadsheet: report: %v\n", err)
			status = max(status, exitFailure)
		}
	}
	if sig == nil {
		status = combineIssues(b, jobs, results, status, stderr) // every page was taken, in order
	}
	temps.shut()
	if sig != nil {
		return b.Finish(exitSignal(sig))
	}
	return b.Finish(status)
}

// stopRun stops the run at signal sig: no new page is started (stop is closed), the
// pages being set are finished unless another signal comes first, and then no
// temporary file of a page is left or made. It reports whether a second signal
// abandoned the pages being set.
func stopRun(sig os.Signal, sigs <-chan os.Signal, stop chan struct{}, finished <-chan struct{}, stderr io.Writer) (abandoned bool) {
	close(stop)
	fmt.Fprintf(stderr, "broadsheet: %s: finishing the pages being set; no new page is started (again to abandon them)\n", signalName(sig))
	select {
	case <-finished:
	case <-sigs:
		abandoned = true
	}
	temps.shut()
	return abandoned
}

// startWorkers starts the goroutines that set the pages, each into its done channel,
// until stop is closed; the channel it returns is closed when they have all ended.
func startWorkers(jobs []job, c config, b *batch.Run, done []chan result, stop <-chan struct{}) <-chan struct{} {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, min(c.jobs, len(jobs))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				select {
				case <-stop:
					return
				default:
					deliver(b, jobs, i, c, done)
				}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	finished := make(chan struct{})
	go func() {
		wg.Wait()
		close(finished)
	}()
	return finished
}

// deliver sets job i and hands its result over. The first job of an issue composed
// together sets every page of it, and hands each over; its other jobs do nothing.
func deliver(b *batch.Run, jobs []job, i int, c config, done []chan result) {
	g := jobs[i].group
	switch {
	case g == nil || !g.linked:
		done[i] <- buildPage(b, jobs[i], c)
	case g.jobs[0] == i:
		for k, r := range buildIssue(b, g, jobs, c) {
			done[g.jobs[k]] <- r
		}
	}
}

// interrupts returns the channel on which SIGINT and SIGTERM arrive from now on.
func interrupts() <-chan os.Signal {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	return sigs
}

// signalName names a signal as a shell user knows it.
func signalName(s os.Signal) string {
	if s == syscall.SIGTERM {
		return "SIGTERM"
	}
	return "SIGINT"
}

// exitSignal is the exit status of a run stopped by s: 128 + its number, as a shell
// reports a program the signal ended.
func exitSignal(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 128 + int(syscall.SIGINT)
}

// setPage decodes, composes and (unless checking) writes one page.
func setPage(j job, c config) result {
	start := time.Now()
	iss, err := issues.Decode(j.in)
	if err != nil {
		return result{File: j.in}.fail(err)
	}
	return setIssue(j, c, iss, start)
}

// setIssue composes and (unless checking) writes the page of a decoded issue file.
func setIssue(j job, c config, iss *issues.Issue, start time.Time) result {
	r := result{File: j.in}
	if err := edition.Alone(iss); err != nil {
		return r.fail(err)
	}
	page, rep, err := layout.Compose(iss, layout.Options{})
	if err != nil {
		return r.fail(err)
	}
	return finishPage(r, j, c, page, rep, start)
}

// finishPage writes a composed page's PDF (unless checking, or --final finds it not
// ready) and completes its result.
func finishPage(r result, j job, c config, page *display.Page, rep *report.Report, start time.Time) result {
	r.Report = rep
	if rep.NeedsAttention() {
		r.Status = exitAttention
	}
	if c.check {
		return r.done(start)
	}
	if reasons := finalReasons(rep); c.final && len(reasons) > 0 {
		r.Status, r.Errors = exitAttention, append(r.Errors, reasons...)
		return r.done(start)
	}
	if err := writePDF(j.out, page, pdf.Options{Debug: c.debug, Workers: c.writers()}); err != nil {
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
	return temps.write(path, buf.Bytes())
}

// write writes data to path through a temporary file beside it, renamed over it.
// Errors name path, never the temporary file.
func (t *tempFiles) write(path string, data []byte) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("write %s: %w", path, picture.Cause(err))
		}
	}()
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := t.create(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer t.remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return t.rename(tmp.Name(), path)
}

// tempFiles is every temporary file the command has made and not yet renamed or
// removed, so that none is left behind whatever stops the run.
type tempFiles struct {
	mu     sync.Mutex
	names  map[string]bool
	closed bool // after shut: no new temporary file
}

// temps is the temporary files of the pages' PDFs.
var temps = newTempFiles()

func newTempFiles() *tempFiles { return &tempFiles{names: map[string]bool{}} }

// errShut is the error of a write after the run was stopped.
var errShut = errors.New("the run was stopped")

// create makes a temporary file in dir, as os.CreateTemp does, and records it.
func (t *tempFiles) create(dir, pattern string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil, errShut
	}
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		t.names[f.Name()] = true
	}
	return f, err
}

// rename moves a recorded temporary file to its target.
func (t *tempFiles) rename(name, target string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return errShut
	}
	if err := os.Rename(name, target); err != nil {
		return err
	}
	delete(t.names, name)
	return nil
}

// remove deletes a temporary file if it is still there.
func (t *tempFiles) remove(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.names[name] {
		os.Remove(name)
		delete(t.names, name)
	}
}

// shut removes every temporary file left and refuses new ones.
func (t *tempFiles) shut() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	for name := range t.names {
		os.Remove(name)
		delete(t.names, name)
	}
}

// checkReport refuses a report path the output guard forbids, or one that a page's
// PDF would be written to.
func checkReport(path string, jobs []job) error {
	if path == "" {
		return nil
	}
	for _, j := range jobs {
		if canonical(j.out) == canonical(path) {
			return fmt.Errorf("--report %s: the PDF of %s is written there; give the report another name", path, j.in)
		}
	}
	if err := guardOutput(path, reportFile, inputsOf(jobs)); err != nil {
		return fmt.Errorf("--report %v", err)
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
	return newTempFiles().write(path, append(data, '\n')) // a record of its own: written after the pages' is shut
}

// writers is how many streams one page's writer compresses at once: in a run of
// several pages one, so that pages, not streams, share the cores and -j says how many
// the run uses; a single page takes every core.
func (c config) writers() int {
	if c.batch {
		return 1
	}
	return 0
}

// Garbage collection in a run of many pages: each page's layout and PDF are garbage
// the moment it is written, and with the default target the collector took a third
// of a two-core run. A run of several pages lets the heap grow four times past what is
// live, within a soft limit well under the 400 MB a long run may use, unless the
// environment sets GOGC or GOMEMLIMIT itself.
const (
	batchGCPercent = 400
	batchMemory    = 300 << 20
)

// tuneForBatch sets the collector for a run of many pages.
func tuneForBatch() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(batchGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(batchMemory)
	}
}
