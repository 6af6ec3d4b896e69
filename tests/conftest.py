"""Shared fixtures: the vocabulary, the shared corpus (skipped when absent), Prefect's test harness."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def vocabulary():
    from flows.reading import read_vocabulary

    return read_vocabulary()


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """../shared/corpus beside the clone; tests that need it skip on a clone without it."""
    corpus = SHARED / "corpus"
    if not (corpus / "gold.csv").exists():
        pytest.skip("../shared/corpus is not beside this clone")
    return corpus


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server for the whole session (starting one costs ~15 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
