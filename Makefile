# thaiforms: `make demo` and `make test` set up a fresh machine on their own.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
JOBS    ?= 2

.PHONY: install office demo test bench bench-instructions bench-dates bench-validate samples accuracy findings cer clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,dask]'
	touch $(STAMP)

# The regular expressions' compiled form, stored once per installation and again whenever the
# code or the rule data the patterns are built from changes (pipeline/patterns.py): each run then
# starts ≈0.1 s sooner.
PATTERNS := $(VENV)/.patterns
$(PATTERNS): $(STAMP) $(wildcard pipeline/*.py pipeline/*/*.py extractors/*.py schemas/rules/*.json)
	$(BIN)/python -m pipeline.patterns
	touch $(PATTERNS)

# OCR of scanned pages: Debian's tesseract with its Thai model (pipeline/readers/ocr.py). Where
# it cannot be installed the run still works: scanned pages are listed, not read, the OCR tests
# are skipped, and the next `make` tries again.
OCR_ENGINE := $(VENV)/.ocr
$(OCR_ENGINE): $(STAMP)
	@if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx tha; then \
	  touch $@; \
	elif apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	    --no-install-recommends tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng; then \
	  touch $@; \
	else echo "thaiforms: tesseract could not be installed: scanned pages will not be read" >&2; fi

install: $(STAMP) $(PATTERNS) $(OCR_ENGINE)

# The samples include deliberately broken files, so the run exits 1 (some files failed);
# anything above 1 is a real failure.
demo: install
	$(BIN)/thaiforms run samples/ -o out/ --jobs $(JOBS) --as-of 2010-10-15; rc=$$?; \
	  if [ $$rc -gt 1 ]; then exit $$rc; fi; \
	  echo "Outputs in out/: consolidated.csv, findings.csv, files.csv, summary.csv"

# One pytest worker per CPU: the tests are independent (each writes under its own tmp_path),
# and on two cores the suite takes about half the time.
test: install
	$(BIN)/python -m pytest -n auto

# LibreOffice, Thai fonts and qpdf (Debian packages) turn generated DOCX into PDFs for the
# benchmark corpus and the samples. Only `bench` and `samples` need them: the built samples are
# committed, so demo and test never do.
office:
	@command -v soffice >/dev/null && command -v qpdf >/dev/null && fc-list | grep -qi garuda || { \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	    libreoffice-writer-nogui libreoffice-calc-nogui fonts-thai-tlwg poppler-utils qpdf; }

# Synthetic corpus under bench_out/ (FILES=3000 for the large one); figures in bench/README.md.
FILES   ?= 300
bench: install office
	$(BIN)/python scripts/bench.py --files $(FILES) --jobs $(JOBS)

# The --jobs 2 speed-up the pipeline's instruction counts allow (valgrind: the same count
# whatever else the host runs); a few minutes, as callgrind runs Python ≈50x slower.
bench-instructions: install office
	@command -v valgrind >/dev/null || { apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends valgrind; }
	$(BIN)/python scripts/bench_instructions.py --files $(FILES)

bench-dates: install
	$(BIN)/python scripts/bench_dates.py

bench-validate: install
	$(BIN)/python scripts/bench_validate.py

# Record recall/precision/field accuracy per form and format against tests/expected/records.
accuracy: install
	$(BIN)/python scripts/accuracy.py

# Findings recall and false alarms against tests/expected/findings.
findings: install
	$(BIN)/python scripts/findings_accuracy.py --as-of 2010-10-15

# Character error rate of `thaiforms text` against raw pdfplumber on PDFs of known text.
cer: install
	$(BIN)/python scripts/cer.py

samples: install office
	$(BIN)/python samples/build.py

clean:
	rm -rf out .pytest_cache
