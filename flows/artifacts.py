"""A run as Prefect artifacts: what it fetched, extracted, quarantined, changed and published, with links."""
from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from flows.datadocs import read_validation, write_validation_report
from flows.paths import DataDir
from flows.publish import read_manifest

if TYPE_CHECKING:
    from flows.pipeline import RunSummary

SHOWN_CHANGES = 50


def artifact_key(flow: str, part: str) -> str:
    """A key the Artifacts page tracks across runs (lowercase letters, digits and dashes only)."""
    return re.sub(r"[^a-z0-9-]+", "-", f"incidents-{flow}-{part}".lower()).strip("-")


def fetched_rows(summary: RunSummary) -> list[dict[str, Any]]:
    return [{"source": s["id"], "status": s["status"], "documents": s["documents"], "refused": len(s["refused"]),
             "error": s.get("error") or ""} for s in summary.sources]


def extracted_rows(summary: RunSummary) -> list[dict[str, Any]]:
    """One row per measure: documents, parsed vs read from the cache, figures, then drops by reason."""
    rows = [("documents", summary.documents), ("parsed this run", summary.parsed),
            ("unchanged (extraction cache)", summary.documents - summary.parsed), ("figures", summary.figures),
            ("quarantined", len(summary.quarantined)), ("facts rows", summary.facts_rows),
            ("incidents rows", summary.incidents_rows)]
    rows += [(f"dropped: {reason}", count) for reason, count in sorted(summary.drops.items())]
    return [{"measure": measure, "count": count} for measure, count in rows]


def quarantined_rows(summary: RunSummary) -> list[dict[str, Any]]:
    return [{"source": q["source_id"], "document": q["document"], "sha256": q["sha256"][:12], "reason": q["reason"]}
            for q in summary.quarantined]


def published_rows(summary: RunSummary, report: Path | None) -> list[dict[str, Any]]:
    return [{"status": summary.status, "version": summary.version or "", "new snapshot": summary.published,
             "snapshot": summary.snapshot or "", "validation report": str(report or "")}]


def table_rows(snapshot: Path, previous: Path | None) -> list[dict[str, Any]]:
    """Each table of the snapshot: its rows now and in the snapshot before, and whether its rows changed."""
    now = read_manifest(snapshot)["tables"]
    before = read_manifest(previous)["tables"] if previous else {}
    return [{"table": name, "rows": t["rows"], "rows before": before.get(name, {}).get("rows"),
             "changed": t["logical_sha256"] != before.get(name, {}).get("logical_sha256")}
            for name, t in sorted(now.items())]


def change_rows(snapshot: Path) -> list[dict[str, Any]]:
    """The first cells of the snapshot's own list of changes (changes.parquet), when it ships one."""
    path = snapshot / "changes.parquet"
    if not path.exists():
        return []
    changes = pd.read_parquet(path).head(SHOWN_CHANGES)
    # through JSON: numpy scalars and missing values become plain JSON values
    return json.loads(changes.to_json(orient="records", date_format="iso"))


def summary_markdown(summary: RunSummary, tables: list[dict[str, Any]], report: Path | None) -> str:
    """The run in a few lines for the UI: outcome, counts, then the terminal's report verbatim."""
    outcome = {"published": f"published snapshot `{summary.version}`",
               "unchanged": f"nothing changed since snapshot `{summary.version}`: nothing published"}
    lines = [f"# {summary.flow} run: {outcome.get(summary.status, summary.status)}", ""]
    if summary.degraded:
        lines += [f"**Degraded**: {summary.degraded_because}.", ""]
    lines += [f"- sources: {len(summary.sources)} ({sum(s['status'] == 'ok' for s in summary.sources)} ok)",
              f"- documents: {summary.documents} ({summary.parsed} parsed, {summary.documents - summary.parsed} from "
              f"the extraction cache), figures: {summary.figures}, quarantined: {len(summary.quarantined)}"]
    for t in tables:
        before = "new table" if t["rows before"] is None else f"{t['rows before']} before"
        lines.append(f"- table `{t['table']}`: {t['rows']} rows ({before}), {'changed' if t['changed'] else 'unchanged'}")
    if summary.snapshot:
        lines.append(f"- snapshot: `{summary.snapshot}`")
    if report:
        lines.append(f"- validation report: `{report}`")
    return "\n".join([*lines, "", "```", *summary.lines(), "```", ""])


def _stamp(summary: RunSummary) -> str:
    return f"{datetime.fromisoformat(summary.started_at):%Y%m%dT%H%M%S%fZ}-{summary.flow}"


def write_report(layout: DataDir, summary: RunSummary) -> Path | None:
    """The validation report of the run's snapshot, or of the failed validation; None when it never validated."""
    if summary.snapshot:
        snapshot = Path(summary.snapshot)
        return write_validation_report(layout, summary.version, f"Validation of snapshot {summary.version}",
                                       read_validation(snapshot), [f"snapshot: {snapshot}"])
    if summary.validation:
        return write_validation_report(layout, f"{_stamp(summary)}-failed", f"Failed validation of the {summary.flow} "
                                       f"run of {summary.started_at}", {"summary": summary.validation},
                                       ["Nothing was published; the last good snapshot stays latest."])
    return None


def create_run_artifacts(layout: DataDir, summary: RunSummary) -> None:
    """Tables, a markdown summary and links for the flow run in the Prefect UI (call inside the flow run)."""
    from prefect import get_run_logger
    from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

    logger = get_run_logger()
    try:
        report = write_report(layout, summary)
        snapshot = Path(summary.snapshot) if summary.snapshot else None
        previous_version = read_manifest(snapshot).get("previous") if snapshot else None
        previous = layout.published / previous_version if previous_version else None
        tables = table_rows(snapshot, previous) if snapshot and summary.published else []
        flow = summary.flow
        create_table_artifact(fetched_rows(summary), key=artifact_key(flow, "fetched"),
                              description="Per source: status, documents, refused pages, error")
        create_table_artifact(extracted_rows(summary), key=artifact_key(flow, "extracted"),
                              description="Documents parsed or read from the cache, figures, numbers dropped by reason")
        create_table_artifact(quarantined_rows(summary), key=artifact_key(flow, "quarantined"),
                              description="Documents that could not be read, and why")
        create_table_artifact(tables, key=artifact_key(flow, "changed"),
                              description=f"Tables of the new snapshot against {previous_version or 'nothing'} "
                                          "(empty when nothing was published)")
        if snapshot and summary.published and (changes := change_rows(snapshot)):
            create_table_artifact(changes, key=artifact_key(flow, "changed-cells"),
                                  description=f"The first {SHOWN_CHANGES} changed cells (changes.parquet)")
        create_table_artifact(published_rows(summary, report), key=artifact_key(flow, "published"),
                              description="Outcome, version and snapshot directory")
        create_markdown_artifact(summary_markdown(summary, tables, report), key=artifact_key(flow, "summary"),
                                 description=f"The {flow} run in brief")
        if snapshot:
            create_link_artifact(snapshot.resolve().as_uri(), link_text=f"snapshot {summary.version}",
                                 key=artifact_key(flow, "snapshot"), description="The snapshot directory")
        if report:
            create_link_artifact(report.resolve().as_uri(), link_text="validation report",
                                 key=artifact_key(flow, "validation-report"), description="Validation, as HTML")
    except Exception as error:  # the data is written by now: a UI-side failure must not fail the run
        logger.warning("could not record the run's artifacts: %s: %s", type(error).__name__, error)
