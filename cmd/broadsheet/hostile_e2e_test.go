package main

import (
	"broadsheet/cmd/broadsheet/internal/batch"
	"bytes"
	"context"
	bin "encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Hostile and careless input, run as a user would: each case gives its exit status and
// a message that says what is wrong, leaves no file behind that it should not (no PDF,
// no temporary file, nothing replaced), and ends quickly — a case that hangs is killed
// after hangLimit and fails. The time and peak memory of each case are logged.

const (
	hangLimit = 60 * time.Second
	maxRSS    = 500 << 20 // bytes of memory a case may use at its peak
)

// hostileCase is one run of the command in a fresh folder.
type hostileCase struct {
	name string
	// setup writes the case's files into dir and returns the command's arguments.
	setup func(t *testing.T, dir string) []string
	code  int
	want  string // a part of stderr (or of stdout when stdout is set)
	// stdout makes want a part of stdout instead of stderr.
	stdout bool
	// pdf is the PDF the case must write, relative to dir; "" for none at all.
	pdf string
	// text is what pdftotext must find in the PDF, spaces left out.
	text string
	// keep lists files (relative to dir) whose bytes must not change.
	keep []string
}

// page is an issue file with one article; body and extra are TOML lines of it.
func page(format, article string) string {
	return "newspaper = \"郑州日报\"\ndate = 2023-11-21\npage = 2\n" + format +
		"\n[[article]]\nheadline = \"经开区举办招商推介会\"\n" + article + "\n"
}

const someBody = `body = "本报讯 经开区日前举办招商推介会，签约项目十二个，总投资八十亿元。"`

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// withPhoto writes a page whose article shows the picture data as photos/name.
func withPhoto(name string, data func(t *testing.T) []byte) func(*testing.T, string) []string {
	return func(t *testing.T, dir string) []string {
		write(t, filepath.Join(dir, "photos", name), data(t))
		write(t, filepath.Join(dir, "p.toml"), []byte(page("", someBody+"\n[[article.photo]]\nfile = \"photos/"+name+"\"")))
		return []string{filepath.Join(dir, "p.toml")}
	}
}

func readPhoto(t *testing.T, name string) []byte {
	data, err := os.ReadFile(filepath.Join("../../issues/photos", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// pngBomb is a PNG header declaring w × h RGBA pixels, with a few bytes of data.
func pngBomb(w, h uint32) []byte {
	chunk := func(b []byte, typ string, data []byte) []byte {
		b = bin.BigEndian.AppendUint32(b, uint32(len(data)))
		body := append([]byte(typ), data...)
		return bin.BigEndian.AppendUint32(append(b, body...), crc32.ChecksumIEEE(body))
	}
	ihdr := bin.BigEndian.AppendUint32(bin.BigEndian.AppendUint32(nil, w), h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // 8 bits, RGBA, deflate, filter 0, not interlaced
	b := chunk([]byte("\x89PNG\r\n\x1a\n"), "IHDR", ihdr)
	b = chunk(b, "IDAT", []byte{0x78, 0x9c, 0xed, 0xc1, 0x01, 0x0d})
	return chunk(b, "IEND", nil)
}

// oneFile writes src as dir/p.toml and returns the arguments to set it.
func oneFile(src string, args ...string) func(*testing.T, string) []string {
	return func(t *testing.T, dir string) []string {
		write(t, filepath.Join(dir, "p.toml"), []byte(src))
		return append(args, filepath.Join(dir, "p.toml"))
	}
}

// sampleIn copies the sample page to dir/a.toml and returns the arguments with
// "DIR" in them replaced by dir.
func sampleIn(args ...string) func(*testing.T, string) []string {
	return func(t *testing.T, dir string) []string {
		data, err := os.ReadFile(sample)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, "a.toml"), data)
		out := make([]string, len(args))
		for i, a := range args {
			out[i] = strings.ReplaceAll(a, "DIR", dir)
		}
		return out
	}
}

func hostileCases() []hostileCase {
	return []hostileCase{
		// 1. --report never replaces what is not a report.
		{name: "report over the issue file", setup: sampleIn("--report", "DIR/a.toml", "DIR/a.toml"),
			code: 2, want: "is an issue file of this run", keep: []string{"a.toml"}},
		{name: "report over the page's PDF", setup: sampleIn("--report", "DIR/a.pdf", "DIR/a.toml"),
			code: 2, want: "the PDF of"},
		{name: "report over a text file", setup: func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "notes.txt"), []byte("notes\n"))
			return sampleIn("--report", "DIR/notes.txt", "DIR/a.toml")(t, dir)
		}, code: 2, want: "exists and is not a JSON report", keep: []string{"notes.txt"}},
		{name: "report over a link to a device", setup: func(t *testing.T, dir string) []string {
			if err := os.Symlink("/dev/null", filepath.Join(dir, "r.json")); err != nil {
				t.Fatal(err)
			}
			return sampleIn("--report", "DIR/r.json", "DIR/a.toml")(t, dir)
		}, code: 2, want: "is a symbolic link, not a JSON report"},
		{name: "report over a pipe", setup: func(t *testing.T, dir string) []string {
			if err := syscall.Mkfifo(filepath.Join(dir, "r.json"), 0o644); err != nil {
				t.Skip(err)
			}
			return sampleIn("--report", "DIR/r.json", "DIR/a.toml")(t, dir)
		}, code: 2, want: "is a named pipe, not a JSON report"},
		{name: "PDF over a JSON file", setup: func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "x.pdf"), []byte(`{"pages": []}`))
			return sampleIn("-o", "DIR/x.pdf", "DIR/a.toml")(t, dir)
		}, code: 2, want: "exists and is not a PDF", keep: []string{"x.pdf"}},
		{name: "PDF over the issue file", setup: sampleIn("-o", "DIR/a.toml", "DIR/a.toml"),
			code: 2, want: "is an issue file of this run", keep: []string{"a.toml"}},
		{name: "report beside a page", setup: func(t *testing.T, dir string) []string {
			return append([]string{"--report", filepath.Join(dir, "r.json")}, oneFile(page("", someBody))(t, dir)...)
		}, code: 1, want: "p.toml → ", stdout: true, pdf: "p.pdf"}, // exit 1: a short page has empty space
		// 2. A PNG decompression bomb is refused from its header.
		{name: "PNG bomb", setup: withPhoto("bomb.png", func(*testing.T) []byte { return pngBomb(20000, 20000) }),
			code: 2, want: `"photos/bomb.png" is 20000 × 20000 pixels (400 megapixels), over the 100 megapixels`},
		// 3. A character no face has never fails the write.
		{name: "keycap", setup: oneFile(page("", `body = "第1⃣条"`)),
			code: 1, want: "U+20E3", pdf: "p.pdf", text: "第1条"},
		{name: "combining grapheme joiner", setup: oneFile(page("", `body = "a͏b，第二条"`)),
			code: 1, want: "U+034F", pdf: "p.pdf", text: "ab，第二条"},
		// 4. A damaged picture is found when the issue is read.
		{name: "truncated JPEG", setup: withPhoto("cut.jpg", func(t *testing.T) []byte { return readPhoto(t, "avenue-daytime.jpg")[:40000] }),
			code: 2, want: `"photos/cut.jpg" is a damaged JPEG file`},
		{name: "damaged PNG", setup: withPhoto("bad.png", func(t *testing.T) []byte {
			data := bytes.Clone(readPhoto(t, "skyline-sunset.png"))
			data[len(data)/2] ^= 0xff
			return data
		}), code: 2, want: `"photos/bad.png" is a damaged PNG file`},
		{name: "GIF named .png", setup: withPhoto("anim.png", func(*testing.T) []byte { return []byte("GIF89a\x01\x00\x01\x00") }),
			code: 2, want: "is not a JPEG or PNG file (it is a GIF)"},
		{name: "missing photo", setup: oneFile(page("", someBody+"\n[[article.photo]]\nfile = \"photos/none.jpg\"")),
			code: 2, want: `"photos/none.jpg" does not exist`},
		// 6. Interrupting a run: see TestInterruptLeavesNoTemporaryFile.
		// 7. Issue files are checked like photos.
		{name: "FIFO in a directory", setup: func(t *testing.T, dir string) []string {
			os.MkdirAll(filepath.Join(dir, "in"), 0o755)
			if err := syscall.Mkfifo(filepath.Join(dir, "in", "x.toml"), 0o644); err != nil {
				t.Skip(err)
			}
			return []string{"-o", filepath.Join(dir, "out"), filepath.Join(dir, "in")}
		}, code: 2, want: "x.toml: is a named pipe, not a regular file"},
		{name: "link to /dev/zero", setup: func(t *testing.T, dir string) []string {
			if err := os.Symlink("/dev/zero", filepath.Join(dir, "z.toml")); err != nil {
				t.Fatal(err)
			}
			return []string{"-o", filepath.Join(dir, "z.pdf"), filepath.Join(dir, "z.toml")}
		}, code: 2, want: "z.toml: is a device, not a regular file"},
		{name: "issue file over 16 MB", setup: func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "big.toml")
			write(t, p, nil)
			if err := os.Truncate(p, 17<<20); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}, code: 2, want: "is 17.0 MB, over the limit; want an issue file: a regular file of at most 16 MB"},
		// 8. The search of extreme pages is bounded.
		{name: "60 articles on a 2000 mm page of 20 columns", setup: oneFile(extremePage(60)),
			code: 2, want: "article[19]: a page of 20 columns × 408 lines can be laid out with at most 19 articles"},
		{name: "a book pasted into a page", setup: oneFile(page("", `body = """`+"\n"+strings.Repeat("本报讯 这是一段新闻正文，用来测试排版的速度和内存。\n", 40000)+`"""`)),
			code: 2, want: "article[0]: the page's text passes 200000 characters in this article"},
		// 9. Invisible text is empty.
		{name: "invisible headline", setup: oneFile(strings.Replace(page("", someBody), "经开区举办招商推介会", `\u200b\u2060`, 1)),
			code: 2, want: "article[0].headline: is empty: it holds only characters that print as nothing (U+200B U+2060)"},
		{name: "invisible body", setup: oneFile(page("", `body = "\u200b\n\u2060"`)),
			code: 2, want: "article[0].body: is empty"},
		// 10. Details.
		{name: "--help on stdout", setup: func(*testing.T, string) []string { return []string{"--help"} },
			code: 0, want: "Usage: broadsheet", stdout: true},
		{name: "--version on stdout", setup: func(*testing.T, string) []string { return []string{"--version"} },
			code: 0, want: "broadsheet ", stdout: true},
		{name: "-o a PDF name for a directory", setup: func(t *testing.T, dir string) []string {
			sampleIn()(t, filepath.Join(dir, "in"))
			return []string{"-o", filepath.Join(dir, "out.pdf"), filepath.Join(dir, "in")}
		}, code: 2, want: "is a directory, whose pages go into a folder; give -o a folder name"},
		{name: "UTF-16 file", setup: func(t *testing.T, dir string) []string {
			var b []byte
			b = append(b, 0xFF, 0xFE)
			for _, r := range page("", someBody) {
				b = bin.LittleEndian.AppendUint16(b, uint16(r))
			}
			write(t, filepath.Join(dir, "p.toml"), b)
			return []string{filepath.Join(dir, "p.toml")}
		}, code: 2, want: "p.toml:1:1: is UTF-16 text, not UTF-8; save it as UTF-8"},
		{name: "GBK file", setup: oneFile(page("", someBody)[:30] + "\xd6\xa3\xd6\xdd\n"),
			code: 2, want: "is not UTF-8 text here (GBK or another legacy encoding?); save it as UTF-8"},
		{name: "columns = 99 on an 8-column page", setup: oneFile(page("", someBody+"\ncolumns = 99")),
			code: 2, want: "article[0].columns: 99 is out of range; want 1..8"},
		{name: "write error names the target", setup: sampleIn("-o", "DIR/a.toml/page.pdf", "DIR/a.toml"),
			code: 3, want: "write " + "DIR/a.toml/page.pdf: not a directory"},
		{name: "one column, no \"1 columns\"", setup: oneFile(page("[format]\nsize = \"80x300mm\"", someBody), "--check"),
			code: 1, want: "1 column × ", stdout: true},
		{name: "columns = 6 on a tabloid", setup: oneFile(page("[format]\nsize = \"tabloid\"\ncolumns = 6", someBody), "--check"),
			code: 1, want: "6 columns × ", stdout: true},
		{name: "a type area too wide points at columns", setup: oneFile(page("[format]\nsize = \"100x300mm\"\ncolumns = 20", someBody)),
			code: 2, want: "p.toml:6:11: format.columns: the type area, 20 columns × 4 characters"},
		// Bad inputs that already passed.
		{name: "no such file", setup: func(_ *testing.T, dir string) []string { return []string{filepath.Join(dir, "none.toml")} },
			code: 2, want: "none.toml: no such issue file or directory"},
		{name: "no issue files in a directory", setup: func(_ *testing.T, dir string) []string { return []string{dir} },
			code: 2, want: "no *.toml issue files below this directory"},
		{name: "unknown flag", setup: func(*testing.T, string) []string { return []string{"--no-such-flag"} },
			code: 2, want: "unknown flag: --no-such-flag"},
		{name: "two pages, one PDF", setup: func(t *testing.T, dir string) []string {
			sampleIn()(t, filepath.Join(dir, "x"))
			sampleIn()(t, filepath.Join(dir, "y"))
			return []string{"-o", filepath.Join(dir, "out"), filepath.Join(dir, "x", "a.toml"), filepath.Join(dir, "y", "a.toml")}
		}, code: 2, want: "would both be written to"},
		{name: "TOML syntax", setup: oneFile("newspaper = \n"), code: 2, want: "p.toml:1:13: TOML syntax"},
		{name: "too many articles", setup: oneFile(manyArticles(61)),
			code: 2, want: "a page holds at most 60 articles"},
	}
}

