"""What a run reports: refusals and failures make it degraded, its record is whole, a failed fetch names no secret."""
from __future__ import annotations

import json
import os
import shutil

import pytest
from prefect.states import Crashed, Failed

from flows.archive import write_replacing
from flows.paths import DEFAULT_SOURCES, ROOT
from flows.pipeline import RunSummary, failed_fetch
from flows.registry import Source
from flows.sources import MAX_FILE_BYTES


def source(id: str, status: str = "ok", refused: list | None = None, error: str | None = None) -> dict:
    return {"id": id, "status": status, "documents": 2, "refused": refused or [], "error": error}


@pytest.mark.parametrize(
    ("sources", "quarantined", "degraded"),
    [
        ([source("a"), source("b")], [], False),
        ([source("a"), source("b", refused=[["big.txt", "too-large: 60000000 bytes > 50000000"]])], [], True),
        ([source("a", "from-archive", error="fetch failed: boom")], [], True),
        ([source("a", "failed", error="nothing archived")], [], True),
        ([source("a")], [{"source_id": "a", "document": "x.txt", "sha256": "0" * 64, "reason": "empty: no bytes"}],
         True),
    ],
    ids=["clean", "a refused document", "a source from the archive", "a failed source", "a quarantined document"],
)
def test_a_run_is_degraded_by_any_refusal_failure_or_quarantine(sources, quarantined, degraded):
    summary = RunSummary("nightly", "2026-11-26T00:00:00+00:00", {}, sources=sources, quarantined=quarantined)
    assert summary.degraded is degraded
    assert any(line.startswith("  DEGRADED") for line in summary.lines()) is degraded


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (Failed(message="Task run encountered an exception ConnectionError: GET https://u:hunter2@h/l?token=s3cr3t"),
         "fetch failed: Task run encountered an exception ConnectionError: GET https://REDACTED@h/l?token=REDACTED"),
        (Crashed(message="Execution was interrupted by SIGTERM"),
         "fetch failed: Execution was interrupted by SIGTERM"),
        (Failed(message=None), "fetch failed: Failed"),
    ],
)
def test_a_failed_fetch_says_why_without_a_secret(state, expected):
    web = Source(id="web", kind="http", url="https://u:hunter2@h/l?token=s3cr3t", publisher="PIPS", trust=1)
    result = failed_fetch(web, state)
    assert (result.source_id, result.error, result.documents) == ("web", expected, ())


def test_write_replacing_replaces_whole_or_not_at_all(tmp_path):
    path = tmp_path / "runs" / "record.json"
    write_replacing(path, b'{"status": "running"}')
    write_replacing(path, b'{"status": "published"}')
    assert path.read_bytes() == b'{"status": "published"}'
    with pytest.raises(TypeError):
        write_replacing(path, '{"status": "not bytes"}')  # fails while writing the temporary
    assert path.read_bytes() == b'{"status": "published"}'
    assert os.listdir(path.parent) == ["record.json"]


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
def test_a_refused_document_marks_the_published_run_degraded(tmp_path, prefect_harness):
    from flows.pipeline import nightly

    shutil.copytree(ROOT / "data" / "samples", tmp_path / "samples")
    shutil.copy(DEFAULT_SOURCES, tmp_path / "sources.toml")
    with open(tmp_path / "samples" / "pips" / "huge.txt", "wb") as huge:
        huge.truncate(MAX_FILE_BYTES + 1)  # sparse: over the cap without writing 50 MB
    data_dir = tmp_path / "data"
    summary = nightly(sources=str(tmp_path / "sources.toml"), data_dir=str(data_dir))
    assert summary["status"] == "published" and not summary["quarantined"]
    pips = next(s for s in summary["sources"] if s["id"] == "pips-samples")
    assert pips["status"] == "ok" and [name for name, _ in pips["refused"]] == ["samples/pips/huge.txt"]
    assert RunSummary(**summary).degraded
    manifest = json.loads((data_dir / "published" / "latest" / "manifest.json").read_text())
    assert manifest["degraded"] is True
    records = sorted((data_dir / "state" / "runs").glob("*"))
    assert len(records) == 1 and json.loads(records[0].read_text())["status"] == "published"
