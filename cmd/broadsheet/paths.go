package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// job is one page to set: the issue file and the PDF it becomes.
type job struct{ in, out string }

// plan expands the paths into jobs. With out empty, each PDF goes beside its issue
// file. With one issue file, out is the PDF; otherwise out is a folder that receives
// the PDFs, mirroring each directory's tree.
func plan(paths []string, out string) ([]job, error) {
	single := len(paths) == 1
	var jobs []job
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: no such issue file or directory", p)
		}
		if !info.IsDir() {
			jobs = append(jobs, job{p, fileOut(p, out, single)})
			continue
		}
		found, err := walk(p, out)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no *.toml issue files below this directory", p)
		}
		jobs = append(jobs, found...)
	}
	return jobs, checkOutputs(jobs)
}

// checkOutputs refuses jobs that would write one PDF twice, or a PDF over an issue file:
// a page must never be lost silently.
func checkOutputs(jobs []job) error {
	ins := map[string]bool{}
	for _, j := range jobs {
		ins[filepath.Clean(j.in)] = true
	}
	outs := map[string]string{}
	for _, j := range jobs {
		out := filepath.Clean(j.out)
		if ins[out] {
			return fmt.Errorf("%s: the PDF would overwrite an issue file; give -o a .pdf name or a folder", j.out)
		}
		if other, ok := outs[out]; ok {
			return fmt.Errorf("%s and %s would both be written to %s; set them one at a time or rename one", other, j.in, j.out)
		}
		outs[out] = j.in
	}
	return nil
}

func fileOut(in, out string, single bool) string {
	switch {
	case out == "":
		return pdfName(in)
	case single && !isDir(out):
		return out
	}
	return filepath.Join(out, filepath.Base(pdfName(in)))
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return (err == nil && info.IsDir()) || strings.HasSuffix(p, string(filepath.Separator))
}

func pdfName(p string) string { return strings.TrimSuffix(p, filepath.Ext(p)) + ".pdf" }

// walk finds every *.toml below root, in lexical order, skipping testdata and hidden
// folders (test inputs and tool state, not pages).
func walk(root, out string) ([]job, error) {
	var jobs []job
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && p != root && (name == "testdata" || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || filepath.Ext(name) != ".toml" {
			return nil
		}
		target := pdfName(p)
		if out != "" {
			rel, _ := filepath.Rel(root, p)
			target = filepath.Join(out, pdfName(rel))
		}
		jobs = append(jobs, job{p, target})
		return nil
	})
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].in < jobs[j].in })
	return jobs, err
}
