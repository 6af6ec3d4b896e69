"""The flows end to end under Prefect's test harness: samples in, a validated snapshot out."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from flows.archive import sha256_of
from flows.paths import DEFAULT_SOURCES, ROOT
from flows.pipeline import backfill, nightly
from flows.publish import latest_version
from flows.validate import ValidationFailed

pytestmark = [pytest.mark.prefect, pytest.mark.xdist_group("prefect")]

GOLDEN = ROOT / "tests" / "golden" / "samples_figures.csv"
KEY = ("doc", "year", "country", "group", "metric", "value")


def _num(value) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def golden_keys() -> set[tuple]:
    with open(GOLDEN, newline="", encoding="utf-8") as handle:
        return {(r["doc"], int(r["year"]), r["country"], r["group"], r["metric"], _num(r["value"]))
                for r in csv.DictReader(handle)}


def fact_keys(facts: pd.DataFrame) -> set[tuple]:
    return {(r.document, int(r.year), r.country, r.group, r.metric, _num(r.value)) for r in facts.itertuples()}


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, prefect_harness):
    data_dir = tmp_path_factory.mktemp("data")
    summary = nightly(data_dir=str(data_dir))
    return data_dir, summary


def test_nightly_publishes_the_samples(first_run):
    data_dir, summary = first_run
    assert summary["status"] == "published" and not summary["quarantined"]
    assert all(s["status"] == "ok" for s in summary["sources"])
    latest = data_dir / "published" / "latest"
    incidents = pd.read_parquet(latest / "incidents.parquet")
    assert incidents["year"].nunique() >= 8
    assert {"PAK", "AFG"} <= set(incidents["country"])
    path = (latest / "incidents.parquet").as_posix()
    assert duckdb.sql(f"select count(distinct year) from '{path}'").fetchall() == [(incidents["year"].nunique(),)]


def test_snapshot_figures_are_the_ones_a_reader_finds_in_the_samples(first_run):
    data_dir, _ = first_run
    facts = pd.read_parquet(data_dir / "published" / "latest" / "facts.parquet")
    found, gold = fact_keys(facts), golden_keys()
    precision = len(found & gold) / len(found)
    recall = len(found & gold) / len(gold)
    assert precision >= 0.9 and recall >= 0.8, (precision, recall, sorted(gold - found)[:20], sorted(found - gold)[:20])


def test_a_known_table_row_lands_in_its_cell(first_run):
    data_dir, _ = first_run
    facts = pd.read_parquet(data_dir / "published" / "latest" / "facts.parquet")
    incidents = pd.read_parquet(data_dir / "published" / "latest" / "incidents.parquet")
    # every cell whose facts all agree must hold that value in the incidents table
    agreeing = facts.groupby(["year", "country", "group", "metric"])["value"].agg(["min", "max"])
    agreeing = agreeing[agreeing["min"] == agreeing["max"]].reset_index()
    merged = agreeing.merge(incidents, on=["year", "country", "group"])
    for row in merged.itertuples():
        assert float(getattr(row, row.metric)) == row.min, row


def test_manifest_checksums_and_documents(first_run):
    data_dir, summary = first_run
    snapshot = data_dir / "published" / summary["version"]
    manifest = json.loads((snapshot / "manifest.json").read_text())
    for name, digest in manifest["files"].items():
        assert sha256_of((snapshot / name).read_bytes()) == digest
    archived = {d["sha256"] for d in manifest["documents"]}
    for sha in archived:
        body = (data_dir / "raw" / sha[:2] / sha).read_bytes()
        assert sha256_of(body) == sha
    assert manifest["tables"]["facts"]["rows"] == summary["facts_rows"]
    assert manifest["validation"] if "validation" in manifest else (snapshot / "validation.json").exists()


def test_rerun_with_unchanged_inputs_publishes_nothing_and_parses_nothing(first_run):
    data_dir, summary = first_run
    before = sorted(p.name for p in (data_dir / "published").iterdir())
    again = nightly(data_dir=str(data_dir))
    assert again["status"] == "unchanged" and again["version"] == summary["version"]
    assert again["parsed"] == 0 and again["documents"] == summary["documents"]
    assert sorted(p.name for p in (data_dir / "published").iterdir()) == before


CONTRADICTION = """url: https://reports.example.org/contradiction
title: A report that contradicts itself
published: 2020-01-04
source_org: PIPS

The institute counted 120 terrorist attacks in Pakistan in 2019.
The TTP alone carried out 150 terrorist attacks in Pakistan in 2019.
"""


def test_a_table_that_breaks_an_expectation_is_not_published(tmp_path, prefect_harness):
    registry = _copy_samples(tmp_path)
    data_dir = tmp_path / "data"
    good = nightly(sources=str(registry), data_dir=str(data_dir))
    before = sorted(p.name for p in (data_dir / "published").iterdir())
    (tmp_path / "samples" / "pips" / "pk-2019-contradiction.txt").write_text(CONTRADICTION)
    with pytest.raises(ValidationFailed, match="group-above-total: PIPS PAK 2019 ttp/attacks: 150 above the total 120"):
        nightly(sources=str(registry), data_dir=str(data_dir))
    assert latest_version(data_dir / "published") == good["version"]
    assert sorted(p.name for p in (data_dir / "published").iterdir()) == before
    records = sorted((data_dir / "state" / "runs").glob("*.json"))
    assert json.loads(records[-1].read_text())["status"] == "validation-failed"


def _copy_samples(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data" / "samples", tmp_path / "samples")
    shutil.copy(DEFAULT_SOURCES, tmp_path / "sources.toml")
    return tmp_path / "sources.toml"


NEW_REPORT = """url: https://reports.example.org/revision
title: Revised yearly figures
published: 2019-03-02
source_org: PIPS

