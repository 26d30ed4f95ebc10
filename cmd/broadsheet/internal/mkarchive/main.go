// Command mkarchive writes a varied archive of issue files made from the sample pages,
// for `make bench`:
//
//	go run ./cmd/broadsheet/internal/mkarchive -n 200 -o out/archive
package main

import (
	"flag"
	"fmt"
	"os"

	"broadsheet/cmd/broadsheet/internal/archive"
)

func main() {
	n := flag.Int("n", 200, "pages to write")
	out := flag.String("o", "out/archive", "folder to write them in (emptied first)")
	from := flag.String("from", "issues", "folder of the sample issue files")
	flag.Parse()
	if err := os.RemoveAll(*out); err != nil {
		fmt.Fprintln(os.Stderr, "mkarchive:", err)
		os.Exit(1)
	}
	pages, err := archive.Write(*out, *from, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkarchive:", err)
		os.Exit(1)
	}
	fmt.Printf("mkarchive: %d pages in %s\n", len(pages), *out)
}
