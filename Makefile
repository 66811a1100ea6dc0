# Two commands on a fresh machine: `make check` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
SITE_TEST_STAMP := $(VENV)/.installed-site-test

.PHONY: check test test-slow test-browser lint fmt golden schema docs bench mutate size clean site messages

# The first run installs for a minute or two: each step says what it is doing, so a quiet terminal is never a hang.
$(BIN)/python:
	@echo "make: creating the virtual environment in $(VENV) ..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Everything: the core install and the `documents` extra (letters, documents, chart, Excel export).
$(STAMP): $(BIN)/python pyproject.toml
	@echo "make: installing ccm-stockpile with the documents extra (pandoc, matplotlib, openpyxl: about 400 MB, the first time only) ..."
	$(BIN)/python -m pip install --quiet --progress-bar off -e '.[documents]'
	@echo "make: installed"
	touch $@

$(TEST_STAMP): $(STAMP)
	@echo "make: installing the test tools (pytest, ruff, mypy, hypothesis, zizmor) ..."
	$(BIN)/python -m pip install --quiet --progress-bar off -e '.[test]'
	touch $@

# The data gate: fails on what the editor must fix; a true finding about a State (R101, T201) is reported only.
check: $(STAMP)
	$(BIN)/ccm check --data data --fail-on editor

# Put the records in canonical form (`ccm fmt --check` only reports).
fmt: $(STAMP)
	$(BIN)/ccm fmt --data data

$(SITE_TEST_STAMP): $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,site-test]'
	touch $@

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser"

# The site in a real browser: Debian's chromium (CHROMIUM=/path to use another), Playwright and axe-core.
test-browser: $(SITE_TEST_STAMP)
	$(BIN)/python -m pytest -m browser

# The static site of the shipped data in ./site (preview: python -m http.server -d site).
site: $(STAMP)
	$(BIN)/ccm site --data data --out site

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
	@# The site's words are a catalogue domain of their own (`site`, babel-site.cfg): site.po beside messages.po.
	$(BIN)/pybabel --quiet extract -F babel-site.cfg --no-location --sort-output --omit-header -o $(LOCALE)/site.pot .
	$(BIN)/pybabel --quiet update -D site -i $(LOCALE)/site.pot -d $(LOCALE) --ignore-obsolete --width 120
	@# the extraction time would change every catalogue on every run: left out, so a diff shows only words
	sed -i '/^"POT-Creation-Date:/d' $(LOCALE)/messages.pot $(LOCALE)/*/LC_MESSAGES/messages.po

schema: $(STAMP)
	$(BIN)/ccm schema

docs: $(STAMP)
	$(BIN)/python -m ccm_stockpile.docs

bench: $(STAMP)
	$(BIN)/python -m bench.run

# The size of the core install (what a hook or a CI job that only checks records installs), in a fresh venv.
size:
	@rm -rf build/size-venv && $(PYTHON) -m venv build/size-venv
	@build/size-venv/bin/python -m pip install --quiet --progress-bar off .
	@du -sh build/size-venv
	@rm -rf build/size-venv

# Mutation testing of domain/ and checks/ against their fast tests (slow: minutes; not in CI). Survivors:
# `.venv/bin/mutmut results`, one of them `.venv/bin/mutmut show NAME`.
mutate: $(TEST_STAMP)
	nice $(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
