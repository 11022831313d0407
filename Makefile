# Two commands a school needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# The example school is the 2026/27 school year: `make run` shows it as it stood on this afternoon,
# with a reminder just due. Your own school runs postplan without --now.
EXAMPLE_NOW ?= 2026-11-23T15:31

.PHONY: run test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

run: $(STAMP)
	$(BIN)/postplan validate --now $(EXAMPLE_NOW)
	$(BIN)/postplan build --now $(EXAMPLE_NOW)
	$(BIN)/postplan publish --dry-run --now $(EXAMPLE_NOW)
	@echo
	@echo "Done. To see the site: $(BIN)/postplan serve --now $(EXAMPLE_NOW)  (then open http://localhost:8000/); the calendar feeds are in site/feeds/."
	@echo "Nothing was posted: with no credentials set, publishing only shows what it would send."

AXE := tests/browser/node_modules/axe-core/axe.min.js

# axe-core (npm) checks the built site's accessibility in the browser tests; Chromium and chromedriver are
# Debian's packages (chromium, chromium-driver).
# Without npm the accessibility tests are skipped (outside CI), so a failure here does not stop the tests.
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	-npm ci --prefix tests/browser --no-audit --no-fund && touch $(AXE)

test: $(TEST_STAMP) $(AXE)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) site site-staff outbox tests/browser/node_modules
