package batch

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progress shows a run's progress on stderr.
type progress interface {
	// writers returns where page messages go while the display runs.
	writers(stdout, stderr io.Writer) (io.Writer, io.Writer)
	advance(n counts) // a page is done; n are the counts so far
	perPage() bool    // whether each page gets a line of its own
	stop()
}

// newProgress picks the display: with -q nothing (the summary line is still printed);
// a bar when stderr is a terminal; else a line per page.
func newProgress(quiet bool, total int, stdout, stderr io.Writer) progress {
	switch {
	case quiet:
		return lines{quiet: true}
	case isTerminal(stderr):
		return newBar(total, stdout, stderr)
	}
	return lines{}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// lines is the display without a bar: the page lines themselves.
type lines struct{ quiet bool }

func (l lines) writers(stdout, stderr io.Writer) (io.Writer, io.Writer) { return stdout, stderr }
func (l lines) advance(counts)                                          {}
func (l lines) perPage() bool                                           { return !l.quiet }
func (l lines) stop()                                                   {}

// bar is a progress bar (github.com/vbauerster/mpb) with pages done of the total,
// pages per second, the time left and the pages needing attention. Messages about
// pages print above it.
type bar struct {
	p     *mpb.Progress
	b     *mpb.Bar
	total int
	start time.Time
	tty   bool // stdout is the terminal too: its lines print above the bar
	mu    sync.Mutex
	n     counts
}

// barWidth is the bar's width in terminal columns, leaving room for the figures.
const barWidth = 40

// barRefresh is how often the bar is redrawn: often enough to look alive, seldom
// enough to cost nothing.
const barRefresh = 150 * time.Millisecond

func newBar(total int, stdout, stderr io.Writer) *bar {
	pb := &bar{total: total, start: time.Now(), tty: isTerminal(stdout)}
	pb.p = mpb.New(mpb.WithOutput(stderr), mpb.WithWidth(barWidth), mpb.WithRefreshRate(barRefresh))
	pb.b = pb.p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Any(pb.pages)),
		mpb.AppendDecorators(decor.Any(pb.figures)))
	return pb
}

// pages is "pages 12/200".
func (pb *bar) pages(decor.Statistics) string {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	return fmt.Sprintf("pages %d/%d", pb.n.done, pb.total)
}

// figures are the rate, the time left and the pages needing a person.
func (pb *bar) figures(decor.Statistics) string {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	elapsed := time.Since(pb.start).Seconds()
	rate, eta := 0.0, "?"
	if pb.n.done > 0 && elapsed > 0 {
		rate = float64(pb.n.done) / elapsed
		left := time.Duration(float64(pb.total-pb.n.done) / rate * float64(time.Second))
		eta = left.Round(time.Second).String()
	}
	return fmt.Sprintf("%.1f pages/s  ETA %s  attention %d  failed %d", rate, eta, pb.n.attention, pb.n.invalid+pb.n.failed)
}

func (pb *bar) writers(stdout, stderr io.Writer) (io.Writer, io.Writer) {
	if pb.tty {
		stdout = pb.p
	}
	return stdout, pb.p
}

func (pb *bar) advance(n counts) {
	pb.mu.Lock()
	pb.n = n
	pb.mu.Unlock()
	pb.b.SetCurrent(int64(n.done))
}

func (pb *bar) perPage() bool { return true }

// stop completes the bar (a run may end early) and waits for its last drawing.
func (pb *bar) stop() {
	pb.b.SetTotal(-1, true)
	pb.p.Wait()
}
