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

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) site outbox
