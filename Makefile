# Calcification Pathways — the single entry point.  `make help` lists the targets.
#   make book   build the HTML book into _build/html (every notebook executed, warnings are errors)
#   make slides a reveal.js slide deck per notebook chapter into _build/slides (opens from file://, no network)
#   make pdf    each page of the book, and the whole book, printed to PDF into _build/pdf (local Chromium, offline)
#   make dist   one zip of the book, the decks and the PDFs for a USB stick: _build/dist/calcification-pathways-<v>.zip
#   make test   unit tests, every notebook compared with its stored outputs, the strict build, the browser suite,
#               the slide decks, the USB copy and a printed chapter

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
.NOTPARALLEL:
MAKEFLAGS += --no-builtin-rules

VENV  := .venv
BIN   := $(VENV)/bin
PY    := $(BIN)/python
STAMP := $(VENV)/.installed
BUILD := _build
SITE  := $(BUILD)/html
SLIDES := $(BUILD)/slides
PDF   := $(BUILD)/pdf
DIST  := $(BUILD)/dist
# reveal.js for the slides, pinned in package.json + package-lock.json; `npm ci` installs exactly the lock.
REVEAL := node_modules/reveal.js
NODE_STAMP := node_modules/.installed
# The widgets' front end: sources in calcflow/widgets/js/ and css/, bundled by esbuild (pinned in package.json) into
# calcflow/widgets/static/, which is committed (installing calcflow needs no Node.js) and added to the book's pages
# when they are built. `make book` and `make slides` rebuild the bundles when a source is newer.
WIDGET_SOURCES := $(shell find calcflow/widgets/js calcflow/widgets/css -type f -name '*.*js' -o -type f -name '*.css')
WIDGET_BUNDLES := $(foreach w,explorer caseplayer quiz reader progress,calcflow/widgets/static/$(w).js calcflow/widgets/static/$(w).css)

# Tools and notebook kernels run from the venv (a kernelspec whose command is "python" then means the venv's).
export PATH := $(CURDIR)/$(BIN):$(PATH)
# Silences debugpy's "frozen modules" warning, printed by every kernel start under Python 3.11.
export PYDEVD_DISABLE_FILE_VALIDATION := 1

# --all: a fresh Sphinx environment, so warnings from unchanged pages are reported again and -W sees them.
JUPYTER_BOOK_BUILD := $(BIN)/jupyter-book build -W -n --keep-going --all .
PYTEST := $(PY) -m pytest -ra
TOC_NOTEBOOKS := $(PY) tests/toc_notebooks.py
NBVAL := --nbval --nbval-current-env --nbval-cell-timeout=120 --nbval-sanitize-with tests/nbval_sanitize.cfg
# pytest exits 5 when it collected nothing: say so, and fail.
NO_TESTS_IS_A_FAILURE = || { status=$$?; if [ $$status -eq 5 ]; then \
	echo "error: pytest collected no tests in 'make $@' — that counts as a failure" >&2; fi; exit $$status; }
# The slide tests need the decks, not the book: they run in their own step (test-slides).
# So do the USB copy's and the printed book's (test-publish), which need both.
BUILT_SITE_TESTS = $(PYTEST) tests/test_book_config.py tests/browser --ignore=tests/browser/test_slides.py \
	--ignore=tests/browser/test_publish.py $(NO_TESTS_IS_A_FAILURE)

.PHONY: help venv system-deps book slides pdf dist test test-unit test-notebooks test-site test-browser test-slides \
	test-publish notebooks bench figures clean lock widgets lint

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-15s %s\n", $$1, $$2}'

venv: $(STAMP) ## Create .venv and install the pinned requirements and calcflow (editable)

# requirements.txt pins calcflow's runtime dependencies (pyproject.toml), the book's and the tests' tools, and the
# build backend, so calcflow is built with the pinned setuptools; pip check: the pins satisfy pyproject.toml.
# The distribution is calcification-pathways; it used to be called "calcflow", and an install under that name is
# removed first so that one distribution provides the package (pip only warns "Skipping" when there is none).
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -r requirements.txt
	$(PY) -m pip uninstall --disable-pip-version-check --yes calcflow
	$(PY) -m pip install --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m pip check --disable-pip-version-check
	touch $@

