# One task runner. `make demo` and `make test` are the README's two set-up commands.
#
# Every target runs in a project virtual environment, $(VENV) (default .venv), created on first
# use with $(PYTHON) and called by path ($(BIN)/dyads, $(BIN)/python), so nothing is installed
# into the system Python (Debian and Ubuntu refuse that: PEP 668). To use an environment you
# manage yourself, point VENV at it: `make test VENV=/path/to/venv` (it must have a bin/python).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.duckdb
# Written after a successful install; pyproject.toml changing makes the next target reinstall.
STAMP := $(VENV)/.dyads-installed

.PHONY: install demo test lint typecheck docs bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "make: cannot create $(VENV) with $(PYTHON) -m venv; on Debian/Ubuntu: apt install python3-venv" >&2; \
	  exit 1; }
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

demo: install
	rm -f $(DB)
	$(BIN)/dyads ingest samples --db $(DB)
	$(BIN)/dyads top --db $(DB)
	$(BIN)/dyads dyad Rwanda M23 --db $(DB)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/python -m ruff check src tests bench
	$(BIN)/python -m ruff format --check src tests bench

typecheck: install
	$(BIN)/python -m mypy

# docs/cli.md is generated from the click commands (tests/cli/test_cli_docs.py checks it).
docs: install
	$(BIN)/python -m dyads.cli.reference docs/cli.md

eval: install
	$(BIN)/dyads eval --all

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(DB) build dist *.egg-info .pytest_cache
