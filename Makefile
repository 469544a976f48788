# Polku — the two commands a new machine needs are `make run` and `make test`.
# Everything installs what is missing first (system packages, npm packages), so a bare
# Debian/Ubuntu machine or CI gets from clone to green with these alone.
#
# One build: the CLI, the desktop app and the tests come from one cargo configuration (always
# `--workspace`, the same features and profile), so `make test` then `make run` compiles each
# crate once. See docs/ARCHITECTURE.md, "One build".

SHELL := /bin/bash
CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
BIN := $(CARGO_TARGET_DIR)/debug
PORT ?= 4870
CARGO := node scripts/cargo-once.mjs

# The layers of `make test`, in order; scripts/layers.sh says how long each one took. The UI's
# tests need no Rust and mostly one core, so they run alongside the cargo layers (whose warm
# builds are a chain of our crates, one at a time).
LAYERS := deps-test bg:ui-test build rust-test test-lan test-disk wait browser-test desktop-test

.PHONY: run serve build test test-lan test-disk bench release package appimage appimage-only server-package soak fuzz deps deps-test rust-test ui-test browser-test desktop-test bindings licences clean help

help:
	@echo "make run     install what is missing, build, open the desktop app"
	@echo "make build   both programs, $(BIN)/polku and $(BIN)/polku-desktop"
	@echo "make serve   the same UI in a browser: polku serve on 127.0.0.1:$(PORT) (open the address it prints: it carries the run's key)"
	@echo "make test    every test layer: Rust, Vitest, Playwright (Chromium), desktop (WebKit, Xvfb)"
	@echo "make test-lan  the participants' listener across a real interface (root: a network namespace)"
	@echo "make test-disk the library on a disk that fills up, then turns read-only (root: a tmpfs)"
	@echo "make bench   benchmarks; prints 'bench: <name> <value> <unit>' lines"
	@echo "make package the release app, its .deb installed and started on a clean Debian 12 (root), and its AppImage"
	@echo "make appimage  the AppImage, started under Xvfb (linuxdeploy from ~/.cache/tauri, else GitHub)"
	@echo "make server-package  the team server's .deb, installed and run on a clean Debian 12 with PostgreSQL (root)"
	@echo "make soak    1,000 kill -9s of a writer, then polku serve under load for SOAK_MINUTES (30)"
	@echo "make fuzz    libFuzzer on the workshop file reader and the commands, FUZZ_SECONDS (600) each"
	@echo "make licences  rewrite ui/public/licences/rust.json, the shipped Rust crates' licences (cargo-about)"

## Set-up ------------------------------------------------------------------------------

# System packages first: npm itself may be what is missing.
deps:
	@bash scripts/install-deps.sh build
	@$(MAKE) --no-print-directory ui/node_modules/.package-lock.json

deps-test:
	@bash scripts/install-deps.sh test
	@$(MAKE) --no-print-directory -j2 --output-sync=target \
		ui/node_modules/.package-lock.json tests/node_modules/.package-lock.json

# npm ci only when the lock file changed since the last install.
ui/node_modules/.package-lock.json: ui/package-lock.json
	npm --prefix ui ci --no-audit --no-fund
	@touch $@

tests/node_modules/.package-lock.json: tests/package-lock.json
	npm --prefix tests ci --no-audit --no-fund
	@touch $@

