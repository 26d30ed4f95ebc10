package batch

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vbauerster/mpb/v8/decor"
)

// TestProgressWithoutATerminal: a line per page when stderr is not a terminal, none
// with -q.
func TestProgressWithoutATerminal(t *testing.T) {
	var out, errs bytes.Buffer
	if p := newProgress(false, 10, &out, &errs); !p.perPage() {
		t.Error("not a terminal: want a line per page")
	}
	if _, isBar := newProgress(false, 10, &out, &errs).(*bar); isBar {
		t.Error("a bar drawn into a buffer")
	}
	if p := newProgress(true, 10, &out, &errs); p.perPage() {
		t.Error("-q: want no line per page")
	}
}

// TestBarFigures: the bar shows pages done of the total, the rate, the time left and
// the pages needing attention.
func TestBarFigures(t *testing.T) {
	var errs bytes.Buffer
	pb := newBar(200, &bytes.Buffer{}, &errs)
	pb.start = time.Now().Add(-10 * time.Second)
	pb.advance(counts{done: 50, written: 48, attention: 3, failed: 2})
	if got := pb.pages(decor.Statistics{}); got != "pages 50/200" {
		t.Errorf("pages: %q", got)
	}
	got := pb.figures(decor.Statistics{})
	for _, want := range []string{"5.0 pages/s", "ETA 30s", "attention 3", "failed 2"} {
		if !strings.Contains(got, want) {
			t.Errorf("figures %q lack %q", got, want)
		}
	}
	pb.stop()
}
