"""A readable HTML report of a run's validation, written offline from the results the run kept.

Great Expectations' own Data Docs are built from validation result objects held in a file-backed context's
stores; the pipeline validates in an ephemeral context and keeps `describe_dict()` results (validation.json),
which Data Docs cannot read back. This page renders those results instead: no CDN, no JavaScript.
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Iterable

from flows.paths import EXPECTATIONS_DIR, DataDir

_COLUMN_KEYS = ("column", "column_list", "column_A", "column_B")
_HIDDEN_KWARGS = {"batch_id", *_COLUMN_KEYS}
_SHOWN_UNEXPECTED = 10
_STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin-bottom: 2em; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; text-align: left; vertical-align: top; font-size: 0.9em; }
tr.failed td { background: #fde2e2; }
.passed { color: #176b2c; } .failed { color: #a11; }
code { font-size: 0.95em; }
"""


def columns_of(kwargs: dict[str, Any]) -> str:
    """The column(s) an expectation is about, as one readable string ("" for table-level expectations)."""
    parts = []
    for key in _COLUMN_KEYS:
        value = kwargs.get(key)
        if value:
            parts.extend(value if isinstance(value, list) else [value])
    return ", ".join(str(p) for p in parts)


def suite_notes(suites: dict[str, dict[str, Any]]) -> dict[tuple[str, str, str], str]:
    """(table, expectation type, columns) -> the note the suite gives it, so the report says why a rule exists."""
    notes: dict[tuple[str, str, str], str] = {}
    for table, suite in suites.items():
        for expectation in suite.get("expectations", []):
            key = (table, expectation["type"], columns_of(expectation.get("kwargs", {})))
            note = (expectation.get("meta") or {}).get("notes", "")
            notes[key] = "; ".join(n for n in (notes.get(key), note) if n)
    return notes


def _observed(result: dict[str, Any]) -> str:
    if "observed_value" in result:
        return f"observed {result['observed_value']!r}"
    if "unexpected_count" in result:
        shown = result.get("partial_unexpected_list") or []
        text = f"{result['unexpected_count']} of {result.get('element_count', '?')} rows unexpected"
        return text + (f": {shown[:_SHOWN_UNEXPECTED]!r}" if shown else "")
    return ""


def _row(table: str, expectation: dict[str, Any], notes: dict[tuple[str, str, str], str]) -> str:
    kwargs = expectation.get("kwargs", {})
    columns = columns_of(kwargs)
    parameters = ", ".join(f"{k}={v!r}" for k, v in sorted(kwargs.items()) if k not in _HIDDEN_KWARGS)
    passed = bool(expectation.get("success"))
    cells = ("passed" if passed else "FAILED", expectation.get("expectation_type", ""), columns, parameters,
             _observed(expectation.get("result") or {}), notes.get((table, expectation.get("expectation_type", ""), columns), ""))
    body = "".join(f"<td>{html.escape(str(c))}</td>" for c in cells)
    return f'<tr class="{"passed" if passed else "failed"}">{body}</tr>'


def _table_section(table: str, result: dict[str, Any], notes: dict[tuple[str, str, str], str]) -> list[str]:
    stats = result.get("statistics", {})
    verdict = "passed" if result.get("success") else "failed"
    # failed expectations first: they are what the reader came for
    expectations = sorted(result.get("expectations", []), key=lambda e: bool(e.get("success")))
    return [
        f'<h2>{html.escape(table)}: <span class="{verdict}">{verdict}</span></h2>',
        f"<p>{stats.get('successful_expectations', 0)} of {stats.get('evaluated_expectations', 0)} expectations met.</p>",
        "<table><tr><th>status</th><th>expectation</th><th>columns</th><th>parameters</th><th>result</th>"
        "<th>why the rule exists</th></tr>",
        *(_row(table, e, notes) for e in expectations),
        "</table>",
    ]


def render_validation_report(title: str, validation: dict[str, Any], notes: dict[tuple[str, str, str], str],
                             context: Iterable[str] = ()) -> str:
    """The validation ({"summary": ..., "results": {table: describe_dict}}) as a standalone HTML page."""
    summary = validation.get("summary", {})
    verdict = "passed" if summary.get("success") else "failed"
    parts = [
        "<!DOCTYPE html>",
        f'<html><head><meta charset="utf-8"><title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>',
        f"<h1>{html.escape(title)}</h1>",
        f'<p>Validation <span class="{verdict}">{verdict}</span>: {summary.get("evaluated", 0)} expectations evaluated.</p>',
        *(f"<p>{html.escape(line)}</p>" for line in context),
    ]
    if summary.get("failures"):
        parts += ["<h2>Failures</h2><ul>", *(f"<li><code>{html.escape(f)}</code></li>" for f in summary["failures"]),
                  "</ul>"]
    for table, result in sorted(validation.get("results", {}).items()):
        parts += _table_section(table, result, notes)
    if not validation.get("results"):
        parts.append("<p>The run kept no per-expectation results: only the failures above.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def read_suite_notes(directory: Path = EXPECTATIONS_DIR) -> dict[tuple[str, str, str], str]:
    """The notes of every suite under expectations/, keyed as suite_notes keys them."""
    return suite_notes({p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))})


def write_validation_report(layout: DataDir, name: str, title: str, validation: dict[str, Any],
                            context: Iterable[str] = ()) -> Path:
    """Write the report under state/reports (a snapshot stays as published: its manifest lists its files)."""
    reports = layout.state / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    path = reports / f"{name}.html"
    path.write_text(render_validation_report(title, validation, read_suite_notes(), context), encoding="utf-8")
    return path


def read_validation(snapshot: Path) -> dict[str, Any]:
    """The validation a snapshot was published with."""
    return json.loads((snapshot / "validation.json").read_text(encoding="utf-8"))
