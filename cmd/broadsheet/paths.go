package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// job is one page to set: the issue file and the PDF it becomes.
type job struct{ in, out string }

// plan expands the paths into jobs. With out empty, each PDF goes beside its issue
// file. With one issue file, out is the PDF; otherwise out is a folder that receives
// the PDFs, mirroring each directory's tree.
func plan(paths []string, out string) ([]job, error) {
	single := len(paths) == 1
	if out != "" && !single && looksLikeFile(out) {
		return nil, fmt.Errorf("-o %s: with several paths, -o names the folder that receives the PDFs, not a file", out)
	}
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

// checkOutputs refuses jobs that would write one PDF twice, or replace a file that
// is not a PDF (an issue file above all): a page must never be lost silently. Paths
// are compared as the files they are, whatever way they were written.
func checkOutputs(jobs []job) error {
	outs := map[string]string{}
	for _, j := range jobs {
		out := canonical(j.out)
		if err := replaceable(j.out); err != nil {
			return err
		}
		if other, ok := outs[out]; ok {
			return fmt.Errorf("%s and %s would both be written to %s; set them one at a time or rename one", other, j.in, j.out)
		}
		outs[out] = j.in
	}
	return nil
}

// canonical is the absolute path of p with the links in its folder resolved.
func canonical(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// replaceable fails when p exists and is not a PDF.
func replaceable(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return nil // nothing there (or nothing readable: the write will say)
	}
	defer f.Close()
	head := make([]byte, 5)
	if n, _ := f.Read(head); n == 5 && string(head) == "%PDF-" {
		return nil
	}
	return fmt.Errorf("%s exists and is not a PDF; it would be replaced: give -o a .pdf name or a folder", p)
}

// looksLikeFile reports whether an -o value names a file rather than a folder.
func looksLikeFile(p string) bool {
	if info, err := os.Stat(p); err == nil {
		return !info.IsDir()
	}
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".pdf" || ext == ".toml"
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

// walk finds every *.toml below root, in lexical order, skipping testdata folders and
// hidden files and folders (test inputs, editor locks and tool state, not pages). A
// root given as a link to a folder is followed.
func walk(root, out string) ([]job, error) {
	var jobs []job
	start := root
	if resolved, err := filepath.EvalSymlinks(root); err == nil {
		start = resolved
	}
	err := filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		hidden := strings.HasPrefix(name, ".") && p != start
		if d.IsDir() && p != start && (name == "testdata" || hidden) {
			return filepath.SkipDir
		}
		if d.IsDir() || hidden || filepath.Ext(name) != ".toml" {
			return nil
		}
		rel, _ := filepath.Rel(start, p)
		p = filepath.Join(root, rel)
		target := pdfName(p)
		if out != "" {
			target = filepath.Join(out, pdfName(rel))
		}
		jobs = append(jobs, job{p, target})
		return nil
	})
	return jobs, err
}
