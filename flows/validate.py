"""Validation of both tables with the Great Expectations suites kept as JSON under expectations/."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from flows.paths import EXPECTATIONS_DIR
from transforms.consistency import Inconsistency



class SuiteError(RuntimeError):
    """A suite file could not be loaded as written (Great Expectations dropped or refused an expectation)."""


class ValidationFailed(RuntimeError):
    """A table broke expectations: nothing is published; the message lists what failed."""

    def __init__(self, report: "ValidationReport"):
        self.report = report
        super().__init__("validation failed:\n" + "\n".join(f"  - {line}" for line in report.failure_lines()))


@dataclass(frozen=True)
class Failure:
    table: str
    expectation: str
    column: str | None
    note: str
    unexpected: list[Any]


@dataclass
class ValidationReport:
    success: bool
    evaluated: int
    failures: list[Failure] = field(default_factory=list)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add_inconsistencies(self, found: list[Inconsistency]) -> None:
        """Cross-cell checks: errors fail the validation, warnings are only reported."""
        for issue in found:
            if issue.severity == "error":
                self.success = False
                self.failures.append(Failure("consistency", issue.check, issue.cell, issue.line(), list(issue.documents)))
            else:
                self.warnings.append(issue.line())

    def failure_lines(self) -> list[str]:
        return [
            f"{f.table}: {f.expectation}({f.column or ''}) — {f.note}"
            + ("" if f.table == "consistency" else f"; unexpected: {f.unexpected[:5]}")
            for f in self.failures
        ]

    def summary(self) -> dict[str, Any]:
        """What the manifest keeps: counts, the failed expectations and the consistency warnings."""
        return {"success": self.success, "evaluated": self.evaluated, "failures": self.failure_lines(),
                "warnings": self.warnings}


def read_suite(name: str, directory: Path = EXPECTATIONS_DIR) -> dict[str, Any]:
    """A suite's JSON as written in expectations/."""
    return json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))


def validate_tables(
    tables: dict[str, pd.DataFrame], parameters: dict[str, Any], directory: Path = EXPECTATIONS_DIR
) -> ValidationReport:
    """Run each table's suite; parameters fill the suites' $PARAMETER placeholders."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    # imported here: Great Expectations costs seconds to import, and only this step needs it
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("incidents-run")
    report = ValidationReport(success=True, evaluated=0)
    for name, frame in tables.items():
        written = read_suite(name, directory)
        suite = context.suites.add(gx.ExpectationSuite(name=written["name"], expectations=written["expectations"]))
        if len(suite.expectations) != len(written["expectations"]):
            raise SuiteError(
                f"expectations/{name}.json: {len(written['expectations'])} expectations written, "
                f"{len(suite.expectations)} loaded"
            )
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("all").get_batch(
            batch_parameters={"dataframe": frame}
        )
        result = batch.validate(suite, expectation_parameters=parameters, result_format="SUMMARY")
        report.results[name] = result.describe_dict()
        report.evaluated += len(result.results)
        for outcome in result.results:
            if outcome.success:
                continue
            report.success = False
            config = outcome.expectation_config
            report.failures.append(
                Failure(
                    table=name,
                    expectation=config.type,
                    column=config.kwargs.get("column") or ",".join(config.kwargs.get("column_list", [])) or None,
                    note=(config.meta or {}).get("notes", ""),
                    unexpected=list(outcome.result.get("partial_unexpected_list") or []),
                )
            )
    return report
