package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"broadsheet/cmd/broadsheet/internal/batch"
	"broadsheet/issues"
	"broadsheet/issues/importer"
)

// The hooks of long runs (package batch) and of broadsheet import (importcmd) into the
// command.

// startBatch starts the long-run state of a run of total pages.
func startBatch(total int, c config, stdout, stderr io.Writer) (*batch.Run, error) {
	opt := c.runs
	opt.Check, opt.Quiet, opt.Debug, opt.Version = c.check, c.quiet, c.debug, version
	opt.Guard = func(path string) error { return guardOutput(path, pdfFile, nil) }
	opt.Write, opt.Merge = temps.write, mergeIssue
	return batch.Start(total, opt, stdout, stderr)
}

// mergeIssue makes one PDF of a whole issue's pages, in order, with an outline entry
// per page (pdfcpu, which preflight reads PDFs with too).
func mergeIssue(pdfs, titles []string) ([]byte, error) {
	model.ConfigPath = "disable" // no configuration folder written to $HOME
	var readers []io.ReadSeeker
	var outline []pdfcpu.Bookmark
	for i, p := range pdfs {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		readers = append(readers, bytes.NewReader(data))
		outline = append(outline, pdfcpu.Bookmark{Title: titles[i], PageFrom: i + 1})
	}
	var merged, out bytes.Buffer
	if err := api.MergeRaw(readers, &merged, false, model.NewDefaultConfiguration()); err != nil {
		return nil, fmt.Errorf("merge: %w", err)
	}
	if err := api.AddBookmarks(bytes.NewReader(merged.Bytes()), &out, outline, true, model.NewDefaultConfiguration()); err != nil {
		return nil, fmt.Errorf("outline: %w", err)
	}
	return out.Bytes(), nil
}

// buildPage sets one page unless it is up to date, as b records it.
func buildPage(b *batch.Run, j job, c config) result {
	start := time.Now()
	var r result
	o := b.Build(j.in, j.out, func() (batch.Outcome, string, []string) {
		// Decoded once (it checks every picture in full), from the bytes the key is of.
		data, err := batch.ReadIssue(j.in)
		var iss *issues.Issue
		if err == nil {
			iss, err = issues.DecodeBytes(j.in, data)
		} else {
			iss, err = issues.Decode(j.in) // which says why the file cannot be read
		}
		if err != nil {
			r = result{File: j.in}.fail(err).done(start)
			return outcome(r), "", nil
		}
		key, pictures := pageKey(b, j, data, iss) // before setting: the key is of what is set
		r = setIssue(j, c, iss, start)
		return outcome(r), key, pictures
	})
	if o.Skipped {
		return result{File: j.in, Output: j.out, Status: o.Status, Skipped: true}.done(start)
	}
	r.Status, r.Errors = o.Status, o.Errors // recording the PDF may have failed
	return r
}

// outcome is what the long-run reports and the manifest keep of a page's result.
func outcome(r result) batch.Outcome {
	o := batch.Outcome{Input: r.File, Output: r.Output, Status: r.Status, Errors: r.Errors, Seconds: r.Seconds}
	if r.Issue != nil {
		o.Issue, _ = json.Marshal(r.Issue)
	}
	if r.Report == nil {
		return o
	}
	if len(r.Report.Warnings) > 0 {
		o.Warnings, _ = json.Marshal(r.Report.Warnings)
	}
	var over []batch.OversetArticle
	for i, a := range r.Report.Articles {
		if a.Overset != nil {
			over = append(over, batch.OversetArticle{Article: i, Characters: a.Overset.Characters, Lines: a.Overset.Lines})
		}
	}
	if len(over) > 0 {
		o.Overset, _ = json.Marshal(over)
	}
	return o
}

// shardJobs keeps the jobs of --shard, when given.
func shardJobs(c *config, roots []string, jobs []job) ([]job, error) {
	ins := make([]string, len(jobs))
	for i, j := range jobs {
		ins[i] = j.in
	}
	keep, err := c.runs.Slice(roots, ins)
	if err != nil || keep == nil {
		return jobs, err
	}
	var kept []job
	for i, j := range jobs {
		if keep[i] {
			kept = append(kept, j)
		}
	}
	return kept, nil
}

// combineIssues writes the whole issues of --combine from the pages set.
func combineIssues(b *batch.Run, jobs []job, results []result, status int, stderr io.Writer) int {
	pages := make([]batch.Built, len(jobs))
	for i, j := range jobs {
		pages[i] = batch.Built{In: j.in, PDF: j.out, OK: results[i].Status <= exitAttention}
	}
	return b.Combine(pages, status, stderr)
}

// importFile is the kind of file an import writes: an issue file that begins with an
// import's header.
var importFile = outputKind{"file written by broadsheet import", importer.HasHeader}

// guardImport is the output guard for broadsheet import: the guard of every output,
// then the import's checksum over the whole file, so that only an import nobody has
// edited since is replaced.
func guardImport(out, text string) error {
	if err := guardOutput(out, importFile, map[string]string{canonical(text): text}); err != nil {
		return err
	}
	if data, err := os.ReadFile(out); err == nil && len(data) > 0 && !importer.Untouched(data) {
		return errEditedImport(out)
	}
	return nil
}

// errEditedImport says an import would replace one that was edited.
type errEditedImport string

func (e errEditedImport) Error() string {
	return string(e) + " exists and is not an unedited import; it would be replaced: give -o another name, or remove it"
}
