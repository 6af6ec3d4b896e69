"""The nightly and backfill flows: fetch -> parse -> extract -> normalize -> validate -> publish."""
from __future__ import annotations

import importlib
import json
import os
import threading
from collections import Counter
from concurrent.futures import Executor
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from math import ceil
from pathlib import Path
from typing import Annotated, Any, Callable

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.states import State
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote
from pydantic import Field

from flows.archive import Archive, write_replacing
from flows.artifacts import create_run_artifacts
from flows.lock import run_lock
from flows.paths import DEFAULT_DATA_DIR, DEFAULT_SOURCES, DataDir
from flows.chart import render_chart
from flows.redaction import redact
from flows.publish import (Published, latest_version, publish_snapshot, read_latest_table, read_manifest,
                           remove_partial, unchanged_version)
from flows.recipe import carry_over, recipe_entry
from flows.reading import read_publishers, read_series_priority, read_vocabulary
from flows.registry import Source, read_sources, select_sources
from flows.sources import DocumentRef, SourceResult, read_archived, read_source
from flows.validate import ValidationFailed, ValidationReport, validate_tables
from flows.cache import ExtractionCache
from flows.extraction import extract_archived, extraction_pool, is_cacheable, worker_count
from flows.version import code_fingerprint, code_version
from transforms.consistency import check_consistency
from transforms.model import DocumentError, DocumentInfo, Extraction
from transforms.plausibility import check_plausible
from transforms.normalize import check_codes, figures_to_facts, merge_backfill, reconcile_cells, reconcile_series
from transforms.reference import Vocabulary
from transforms.diff import diff_cells, summarize_diff
from transforms.schema import CHANGES, FACTS, SERIES, incidents_schema
from transforms.series import Publishers

BATCH_SIZE = 200  # at most: each batch is a task run
MIN_BATCH = 20  # at least: fewer documents would not pay for a task run


@dataclass(frozen=True)
class DocumentOutcome:
    """A document after parsing and extraction: its figures, or why it was quarantined."""

    ref: DocumentRef
    info: DocumentInfo | None = None
    extraction: Extraction | None = None
    error: str | None = None
    cached: bool = False  # read from the extraction cache, not parsed again


@dataclass
class RunSummary:
    """What a run did, stage by stage: printed, kept in the manifest and in data/state/runs."""

    flow: str
    started_at: str
    parameters: dict[str, Any]
    sources: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0
    parsed: int = 0  # documents parsed this run; the rest came from the extraction cache
    figures: int = 0
    drops: dict[str, int] = field(default_factory=dict)
    quarantined: list[dict[str, str]] = field(default_factory=list)
    facts_rows: int = 0
    incidents_rows: int = 0
    validation: dict[str, Any] = field(default_factory=dict)
    changes: dict[str, int] = field(default_factory=dict)
    version: str | None = None
    snapshot: str | None = None
    published: bool = False
    status: str = "running"

    @property
    def degraded(self) -> bool:
        return bool(self.degraded_because)

    @property
    def degraded_because(self) -> str:
        """Why the run is degraded, counted ('1 source failed, 2 documents refused'), or '' for a clean run."""
        failed = sum(s["status"] != "ok" for s in self.sources)
        refused = sum(len(s["refused"]) for s in self.sources)
        parts = [(failed, "source failed", "sources failed"), (refused, "document refused", "documents refused"),
                 (len(self.quarantined), "document quarantined", "documents quarantined")]
        return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in parts if n)

    def lines(self) -> list[str]:
        """A readable report of the run, for the terminal and the logs."""
        out = [f"{self.flow} run started {self.started_at}"]
        for s in self.sources:
            extra = f" ({s['error']})" if s.get("error") else ""
            refused = f", {len(s['refused'])} refused" if s["refused"] else ""
            out.append(f"  source {s['id']}: {s['status']}, {s['documents']} documents{refused}{extra}")
            out += [f"    refused {loc}: {reason}" for loc, reason in s["refused"]]
        out.append(f"  documents: {self.documents} ({self.parsed} parsed, {self.documents - self.parsed} unchanged"
                   f" since an earlier run), figures: {self.figures}")
        if self.drops:
            out.append("  numbers dropped: " + ", ".join(f"{k}={v}" for k, v in sorted(self.drops.items())))
        for q in self.quarantined:
            out.append(f"  quarantined {q['source_id']}/{q['document']} ({q['sha256'][:12]}): {q['reason']}")
        out.append(f"  facts: {self.facts_rows} rows, incidents: {self.incidents_rows} rows")
        if self.validation:
            out.append(f"  validation: {'passed' if self.validation.get('success') else 'FAILED'}, "
                       f"{self.validation.get('evaluated', 0)} expectations")
            out += [f"    {line}" for line in self.validation.get("failures", [])]
            out += [f"    warning: {line}" for line in self.validation.get("warnings", [])]
        if self.status == "published":
            counts = ", ".join(f"{self.changes.get(k, 0)} {k}" for k in ("added", "changed", "removed"))
            out.append(f"  cells against the previous release: {counts}")
            out.append(f"  published snapshot {self.version}: {self.snapshot}")
        elif self.status == "unchanged":
            out.append(f"  no change since snapshot {self.version}: nothing published ({self.snapshot})")
        else:
            out.append(f"  status: {self.status}")
        if self.degraded:
            out.append(f"  DEGRADED: {self.degraded_because} (see above)")
        return out