// extremePage is n articles on a 2000 × 2000 mm page of 20 columns of 4 characters.
func extremePage(n int) string {
	return "newspaper = \"报\"\ndate = 2023-11-21\npage = 2\n[format]\nsize = \"2000x2000mm\"\ncolumns = 20\ncolumn_chars = 4\n" + articles(n)
}

// manyArticles is n articles on the default page.
func manyArticles(n int) string {
	return "newspaper = \"报\"\ndate = 2023-11-21\npage = 2\n" + articles(n)
}

func articles(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "[[article]]\nheadline = \"第%d条新闻\"\nbody = \"本报讯 这是第%d条新闻的正文。\"\n", i+1, i+1)
	}
	return b.String()
}

func TestHostileInput(t *testing.T) {
	need(t, "pdftotext")
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args := c.setup(t, dir)
			before := snapshot(t, dir)
			code, stdout, stderr, took, rss := runGuarded(t, args...)
			out, want := stderr, strings.ReplaceAll(c.want, "DIR", dir)
			if c.stdout {
				out = stdout
			}
			first, _, _ := strings.Cut(strings.ReplaceAll(out, dir+string(filepath.Separator), ""), "\n")
			t.Logf("%v, %d MB, exit %d: %s", took.Round(time.Millisecond), rss>>20, code, first)
			if code != c.code || !strings.Contains(out, want) {
				t.Errorf("exit %d, want %d with %q\nstdout:\n%s\nstderr:\n%s", code, c.code, want, stdout, stderr)
			}
			if rss > maxRSS {
				t.Errorf("peak memory %d MB, over %d MB", rss>>20, maxRSS>>20)
			}
			if m := regexp.MustCompile(`\b1 (columns|lines|articles|characters)\b`).FindString(stdout); m != "" {
				t.Errorf("%q: one of a thing is not plural", m)
			}
			checkPrefixes(t, stderr)
			checkLeftovers(t, dir, before, c)
			if c.text != "" {
				got := strings.Join(strings.Fields(tool(t, "pdftotext", filepath.Join(dir, c.pdf), "-")), "")
				if !strings.Contains(got, c.text) {
					t.Errorf("pdftotext lost %q:\n%s", c.text, got)
				}
			}
		})
	}
}

