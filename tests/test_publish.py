"""Snapshots: written whole, checksummed, switched atomically, never rewritten."""
import json
import os
from datetime import datetime, timezone

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from flows.archive import sha256_of
from flows.publish import SchemaMismatch, latest_version, publish_snapshot, read_latest_table, remove_partial
from tests.factories import extraction, figure, info, tables_of
from transforms.normalize import figures_to_facts
from transforms.schema import FACTS, SERIES, incidents_schema

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
LATER = datetime(2026, 1, 3, 3, 4, 5, tzinfo=timezone.utc)


def tables(vocabulary, attacks=370):
    facts = figures_to_facts([(info("a.txt"), extraction(
        figure(2017, "PAK", "all", "attacks", attacks), figure(2017, "PAK", "ttp", "killed", 153),
        figure(2016, "AFG", "all", "killed_civilians", 3498)))])
    series, incidents = tables_of(facts, vocabulary)
    return {"incidents": (incidents, incidents_schema(vocabulary)), "series": (series, SERIES), "facts": (facts, FACTS)}


def publish(root, vocabulary, now=NOW, **kw):
    return publish_snapshot(root, tables(vocabulary, **kw), {"run": {"flow": "test"}}, {"summary": {"success": True}}, now)


def test_snapshot_holds_tables_manifest_and_checksums(tmp_path, vocabulary):
    result = publish(tmp_path, vocabulary)
    assert result.new and latest_version(tmp_path) == result.version
    assert result.version.startswith("20260102T030405Z-")
    manifest = json.loads((result.path / "manifest.json").read_text())
    for name, digest in manifest["files"].items():
        assert sha256_of((result.path / name).read_bytes()) == digest
    assert manifest["tables"]["incidents"]["rows"] == 3 and manifest["tables"]["facts"]["rows"] == 3
    assert manifest["run"] == {"flow": "test"} and manifest["previous"] is None


def test_latest_reads_with_pandas_and_duckdb(tmp_path, vocabulary):
    publish(tmp_path, vocabulary)
    frame = pd.read_parquet(tmp_path / "latest" / "incidents.parquet")
    assert frame.loc[(frame["group"] == "all") & (frame["country"] == "PAK"), "attacks"].tolist() == [370]
    assert str(frame["attacks"].dtype) == "Int32"
    path = (tmp_path / "latest" / "incidents.parquet").as_posix()
    assert duckdb.sql(f"select killed from '{path}' where \"group\" = 'ttp'").fetchall() == [(153,)]
    schema = pq.read_schema(path)
    assert schema.field("attacks").metadata[b"description"].startswith(b"Attacks carried out")


def test_unchanged_data_publishes_nothing(tmp_path, vocabulary):
    first = publish(tmp_path, vocabulary)
    again = publish(tmp_path, vocabulary, now=LATER)
    assert not again.new and again.version == first.version
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.version, "latest"])


def test_changed_data_is_a_new_version_and_the_old_one_is_untouched(tmp_path, vocabulary):
    first = publish(tmp_path, vocabulary)
    before = {p.name: p.read_bytes() for p in first.path.iterdir()}
    second = publish(tmp_path, vocabulary, now=LATER, attacks=371)
    assert second.new and latest_version(tmp_path) == second.version != first.version
    assert {p.name: p.read_bytes() for p in first.path.iterdir()} == before
    assert json.loads((second.path / "manifest.json").read_text())["previous"] == first.version
    latest = read_latest_table(tmp_path, "incidents")
    assert latest.loc[(latest["group"] == "all") & (latest["country"] == "PAK"), "attacks"].tolist() == [371]


def test_same_rows_give_byte_identical_parquet(tmp_path, vocabulary):
    a = publish(tmp_path / "a", vocabulary)
    b = publish(tmp_path / "b", vocabulary, now=LATER)
    for name in ("incidents.parquet", "facts.parquet"):
        assert (a.path / name).read_bytes() == (b.path / name).read_bytes()


def test_leftovers_of_an_interrupted_run_are_removed_and_never_listed(tmp_path, vocabulary):
    first = publish(tmp_path, vocabulary)
    (tmp_path / ".tmp-20260103T000000Z-deadbeef-123").mkdir()
    os.symlink(first.version, tmp_path / ".tmp-latest-123")
    assert sorted(remove_partial(tmp_path)) == [".tmp-20260103T000000Z-deadbeef-123", ".tmp-latest-123"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.version, "latest"])


def test_a_frame_that_breaks_the_schema_is_refused_before_writing(tmp_path, vocabulary):
    bad = tables(vocabulary)
    bad["facts"] = (bad["facts"][0].drop(columns=["evidence"]), FACTS)
    with pytest.raises(SchemaMismatch, match="facts: missing columns \\['evidence'\\]"):
        publish_snapshot(tmp_path, bad, {}, {}, NOW)
    assert not tmp_path.exists() or not any(tmp_path.iterdir())
