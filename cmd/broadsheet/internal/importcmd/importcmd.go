// Package importcmd is the command broadsheet import: flags, the text file in, the
// issue file the importer makes of it out, guarded and written by the functions the
// command gives (the same as for its PDFs). It is not the importer (issues/importer).
package importcmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"broadsheet/issues"
	"broadsheet/issues/importer"
)

// importConfig is what the import subcommand's flags say.
type importConfig struct {
	out          string
	meta         importer.Meta
	check, quiet bool
}

// Files are the command's output guard and atomic writer.
type Files struct {
	// Guard fails when the issue file out must not be written over (text is the
	// file being imported).
	Guard func(out, text string) error
	Write func(path string, data []byte) error
}

// Exit statuses, as the command's.
const (
	exitOK        = 0
	exitAttention = 1
	exitInput     = 2
	exitFailure   = 3
)

// Run is `broadsheet import TEXT [-o PAGE.toml] [--newspaper N --date D --page P
// --section S] [--check]`: it turns text extracted from a printed page into an issue
// file, each guess a comment. Exit status: 0 written, nothing to check; 1 written, with
// guesses to check; 2 bad input or usage, nothing written; 3 could not write.
func Run(args []string, stdout, stderr io.Writer, files Files) int {
	c, text, code := parseImport(args, stderr)
	if text == "" {
		return code
	}
	data, err := readText(text)
	if err != nil {
		fmt.Fprintf(stderr, "broadsheet import: %s: %v\n", text, err)
		return exitInput
	}
	page, err := importer.Import(filepath.Base(text), data, c.meta)
	if err != nil {
		fmt.Fprintf(stderr, "broadsheet import: %v\n", err)
		return exitInput
	}
	return writeImport(page, text, c, files, stdout, stderr)
}

// readText reads the text to import, refusing what is not a regular file (a pipe
// would wait for a writer, a device might never end) and text longer than a page's.
func readText(path string) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, errors.New(reason(err))
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("is not a regular file; want a text file of one page")
	case info.Size() > importer.MaxText:
		return nil, fmt.Errorf("%d bytes is more than a page's text (at most %d): split it by page", info.Size(), importer.MaxText)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, errors.New(reason(err))
	}
	return data, nil
}

// parseImport reads the flags; text is empty when the command is over, with code.
func parseImport(args []string, stderr io.Writer) (c importConfig, text string, code int) {
	fs := pflag.NewFlagSet("broadsheet import", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVarP(&c.out, "out", "o", "", "issue file to write (default: TEXT's name with .toml, beside it; - for standard output)")
	fs.StringVar(&c.meta.Newspaper, "newspaper", "", "the paper's name (default: from the running head, else a placeholder)")
	date := fs.String("date", "", "the day of the issue, 2006-01-02 (default: from the running head or the file name)")
	fs.IntVar(&c.meta.Page, "page", 0, "page number (default: from the running head or the file name)")
	fs.StringVar(&c.meta.Section, "section", "", "page name (版名)")
	fs.StringVar(&c.meta.Editor, "editor", "", "责任编辑 credit (default: from the running head)")
	fs.BoolVar(&c.check, "check", false, "print the guesses, write nothing")
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "print only problems")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: broadsheet import [flags] TEXT\n\n"+
			"Turns text extracted from a printed page into an issue file; every guess is a comment.\n"+
			"Exit status: 0 written; 1 written, with guesses to check; 2 bad input or usage; 3 could not write.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			return c, "", exitOK
		}
		fmt.Fprintf(stderr, "broadsheet import: %v\n", err)
		return c, "", exitInput
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "broadsheet import: want one text file, like broadsheet import page.txt -o page.toml")
		return c, "", exitInput
	}
	if msg := checkMeta(*date, c.meta.Page); msg != "" {
		fmt.Fprintf(stderr, "broadsheet import: %s\n", msg)
		return c, "", exitInput
	}
	c.meta.Date = *date
	return c, fs.Arg(0), exitOK
}

// checkMeta checks --date and --page; it returns what is wrong, or "".
func checkMeta(date string, page int) string {
	if date != "" {
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			return fmt.Sprintf("--date %s: want a real day like 2023-11-21", date)
		}
	}
	if page < 0 || page > 9999 {
		return fmt.Sprintf("--page %d: want a page number from 1 to 9999", page)
	}
	return ""
}

// writeImport checks the issue file decodes, then prints the guesses (--check) or
// writes it, unless the target is a file the import must not replace.
func writeImport(page *importer.Page, text string, c importConfig, files Files, stdout, stderr io.Writer) int {
	out := c.out
	if out == "" {
		out = strings.TrimSuffix(text, filepath.Ext(text)) + ".toml"
	}
	data := page.TOML()
	if _, err := issues.DecodeBytes(out, data); err != nil {
		fmt.Fprintf(stderr, "broadsheet import: %s: the issue file made does not decode (a bug): %v\n", text, err)
		return exitFailure
	}
	guesses := page.AllGuesses()
	if c.check {
		for _, g := range guesses {
			fmt.Fprintf(stdout, "%s:%s\n", text, g)
		}
		return importStatus(guesses)
	}
	if out == "-" {
		stdout.Write(data)
		return importStatus(guesses)
	}
	if err := files.Guard(out, text); err != nil {
		fmt.Fprintf(stderr, "broadsheet import: %v\n", err)
		return exitInput
	}
	if err := files.Write(out, data); err != nil {
		fmt.Fprintf(stderr, "broadsheet import: %v\n", err)
		return exitFailure
	}
	if !c.quiet {
		fmt.Fprintf(stdout, "%s → %s (%d articles, %d guesses to check: broadsheet import --check %s)\n",
			text, out, len(page.Articles), len(guesses), text)
	}
	return importStatus(guesses)
}

// importStatus is 1 when a person has guesses to check.
func importStatus(guesses []string) int {
	if len(guesses) > 0 {
		return exitAttention
	}
	return exitOK
}

// reason is an error's cause without the path the message names already.
func reason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
