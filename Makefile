# Topograph: `make run` opens the app on the sample org; `make test` runs every check.
# Both install what they need first (Debian 12, root or sudo).

SHELL := /bin/bash
CARGO ?= cargo
export CARGO_TERM_COLOR ?= never

.PHONY: setup run test rust-test lint ui-test sample clean

setup:
	./.ci/setup-debian

sample: setup
	$(CARGO) build --release -p topograph-cli
	rm -f target/sample.topo
	./target/release/topograph sample target/sample.topo
	./target/release/topograph info target/sample.topo

run: sample

lint: setup
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

rust-test: setup
	$(CARGO) test --workspace

test: lint rust-test

clean:
	$(CARGO) clean
