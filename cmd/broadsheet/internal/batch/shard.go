package batch

import (
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// jobCompletionIndex is the variable a Kubernetes Indexed Job sets in each pod: the
// pod's index, 0 to completions−1.
const jobCompletionIndex = "JOB_COMPLETION_INDEX"

// maxShards bounds N in --shard K/N: far more machines than an archive rebuild uses.
const maxShards = 100000

// shard is one of N slices of the pages; k is 1-based.
type shard struct{ k, n int }

// parseShard reads --shard: "K/N" with 1 ≤ K ≤ N, or "auto/N", which takes K from
// JOB_COMPLETION_INDEX + 1.
func parseShard(spec string, getenv func(string) string) (shard, error) {
	ks, ns, ok := strings.Cut(spec, "/")
	n, err := strconv.Atoi(ns)
	if !ok || err != nil || n < 1 || n > maxShards {
		return shard{}, fmt.Errorf("--shard %s: want K/N, like 2/8 (N from 1 to %d), or auto/N", spec, maxShards)
	}
	if ks == "auto" {
		idx := getenv(jobCompletionIndex)
		i, err := strconv.Atoi(idx)
		if err != nil || i < 0 || i >= n {
			return shard{}, fmt.Errorf("--shard %s: %s is %q; want an index from 0 to %d, as an Indexed Job with %d completions sets it",
				spec, jobCompletionIndex, idx, n-1, n)
		}
		return shard{i + 1, n}, nil
	}
	k, err := strconv.Atoi(ks)
	if err != nil || k < 1 || k > n {
		return shard{}, fmt.Errorf("--shard %s: K is from 1 to %d", spec, n)
	}
	return shard{k, n}, nil
}

// String formats s as K/N.
func (s shard) String() string { return fmt.Sprintf("%d/%d", s.k, s.n) }

// owns reports whether the page at rel is in slice s.
func (s shard) owns(rel string) bool {
	h := fnv.New64a()
	h.Write([]byte(rel))
	return int(h.Sum64()%uint64(s.n)) == s.k-1
}

// relativePath is in's path below the directory among roots that holds it, with
// forward slashes; for an issue file given itself, its name.
func relativePath(roots []string, in string) string {
	for _, root := range roots {
		if info, err := os.Stat(root); err != nil || !info.IsDir() {
			continue
		}
		if rel, err := filepath.Rel(root, in); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(in)
}

// Slice says which of the inputs (issue files found below roots) are in the slice of
// --shard, when given, and writes the slice back into o.Shard as K/N (auto/N
// resolved), as the reports name it; keep is nil without --shard. A page's slice is a
// hash of its path relative to the directory given, so it stays the same when pages
// are added or removed elsewhere and whatever folder the archive is mounted at.
func (o *Options) Slice(roots, inputs []string) (keep []bool, err error) {
	if o.Shard == "" {
		return nil, nil
	}
	if o.Combine {
		return nil, errors.New("--combine needs every page of an issue, and a shard has some: " +
			"run the shards, then once more with --combine and without --shard (the pages are up to date by then)")
	}
	s, err := parseShard(o.Shard, os.Getenv)
	if err != nil {
		return nil, err
	}
	o.Shard = s.String()
	keep = make([]bool, len(inputs))
	for i, in := range inputs {
		keep[i] = s.owns(relativePath(roots, in))
	}
	return keep, nil
}
