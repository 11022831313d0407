# Two commands a school needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/postplan validate
	$(BIN)/postplan build
	$(BIN)/postplan publish --dry-run
	@echo
	@echo "Done. Open site/index.html in a browser; the calendar feeds are site/feeds/*.ics."

AXE := tests/browser/node_modules/axe-core/axe.min.js

# axe-core (npm) checks the built site's accessibility in the browser tests; Chromium is Debian's package.
# Without npm the accessibility tests are skipped (outside CI), so a failure here does not stop the tests.
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	-npm ci --prefix tests/browser --no-audit --no-fund && touch $(AXE)

test: $(STAMP) $(AXE)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) site site-staff outbox tests/browser/node_modules
