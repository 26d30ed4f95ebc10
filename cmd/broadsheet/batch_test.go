package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"broadsheet/cmd/broadsheet/internal/archive"
	"broadsheet/cmd/broadsheet/internal/batch"
)

// writeArchive writes n varied pages from the sample issue files into a fresh folder.
func writeArchive(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "archive")
	if _, err := archive.Write(dir, "../../issues", n); err != nil {
		t.Fatal(err)
	}
	return dir
}

// jsonLine is a line of a JSON lines report, page or summary.
type jsonLine struct {
	Type, Input, Output, State string
	Status                     int
	Skipped                    bool
	Warnings                   []struct{ Kind, Message string }
	Overset                    []struct{ Article, Characters, Lines int }
	Pages, Written             int
	Attention, Invalid, Failed int
	Shard                      string
}

// readJSONL reads a report's lines; every line must be a JSON object.
func readJSONL(t *testing.T, paths ...string) (pages []jsonLine, summaries []map[string]any) {
	t.Helper()
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var l jsonLine
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				t.Fatalf("%s: a line is not JSON: %v\n%s", path, err, sc.Text())
			}
			switch l.Type {
			case "page":
				pages = append(pages, l)
			case "summary":
				var m map[string]any
				json.Unmarshal(sc.Bytes(), &m)
				summaries = append(summaries, m)
			default:
				t.Fatalf("%s: line of type %q", path, l.Type)
			}
		}
		f.Close()
	}
	return pages, summaries
}

// isSummary reports whether a line of stderr is the summary that ends a run of
// several pages.
func isSummary(line string) bool {
	return strings.HasPrefix(line, "broadsheet: ") && strings.Contains(line, " pages, ") && strings.Contains(line, " written, ")
}

// byState counts the page lines by state.
func byState(pages []jsonLine) map[string]int {
	n := map[string]int{}
	for _, p := range pages {
		n[p.State]++
	}
	return n
}

