# The README's commands. Each works on a fresh machine from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck bench system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# Before issue 17 the distribution was called "draftkit" (a name taken on PyPI by another project).
	@$(PY) -m pip uninstall --quiet --yes draftkit >/dev/null 2>&1 || true
	$(PY) -m pip install --quiet -e '.[test,web]'
	touch $(STAMP)

# The regular expressions compiled once for this interpreter (draftkit.precompiled) and the
# lemma dictionaries kept decompressed (compare.lemma_index), again
# whenever a source file changes; without these files draftkit compiles and decompresses as it runs.
CACHES := $(VENV)/.caches
$(CACHES): $(STAMP) tools/build_caches.py $(shell find src/draftkit -name '*.py' 2>/dev/null) schemas/taxonomy.toml
	$(PY) tools/build_caches.py
	touch $(CACHES)

DK   := $(VENV)/bin/draftkit
DATE := 2026-11-24

demo: $(CACHES)
	@echo "== draftkit parse drafts/framework-v1.docx   (the provision tree, Word numbering computed)"
	@$(DK) parse drafts/framework-v1.docx
	@echo
	@echo "== draftkit diff drafts/framework-v1.docx drafts/framework-v2.docx"
	@$(DK) diff drafts/framework-v1.docx drafts/framework-v2.docx
	@echo
	@echo "== draftkit diff drafts/framework-v1.docx drafts/framework-v2.pdf   (round 2 as circulated in PDF: same changes)"
	@$(DK) diff drafts/framework-v1.docx drafts/framework-v2.pdf
	@echo
	@echo "== draftkit diff drafts/framework-v2.txt drafts/framework-v3-press.txt   (round 3 as a news site printed it: no numbers)"
	@$(DK) diff drafts/framework-v2.txt drafts/framework-v3-press.txt
	@echo
	@echo "== draftkit validate drafts/framework-v2.docx"
	@$(DK) validate drafts/framework-v2.docx
	@mkdir -p out
	@$(DK) redline drafts/framework-v1.docx drafts/framework-v2.docx -o out/redline.docx --summary --author "draftkit demo" --date $(DATE)
	@$(DK) redline drafts/framework-v1.docx drafts/framework-v2.docx -o out/report.html --date $(DATE)
	@$(DK) redline drafts/framework-v1.docx drafts/framework-v2.docx -o out/changes.md --date $(DATE)
	@$(DK) history drafts/framework-v1.txt drafts/framework-v2.txt drafts/framework-v3.txt drafts/framework-v4-brackets.txt drafts/framework-v5-merged.txt --format html -o out/history.html
	@echo
	@echo "== draftkit compare3 drafts/kessel/base.txt drafts/kessel/veloria-counter.txt drafts/kessel/astria-counter.txt   (two counter-proposals against one base)"
	@$(DK) compare3 drafts/kessel/base.txt drafts/kessel/veloria-counter.txt drafts/kessel/astria-counter.txt --labels Veloria,Astria
	@$(DK) compare3 drafts/kessel/base.txt drafts/kessel/veloria-counter.txt drafts/kessel/astria-counter.txt --labels Veloria,Astria --format html -o out/compare3.html
	@$(DK) compare3 drafts/kessel/base.txt drafts/kessel/veloria-counter.txt drafts/kessel/astria-counter.txt --labels Veloria,Astria --format docx -o out/compare3.docx --date $(DATE)
	@echo
	@echo "Reports: out/redline.docx (Word tracked changes + comments), out/report.html, out/changes.md"
	@echo
	@echo "Run draftkit yourself: .venv/bin/draftkit --help   (or: source .venv/bin/activate, then draftkit --help)"
	@echo "The web app (drop two files in a browser): .venv/bin/draftkit serve   then open http://127.0.0.1:8000/"

test: $(CACHES) system-deps
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests tools benchmarks
	$(VENV)/bin/mypy

bench: $(CACHES)
	$(PY) benchmarks/parse.py
	$(PY) benchmarks/compare.py
	$(PY) benchmarks/compare_shapes.py
	$(PY) benchmarks/floor.py
	$(PY) benchmarks/redline.py
	$(PY) benchmarks/history.py
	$(PY) benchmarks/batch.py
	$(PY) benchmarks/risk_accuracy.py
	$(PY) benchmarks/fuzz.py
	$(PY) benchmarks/real_texts.py
	$(PY) benchmarks/heldout.py
	$(PY) benchmarks/merges.py
	$(PY) benchmarks/risk_heldout.py
	$(PY) benchmarks/risk_heldout.py benchmarks/risk_heldout2/cases.jsonl
	$(PY) benchmarks/risk_heldout.py benchmarks/risk_heldout3/cases.jsonl
	$(PY) benchmarks/risk_heldout.py benchmarks/risk_heldout4/cases.jsonl
	$(PY) benchmarks/risk_heldout.py benchmarks/risk_heldout5/cases.jsonl
	$(PY) benchmarks/risk_heldout.py benchmarks/risk_heldout6/cases.jsonl
	$(PY) benchmarks/risk_heldout.py benchmarks/risk_heldout7/cases.jsonl
	$(PY) benchmarks/risk_heldout.py benchmarks/risk_heldout8/cases.jsonl
	$(PY) benchmarks/risk_heldout.py benchmarks/risk_heldout9/cases.jsonl
	$(PY) benchmarks/risk_heldout.py benchmarks/risk_heldout10/cases.jsonl
	$(PY) benchmarks/risk_heldout.py benchmarks/risk_heldout11/cases.jsonl
	$(PY) benchmarks/list_items.py
	$(PY) benchmarks/loose_corpus.py
	$(if $(CORPUS),$(PY) benchmarks/docx_corpus.py $(CORPUS) --jobs 2,@echo "docx_corpus: skipped (make bench CORPUS=folder-of-docx)")
	$(if $(CORPUS),$(PY) benchmarks/docx_vs_pdf.py $(CORPUS),@echo "docx_vs_pdf: skipped (make bench CORPUS=folder-of-docx)")

# LibreOffice (with python3-uno, for its accept/reject in tests/lo_oracle.py) and Chromium
# for the tests that open our outputs the way users do.
# Installed where we can (root with apt-get); elsewhere those tests skip with a reason.
system-deps:
	@if command -v soffice >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1 \
	  && { /usr/bin/python3 -c 'import uno' || python3 -c 'import uno'; } >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing libreoffice-writer-nogui, python3-uno and chromium (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    libreoffice-writer-nogui python3-uno chromium fonts-dejavu-core >/dev/null || echo "apt-get failed: office/browser tests will skip"; \
	else echo "not root: LibreOffice/Chromium tests will skip"; fi

clean:
	rm -rf $(VENV) out build dist .pytest_cache .mypy_cache .ruff_cache
