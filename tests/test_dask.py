"""Extraction on a Dask cluster of two worker processes publishes the very tables the default runner does."""
from __future__ import annotations

import json
import pickle

import pytest
from distributed import LocalCluster

from flows.deploy import task_runner, with_runner
from flows.paths import DEFAULT_SOURCES
from flows.pipeline import nightly
from flows.reading import read_vocabulary
from flows.registry import read_sources

pytestmark = [pytest.mark.prefect, pytest.mark.xdist_group("prefect")]


SENTENCE = "In 2017 the Tehreek-e-Taliban Pakistan carried out attacks in Khyber Pakhtunkhwa, Pakistan and Kabul."


def test_what_a_task_receives_survives_pickling():
    """Dask sends task arguments to other processes: the registry and the vocabulary (compiled patterns) must pickle."""
    vocabulary, sources = read_vocabulary(), read_sources(DEFAULT_SOURCES)
    copy = pickle.loads(pickle.dumps(vocabulary))
    for find in ("find_groups", "find_countries", "find_regions"):
        assert getattr(copy, find)(SENTENCE) == getattr(vocabulary, find)(SENTENCE)
    assert vocabulary.find_groups(SENTENCE) and vocabulary.find_countries(SENTENCE)
    assert pickle.loads(pickle.dumps(sources)) == sources


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


def test_two_dask_workers_publish_the_same_tables_as_the_default_runner(tmp_path, prefect_harness, cluster):
    default = nightly(data_dir=str(tmp_path / "threads"))
    on_dask = with_runner(nightly, task_runner("dask", cluster.scheduler_address))(data_dir=str(tmp_path / "dask"))
    assert default["status"] == on_dask["status"] == "published"
    # the batches ran on the cluster's worker processes, not in this one
    assert "parse_and_extract" in cluster.scheduler.task_prefixes and len(cluster.workers) == 2
    manifests = [json.loads((tmp_path / run / "published" / "latest" / "manifest.json").read_text())
                 for run in ("threads", "dask")]
    assert manifests[0]["tables"].keys() == manifests[1]["tables"].keys()
    for name, table in manifests[0]["tables"].items():
        other = manifests[1]["tables"][name]
        assert (table["rows"], table["logical_sha256"], table["sha256"]) == (
            other["rows"], other["logical_sha256"], other["sha256"]), name
    incidents = [(tmp_path / run / "published" / "latest" / "incidents.parquet").read_bytes() for run in ("threads", "dask")]
    assert incidents[0] == incidents[1]
    assert (default["documents"], default["figures"], default["quarantined"]) == (
        on_dask["documents"], on_dask["figures"], on_dask["quarantined"])