// TestJSONLReport: a line per page, bad input and warnings included, and a summary
// line last with the counts; stderr ends with the summary line.
func TestJSONLReport(t *testing.T) {
	dir := writeArchive(t, 7)
	if err := os.WriteFile(filepath.Join(dir, "bad.toml"), []byte("page = 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(t.TempDir(), "run.jsonl")
	code, _, stderr := broadsheet(t, "-o", filepath.Join(t.TempDir(), "out"), "--report", report, dir)
	if code != exitInput {
		t.Errorf("exit %d, want 2 (one page is bad)", code)
	}
	pages, summaries := readJSONL(t, report)
	if len(pages) != 8 || len(summaries) != 1 {
		t.Fatalf("%d page lines and %d summaries, want 8 and 1", len(pages), len(summaries))
	}
	if n := byState(pages); n["written"] != 7 || n["invalid"] != 1 {
		t.Errorf("states %v, want 7 written and 1 invalid", n)
	}
	overset := false
	for _, p := range pages {
		if p.State == "invalid" && (p.Input != filepath.Join(dir, "bad.toml") || p.Output != "") {
			t.Errorf("the bad page's line: %+v", p)
		}
		if len(p.Overset) > 0 && p.Status == exitAttention && len(p.Warnings) > 0 {
			overset = true
		}
	}
	if !overset {
		t.Error("no line reports the overset page with its warnings")
	}
	s := summaries[0]
	if s["pages"] != 8.0 || s["written"] != 7.0 || s["invalid"] != 1.0 || s["status"] != 2.0 {
		t.Errorf("summary %v", s)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "broadsheet: 8 pages, 7 written, 0 up to date,") ||
		!strings.Contains(last, "1 bad input, 0 failed") {
		t.Errorf("the last line of stderr is %q, want the summary", last)
	}
}

// TestRerunSkipsUpToDatePages: a rerun builds nothing, and says so; a changed issue
// file, a changed picture or a PDF that is not the one built is rebuilt; --force
// rebuilds all; a skipped page that needs a person still says why and exits 1.
func TestRerunSkipsUpToDatePages(t *testing.T) {
	const pages = 12
	dir := writeArchive(t, pages)
	out := filepath.Join(t.TempDir(), "out")
	report := filepath.Join(t.TempDir(), "run.jsonl")
	run := func(extra ...string) (map[string]int, int, string) {
		t.Helper()
		code, _, stderr := broadsheet(t, append([]string{"-o", out, "--report", report, dir}, extra...)...)
		pages, _ := readJSONL(t, report)
		return byState(pages), code, stderr
	}
	if n, code, _ := run(); n["written"] != pages || code != exitAttention {
		t.Fatalf("first run: %v, exit %d", n, code)
	}
	n, code, stderr := run()
	if n["skipped"] != pages || code != exitAttention || !strings.Contains(stderr, "overset") {
		t.Errorf("rerun: %v, exit %d, want all skipped, exit 1 and the overset warning again:\n%s", n, code, stderr)
	}
	edited, replaced := filepath.Join("2023-11-01", "p03"), filepath.Join("2023-11-01", "p04")
	page := filepath.Join(dir, edited+".toml")
	data, _ := os.ReadFile(page)
	os.WriteFile(page, append(data, []byte("\n# edited\n")...), 0o644)
	os.WriteFile(filepath.Join(out, replaced+".pdf"), []byte("%PDF-1.7 not the page\n"), 0o644)
	picture, users := pictureOf(t, dir, edited, replaced)
	pic, _ := os.ReadFile(picture)
	os.WriteFile(picture, append(pic, 0), 0o644) // a picture with a byte after its end
	// The edited page's whole issue is rebuilt (an edit may make a story jump to any of
	// its pages), and the picture's users outside it.
	rebuilt := 8
	for _, u := range users {
		if !strings.HasPrefix(u, "2023-11-01") {
			rebuilt++
		}
	}
	if n, _, _ := run(); n["written"] != rebuilt || n["skipped"] != pages-rebuilt {
		t.Errorf("after editing a page, replacing a PDF and changing a picture pages %v use: %v, want %d written", users, n, rebuilt)
	}
	if n, _, _ := run("--force"); n["written"] != pages {
		t.Errorf("--force: %v, want %d written", n, pages)
	}
}

// pictureOf finds a picture that pages of the archive use, none of them the pages
// edited and replaced (paths below dir without extension), and how many use it.
func pictureOf(t *testing.T, dir string, avoid ...string) (string, []string) {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "photos", "*"))
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "*.toml"))
	for _, name := range names {
		var users []string
		clash := false
		for _, p := range pages {
			data, _ := os.ReadFile(p)
			if strings.Contains(string(data), "photos/"+filepath.Base(name)) {
				rel, _ := filepath.Rel(dir, strings.TrimSuffix(p, ".toml"))
				users = append(users, rel)
				clash = clash || slices.Contains(avoid, rel)
			}
		}
		if len(users) > 0 && !clash {
			return name, users
		}
	}
	t.Fatal("no picture is used by the archive's pages")
	return "", nil
}

// TestKilledRunResumes kills a run part way and runs it again: every page is built
// once — those whose PDF the first run recorded are skipped, the others built.
func TestKilledRunResumes(t *testing.T) {
	dir := writeArchive(t, 16)
	out := filepath.Join(t.TempDir(), "out")
	first := filepath.Join(t.TempDir(), "first.jsonl")
	cmd := exec.Command(binary, "-q", "-j", "1", "-o", out, "--report", first, dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for len(manifestPages(t, out)) < 3 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	built := manifestPages(t, out)
	if len(built) < 3 || len(built) == 16 {
		t.Fatalf("the first run recorded %d pages before it was killed; want some, not all", len(built))
	}
	reported, summaries := readJSONL(t, first)
	if len(summaries) != 0 || len(reported) > len(built) {
		t.Errorf("the killed run's report has %d pages and %d summaries; the manifest %d", len(reported), len(summaries), len(built))
	}
	second := filepath.Join(t.TempDir(), "second.jsonl")
	broadsheet(t, "-q", "-o", out, "--report", second, dir)
	pages, _ := readJSONL(t, second)
	seen := map[string]bool{}
	for _, p := range pages {
		rel, _ := filepath.Rel(out, p.Output)
		wasBuilt := slices.Contains(built, rel)
		if p.Skipped != wasBuilt {
			t.Errorf("%s: skipped %t, but recorded by the first run %t", rel, p.Skipped, wasBuilt)
		}
		seen[rel] = true
	}
	if len(seen) != 16 || len(manifestPages(t, out)) != 16 {
		t.Errorf("%d pages reported, %d recorded; want 16 each", len(seen), len(manifestPages(t, out)))
	}
}

// manifestPages lists the PDFs the manifests below out record, relative to out.
func manifestPages(t *testing.T, out string) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(out, "*", batch.ManifestName))
	var pages []string
	for _, m := range paths {
		for name := range batch.ReadManifest(m) {
			rel, _ := filepath.Rel(out, filepath.Join(filepath.Dir(m), name))
			pages = append(pages, rel)
		}
	}
	return pages
}

