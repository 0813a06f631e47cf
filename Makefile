# Two commands: `make report` (the study as HTML in reports/) and `make test` (everything CI checks).
# Each creates .venv with pinned versions (constraints.txt) when it is missing or out of date.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PYTHONHASHSEED := 0

.PHONY: report test pytest nbval fresh notebooks bench clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,dask]'
	@touch $(STAMP)

report: $(STAMP)
	$(BIN)/framing report seeds --out reports --story bolivia_iran_2023
	@echo "open reports/index.html"

test: pytest nbval fresh

pytest: $(STAMP)
	$(BIN)/python -m pytest

nbval: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider --nbval --nbval-current-env \
	    --nbval-sanitize-with notebooks/sanitize.cfg notebooks/ -o testpaths=notebooks

# committed outputs (figures too: nbval does not compare PNGs) must be what the code makes now
fresh: $(STAMP)
	$(BIN)/python -m framing.report.notebooks check

notebooks: $(STAMP)
	$(BIN)/python -m framing.report.notebooks refresh

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_terms.py
	$(BIN)/python benchmarks/bench_quotes.py
	$(BIN)/python benchmarks/bench_batch.py

# the loaded-word model and the derived candidate lexicon, from the train split of ../shared/devdata
# (read, never copied; byte-identical on a rerun); not needed by `make test`
DEVDATA ?= ../shared/devdata
.PHONY: model
model: $(STAMP)
	$(BIN)/python scripts/train_loaded_model.py $(DEVDATA)
	$(BIN)/python scripts/derive_lexicon.py $(DEVDATA)

clean:
	rm -rf reports .pytest_cache .hypothesis
