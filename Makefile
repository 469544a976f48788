# Polku — the two commands a new machine needs are `make run` and `make test`.
# Everything installs what is missing first (system packages, npm packages), so a bare
# Debian/Ubuntu machine or CI gets from clone to green with these alone.

SHELL := /bin/bash
CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
BIN := $(CARGO_TARGET_DIR)/debug
PORT ?= 4870

.PHONY: run serve test bench ui deps deps-test rust-test ui-test browser-test desktop-test desktop server bindings clean help

help:
	@echo "make run     install what is missing, build, open the desktop app"
	@echo "make serve   the same UI in a browser: polku serve on http://127.0.0.1:$(PORT)/"
	@echo "make test    every test layer: Rust, Vitest, Playwright (Chromium), desktop (WebKit, Xvfb)"
	@echo "make bench   benchmarks; prints 'bench: <name> <value> <unit>' lines"

## Set-up ------------------------------------------------------------------------------

# System packages first: npm itself may be what is missing.
deps:
	@bash scripts/install-deps.sh build
	@$(MAKE) --no-print-directory ui/node_modules/.package-lock.json

deps-test:
	@bash scripts/install-deps.sh test
	@$(MAKE) --no-print-directory ui/node_modules/.package-lock.json tests/node_modules/.package-lock.json

# npm ci only when the lock file changed since the last install.
ui/node_modules/.package-lock.json: ui/package-lock.json
	npm --prefix ui ci --no-audit --no-fund
	@touch $@

tests/node_modules/.package-lock.json: tests/package-lock.json
	npm --prefix tests ci --no-audit --no-fund
	@touch $@

ui: ui/node_modules/.package-lock.json
	npm --prefix ui run build

## Run --------------------------------------------------------------------------------

desktop: deps ui
	cargo build -p polku-desktop --features custom-protocol

server: deps ui
	cargo build -p polku-server

run: desktop
	$(BIN)/polku-desktop

serve: server
	$(BIN)/polku serve --port $(PORT)

## Tests ------------------------------------------------------------------------------

test: deps-test ui rust-test ui-test browser-test desktop-test
	@echo "make test: every layer passed"

rust-test:
	cargo test --workspace

ui-test:
	npm --prefix ui test
	npm --prefix ui run check

browser-test:
	npm --prefix tests run check
	cargo build -p polku-server
	POLKU_SKIP_UI_BUILD=1 POLKU_BIN=$(BIN)/polku npm --prefix tests run test:browser

desktop-test:
	cargo build -p polku-server -p polku-desktop --features polku-desktop/custom-protocol
	POLKU_BIN=$(BIN)/polku POLKU_DESKTOP_BIN=$(BIN)/polku-desktop npm --prefix tests run test:desktop

bench: deps-test
	cargo bench -p polku-store --features bench --bench store
	cargo bench -p polku-export --features bench --bench export
	npm --prefix ui run build
	cargo build -p polku-server
	POLKU_BIN=$(BIN)/polku node tests/bench/board.bench.mjs
	cargo build -p polku-desktop --features polku-desktop/custom-protocol
	POLKU_BIN=$(BIN)/polku POLKU_DESKTOP_BIN=$(BIN)/polku-desktop tests/desktop/run.sh desktop/board.bench.mjs

## Upkeep -----------------------------------------------------------------------------

# Rewrites the generated TypeScript types after a change to the Rust command types.
bindings:
	UPDATE_BINDINGS=1 cargo test -p polku-api --test bindings

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules tests/node_modules tests/test-results
