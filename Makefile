# Two commands on a fresh machine: `make check` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: check test test-slow lint fmt golden schema docs bench clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The data gate: fails on what the editor must fix; a true finding about a State (R101, T201) is reported only.
check: $(STAMP)
	$(BIN)/ccm check --data data --fail-on editor

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

# Words in catalogues: extract the messages of the templates and renderers into templates/locale/messages.pot
# and merge them into every language's messages.po (new ones empty, changed ones fuzzy: both fail the tests
# until a translator has done them). The .po files are compiled in memory at run time: nothing else to build.
LOCALE := templates/locale
messages: $(STAMP)
	$(BIN)/pybabel --quiet extract -F babel.cfg --add-location=file --no-wrap --sort-by-file --add-comments=Translators: \
		--project=ccm-stockpile --copyright-holder="ccm-stockpile contributors" -o $(LOCALE)/messages.pot .
	$(BIN)/pybabel --quiet update -i $(LOCALE)/messages.pot -d $(LOCALE) --no-wrap --ignore-obsolete

schema: $(STAMP)
	$(BIN)/ccm schema

docs: $(STAMP)
	$(BIN)/python -m ccm_stockpile.docs

bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
