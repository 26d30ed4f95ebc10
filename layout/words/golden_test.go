package words

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// marks draw a break's quality between two segments in the golden file.
var marks = [...]string{Forbidden: "‖", Weak: "¦", Good: "|", Best: " / "}

// dump draws text's segments with the quality of the break between each two:
// ‖ forbidden, ¦ weak, | good, " / " best.
func dump(text string) string {
	q := Breaks(text)
	var b strings.Builder
	at := 0
	for i, s := range Segment(text) {
		if i > 0 {
			b.WriteString(marks[q[at]])
		}
		b.WriteString(s)
		at += len(s)
	}
	return b.String()
}

// TestHeadlinesGolden dumps the breaks of the headlines of the test pages and of the
// issue's examples (testdata/headlines.input), one a line, for a reader to check against
// testdata/headlines.golden; go test -run Golden -update rewrites it.
func TestHeadlinesGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/headlines.input")
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(string(in), "\n"), "\n") {
		got.WriteString(dump(line) + "\n")
	}
	const golden = "testdata/headlines.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	g, w := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		gl, wl := line(g, i), line(w, i)
		if gl != wl {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, gl, wl)
		}
	}
}

func line(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(none)"
}