system-deps: ## Install Graphviz and Chromium with apt-get if they are missing (CI runs as root)
	@missing=(); \
	command -v dot >/dev/null || missing+=(graphviz); \
	[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core); \
	if (( $${#missing[@]} )); then \
		sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		echo "system-deps: installing $${missing[*]}"; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "$${missing[@]}"; \
	fi

book: $(STAMP) system-deps $(WIDGET_BUNDLES) ## Build the HTML book into _build/html, executing every notebook; any warning fails
	rm -rf $(SITE) $(BUILD)/.doctrees
	$(JUPYTER_BOOK_BUILD)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is missing: install Node.js 20 and npm (apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

slides: $(STAMP) $(NODE_STAMP) $(WIDGET_BUNDLES) system-deps ## Build a reveal.js deck per chapter into _build/slides (file://, offline), PDF handouts of authored decks in pdf/
	rm -rf $(SLIDES)
	notebooks=$$($(TOC_NOTEBOOKS)); \
	$(PY) -m calcflow.publish.slides --out $(SLIDES) --reveal $(REVEAL) $$notebooks

pdf: book system-deps ## Print each page of the book, and the whole book, to PDF in _build/pdf (local Chromium, offline)
	rm -rf $(PDF)
	$(PY) -m calcflow.publish.pdf --site $(SITE) --out $(PDF)

dist: book slides pdf ## One zip for a USB stick: the book, the decks and the PDFs, with an index page (_build/dist)
	rm -rf $(DIST)
	$(PY) -m calcflow.publish.dist --site $(SITE) --slides $(SLIDES) --pdf $(PDF) --out $(DIST)

test: $(STAMP) system-deps ## Everything: lint, unit tests, nbval on every toc notebook, strict build, browser tests, slides
	@$(MAKE) --no-print-directory --keep-going lint test-unit test-notebooks test-site test-slides test-publish \
		|| { echo "make test: FAILED — the failing steps are named above" >&2; exit 1; }
	@echo "make test: every step passed"

$(WIDGET_BUNDLES) &: $(WIDGET_SOURCES)
	@$(MAKE) --no-print-directory $(NODE_STAMP)
	node calcflow/widgets/js/build.mjs

widgets: $(NODE_STAMP) ## Bundle the widgets' JavaScript and CSS into calcflow/widgets/static/ (commit the result)
	node calcflow/widgets/js/build.mjs

# zizmor: the GitHub Actions workflows match GitHub's schema, pin every action by commit SHA (.github/zizmor.yml) and
# have none of its security findings; --offline: only the audits that need no network.
lint: $(STAMP) $(NODE_STAMP) ## ESLint and tsc on the widgets' JavaScript; committed bundles equal a fresh build; zizmor on the workflows
	node_modules/.bin/eslint calcflow/widgets/js eslint.config.mjs
	node_modules/.bin/tsc -p tsconfig.json
	node calcflow/widgets/js/build.mjs --check
	$(BIN)/zizmor --offline --no-progress --strict-collection --config .github/zizmor.yml .github/workflows

# test_book_config.py also checks the built site, so it runs with the browser suite, after the build.
test-unit: $(STAMP) ## Unit and CLI tests (tests/, without the built-site and browser checks)
	$(PYTEST) -n 2 --dist loadfile tests --ignore=tests/browser --ignore=tests/test_book_config.py $(NO_TESTS_IS_A_FAILURE)

test-notebooks: $(STAMP) system-deps ## Run every notebook in _toc.yml and compare each output with the stored one
	notebooks=$$($(TOC_NOTEBOOKS)); \
	$(PYTEST) -n 2 --dist loadfile $(NBVAL) $$notebooks $(NO_TESTS_IS_A_FAILURE)

test-site: book ## The strict build, then the book-config, built-site and browser tests
	$(BUILT_SITE_TESTS)

test-browser: $(STAMP) system-deps ## The book-config, built-site and browser tests on the existing _build/html
	$(BUILT_SITE_TESTS)

test-slides: slides system-deps ## Build the slide decks, then open each from file:// in Chromium with no network
	$(PYTEST) tests/browser/test_slides.py $(NO_TESTS_IS_A_FAILURE)

test-publish: book slides system-deps ## The USB zip and a printed chapter, made from the built book and decks and opened offline
	$(PYTEST) tests/browser/test_publish.py $(NO_TESTS_IS_A_FAILURE)

notebooks: $(STAMP) system-deps ## Re-execute every notebook in _toc.yml in place, storing its outputs
	$(TOC_NOTEBOOKS) --execute

bench: $(STAMP) system-deps ## Run benchmarks/bench_*.py and print their figures
	$(PY) benchmarks/run.py

figures: $(STAMP) system-deps ## Regenerate figures/ from calcflow
	$(PY) -m calcflow.figures

clean: ## Remove the build
	rm -rf $(BUILD)

# --all: setuptools and wheel are pinned too (setuptools builds calcflow); only pip itself is left to the venv.
lock: ## Re-resolve requirements.txt from requirements.in in a throwaway venv
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	/usr/bin/env -u VIRTUAL_ENV PATH="$(subst $(CURDIR)/$(BIN):,,$(PATH))" python3 -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/pip" install --disable-pip-version-check --quiet -r requirements.in; \
	{ echo "# Every dependency pinned (resolved from the top-level list in requirements.in). Regenerate: make lock"; \
	  "$$tmp/venv/bin/pip" freeze --disable-pip-version-check --all --exclude pip; } > requirements.txt.new; \
	mv requirements.txt.new requirements.txt
	@echo "requirements.txt regenerated; run 'make venv' to install it"