@task(name="fetch", retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=2), cache_policy=NO_CACHE)
def fetch(source: Source, data_dir: Path, offline: bool) -> SourceResult:
    """A source's documents into the raw archive: files read, pages fetched, or the archive in offline runs."""
    return read_source(source, Archive(DataDir(data_dir).raw), offline)


def fetch_all(sources: list[Source], data_dir: Path, offline: bool) -> list[SourceResult]:
    """Fetch every source; a source that fails falls back to what the archive holds for it."""
    archive = Archive(DataDir(data_dir).raw)
    futures = [(source, fetch.submit(source, data_dir, offline)) for source in sources]
    results = []
    for source, future in futures:
        state = future.wait() or future.state
        if state.is_completed():
            result = future.result()
        else:
            result = failed_fetch(source, state)
        if result.error and not result.from_archive:
            fallback = read_archived(source, archive)
            result = SourceResult(source.id, fallback.documents, result.refused, result.error, from_archive=True)
        results.append(result)
    return results


@task(name="parse-extract", cache_policy=NO_CACHE)
def parse_and_extract(
    refs: list[DocumentRef], sources: dict[str, Source], data_dir: Path, vocabulary: Vocabulary,
    publishers: Publishers, fingerprint: str, force: bool, max_year: int, pool: Executor | None = None,
) -> list[DocumentOutcome]:
    """Parse and extract a batch of archived documents; a bad document is quarantined, the rest go on.

    Documents the cache does not hold are parsed on `pool` (worker processes) when given, else in this thread.
    """
    layout = DataDir(data_dir)
    cache = ExtractionCache(layout.state, fingerprint)
    keys = [cache.key(ref.sha256, name=ref.name, format=sources[ref.source_id].format,
                      country=sources[ref.source_id].country, content_type=ref.content_type) for ref in refs]
    hits = [None if force else cache.get(key) for key in keys]
    work = [(ref, sources[ref.source_id]) for ref, hit in zip(refs, hits) if hit is None]
    arguments = (layout.raw, work, vocabulary, publishers)
    fresh = iter(pool.submit(extract_archived, *arguments).result() if pool and work else extract_archived(*arguments))
    outcomes = []
    for ref, key, cached in zip(refs, keys, hits):
        source = sources[ref.source_id]
        if cached is None:
            facts, extraction, error = next(fresh)
            if is_cacheable(error):
                cache.put(key, facts, extraction, error)
        else:
            facts, extraction, error = cached
        if extraction is not None:
            # checked on every run, not cached: what counts as the future depends on the run's date
            try:
                check_plausible(ref.name, extraction, max_year=max_year)
            except DocumentError as implausible:
                extraction, error = None, f"{implausible.reason}: {implausible.detail}"
        info = DocumentInfo(source.id, source.publisher, source.trust, ref.sha256, ref.name, ref.location,
                            facts.get("published"), facts.get("series", source.publisher), facts.get("primary", True))
        outcomes.append(DocumentOutcome(ref, info, extraction, error, cached=cached is not None))
    return outcomes


