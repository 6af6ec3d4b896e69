"""A run's artifacts in the Prefect UI and its HTML validation report."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from prefect import flow
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
from prefect.runtime import flow_run

from flows.artifacts import artifact_key, create_run_artifacts, extracted_rows, summary_markdown, table_rows
from flows.datadocs import columns_of, render_validation_report, suite_notes
from flows.paths import DataDir
from flows.pipeline import RunSummary
from flows.publish import publish_snapshot
from tests.factories import extraction, figure, info
from transforms.normalize import figures_to_facts
from transforms.schema import FACTS

STARTED = datetime(2026, 3, 4, 2, 0, tzinfo=timezone.utc)
SOURCES = [{"id": "pips", "status": "ok", "documents": 3, "refused": [], "error": None},
           {"id": "unama", "status": "failed", "documents": 0, "refused": [["https://x/a", "robots"]],
            "error": "connection refused"}]


def summary(**changes) -> RunSummary:
    run = RunSummary("nightly", STARTED.isoformat(), {}, sources=SOURCES, documents=3, parsed=1, figures=7,
                     drops={"year": 4, "money": 1})
    for name, value in changes.items():
        setattr(run, name, value)
    return run


def publish_facts(published: Path, attacks: int, now: datetime):
    facts = figures_to_facts([(info("a.txt"), extraction(figure(2017, "PAK", "all", "attacks", attacks)))])
    validation = {"summary": {"success": True, "evaluated": 1, "failures": []},
                  "results": {"facts": {"success": True, "statistics": {"evaluated_expectations": 1,
                                                                        "successful_expectations": 1},
                                        "expectations": [{"expectation_type": "expect_table_row_count_to_be_between",
                                                          "success": True, "kwargs": {"min_value": 1},
                                                          "result": {"observed_value": 1}}]}}}
    return publish_snapshot(published, {"facts": (facts, FACTS)}, {"run": {"flow": "test"}}, validation, now)


@pytest.mark.parametrize("flow_name, part, expected", [
    ("nightly", "fetched", "incidents-nightly-fetched"),
    ("backfill", "validation-report", "incidents-backfill-validation-report"),
    ("Night Run", "changed_cells", "incidents-night-run-changed-cells"),
])
def test_artifact_keys_use_only_what_prefect_accepts(flow_name, part, expected):
    assert artifact_key(flow_name, part) == expected


def test_extracted_rows_split_parsed_from_cached_and_list_drops_by_reason():
    rows = {r["measure"]: r["count"] for r in extracted_rows(summary())}
    assert rows["parsed this run"] == 1 and rows["unchanged (extraction cache)"] == 2
    assert rows["dropped: year"] == 4 and rows["dropped: money"] == 1 and rows["figures"] == 7


@pytest.mark.parametrize("status, version, headline", [
    ("published", "v2", "published snapshot `v2`"),
    ("unchanged", "v1", "nothing changed since snapshot `v1`"),
    ("validation-failed", None, "nightly run: validation-failed"),
])
def test_markdown_summary_leads_with_the_outcome_and_flags_degraded_runs(status, version, headline):
    text = summary_markdown(summary(status=status, version=version), [], None)
    assert headline in text.splitlines()[0]
    assert "**Degraded**: 1 source failed, 1 document refused." in text


@pytest.mark.parametrize("sources, quarantined, because", [
    (SOURCES[:1], [], ""),
    (SOURCES, [], "1 source failed, 1 document refused"),
    ([{**SOURCES[0], "refused": [["a.pdf", "too-large"], ["b.txt", "outside"]]}], [], "2 documents refused"),
    (SOURCES[:1], [{"source_id": "pips", "document": "a.txt", "sha256": "0" * 64, "reason": "timeout: ..."}],
     "1 document quarantined"),
])
def test_a_degraded_run_says_why_and_a_clean_one_says_nothing(sources, quarantined, because):
    run = summary(sources=sources, quarantined=quarantined)
    assert run.degraded_because == because and run.degraded == bool(because)
    assert ("DEGRADED: " + because in "\n".join(run.lines())) == bool(because)


def test_table_rows_compare_each_table_with_the_previous_snapshot(tmp_path):
    first = publish_facts(tmp_path, 370, STARTED)
    second = publish_facts(tmp_path, 371, STARTED.replace(day=5))
    assert table_rows(first.path, None) == [{"table": "facts", "rows": 1, "rows before": None, "changed": True}]
    assert table_rows(second.path, first.path) == [{"table": "facts", "rows": 1, "rows before": 1, "changed": True}]


def _failing_validation() -> dict:
    expectations = [
        {"expectation_type": "expect_table_row_count_to_be_between", "success": True, "kwargs": {"min_value": 1},
         "result": {"observed_value": 3}},
        {"expectation_type": "expect_column_values_to_be_between", "success": False,
         "kwargs": {"batch_id": "b", "column": "year", "min_value": 1970},
         "result": {"element_count": 3, "unexpected_count": 1, "partial_unexpected_list": [1800]}},
    ]
    return {"summary": {"success": False, "evaluated": 2, "failures": ["facts: year <script>"]},
            "results": {"facts": {"success": False, "expectations": expectations,
                                  "statistics": {"evaluated_expectations": 2, "successful_expectations": 1}}}}


def test_report_puts_failures_first_escapes_text_and_gives_the_suites_reasons():
    notes = suite_notes({"facts": {"expectations": [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "year"}, "meta": {"notes": "no 1800s"}}]}})
    page = render_validation_report("Validation <of> v1", _failing_validation(), notes)
    assert "<script>" not in page and "&lt;script&gt;" in page and "Validation &lt;of&gt; v1" in page
    rows = [line for line in page.splitlines() if line.startswith("<tr class=")]
    assert rows[0].startswith('<tr class="failed">') and "1 of 3 rows unexpected: [1800]" in rows[0]
    assert "no 1800s" in rows[0] and "min_value=1970" in rows[0] and "batch_id" not in rows[0]
    assert rows[1].startswith('<tr class="passed">') and "observed 3" in rows[1]


@pytest.mark.parametrize("kwargs, expected", [
    ({"column": "year"}, "year"),
    ({"column_list": ["year", "country", "group"]}, "year, country, group"),
    ({"column_A": "value_high", "column_B": "value"}, "value_high, value"),
    ({"min_value": 1}, ""),
])
def test_columns_of_an_expectation(kwargs, expected):
    assert columns_of(kwargs) == expected


@flow
def record(data_dir: str, run: dict) -> str:
    create_run_artifacts(DataDir(Path(data_dir)), RunSummary(**run))
    return flow_run.id


def artifacts_of(flow_run_id: str) -> dict:
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return {a.key: a for a in found}


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
def test_a_published_run_leaves_tables_a_summary_and_links(tmp_path, prefect_harness):
    layout = DataDir(tmp_path)
    publish_facts(layout.published, 370, STARTED)
    second = publish_facts(layout.published, 371, STARTED.replace(day=5))
    run = summary(status="published", published=True, version=second.version, snapshot=str(second.path),
                  quarantined=[{"source_id": "pips", "document": "bad.pdf", "sha256": "ab" * 32, "reason": "empty"}])
    found = artifacts_of(record(str(tmp_path), run.__dict__))
    parts = {key.removeprefix("incidents-nightly-") for key in found}
    assert parts == {"fetched", "extracted", "quarantined", "changed", "published", "summary", "snapshot",
                     "validation-report"}
    assert json.loads(found["incidents-nightly-fetched"].data)[1] == {
        "source": "unama", "status": "failed", "documents": 0, "refused": 1, "error": "connection refused"}
    assert json.loads(found["incidents-nightly-quarantined"].data)[0]["reason"] == "empty"
    assert json.loads(found["incidents-nightly-changed"].data)[0]["rows before"] == 1
    assert found["incidents-nightly-snapshot"].data.startswith(f"[snapshot {second.version}](file://")
    report = layout.state / "reports" / f"{second.version}.html"
    assert report.resolve().as_uri() in found["incidents-nightly-validation-report"].data
    assert "expect_table_row_count_to_be_between" in report.read_text()


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
def test_a_run_that_failed_validation_still_reports_why(tmp_path, prefect_harness):
    run = summary(status="validation-failed", validation={"success": False, "evaluated": 9,
                                                          "failures": ["facts: year out of range"]})
    found = artifacts_of(record(str(tmp_path), run.__dict__))
    assert "incidents-nightly-snapshot" not in found and "validation-failed" in found["incidents-nightly-summary"].data
    report = next((tmp_path / "state" / "reports").glob("*-nightly-failed.html"))
    assert "facts: year out of range" in report.read_text()
