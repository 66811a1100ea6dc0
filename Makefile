# Two commands on a fresh machine: `make check` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: check test test-slow lint fmt golden schema docs messages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,documents]'
	touch $@

check: $(STAMP)
	$(BIN)/ccm check --data data

# Put the records in canonical form (`ccm fmt --check` only reports).
fmt: $(STAMP)
	$(BIN)/ccm fmt --data data

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -m "not slow"

test-slow: $(TEST_STAMP)
	$(BIN)/python -m pytest -m slow

# The code gate: lint, formatting and types (CI runs it before the tests).
lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy

# Regenerate the golden outputs after an intended change, then review them in the diff.
golden: $(TEST_STAMP)
	$(BIN)/python -m pytest tests/golden --update-golden

schema: $(STAMP)
	$(BIN)/ccm schema

docs: $(STAMP)
	$(BIN)/python -m ccm_stockpile.docs

# The brief's messages: extract them from templates/brief.md.j2 and merge them into the French and Spanish
# catalogues (new messages arrive untranslated; translate them in templates/locale/*/LC_MESSAGES/brief.po).
messages: $(STAMP)
	mkdir -p build
	$(BIN)/pybabel extract --no-wrap -F babel.cfg -o build/brief.pot templates/brief.md.j2
	$(BIN)/pybabel update --no-wrap --previous -D brief -i build/brief.pot -d templates/locale

bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
