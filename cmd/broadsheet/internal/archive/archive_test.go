package archive

import (
	"os"
	"testing"

	"broadsheet/issues"
)

// TestPagesDecodeAndDiffer: every page written decodes, has its own date and page
// number, and no two pages hold the same bytes.
func TestPagesDecodeAndDiffer(t *testing.T) {
	pages, err := Write(t.TempDir(), "../../../../issues", 30)
	if err != nil {
		t.Fatal(err)
	}
	seen, bytes := map[string]string{}, map[string]string{}
	for _, p := range pages {
		iss, err := issues.Decode(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		key := iss.Date.String() + " " + string(rune('0'+iss.PageNo))
		if other, ok := seen[key]; ok {
			t.Errorf("%s and %s are both %s", other, p, key)
		}
		seen[key] = p
		data, _ := os.ReadFile(p)
		if other, ok := bytes[string(data)]; ok {
			t.Errorf("%s and %s are the same", other, p)
		}
		bytes[string(data)] = p
	}
}