// runGuarded runs the command, killing it after hangLimit, and returns its exit status,
// output, wall time and peak memory in bytes.
func runGuarded(t *testing.T, args ...string) (int, string, string, time.Duration, int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("still running after %v: killed", hangLimit)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10 // KB on Linux
	}
	return code, stdout.String(), stderr.String(), took, rss
}

// checkPrefixes fails unless every line of stderr says whose it is: the program's
// name or a file.
func checkPrefixes(t *testing.T, stderr string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.HasPrefix(line, "Usage:") {
			return // the usage after a mistake in the flags
		}
		if line != "" && !strings.HasPrefix(line, "broadsheet: ") && !strings.HasPrefix(line, "/") {
			t.Errorf("a message without its file: %q", line)
		}
	}
}

// snapshot records every regular file below dir and its bytes.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files[p], _ = os.ReadFile(p)
		}
		return nil
	})
	return files
}

// checkLeftovers fails when the run left a file it should not have: a temporary file,
// a PDF or report of a case that writes none, or a changed file it must keep.
func checkLeftovers(t *testing.T, dir string, before map[string][]byte, c hostileCase) {
	t.Helper()
	after := snapshot(t, dir)
	for p := range after {
		if _, was := before[p]; was {
			continue
		}
		rel, _ := filepath.Rel(dir, p)
		if rel != c.pdf && !(c.pdf != "" && rel == "r.json") && filepath.Base(rel) != batch.ManifestName {
			t.Errorf("left %s behind", rel)
		}
	}
	if c.pdf != "" {
		if data, ok := after[filepath.Join(dir, c.pdf)]; !ok || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("no PDF %s written", c.pdf)
		}
	}
	for _, k := range c.keep {
		if p := filepath.Join(dir, k); !bytes.Equal(before[p], after[p]) {
			t.Errorf("%s was changed", k)
		}
	}
}

