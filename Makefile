# thaiforms: `make demo` and `make test` set up a fresh machine on their own.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
JOBS    ?= 2

.PHONY: install demo test bench samples accuracy cer clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,dask]'
	touch $(STAMP)

install: $(STAMP)

# The samples include deliberately broken files, so the run exits 1 (some files failed);
# anything above 1 is a real failure.
demo: install
	$(BIN)/thaiforms run samples/ -o out/ --jobs $(JOBS) --as-of 2010-10-15; rc=$$?; \
	  if [ $$rc -gt 1 ]; then exit $$rc; fi; \
	  echo "Outputs in out/: consolidated.csv, findings.csv, files.csv, summary.csv"

test: install
	$(BIN)/python -m pytest

# Synthetic corpus under bench_out/ (FILES=3000 for the large one); figures in bench/README.md.
FILES   ?= 300
bench: install
	$(BIN)/python scripts/bench.py --files $(FILES) --jobs $(JOBS)

accuracy: install
	$(BIN)/python scripts/accuracy.py

cer: install
	$(BIN)/python scripts/cer.py

# Rebuilding samples needs LibreOffice and Thai fonts (Debian packages); the built files are
# committed, so demo and test never need them.
samples: install
	command -v soffice >/dev/null && fc-list | grep -qi garuda || { \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	    libreoffice-writer-nogui libreoffice-calc-nogui fonts-thai-tlwg poppler-utils; }
	$(BIN)/python samples/build.py

clean:
	rm -rf out .pytest_cache