@task(name="normalize", cache_policy=NO_CACHE)
def normalize(
    outcomes: list[DocumentOutcome], vocabulary: Vocabulary, priority: dict[str, list[str]],
    previous: pd.DataFrame | None, backfill: tuple[int, int, list[str]] | None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Facts from every document's figures (merged into the previous facts for a backfill), series, incidents."""
    facts = figures_to_facts((o.info, o.extraction) for o in outcomes if o.extraction is not None)
    if backfill is not None and previous is not None:
        first, last, source_ids = backfill
        facts = merge_backfill(previous, facts, first, last, source_ids)
    elif backfill is not None:
        first, last, _ = backfill
        facts = facts.loc[facts["year"].between(first, last)].reset_index(drop=True)
    check_codes(facts, vocabulary)
    series = reconcile_series(facts, priority)
    return facts, series, reconcile_cells(series, facts, vocabulary)


@task(name="validate", cache_policy=NO_CACHE)
def validate(tables: dict[str, pd.DataFrame], parameters: dict[str, Any]) -> ValidationReport:
    """Every table against its suite, then the series' cells against each other; failing stops the run."""
    report = validate_tables(tables, parameters)
    report.add_inconsistencies(check_consistency(tables["series"]))
    if not report.success:
        raise ValidationFailed(report)
    return report


@task(name="publish", cache_policy=NO_CACHE)
def publish(
    data_dir: Path, frames: dict[str, pd.DataFrame], vocabulary: Vocabulary,
    manifest: dict[str, Any], report: ValidationReport, now: datetime, changes: pd.DataFrame,
) -> Published:
    """Write the snapshot (tables, changes, chart, data package) and switch `latest` to it, unless unchanged."""
    tables = with_schemas(frames, vocabulary)
    validation = {"summary": report.summary(), "results": report.results}
    published = DataDir(data_dir).published
    version = latest_version(published)
    files = {"changes.md": summarize_diff(changes, version, "this release").encode(),
             "chart.png": render_chart(frames["incidents"])}
    return publish_snapshot(published, tables, manifest, validation, now,
                            companions={"changes": (changes, CHANGES)}, files=files)


def with_schemas(frames: dict[str, pd.DataFrame], vocabulary: Vocabulary) -> dict[str, tuple[pd.DataFrame, Any]]:
    """Each data table with the schema it is written and checked with."""
    schemas = {"incidents": incidents_schema(vocabulary), "series": SERIES, "facts": FACTS}
    return {name: (frame, schemas[name]) for name, frame in frames.items()}


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


class BackgroundImport:
    """A module imported on a thread of its own once started, so the import overlaps other work; join before use."""

    def __init__(self, module: str):
        self.module = module
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin the import, once; later calls do nothing."""
        if self._thread is None:
            # set before Great Expectations is imported, whoever imports it first (flows/validate.py does the same)
            os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
            self._thread = threading.Thread(target=importlib.import_module, args=(self.module,),
                                            name=f"import-{self.module}", daemon=True)
            self._thread.start()

    def join(self) -> None:
        """Wait for a started import; its failure, if any, shows again when the module is imported for use."""
        if self._thread is not None:
            self._thread.join()


def _as_is(value: Any) -> Any:
    return value


def batch_size(documents: int, workers: int) -> int:
    """About four batches per worker, so the workers finish together, within MIN_BATCH..BATCH_SIZE documents."""
    return max(MIN_BATCH, min(BATCH_SIZE, ceil(documents / (4 * max(workers, 1)))))


def run_pipeline(
    *, flow_name: str, sources_path: Path, data_dir: Path, offline: bool, force: bool,
    source_ids: list[str] | None, years: tuple[int, int] | None, now: datetime, parameters: dict[str, Any],
) -> RunSummary:
    """The pipeline's sentence; each step a task over a pure function of transforms/."""
    logger = get_run_logger()
    summary = RunSummary(flow_name, now.isoformat(), parameters)
    layout = DataDir(data_dir)
    with run_lock(layout.state):
        try:
            _run_steps(summary, layout, sources_path, offline, force, source_ids, years, now, logger)
        except BaseException as error:
            if summary.status == "running":
                summary.status = f"failed: {type(error).__name__}: {error}"
            raise
        finally:
            write_run_record(layout, summary, now)
            for line in summary.lines():
                logger.info(line)
            create_run_artifacts(layout, summary)
    return summary


def failed_fetch(source: Source, state: State) -> SourceResult:
    """A source whose fetch task failed, and why; the exception's text may quote the URL, secrets and all."""
    return SourceResult(source.id, error=redact(f"fetch failed: {state.message or state.name}"))


def extract_all(refs: list[DocumentRef], sources: dict[str, Source], data_dir: Path, vocabulary: Vocabulary,
                publishers: Publishers, fingerprint: str, force: bool, max_year: int, logger: Any,
                on_parsed: Callable[[], Any]) -> list[DocumentOutcome]:
    """Every document's outcome, in order: batches as tasks, their parsing on every core; `on_parsed` is called
    as each batch that parsed a document (not all from the cache) ends.

    On the default (thread pool) runner the batches' parsing goes to worker processes shared by the stage: threads
    would contend for the GIL (50 batches at once took twice as long as one after another). A runner of its own
    processes (Dask) parses in its workers.
    """
    runner = FlowRunContext.get().task_runner
    workers = worker_count()
    chunks = _batches(refs, batch_size(len(refs), workers))
    on_processes = isinstance(runner, ThreadPoolTaskRunner)
    logger.info("parse and extract: %d documents in %d batches%s", len(refs), len(chunks),
                f" on {workers} worker processes" if on_processes else "")
    # quoted: Prefect would otherwise walk every argument's contents looking for futures. Not on Dask, which
    # takes the quote (a named tuple) apart as it packs the arguments.
    keep = quote if on_processes else _as_is
    with extraction_pool(workers) if on_processes else nullcontext() as pool:
        futures = [parse_and_extract.submit(keep(chunk), keep(sources), data_dir, keep(vocabulary), keep(publishers),
                                            fingerprint, force, max_year, keep(pool))
                   for chunk in chunks]
        order = {future.task_run_id: i for i, future in enumerate(futures)}
        done: dict[int, list[DocumentOutcome]] = {}
        for future in as_completed(futures):
            done[order[future.task_run_id]] = batch = future.result()
            if any(not o.cached for o in batch):
                on_parsed()
        return [o for i in range(len(futures)) for o in done[i]]


def write_run_record(layout: DataDir, summary: RunSummary, now: datetime) -> Path:
    """Keep what the run did under state/runs, published or not, for operators."""
    runs = layout.state / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    path = runs / f"{now:%Y%m%dT%H%M%S%fZ}-{summary.flow}.json"
    # whole or absent: a run killed while writing must not leave a torn record for operators and tools to trip on
    write_replacing(path, json.dumps(asdict(summary), indent=1, default=str).encode("utf-8"))
    return path


def _run_steps(summary: RunSummary, layout: DataDir, sources_path: Path, offline: bool, force: bool,
               source_ids: list[str] | None, years: tuple[int, int] | None, now: datetime, logger: Any) -> None:
    data_dir = layout.root
    for name in remove_partial(layout.published):
        logger.warning("removed %s left by an interrupted run", name)
    vocabulary = read_vocabulary()
    registry = read_sources(sources_path)
    chosen = select_sources(registry, source_ids)

    logger.info("fetch: %d sources%s", len(chosen), " (offline: from the archive)" if offline else "")
    results = fetch_all(chosen, data_dir, offline)
    for result in results:
        status = "ok" if not result.error else ("from-archive" if result.documents else "failed")
        summary.sources.append({"id": result.source_id, "status": status, "documents": len(result.documents),
                                "refused": [list(r) for r in result.refused], "error": result.error})
    refs = [ref for result in results for ref in result.documents]
    by_id = {s.id: s for s in registry}
    fingerprint = code_fingerprint()
    publishers = read_publishers()
    # new documents will likely change the tables, so they will be validated: import Great Expectations (2.2 s) while
    # the worker processes parse
    validation_import = BackgroundImport("great_expectations")
    outcomes = extract_all(refs, by_id, data_dir, vocabulary, publishers, fingerprint, force, now.year, logger,
                           validation_import.start)

    drops: Counter[str] = Counter()
    summary.documents = len(outcomes)
    for outcome in outcomes:
        summary.parsed += not outcome.cached
        if outcome.extraction is None:
            summary.quarantined.append({"source_id": outcome.ref.source_id, "document": outcome.ref.name,
                                        "sha256": outcome.ref.sha256, "reason": outcome.error or ""})
            logger.warning("quarantined %s: %s", outcome.ref.name, outcome.error)
            continue
        summary.figures += len(outcome.extraction.figures)
        drops.update(outcome.extraction.drop_counts)
    summary.drops = dict(sorted(drops.items()))

    previous = read_latest_table(layout.published, "facts") if years else None
    backfill = (years[0], years[1], [s.id for s in chosen]) if years else None
    # quote(): Prefect would walk every outcome's figures looking for futures (12 s at 10,000 documents)
    facts, series, incidents = normalize(quote(outcomes), quote(vocabulary), read_series_priority(), quote(previous),
                                         backfill)
    frames = {"incidents": incidents, "series": series, "facts": facts}
    summary.facts_rows, summary.incidents_rows = len(facts), len(incidents)
    logger.info("normalize: %d facts, %d series rows, %d incidents rows", len(facts), len(series), len(incidents))
    same = unchanged_version(layout.published, with_schemas(frames, vocabulary))
    if same is not None:
        # `latest` holds exactly these rows and passed validation when it was published
        summary.version, summary.snapshot, summary.status = same, str(layout.published / same), "unchanged"
        return
    recipe = [recipe_entry(o.ref, by_id[o.ref.source_id], years) for o in outcomes if o.extraction is not None]
    current = latest_version(layout.published)
    if years and current:
        recipe = carry_over(read_manifest(layout.published / current).get("recipe", []), years,
                            [s.id for s in chosen]) + recipe

    parameters_gx = {
        "max_year": now.year, "countries": sorted(vocabulary.countries), "groups": sorted(vocabulary.groups),
        "metrics": sorted(vocabulary.metrics), "source_ids": sorted(by_id),
    }
    logger.info("validate: %d tables against expectations/*.json", len(frames))
    validation_import.join()
    try:
        report = validate(quote(frames), parameters_gx)
    except ValidationFailed as failure:
        summary.validation = failure.report.summary()
        summary.status = "validation-failed"
        raise
    summary.validation = report.summary()

    manifest = {
        "run": {"flow": summary.flow, "parameters": summary.parameters, "started_at": now.isoformat()},
        "code_version": code_version(),
        "sources": summary.sources,
        "documents": [
            {"source_id": o.ref.source_id, "document": o.ref.name, "sha256": o.ref.sha256,
             "location": o.ref.location, "origin": o.ref.origin,
             "figures": len(o.extraction.figures) if o.extraction else 0,
             "quarantined": o.error}
            for o in sorted(outcomes, key=lambda o: (o.ref.source_id, o.ref.name, o.ref.sha256))
        ],
        "quarantined": summary.quarantined,
        "drops": summary.drops,
        "degraded": summary.degraded,
        "recipe": recipe,
    }
    previous_series = read_latest_table(layout.published, "series")
    changes = diff_cells(previous_series, series)
    summary.changes = changes["change"].value_counts().to_dict()
    published = publish(data_dir, quote(frames), quote(vocabulary), quote(manifest), quote(report), now, quote(changes))
    summary.version, summary.snapshot = published.version, str(published.path)
    summary.published = published.new
    summary.status = "published" if published.new else "unchanged"


def _paths(sources: str | None, data_dir: str | None) -> tuple[Path, Path]:
    return Path(sources) if sources else DEFAULT_SOURCES, Path(data_dir) if data_dir else DEFAULT_DATA_DIR


@flow(name="nightly", log_prints=True)
def nightly(sources: str | None = None, data_dir: str | None = None, offline: bool = False,
            force: bool = False) -> dict[str, Any]:
    """Every enabled source, end to end, published as a new snapshot when anything changed.

    Args:
        sources: path of the sources registry (default: data/sources.toml).
        data_dir: data directory holding the archive and the snapshots (default: data/).
        offline: use only documents already in the raw archive, fetch nothing.
        force: parse every document again, even those this code version already extracted.
    """
    sources_path, data_path = _paths(sources, data_dir)
    summary = run_pipeline(flow_name="nightly", sources_path=sources_path, data_dir=data_path, offline=offline,
                           force=force, source_ids=None, years=None, now=datetime.now(timezone.utc),
                           parameters={"sources": str(sources_path), "offline": offline, "force": force})
    return asdict(summary)


class BackfillRangeError(ValueError):
    """A backfill's first year comes after its last year."""


@flow(name="backfill", log_prints=True)
def backfill(
    first_year: Annotated[int, Field(ge=1970, le=2100, description="First year to rebuild")],
    last_year: Annotated[int, Field(ge=1970, le=2100, description="Last year to rebuild (inclusive)")],
    source_ids: list[str] | None = None,
    force: bool = False,
    offline: bool = False,
    sources: str | None = None,
    data_dir: str | None = None,
) -> dict[str, Any]:
    """Rebuild the cells of some years from some sources (default: all enabled) and publish the result.

    Args:
        first_year: first year to rebuild (1970 or later).
        last_year: last year to rebuild, inclusive; not before first_year.
        source_ids: ids of the registry's sources to read again; empty means every enabled source.
        force: parse every document again, even those this code version already extracted.
        offline: use only documents already in the raw archive, fetch nothing.
        sources: path of the sources registry (default: data/sources.toml).
        data_dir: data directory holding the archive and the snapshots (default: data/).
    """
    if first_year > last_year:
        raise BackfillRangeError(f"first_year {first_year} is after last_year {last_year}")
    sources_path, data_path = _paths(sources, data_dir)
    summary = run_pipeline(flow_name="backfill", sources_path=sources_path, data_dir=data_path, offline=offline,
                           force=force, source_ids=source_ids, years=(first_year, last_year),
                           now=datetime.now(timezone.utc),
                           parameters={"first_year": first_year, "last_year": last_year, "source_ids": source_ids,
                                       "force": force, "offline": offline, "sources": str(sources_path)})
    return asdict(summary)
