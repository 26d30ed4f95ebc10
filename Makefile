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
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./...

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime 60s ./issues/
	$(GO) test -run '^$$' -fuzz FuzzCompose -fuzztime 60s ./layout/lines/
	$(GO) test -run '^$$' -fuzz FuzzSolve -fuzztime 60s ./layout/plan/
	$(GO) test -run '^$$' -fuzz FuzzLunar -fuzztime 60s ./layout/calendar/

clean:
	rm -rf bin out
