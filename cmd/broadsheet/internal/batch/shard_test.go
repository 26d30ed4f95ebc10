package batch

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestParseShard(t *testing.T) {
	env := func(v string) func(string) string { return func(string) string { return v } }
	for _, c := range []struct {
		spec, index string
		want        shard
	}{{"1/1", "", shard{1, 1}}, {"3/8", "", shard{3, 8}}, {"auto/4", "0", shard{1, 4}}, {"auto/4", "3", shard{4, 4}}} {
		got, err := parseShard(c.spec, env(c.index))
		if err != nil || got != c.want {
			t.Errorf("%s (index %q): %v, %v; want %v", c.spec, c.index, got, err, c.want)
		}
	}
	for _, c := range []struct{ spec, index, msg string }{
		{"0/4", "", "K is from 1 to 4"}, {"5/4", "", "K is from 1 to 4"}, {"1/0", "", "want K/N"},
		{"x", "", "want K/N"}, {"auto/4", "", "JOB_COMPLETION_INDEX is \"\""}, {"auto/4", "4", "from 0 to 3"},
	} {
		if _, err := parseShard(c.spec, env(c.index)); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s (index %q): error %v, want one saying %q", c.spec, c.index, err, c.msg)
		}
	}
}

// TestShardsAreStable: each page is in exactly one slice, the slices are even enough,
// and adding pages moves none of the others.
func TestShardsAreStable(t *testing.T) {
	const n = 4
	page := func(i int) string { return fmt.Sprintf("%d/11/%02d/p%d.toml", 1990+i/300, i/8%30+1, i%8+1) }
	where := map[string]int{}
	sizes := make([]int, n)
	for i := range 2000 {
		owners := 0
		for k := 1; k <= n; k++ {
			if (shard{k, n}).owns(page(i)) {
				owners++
				where[page(i)] = k
				sizes[k-1]++
			}
		}
		if owners != 1 {
			t.Fatalf("%s is in %d slices", page(i), owners)
		}
	}
	for k, size := range sizes {
		if size < 400 || size > 600 {
			t.Errorf("slice %d holds %d of 2000 pages", k+1, size)
		}
	}
	for i := range 1000 { // the same pages, asked again after others were added
		if k := where[page(i)]; !(shard{k, n}).owns(page(i)) {
			t.Errorf("%s moved", page(i))
		}
	}
}

func TestRelativePath(t *testing.T) {
	dir := t.TempDir()
	if got := relativePath([]string{dir}, dir+"/2023/p1.toml"); got != "2023/p1.toml" {
		t.Errorf("got %q", got)
	}
	if got := relativePath([]string{dir + "/x.toml"}, dir+"/x.toml"); got != "x.toml" {
		t.Errorf("a file given itself: %q", got)
	}
}

// TestKubernetesManifestAgrees: the Indexed Job in docs runs as many completions as
// the slices its pods ask for.
func TestKubernetesManifestAgrees(t *testing.T) {
	data, err := os.ReadFile("../../../../docs/k8s/archive-rebuild.yaml")
	if err != nil {
		t.Fatal(err)
	}
	completions := regexp.MustCompile(`(?m)^\s*completions:\s*(\d+)`).FindSubmatch(data)
	shards := regexp.MustCompile(`--shard=auto/(\d+)`).FindSubmatch(data)
	if completions == nil || shards == nil || string(completions[1]) != string(shards[1]) {
		t.Errorf("completions %q and --shard=auto/N %q differ", completions, shards)
	}
}
