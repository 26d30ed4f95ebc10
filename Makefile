# broadsheet: make run builds the sample page; make test runs every test.
GO      ?= go
BIN     := bin/broadsheet
SAMPLE  := issues/zhengzhou-2023-11-21-p7.toml
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)

.PHONY: all build run pages test bench fuzz clean

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

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./...

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
