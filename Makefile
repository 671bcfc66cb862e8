# Two entry points for a newcomer (see README.md):
#   make study   set up .venv and review the shipped deck in the terminal
#   make test    set up .venv with the dev tools and run the whole test suite
# The environment is rebuilt only when a lock file changes (stamp files).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: study test lint setup setup-dev lock

study: $(VENV)/.stamp-run
	$(BIN)/studybot study

test: $(VENV)/.stamp-dev
	$(BIN)/pytest

lint: $(VENV)/.stamp-dev
	$(BIN)/ruff check .
	$(BIN)/mypy --strict bot

setup: $(VENV)/.stamp-run
setup-dev: $(VENV)/.stamp-dev

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "studybot needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.stamp-run: $(BIN)/python requirements/run.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/run.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.stamp-dev: $(BIN)/python requirements/dev.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@ $(VENV)/.stamp-run

# Maintainers: refresh the lock files after changing dependencies in pyproject.toml.
lock:
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements/run.txt
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements/dev.txt
