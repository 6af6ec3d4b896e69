# Set-up and the two everyday commands. Needs only python3 (>= 3.11) on the PATH.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

# Offline-friendly and quiet: no telemetry from Prefect or Great Expectations; Prefect's state
# (its temporary server's database) stays inside the clone.
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1
export GX_ANALYTICS_ENABLED ?= false
# the temporary server migrates a new database on first start, slow on a busy 2-core machine
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180

.PHONY: install run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

run: install
	$(BIN)/incidents run

test: install
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

# The benchmark (BENCHMARKS.md), not part of `make test`: `make bench SIZES=1000` for a quicker run.
SIZES ?= 1000 10000
bench: install
	$(BIN)/python -m tests.benchmarks.bench_pipeline --sizes $(SIZES)

clean:
	rm -rf $(VENV) .prefect data/raw data/published data/state
