# One task runner. `make demo` and `make test` are the README's two set-up commands.
PYTHON ?= python3
DB ?= demo.duckdb

.PHONY: install demo test lint typecheck bench eval clean

install:
	$(PYTHON) -m pip install -q -e '.[test]'

demo: install
	rm -f $(DB)
	dyads ingest samples --db $(DB)
	dyads top --db $(DB)
	dyads dyad Rwanda M23 --db $(DB)

test: install
	$(PYTHON) -m pytest

lint:
	ruff check src tests bench
	ruff format --check src tests bench

typecheck:
	mypy

eval:
	dyads eval --all

bench:
	$(PYTHON) bench/run_all.py

clean:
	rm -rf $(DB) build dist *.egg-info .pytest_cache
