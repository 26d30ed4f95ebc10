package batch

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"broadsheet/issues"
)

// ManifestName is the file beside the PDFs that records how each was built. It is
// hidden, so a directory run never takes it for a page, and it is appended a line per
// page as soon as the PDF is in place: a killed run loses only the pages in flight.
const ManifestName = ".broadsheet-manifest.jsonl"

// keyVersion changes when what goes into a build key changes.
const keyVersion = "broadsheet build key 1"

// Record is one line of a manifest: a PDF, the key of what it was built from, and
// what the build said, so that a skipped page reports what its build reported.
type Record struct {
	PDF      string          `json:"pdf"`                // the PDF's name in its folder
	Key      string          `json:"key"`                // SHA-256 over program, options, issue file, pictures
	SHA256   string          `json:"sha256"`             // of the PDF's bytes, to know it is the one built
	Input    string          `json:"input"`              // the issue file, as given
	Pictures []string        `json:"pictures,omitempty"` // the pictures it named, as resolved
	Status   int             `json:"status"`
	Warnings json.RawMessage `json:"warnings,omitempty"`
	Overset  json.RawMessage `json:"overset,omitempty"`
}

// manifest reads and appends the manifests of the output folders of a run.
type manifest struct {
	enabled bool   // false with --check, and when the program cannot be identified
	force   bool   // rebuild all, but record
	prefix  string // the key's start: key version, program, options
	mu      sync.Mutex
	dirs    map[string]*dirManifest
}

// dirManifest is one folder's manifest.
type dirManifest struct {
	once    sync.Once
	records map[string]Record // the last line of each PDF, by its name
	mu      sync.Mutex
	file    *os.File // opened for appending when the first page is recorded
}

// newManifest prepares the manifests of a run. The key covers the program's own bytes
// (its code and the fonts inside it) and the output options.
func newManifest(opt Options) *manifest {
	m := &manifest{dirs: map[string]*dirManifest{}, force: opt.Force}
	if opt.Check {
		return m
	}
	program, err := programHash()
	if err != nil {
		return m // without knowing the program, no page can be known to be up to date
	}
	m.enabled = true
	// Every option that changes the PDF's bytes belongs here (an output profile, when
	// there are several, too).
	m.prefix = fmt.Sprintf("%s\nprogram %s\nversion %s\ndebug %t\n", keyVersion, program, opt.Version, opt.Debug)
	return m
}

// programHash is the SHA-256 of the running executable, which holds the fonts.
var programHash = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	return fileHash(exe)
})

