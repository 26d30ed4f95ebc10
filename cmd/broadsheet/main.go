// Command broadsheet typesets newspaper pages from issue files into print-ready PDFs.
//
//	broadsheet [flags] PATH...
//	broadsheet import [flags] TEXT
//
// Each PATH is an issue file or a directory, whose *.toml files (below it, skipping
// testdata and hidden folders) are all set, on all cores. Exit status: 0 every page is
// fine; 1 the PDFs were written but a page needs a person (overset text, a character
// no font has, a soft photo, a hole); 2 bad input or usage, and no PDF for that page;
// 3 a PDF could not be written; 130 or 143 stopped by SIGINT or SIGTERM, after the
// pages being set were finished and every temporary file removed.
//
// The command only wires the stages together — issues decodes, layout composes, pdf
// writes — and turns their outcomes into messages and exit codes.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/spf13/pflag"

	"broadsheet/cmd/broadsheet/internal/batch"
	"broadsheet/cmd/broadsheet/internal/importcmd"
	"broadsheet/cmd/broadsheet/internal/preflight"
	"broadsheet/fonts"
)

// version is the program's version, set at build time with -ldflags "-X main.version=…".
var version = "dev"

// Exit statuses.
const (
	exitOK        = 0
	exitAttention = 1
	exitInput     = 2
	exitFailure   = 3
)

// config is what the flags say.
type config struct {
	out, report         string
	check, debug, quiet bool
	final               bool // write only pages ready for the print run
	jobs                int
	// batch is true when the run sets several pages: each page then takes one core,
	// and -j says how many cores the run uses.
	batch bool
	runs  batch.Options // long runs: manifest, JSON lines, shards, whole issues
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command, testable: arguments in, exit status out.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "preflight" {
		return preflight.Run(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "import" {
		return importcmd.Run(args[1:], stdout, stderr, importcmd.Files{Guard: guardImport, Write: temps.write})
	}
	var c config
	fs := pflag.NewFlagSet("broadsheet", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVarP(&c.out, "out", "o", "", "PDF to write for one issue file; for a directory or several paths, the folder that receives the PDFs")
	fs.BoolVar(&c.check, "check", false, "lay out and report, write no PDF")
	fs.BoolVar(&c.final, "final", false, "for the print run: write no PDF for a page that needs a person (placeholder, soft photo, overset, missing glyph, empty space); exit 1 with the reasons")
	fs.BoolVar(&c.debug, "debug", false, "draw the column grid, baselines and module boxes into the PDF")
	fs.StringVar(&c.report, "report", "", "write a JSON report of every page to this file; a name ending in .jsonl gets a line per page as it finishes")
	fs.IntVarP(&c.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "pages set at once, one core each")
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "print only problems")
	batch.AddFlags(fs, &c.runs)
	showVersion := fs.Bool("version", false, "print the version and exit")
	licenses := fs.Bool("licenses", false, "print the licences of the embedded fonts and exit")
	fs.Usage = func() {} // usage is printed below: on stdout when asked for, on stderr after a mistake
	if err := fs.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			usage(stdout, fs)
			return exitOK
		}
		fmt.Fprintf(stderr, "broadsheet: %v\n", err)
		usage(stderr, fs)
		return exitInput
	}
	switch {
	case *showVersion:
		fmt.Fprintf(stdout, "broadsheet %s\n", version)
		return exitOK
	case *licenses:
		fmt.Fprint(stdout, fonts.Licenses())
		return exitOK
	case fs.NArg() == 0:
		fmt.Fprintln(stderr, "broadsheet: no issue file given; try broadsheet issues/")
		usage(stderr, fs)
		return exitInput
	}
	c.runs.TakeJSONL(&c.report)
	jobs, err := plan(fs.Args(), c.out)
	if err == nil {
		err = checkReport(c.report, jobs)
	}
	if err == nil {
		err = checkReport(c.runs.JSONL, jobs)
	}
	if err == nil {
		jobs, err = shardJobs(&c, fs.Args(), jobs)
	}
	if err == nil {
		jobs, err = groupIssues(jobs) // after the shard: a group holds indices of the jobs run
	}
	if err != nil {
		fmt.Fprintf(stderr, "broadsheet: %v\n", err)
		return exitInput
	}
	return runJobs(jobs, c, interrupts(), stdout, stderr)
}

func usage(w io.Writer, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "Usage: broadsheet [flags] PATH...\n       broadsheet preflight FILE.pdf... (see broadsheet preflight --help)\n"+
		"       broadsheet import [flags] TEXT   (text extracted from print → issue file; import -h)\n\n"+
		"Typesets each issue file (or every *.toml below a directory) into a one-page PDF.\n"+
		"Exit status: 0 fine; 1 written, but a page needs a person; 2 bad input or usage; 3 could not write;\n"+
		"130/143 interrupted (SIGINT/SIGTERM).\n\nFlags:\n")
	fmt.Fprint(w, fs.FlagUsages())
}