# The UI bundle, rebuilt only when its sources change: the desktop app embeds it, so a needless
# rebuild would recompile the app. The fonts' licence texts are in it (Licences page).
UI_SOURCES := $(shell find ui/src ui/public -type f 2>/dev/null) ui/index.html ui/vite.config.ts \
	ui/svelte.config.js ui/tsconfig.json ui/package-lock.json \
	$(wildcard crates/polku-export/fonts/*.txt)
ui/dist/index.html: $(UI_SOURCES) ui/node_modules/.package-lock.json
	npm --prefix ui run build
	@touch $@

## Build and run ----------------------------------------------------------------------

# Both binaries, target/debug/polku and target/debug/polku-desktop (the UI embedded).
build: deps ui/dist/index.html
	$(CARGO) build --workspace

run: build
	$(BIN)/polku-desktop

serve: build
	$(BIN)/polku serve --port $(PORT)

## Tests ------------------------------------------------------------------------------

# POLKU_ONE_BUILD: scripts/cargo-once.mjs fails a layer that compiles a dependency a second time.
test:
	@rm -f "$(CARGO_TARGET_DIR)/one-build.txt"
	@POLKU_ONE_BUILD="$(CARGO_TARGET_DIR)/one-build.txt" bash scripts/layers.sh $(LAYERS)

rust-test: deps
	$(CARGO) test --workspace --no-run
	cargo test --workspace
	@# make bench is not run here, but its criterion benches must still compile against the crates'
	@# API: they once fell behind it unnoticed. A check, not a build (its own metadata, ~10 s warm).
	cargo check -p polku-store -p polku-export --features polku-store/bench,polku-export/bench --benches

# The participants' listener reached from another host: a network namespace and a veth pair that
# the test makes and removes (crates/polku-server/tests/lan.rs). Namespaces need root; CI has it,
# and elsewhere the layer says it was skipped rather than failing.
test-lan: deps
	@if [ "$$(id -u)" -ne 0 ] && [ "$${CI:-}" != true ]; then \
		echo "test-lan: skipped: making a network namespace needs root (sudo make test-lan)"; \
	else \
		cargo test --workspace --test lan; \
	fi

# The library on a small tmpfs the test mounts, fills and remounts read-only
# (crates/polku-api/tests/disk.rs); mounting needs root, as the LAN test's namespace does.
test-disk: deps
	@if [ "$$(id -u)" -ne 0 ] && [ "$${CI:-}" != true ]; then \
		echo "test-disk: skipped: mounting a tmpfs needs root (sudo make test-disk)"; \
	else \
		cargo test --workspace --test disk; \
	fi

# Vitest, and the type checks of the UI and of the end-to-end tests' code.
ui-test: deps tests/node_modules/.package-lock.json
	npm --prefix ui test
	npm --prefix ui run check
	npm --prefix tests run check

browser-test: build deps-test
	POLKU_SKIP_UI_BUILD=1 POLKU_BIN=$(BIN)/polku npm --prefix tests run test:browser

desktop-test: build deps-test
	POLKU_BIN=$(BIN)/polku POLKU_DESKTOP_BIN=$(BIN)/polku-desktop npm --prefix tests run test:desktop

# Release profile, and criterion behind the crates' `bench` feature: its own build, not the tests'.
bench: deps-test build
	cargo bench -p polku-store --features bench --bench store
	cargo bench -p polku-export --features bench --bench export
	POLKU_BIN=$(BIN)/polku node tests/bench/board.bench.mjs
	@# The phones' figures are the server's, so they are taken from the release build users get
	@# (it shares its dependencies with cargo bench's; the UI is embedded, built by `build`).
	cargo build --release -p polku-server
	POLKU_BIN=$(CARGO_TARGET_DIR)/release/polku node tests/bench/join.bench.mjs
	POLKU_BIN=$(CARGO_TARGET_DIR)/release/polku node tests/bench/vote.bench.mjs
	@# The team server: two release instances on a PostgreSQL that test-postgres starts, then the
	@# same load on one SQLite server.
	cargo build --release -p test-postgres
	POLKU_BIN=$(CARGO_TARGET_DIR)/release/polku POLKU_TEST_POSTGRES_BIN=$(CARGO_TARGET_DIR)/release/test-postgres node tests/bench/team.bench.mjs
	POLKU_BIN=$(BIN)/polku POLKU_DESKTOP_BIN=$(BIN)/polku-desktop tests/desktop/run.sh desktop/board.bench.mjs
	@# What facilitators install: the release app's sizes, start-up and memory.
	@$(MAKE) --no-print-directory release
	@bash scripts/install-deps.sh package
	@bash tests/package/sizes.sh $(CARGO_TARGET_DIR)/dist
	POLKU_BIN=$(BIN)/polku POLKU_DESKTOP_BIN=$(CARGO_TARGET_DIR)/dist/polku-desktop node tests/package/start.bench.mjs
	POLKU_BIN=$(BIN)/polku POLKU_DESKTOP_BIN=$(CARGO_TARGET_DIR)/dist/polku-desktop tests/desktop/run.sh desktop/memory.bench.mjs

# The long proofs, not part of `make test` (docs/ARCHITECTURE.md, "Tests"): the durability test with
# SOAK_KILLS kill -9s instead of 50, then the release server with 50 event sockets and 10 writers for
# SOAK_MINUTES, its memory sampled (tests/soak/serve.soak.mjs).
SOAK_KILLS ?= 1000
SOAK_MINUTES ?= 30
soak: deps-test ui/dist/index.html
	POLKU_SOAK_KILLS=$(SOAK_KILLS) cargo test --release -p polku-store --test durability -- --nocapture
	cargo build --release -p polku-server
	SOAK_MINUTES=$(SOAK_MINUTES) POLKU_BIN=$(CARGO_TARGET_DIR)/release/polku node tests/soak/serve.soak.mjs

## Release packages ------------------------------------------------------------------

# The release app with the UI embedded and its Linux packages, by Tauri's bundler (the CLI is one of
# ui's devDependencies), then the .deb installed on a clean Debian 12 and started there
# (tests/package/deb.test.sh) and the AppImage started here (tests/package/appimage.test.sh).
# Not part of `make test`: a cold release build of the app takes long (docs/ARCHITECTURE.md,
# "Packages"). The AppImage needs linuxdeploy, which Tauri's bundler
# takes from ~/.cache/tauri or else downloads from GitHub (README, "Packages for facilitators").
PACKAGE_DIR := $(CARGO_TARGET_DIR)/package
DEB = $$(ls -t $(CARGO_TARGET_DIR)/dist/bundle/deb/*.deb | head -n 1)
release: deps ui/dist/index.html
	@mkdir -p packaging/out
	node packaging/licences/debian-copyright.mjs ui/dist/licences > packaging/out/copyright
	ui/node_modules/.bin/tauri build --ci --bundles deb -- --profile dist

# Both Linux packages, each tried as a user would: the .deb on a clean Debian 12, the AppImage here.
package: release
	@bash scripts/install-deps.sh package
	@mkdir -p $(PACKAGE_DIR)
	POLKU_PACKAGE_DIR=$(PACKAGE_DIR) bash tests/package/deb.test.sh $(DEB)
	@$(MAKE) --no-print-directory appimage-only

appimage: release appimage-only

appimage-only:
	@bash scripts/install-deps.sh package
	@bash scripts/appimage-tools.sh
	ui/node_modules/.bin/tauri build --ci --bundles appimage -- --profile dist
	bash tests/package/appimage.test.sh $$(ls -t $(CARGO_TARGET_DIR)/dist/bundle/appimage/*.AppImage | head -n 1)

# The team server as a Debian package (scripts/server-deb.sh), installed on a clean Debian 12 with
# Debian's PostgreSQL and run as its unit runs it (tests/package/server-deb.test.sh).
server-package: deps ui/dist/index.html
	@bash scripts/install-deps.sh package
	@mkdir -p packaging/out $(PACKAGE_DIR)
	node packaging/licences/debian-copyright.mjs ui/dist/licences > packaging/out/copyright
	POLKU_PACKAGE_DIR=$(PACKAGE_DIR) bash tests/package/server-deb.test.sh $$(bash scripts/server-deb.sh $(CARGO_TARGET_DIR)/dist/bundle/server)

## Fuzzing ---------------------------------------------------------------------------

# cargo-fuzz over fuzz/ (its own workspace, target dir and nightly; see docs/ARCHITECTURE.md,
# "Fuzzing"), not part of `make test`. What a run finds goes to fuzz/work, the committed seeds in
# fuzz/corpus are only read; the first crash stops it, its input kept in fuzz/artifacts/<target>.
# No sanitizer: our code is safe Rust and ASan does not instrument SQLite's C, so it would cost
# executions and find little; a panic is what these targets look for.
FUZZ_SECONDS ?= 600
FUZZ := CARGO_TARGET_DIR=$(CURDIR)/fuzz/target cargo +nightly fuzz
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || CARGO_TARGET_DIR=$(CURDIR)/fuzz/target/cargo-fuzz cargo install cargo-fuzz --locked
	$(FUZZ) build -s none
	@for t in workshop_file command; do \
		mkdir -p fuzz/work/$$t && \
		dict=$$([ -f fuzz/$$t.dict ] && echo -dict=fuzz/$$t.dict); \
		$(FUZZ) run -s none $$t fuzz/work/$$t fuzz/corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) \
			-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $$dict || exit 1; \
	done

## Upkeep -----------------------------------------------------------------------------

# Rewrites the generated TypeScript types after a change to the Rust command types.
bindings:
	UPDATE_BINDINGS=1 cargo test --workspace --test bindings

# Rewrites ui/public/licences/rust.json, the licences of the Rust crates the programs ship, for the
# Licences page (About Polku), after a dependency is added or updated: ui/test/licences.test.ts
# fails until then. cargo-about, configured in packaging/licences/about.toml, reads the graph of
# polku-desktop, which takes in polku-server (the `polku` binary) as well; a crate under a licence
# not accepted there fails it. The npm packages' and the fonts' licences are written by the UI build.
licences:
	@cargo about --version 2>/dev/null | grep -q '^cargo-about 0\.9\.' || \
		CARGO_TARGET_DIR=$(CARGO_TARGET_DIR)/cargo-about cargo install cargo-about --version 0.9.3 --locked --features cli
	cargo about generate --locked --fail -c packaging/licences/about.toml -m src-tauri/Cargo.toml \
		-o ui/public/licences/rust.json packaging/licences/about.hbs

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules tests/node_modules tests/test-results
