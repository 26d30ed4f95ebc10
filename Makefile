# broadsheet: make run builds the sample page; make test runs every test.
GO      ?= go
BIN     := bin/broadsheet
SAMPLE  := issues/zhengzhou-2023-11-21-p7.toml
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)

.PHONY: all build run pages test bench bench-archive fuzz clean

all: build

build:
	$(GO) build -trimpath -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/broadsheet

# The sample page, made from a real page of 郑州日报.
# Exit status 1 means the PDF was written and the report names what needs a look.
run: build
	$(BIN) -o out/$(notdir $(SAMPLE:.toml=.pdf)) --report out/report.json $(SAMPLE) || [ $$? -eq 1 ]
	@echo "PDF: out/$(notdir $(SAMPLE:.toml=.pdf))"

# Every page in issues/, mirrored into out/pages/ (exit 1 is expected: one test page is overset).
pages: build
	$(BIN) -o out/pages --report out/pages/report.json issues/ || [ $$? -eq 1 ]

test:
	$(GO) vet ./...
	$(GO) test -race ./...

bench: bench-archive
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./...

# A varied archive of 200 pages made from the sample pages, set with -j 1 and -j 2
# (median of 3 runs each, from scratch), then rerun when up to date: wall time, pages/s
# and peak memory (/usr/bin/time).
ARCHIVE_PAGES ?= 200
ARCHIVE_RUNS  ?= 3
bench-archive: build
	$(GO) run ./cmd/broadsheet/internal/mkarchive -n $(ARCHIVE_PAGES) -o out/archive
	@echo "| run | wall s | pages/s | CPU ms/page | peak MB |"; echo "|---|---|---|---|---|"
	@for j in 1 2; do \
	  for i in $$(seq $(ARCHIVE_RUNS)); do \
	    rm -rf out/archive-pdf; \
	    /usr/bin/time -f "%e %M %U %S" -o out/time.txt $(BIN) -q -j $$j -o out/archive-pdf out/archive 2>/dev/null; \
	    tail -n 1 out/time.txt; \
	  done | sort -n | awk -v j=$$j -v n=$(ARCHIVE_PAGES) '{t[NR]=$$1; m[NR]=$$2; c[NR]=$$3+$$4} END {k=int((NR+1)/2); \
	    printf "| %d pages, -j %d, from scratch | %.2f | %.1f | %.0f | %.0f |\n", n, j, t[k], n/t[k], 1000*c[k]/n, m[k]/1024}'; \
	done
	@for i in $$(seq $(ARCHIVE_RUNS)); do \
	  /usr/bin/time -f "%e %M %U %S" -o out/time.txt $(BIN) -q -j 2 -o out/archive-pdf out/archive 2>/dev/null; \
	  tail -n 1 out/time.txt; \
	done | sort -n | awk -v n=$(ARCHIVE_PAGES) '{t[NR]=$$1; m[NR]=$$2; c[NR]=$$3+$$4} END {k=int((NR+1)/2); \
	  printf "| %d pages, -j 2, all up to date | %.2f | %.0f | %.1f | %.0f |\n", n, t[k], n/t[k], 1000*c[k]/n, m[k]/1024}'

# Every fuzzer of the module, each for FUZZTIME (found by name, so a new one is included).
FUZZTIME ?= 60s
fuzz:
	@set -e; for file in $$(grep -rl --include='*_test.go' '^func Fuzz' .); do \
	  for name in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$file); do \
	    echo "$$name in $$(dirname $$file)"; \
	    $(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) ./$$(dirname $$file)/; \
	  done; \
	done

clean:
	rm -rf bin out
