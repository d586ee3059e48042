# Checkje. `make run` serves the app; `make test` runs every test. Both set up what they need.
# Each setup step is a file target, so a second run only redoes what changed.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
export FLASK_APP := app

CONTENT_DB := instance/content.db
CONTENT    := $(shell find content -name '*.yaml')
CATALOGUES := $(wildcard translations/*/LC_MESSAGES/messages.po)
# Content texts of the languages not written in content/ (read at content build, not compiled).
CONTENT_CATALOGUES := $(wildcard translations/*/LC_MESSAGES/content.po)
COMPILED   := $(CATALOGUES:.po=.mo)
HTMX       := static/vendor/htmx.min.js

.PHONY: run test test-fast lint lock audit bench bench-server class-of-30 soak soak-cluster export setup setup-test chromium webkit firefox java redis-server nginx bench-tools content translations translation-report help

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

run: setup ## Set up, then serve Checkje on http://$(HOST):$(PORT) (HOST and PORT change it)
	CHECKJE_SITE_URL=$${CHECKJE_SITE_URL:-http://$(HOST):$(PORT)} $(BIN)/gunicorn --config python:checkje.server.config --bind $(HOST):$(PORT) 'app:create_app()'

test: setup-test chromium webkit firefox java nginx ## Set up, then run the whole test suite (Chromium, WebKit and Firefox included); prints the ten slowest tests
	@$(BIN)/pytest --durations=10; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure, not a pass." >&2; fi; \
	exit $$status

test-fast: setup-test java nginx ## The inner loop: every test without a browser
	@$(BIN)/pytest -m "not browser and not webkit and not gecko"; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure, not a pass." >&2; fi; \
	exit $$status

lint: $(VENV)/.test-installed ## Check the Python code with ruff (lint and format)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: setup-test chromium bench-tools ## Measure page weight, render time, requests/s (app, hello, nginx) and Lighthouse
	$(BIN)/python tests/benchmarks/bench.py

bench-server: setup-test bench-tools ## Only the load test: each kind of content page as a share of a bare Flask hello (ROUNDS=2)
	$(BIN)/python tests/benchmarks/throughput.py

soak: setup-test bench-tools ## Hold 64 connections for 60 s on every page and the class poll, kill a worker, count the votes
	$(BIN)/python tests/benchmarks/soak.py

class-of-30: setup-test ## A class of 30 phones and a teacher's screen run a lesson at the real pace (about 4 min, a 1-minute network drop): requests and bytes per pupil
	$(BIN)/python tests/benchmarks/class_of_30.py

soak-cluster: setup-test redis-server ## Two app servers sharing one Redis, N classes at once, one server killed halfway; also SQLite (PACE=stress, FOLLOW=1)
	$(BIN)/python tests/benchmarks/soak_cluster.py --pace $${PACE:-real} $${FOLLOW:+--follow} --classes $${CLASSES:-500}
	$(BIN)/python tests/benchmarks/soak_cluster.py --sqlite --pace $${PACE:-real} $${FOLLOW:+--follow} --classes $${CLASSES:-500}

export: setup ## Write every page that needs no server into build/site, for any static host
	$(BIN)/flask export-static build/site

setup: $(VENV)/.installed node_modules/.installed $(HTMX) $(COMPILED) $(CONTENT_DB)

setup-test: setup $(VENV)/.test-installed redis-server

content: $(VENV)/.installed ## Check content/ and rebuild the content database
	$(BIN)/flask build-content

translations: $(VENV)/.installed ## Collect UI strings and content texts into the catalogues; changed sources turn fuzzy
	$(BIN)/pybabel extract -F babel.cfg -o translations/messages.pot --no-location --omit-header --sort-output .
	$(BIN)/flask update-translations translations/messages.pot

translation-report: $(VENV)/.installed ## Per language: how many strings are translated, fuzzy, missing and reviewed
	$(BIN)/flask translation-report

# Every file pip installs must match a hash in the lock file (`make lock`), and only wheels: nothing is built
# here, so no build tool runs that the lock does not pin. The lock files pin pip and setuptools too.
PIP_INSTALL = pip install --quiet --require-hashes --only-binary :all:

$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/$(PIP_INSTALL) -r requirements.lock
	touch $@

$(VENV)/.test-installed: requirements-dev.lock $(VENV)/.installed
	$(BIN)/$(PIP_INSTALL) -r requirements-dev.lock
	touch $@

# pip-compile (pip-tools) and pip-audit in a venv of their own, pinned with hashes (requirements-tools.in).
TOOLS := .venv-tools
$(TOOLS)/.installed: requirements-tools.lock
	test -x $(TOOLS)/bin/python || $(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/$(PIP_INSTALL) -r requirements-tools.lock
	touch $@

# Hashes from the public index only: a machine's own wheel folder or mirror (pip.conf) may hold rebuilt wheels
# whose hashes no other machine would find.
COMPILE = env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock" \
	$(TOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url

lock: $(TOOLS)/.installed ## Pin every Python package with the hashes of its files (pip-compile); pins that still fit stay
	$(COMPILE) --extra installer -o requirements.lock pyproject.toml
	$(COMPILE) --extra installer --extra test -o requirements-dev.lock pyproject.toml
	$(COMPILE) -o requirements-tools.lock requirements-tools.in

audit: $(TOOLS)/.installed ## Look up every pinned package in an advisory database (pip-audit: needs PyPI's JSON API or OSV)
	$(TOOLS)/bin/pip-audit --strict --disable-pip --require-hashes -r requirements-dev.lock
	$(TOOLS)/bin/pip-audit --strict --disable-pip --require-hashes -r requirements-tools.lock

# --ignore-scripts: none of our packages needs one, and vnu-jar's would download a Java runtime from GitHub.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(HTMX): node_modules/.installed
	mkdir -p $(@D)
	cp node_modules/htmx.org/dist/htmx.min.js $@

%.mo: %.po $(VENV)/.installed
	$(BIN)/pybabel compile -i $< -o $@

# The app also checks and builds these files at start, and writes the database anew when it holds anything else.
$(CONTENT_DB): $(CONTENT) $(CONTENT_CATALOGUES) $(shell find checkje -name '*.py') $(VENV)/.installed
	$(BIN)/flask build-content

# Load tests need wrk and nginx (Debian packages); Lighthouse comes from npm, apart from the app's files.
bench-tools: tests/benchmarks/node_modules/.installed
	@if command -v wrk >/dev/null 2>&1 && { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; }; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing wrk and nginx for the load tests (apt-get)…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null; \
	else \
		echo "The load tests need wrk and nginx: sudo apt-get install wrk nginx-light (bench skips them meanwhile)" >&2; \
	fi

tests/benchmarks/node_modules/.installed: tests/benchmarks/package.json tests/benchmarks/package-lock.json
	cd tests/benchmarks && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# $(call debian,CHECK,PACKAGES,WHAT): when the shell test CHECK fails, install Debian's PACKAGES with apt if we
# are root, or say what to install. WHAT names the tests that need them.
define debian
	@if $(1); then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing $(2) for $(3) (apt-get)…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	else \
		echo "$(3) need $(2). Install them first, for example: sudo apt-get install $(2)" >&2; \
		exit 1; \
	fi
endef

# The browser tests drive Debian's Chromium; Playwright's own download does not work offline.
chromium:
	$(call debian,command -v chromium >/dev/null 2>&1,chromium fonts-liberation,The browser tests)

# The WebKit tests drive Debian's WebKitGTK (Safari's engine) through its WebDriver, in a virtual X display (Xvfb).
webkit:
	$(call debian,command -v WebKitWebDriver >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1,webkit2gtk-driver xvfb,The WebKit tests)

# The Gecko tests drive Debian's Firefox ESR over WebDriver BiDi through npm puppeteer-core (no driver to download).
firefox:
	$(call debian,command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1,firefox-esr,The Gecko tests)

# The shared poll store's tests (and make soak-cluster) start a throw-away redis-server: Debian's package.
redis-server:
	$(call debian,command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ],redis-server,The shared poll store's tests)

# The nginx example of docs/deploying.md runs in front of the real server in tests/server/test_proxy.py (with a
# certificate made by openssl).
nginx:
	$(call debian,{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } && command -v openssl >/dev/null 2>&1,nginx-light openssl,The proxy tests)

# The HTML check runs the Nu Html Checker (npm vnu-jar), which needs Java; Debian's headless runtime is enough.
java:
	$(call debian,command -v java >/dev/null 2>&1,default-jre-headless,The HTML check)