// TestShardsBuildEveryPageOnce runs three shards (the last as an Indexed Job's pod
// would, with --shard auto/3) into one folder: their reports, concatenated, hold
// every page once.
func TestShardsBuildEveryPageOnce(t *testing.T) {
	dir := writeArchive(t, 12)
	out := filepath.Join(t.TempDir(), "out")
	var reports []string
	for k, spec := range []string{"1/3", "2/3", "auto/3"} {
		report := filepath.Join(t.TempDir(), "shard.jsonl")
		cmd := exec.Command(binary, "-q", "--shard", spec, "-o", out, "--report", report, dir)
		cmd.Env = append(os.Environ(), "JOB_COMPLETION_INDEX=2")
		if outb, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() > exitAttention {
			t.Fatalf("shard %d: %v\n%s", k+1, err, outb)
		}
		reports = append(reports, report)
	}
	pages, summaries := readJSONL(t, reports...)
	count := map[string]int{}
	for _, p := range pages {
		count[p.Input]++
	}
	if len(summaries) != 3 || len(count) != 12 {
		t.Errorf("%d summaries and %d distinct pages, want 3 and 12", len(summaries), len(count))
	}
	for in, n := range count {
		if n != 1 {
			t.Errorf("%s built %d times", in, n)
		}
	}
	for k, s := range summaries {
		if want := fmt.Sprintf("%d/3", k+1); s["pages"] == 12.0 || s["shard"] != want {
			t.Errorf("shard %s built all pages or does not say which it is: %v", want, s)
		}
	}
}

// TestBatchInProcess runs a directory twice in the test's own process, on three
// workers, so that the race detector sees the manifest, the report and the counts.
func TestBatchInProcess(t *testing.T) {
	dir := writeArchive(t, 4)
	out := filepath.Join(t.TempDir(), "out")
	report := filepath.Join(t.TempDir(), "run.jsonl")
	for i, want := range []string{"written", "skipped"} {
		var stdout, stderr strings.Builder
		if code := run([]string{"-j", "3", "-o", out, "--report", report, dir}, &stdout, &stderr); code > exitAttention {
			t.Fatalf("run %d: exit %d\n%s", i+1, code, stderr.String())
		}
		pages, summaries := readJSONL(t, report)
		if n := byState(pages); n[want] != 4 || len(summaries) != 1 {
			t.Errorf("run %d: %v, want 4 %s", i+1, n, want)
		}
	}
}

// TestTimestampsAreNotTrusted: touching the issue files and the PDFs, to the past or
// the future, rebuilds nothing.
func TestTimestampsAreNotTrusted(t *testing.T) {
	dir := writeArchive(t, 3)
	out := filepath.Join(t.TempDir(), "out")
	report := filepath.Join(t.TempDir(), "run.jsonl")
	broadsheet(t, "-q", "-o", out, dir)
	past, future := time.Now().Add(-24*time.Hour), time.Now().Add(24*time.Hour)
	filepath.WalkDir(dir, func(p string, _ os.DirEntry, _ error) error { return os.Chtimes(p, future, future) })
	filepath.WalkDir(out, func(p string, _ os.DirEntry, _ error) error { return os.Chtimes(p, past, past) })
	broadsheet(t, "-q", "-o", out, "--report", report, dir)
	pages, _ := readJSONL(t, report)
	if n := byState(pages); n["skipped"] != 3 {
		t.Errorf("after touching every file: %v, want 3 skipped", n)
	}
}
