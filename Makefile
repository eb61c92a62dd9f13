# The README's commands. Each works on a fresh machine from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck bench system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== draftkit parse drafts/framework-v1.docx"
	$(VENV)/bin/draftkit parse drafts/framework-v1.docx

test: $(STAMP) system-deps
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

bench: $(STAMP)
	$(PY) benchmarks/parse.py

# LibreOffice and Chromium for the tests that open our outputs the way users do.
# Installed where we can (root with apt-get); elsewhere those tests skip with a reason.
system-deps:
	@if command -v soffice >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing libreoffice-writer-nogui and chromium (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    libreoffice-writer-nogui chromium fonts-dejavu-core >/dev/null || echo "apt-get failed: office/browser tests will skip"; \
	else echo "not root: LibreOffice/Chromium tests will skip"; fi

clean:
	rm -rf $(VENV) out build dist .pytest_cache .mypy_cache .ruff_cache