// manyPages copies every sample page of issues/ (and their photos and ads) into copies
// folders below a new folder and returns it.
func manyPages(t *testing.T, copies int) string {
	t.Helper()
	src := t.TempDir()
	pages, _ := filepath.Glob("../../issues/*.toml")
	photos, _ := filepath.Glob("../../issues/photos/*")
	ads, _ := filepath.Glob("../../issues/ads/*")
	for k := range copies {
		for _, f := range append(append(pages, photos...), ads...) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel("../../issues", f)
			write(t, filepath.Join(src, fmt.Sprintf("part%d", k), rel), data)
		}
	}
	return src
}

// An interrupted run stops taking pages, finishes those being set, removes every
// temporary file, reports what was done and exits 130 (SIGINT) or 143 (SIGTERM). The
// signal comes at 20 different moments of a run of about 50 pages on two cores.
func TestInterruptLeavesNoTemporaryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("20 runs of 50 pages")
	}
	src := manyPages(t, 4)
	statuses := map[int]int{}
	defer func() { t.Logf("exit statuses: %v", statuses) }()
	for try := range 20 {
		sig, code := syscall.SIGINT, 130
		if try%2 == 1 {
			sig, code = syscall.SIGTERM, 143
		}
		out := filepath.Join(t.TempDir(), "out")
		report := filepath.Join(out, "report.json")
		cmd := exec.Command(binary, "-q", "-j", "2", "-o", out, "--report", report, src)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(50+try*60) * time.Millisecond)
		cmd.Process.Signal(sig)
		cmd.Wait()
		got := cmd.ProcessState.ExitCode()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			// Killed before it could catch the signal (while starting): the shell reports
			// 128 + the signal as well, and no page had been started.
			t.Logf("try %d: %v ended the command before it could catch it", try, sig)
			got = 128 + int(ws.Signal())
		}
		statuses[got]++
		if got != code && got > exitAttention {
			t.Errorf("try %d: %v: exit %d, want %d (or 0/1 for a run that ended first)\n%s", try, sig, got, code, stderr.String())
		}
		for _, dir := range []string{out, src} {
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".tmp") {
					t.Errorf("try %d: %v left %s", try, sig, p)
				}
				return nil
			})
		}
		checkReportMatchesPDFs(t, try, report, out)
	}
}

// checkReportMatchesPDFs fails unless the report lists exactly the PDFs in out, each
// whole.
func checkReportMatchesPDFs(t *testing.T, try int, report, out string) {
	t.Helper()
	raw, err := os.ReadFile(report)
	if err != nil {
		if pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf")); len(pdfs) > 0 {
			t.Errorf("try %d: %d PDFs but no report: %v", try, len(pdfs), err)
		}
		return
	}
	var rep struct{ Pages []struct{ Output string } }
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatalf("try %d: report: %v", try, err)
	}
	listed := map[string]bool{}
	for _, p := range rep.Pages {
		if p.Output == "" {
			continue
		}
		listed[p.Output] = true
		data, err := os.ReadFile(p.Output)
		if err != nil || !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")) {
			t.Errorf("try %d: %s is listed but not a whole PDF (%v)", try, p.Output, err)
		}
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf"))
	for _, p := range pdfs {
		if !listed[p] {
			t.Errorf("try %d: %s was written but is not in the report", try, p)
		}
	}
}