func fileHash(path string) (string, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return folderHash(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// folderHash is the SHA-256 of the names of an issue folder's page files, in order:
// a page added to or taken from an issue changes the key of each of its pages.
func folderHash(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && !strings.HasPrefix(name, ".") && filepath.Ext(name) == ".toml" {
			fmt.Fprintf(h, "%s\n", name)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// lookup returns, when the PDF out is up to date, the record of the build that wrote
// it: the key of the issue file's bytes and of the pictures that build recorded is the
// record's (the same bytes name the same pictures, so nothing is decoded), and out is
// still the PDF then written. Otherwise it returns nil.
func (m *manifest) lookup(in, out string) *Record {
	if !m.enabled || m.force {
		return nil
	}
	d := m.dir(out)
	d.mu.Lock()
	rec, ok := d.records[filepath.Base(out)]
	d.mu.Unlock()
	if !ok {
		return nil
	}
	data, err := ReadIssue(in)
	if err != nil {
		return nil
	}
	if key, err := m.keyOf(data, rec.Pictures); err != nil || key != rec.Key {
		return nil
	}
	if sum, err := fileHash(out); err != nil || sum != rec.SHA256 {
		return nil
	}
	return &rec
}

// key returns the build key of an issue file's bytes, which decoded as iss, and the
// pictures it names; the key is empty when the page cannot be keyed.
func (m *manifest) key(data []byte, iss *issues.Issue) (string, []string) {
	if !m.enabled || data == nil {
		return "", nil
	}
	pictures := pictureFiles(reflect.ValueOf(iss))
	key, err := m.keyOf(data, pictures)
	if err != nil {
		return "", nil
	}
	return key, pictures
}

// keyOf is the SHA-256 over the key's prefix, the issue file's bytes and each
// picture's bytes, in the order the file names them.
func (m *manifest) keyOf(data []byte, pictures []string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%sissue %d\n", m.prefix, len(data))
	h.Write(data)
	for _, file := range pictures {
		sum, err := fileHash(file)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "picture %s\n", sum)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ReadIssue reads an issue file's bytes, refusing what is not a regular file of at
// most issues.MaxFileSize (a pipe would wait for a writer, a device might never end).
func ReadIssue(path string) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, err
	case !info.Mode().IsRegular() || info.Size() > issues.MaxFileSize:
		return nil, errors.New("not a regular file of an issue file's size")
	}
	return os.ReadFile(path)
}

// dir returns the manifest of the folder of the PDF out.
func (m *manifest) dir(out string) *dirManifest {
	dir := filepath.Dir(out)
	m.mu.Lock()
	d, ok := m.dirs[dir]
	if !ok {
		d = &dirManifest{}
		m.dirs[dir] = d
	}
	m.mu.Unlock()
	d.once.Do(func() { d.records = ReadManifest(filepath.Join(dir, ManifestName)) })
	return d
}

// ReadManifest reads a manifest, by PDF name; a missing file is an empty one, and a line cut
// short by a crash, or otherwise unreadable, is ignored (its page is rebuilt).
func ReadManifest(path string) map[string]Record {
	recs := map[string]Record{}
	data, err := os.ReadFile(path)
	if err != nil {
		return recs
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r Record
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.PDF != "" && r.Key != "" {
			recs[r.PDF] = r // a later line replaces an earlier one
		}
	}
	return recs
}

// upToDate returns the latest record of out built with key, if out is still the
// PDF that build wrote.
func (d *dirManifest) upToDate(out, key string) *Record {
	d.mu.Lock()
	last, ok := d.records[filepath.Base(out)]
	d.mu.Unlock()
	if !ok || last.Key != key {
		return nil
	}
	sum, err := fileHash(out)
	if err != nil || sum != last.SHA256 {
		return nil
	}
	return &last
}

// add appends the record of a page just written to its folder's manifest.
func (m *manifest) add(key string, pictures []string, o Outcome) error {
	rec := Record{PDF: filepath.Base(o.Output), Key: key, Input: o.Input, Pictures: pictures,
		Status: o.Status, Warnings: o.Warnings, Overset: o.Overset}
	return m.record(o.Output, rec)
}

// pictureFiles lists the picture files an issue names, in the model's order: every
// field File of its articles' photos, blocks, masthead… (a Pos's File, which names the
// issue file, and the issue's own are left out). Walking the model, rather than
// naming its fields, keeps a picture added to it later in the key.
func pictureFiles(v reflect.Value) []string {
	var files []string
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			files = pictureFiles(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			files = append(files, pictureFiles(v.Index(i))...)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[issues.Pos]() {
			return nil
		}
		for i := range v.NumField() {
			f, field := v.Field(i), v.Type().Field(i)
			if field.Name == "File" && f.Kind() == reflect.String {
				if name := f.String(); name != "" && v.Type() != reflect.TypeFor[issues.Issue]() {
					files = append(files, name)
				}
				continue
			}
			if field.IsExported() {
				files = append(files, pictureFiles(f)...)
			}
		}
	}
	return files
}

// record appends rec, for the PDF at out just written, to its folder's manifest, with
// the PDF's SHA-256.
func (m *manifest) record(out string, rec Record) error {
	sum, err := fileHash(out)
	if err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	rec.SHA256 = sum
	line, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	d := m.dir(out)
	d.mu.Lock()
	defer d.mu.Unlock()
	d.records[rec.PDF] = rec
	if d.file == nil {
		path := filepath.Join(filepath.Dir(out), ManifestName)
		if d.file, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err != nil {
			return fmt.Errorf("manifest: %w", err)
		}
	}
	// One write per line: appends of a line are whole on a local file system.
	if _, err := d.file.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("manifest %s: %w", d.file.Name(), err)
	}
	return nil
}

// close closes the manifests appended to.
func (m *manifest) close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	var errs []error
	for _, d := range m.dirs {
		if d.file != nil {
			errs = append(errs, d.file.Close())
		}
	}
	return errors.Join(errs...)
}

// IssueKey returns the build key of one page of an issue folder: the page file's
// bytes, the pictures of the pages given (every page of the issue when its pages are
// composed together, since a picture's shape may move where a story is cut), and
// others — the issue's other page files and its folder, whose list of pages is hashed —
// since an edit to any page may make it jump to this one. The key is empty when the
// page cannot be keyed.
func (b *Run) IssueKey(data []byte, pages []*issues.Issue, others []string) (string, []string) {
	m := b.manifest
	if !m.enabled || data == nil {
		return "", nil
	}
	var files []string
	for _, p := range pages {
		files = append(files, pictureFiles(reflect.ValueOf(p))...)
	}
	files = append(files, others...)
	key, err := m.keyOf(data, files)
	if err != nil {
		return "", nil
	}
	return key, files
}