The revised count for 2016 shows that militants carried out 455 terrorist attacks in Pakistan.
In 2018, according to the same revision, 300 terrorist attacks took place across Pakistan.
"""


def test_backfill_changes_only_the_cells_of_its_years(tmp_path, prefect_harness):
    registry = _copy_samples(tmp_path)
    data_dir = tmp_path / "data"
    first = nightly(sources=str(registry), data_dir=str(data_dir))
    before = pd.read_parquet(data_dir / "published" / first["version"] / "incidents.parquet")
    (tmp_path / "samples" / "pips" / "pk-2019-pips-revision.txt").write_text(NEW_REPORT)
    after_summary = backfill(first_year=2015, last_year=2016, source_ids=["pips-samples"],
                             sources=str(registry), data_dir=str(data_dir))
    assert after_summary["status"] == "published"
    after = pd.read_parquet(data_dir / "published" / "latest" / "incidents.parquet")
    key = ["year", "country", "group"]
    merged = before.merge(after, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
    changed_years = set()
    metrics = [c for c in before.columns if c not in (*key, "n_documents", "sources", "cell_series", "conflicts")]
    for row in merged.to_dict("records"):
        pairs = [(row[f"{c}_old"], row[f"{c}_new"]) for c in metrics]
        if row["_merge"] != "both" or any(pd.isna(o) != pd.isna(n) or (not pd.isna(o) and o != n) for o, n in pairs):
            changed_years.add(row["year"])
    assert changed_years and changed_years <= {2015, 2016}
    facts = pd.read_parquet(data_dir / "published" / "latest" / "facts.parquet")
    assert ((facts["document"] == "pk-2019-pips-revision.txt") & (facts["year"] == 2018)).sum() == 0
    # the backfilled version rebuilds from the archive: its recipe carries the earlier documents over
    from flows.rebuild import rebuild_version

    assert rebuild_version(data_dir, after_summary["version"]).identical


def test_bad_documents_are_quarantined_and_the_run_goes_on(tmp_path, prefect_harness):
    registry = _copy_samples(tmp_path)
    (tmp_path / "samples" / "pips" / "empty-report.txt").write_bytes(b"")
    (tmp_path / "samples" / "pips" / "header-only.txt").write_text("url: x\ntitle: nothing\n\n   \n")
    summary = nightly(sources=str(registry), data_dir=str(tmp_path / "data"))
    assert summary["status"] == "published"
    reasons = {q["document"]: q["reason"] for q in summary["quarantined"]}
    assert reasons == {"empty-report.txt": "empty: no bytes", "header-only.txt": "empty: no text after the header"}
    manifest = json.loads((tmp_path / "data" / "published" / "latest" / "manifest.json").read_text())
    assert {q["document"] for q in manifest["quarantined"]} == set(reasons)
    assert manifest["degraded"] is True


NEW_CELL = """url: https://reports.example.org/older-year
title: Looking back at 2012
published: 2013-01-06
source_org: PIPS

Militants carried out 1,577 terrorist attacks across Pakistan in 2012, the institute's yearly count shows.
"""


def test_a_new_document_makes_a_version_whose_diff_lists_exactly_its_cells(tmp_path, prefect_harness):
    from flows.rebuild import rebuild_version
    from flows.snapshots import diff_versions

    registry = _copy_samples(tmp_path)
    data_dir = tmp_path / "data"
    first = nightly(sources=str(registry), data_dir=str(data_dir))
    (tmp_path / "samples" / "pips" / "pk-2012-pips-look-back.txt").write_text(NEW_CELL)
    second = nightly(sources=str(registry), data_dir=str(data_dir))
    assert second["status"] == "published" and second["changes"] == {"added": 1}
    changes = pd.read_parquet(data_dir / "published" / second["version"] / "changes.parquet")
    assert changes[["change", "year", "country", "group", "metric", "new_value", "new_series"]].astype(str).values.tolist() == [
        ["added", "2012", "PAK", "all", "attacks", "1577.0", "PIPS"]]
    assert "1,577 terrorist attacks" in changes["evidence"][0]
    diffed, text = diff_versions(data_dir / "published", first["version"], second["version"])
    assert len(diffed) == 1 and "1 cells added, 0 changed, 0 removed" in text
    for version in (first["version"], second["version"]):
        report = rebuild_version(data_dir, version)
        assert report.identical and report.same_code, report.lines()
