"""One measurement per process, so each starts cold and its peak memory is its own.

    python -m tests.benchmarks.probes KIND CORPUS [DATA_DIR] [--runner default|dask] [--processes N]

KIND is floor (lxml over every file), extract (parse_document + extract_figures), flow (the nightly flow),
plain (the same tasks' functions in a plain loop) or startup (imports and a first, empty flow run).
The result is one JSON object on the last stdout line, after RESULT_MARK.
"""
from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402  (the clock starts before any import)
import csv  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from datetime import datetime, timezone  # noqa: E402
from pathlib import Path  # noqa: E402

RESULT_MARK = "BENCH-RESULT "
SPAWNED_AT = "BENCH_SPAWNED_AT"  # wall-clock time the parent started this process, to count interpreter start-up


def _since_spawn() -> float:
    """Seconds from the parent's spawn to this module's first line (interpreter start-up)."""
    spawned = os.environ.get(SPAWNED_AT)
    return max(0.0, time.time() - (time.perf_counter() - STARTED) - float(spawned)) if spawned else 0.0


def peak_rss_mb() -> float:
    """This process's peak resident memory (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def _children_cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def corpus_files(corpus: Path) -> list[tuple[Path, str, str]]:
    """(path, source format, default country) of every file the registry's sources match, as the pipeline reads them."""
    from flows.registry import read_sources

    files = []
    for source in read_sources(corpus / "sources.toml"):
        base = source.base_dir.resolve()
        files += [(p, source.format, source.country) for p in sorted(base.glob(source.url)) if p.is_file()]
    return files


def probe_floor(corpus: Path, _args) -> dict:
    """lxml parsing the same bytes: every file through lxml.html.fromstring, one core."""
    import lxml.html

    bodies = [p.read_bytes() for p, _, _ in corpus_files(corpus)]
    cpu, start = cpu_seconds(), time.perf_counter()
    for body in bodies:
        lxml.html.fromstring(body)
    wall = time.perf_counter() - start
    return {"documents": len(bodies), "bytes": sum(map(len, bodies)), "wall": wall, "cpu": cpu_seconds() - cpu}


def _extract_one(item: tuple[str, bytes, str, str]) -> tuple[str, list[tuple], str | None]:
    from flows.reading import read_vocabulary
    from transforms.documents import parse_document
    from transforms.extract import extract_figures
    from transforms.model import DocumentError

    name, body, format, country = item
    vocabulary = _VOCABULARY.get("v") or _VOCABULARY.setdefault("v", read_vocabulary())
    try:
        document = parse_document(body, name=name, format=format)
        figures = extract_figures(document, vocabulary, default_country=country).figures
    except DocumentError as error:
        return name, [], str(error)
    return name, [(name, f.year, f.country, f.group, f.metric, float(f.value),
                   None if f.value_high is None else float(f.value_high)) for f in figures], None


_VOCABULARY: dict = {}  # one vocabulary per worker process, read on its first document


def score(truth_csv: Path, predicted: set[tuple]) -> dict:
    """Precision and recall of the figures against what the generator stated (the shared scorer's key)."""
    truth = set()
    with open(truth_csv, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            truth.add((row["doc"], int(row["year"]), row["country"], row["group"], row["metric"], float(row["value"]),
                       float(row["value_high"]) if row["value_high"] else None))
    hits = len(truth & predicted)
    return {"stated": len(truth), "extracted": len(predicted), "hits": hits,
            "precision": hits / len(predicted) if predicted else 0.0, "recall": hits / len(truth) if truth else 0.0}


def probe_extract(corpus: Path, args) -> dict:
    """parse_document + extract_figures over the bytes in memory: in this process, or over a pool of processes."""
    items = [(p.name, p.read_bytes(), fmt, country) for p, fmt, country in corpus_files(corpus)]
    _extract_one(items[0])  # the vocabulary is read before the clock starts
    cpu, start = cpu_seconds() + _children_cpu(), time.perf_counter()
    if args.processes > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(args.processes) as pool:  # its workers are waited for: their CPU is the children's
            results = list(pool.map(_extract_one, items, chunksize=50))
    else:
        results = [_extract_one(item) for item in items]
    wall = time.perf_counter() - start
    used = cpu_seconds() + _children_cpu() - cpu
    predicted = {figure for _, figures, _ in results for figure in figures}
    return {"documents": len(items), "bytes": sum(len(i[1]) for i in items), "wall": wall, "cpu": used,
            "processes": args.processes, "errors": sum(1 for *_, e in results if e),
            "score": score(corpus / "truth.csv", predicted)}


class CpuSampler(threading.Thread):
    """(time, CPU seconds of this process and of its live children) every interval.

    Children (the extraction pool's or Dask's worker processes) are read through psutil and their peak RSS kept.
    """

    def __init__(self, interval: float = 0.25):
        import psutil

        super().__init__(daemon=True)
        self.interval, self.samples, self.children_peak_mb = interval, [], 0.0
        self._stop_event = threading.Event()
        self._process = psutil.Process()

    def cpu(self) -> float:
        total = cpu_seconds() + _children_cpu()  # with the children that ended: the pool's workers exit per stage
        peak = 0.0
        for child in self._process.children(recursive=True):
            try:
                total += sum(child.cpu_times()[:2])
                peak += _vm_hwm_mb(child.pid)
            except Exception:  # a child that ended between listing and reading
                continue
        self.children_peak_mb = max(self.children_peak_mb, peak)
        return total

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.samples.append((time.time(), self.cpu()))
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()
        self.samples.append((time.time(), self.cpu()))

    def cpu_between(self, start: float, end: float) -> float:
        """CPU seconds used between two wall-clock times (nearest samples)."""
        before = max((s for s in self.samples if s[0] <= start), default=self.samples[0])
        after = min((s for s in self.samples if s[0] >= end), default=self.samples[-1])
        return after[1] - before[1]


def _vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _startup(gx: bool = True) -> dict:
    """Imports, the Great Expectations import and a first (empty) flow run: the fixed cost of any run.

    gx=False leaves Great Expectations to the run itself (a rerun with nothing new never validates).
    """
    timings = {"interpreter": _since_spawn(), "python_imports": time.perf_counter() - STARTED}
    start = time.perf_counter()
    from prefect import flow, task

    import flows.pipeline  # noqa: F401
    timings["imports"] = time.perf_counter() - start
    start = time.perf_counter()
    if gx:
        import great_expectations  # noqa: F401
    timings["gx_import"] = time.perf_counter() - start

    @task
    def nothing() -> None:
        return None

    @flow(name="bench-warm-up")
    def warm_up() -> None:
        nothing.submit().result()

    start = time.perf_counter()
    warm_up()
    timings["prefect_first_flow"] = time.perf_counter() - start
    timings["total"] = sum(timings.values())
    return timings


def probe_startup(_corpus: Path, _args) -> dict:
    return {"startup": _startup(gx=False), "api_url": os.environ.get("PREFECT_API_URL", "")}


def _stage_windows(flow_run_id) -> dict[str, list[tuple[float, float]]]:
    """Each task's (start, end) wall-clock times, by task name, as the Prefect server recorded them."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])), limit=200)
        flow_run = client.read_flow_run(flow_run_id)
    windows: dict[str, list[tuple[float, float]]] = {}
    for run in runs:
        if run.start_time and run.end_time:
            windows.setdefault(run.name.rsplit("-", 1)[0], []).append((run.start_time.timestamp(), run.end_time.timestamp()))
    if flow_run.start_time and flow_run.end_time:
        windows["flow"] = [(flow_run.start_time.timestamp(), flow_run.end_time.timestamp())]
    return windows


def _last_run_record(data_dir: Path) -> dict:
    records = sorted((data_dir / "state" / "runs").glob("*.json"))
    return json.loads(records[-1].read_text(encoding="utf-8")) if records else {"status": "failed, no run record"}


def probe_flow(corpus: Path, args) -> dict:
    """The nightly flow on the corpus, after the fixed start-up; stage times from the server's task runs."""
    startup = _startup(gx=not args.no_gx)
    from flows.pipeline import nightly

    flow = nightly
    if args.runner != "default":
        from flows.deploy import task_runner, with_runner

        flow = with_runner(nightly, task_runner(args.runner))
    sampler = CpuSampler()
    sampler.start()
    start, cpu = time.perf_counter(), cpu_seconds() + _children_cpu()
    state = flow(sources=str(corpus / "sources.toml"), data_dir=str(args.data_dir), return_state=True)
    work = time.perf_counter() - start
    sampler.stop()
    summary = state.result(raise_on_failure=False)
    if not isinstance(summary, dict):  # a failed run returns no summary: its run record has it
        summary = _last_run_record(Path(args.data_dir))
    windows = _stage_windows(state.state_details.flow_run_id)
    stages = {}
    for name, spans in windows.items():
        first, last = min(s for s, _ in spans), max(e for _, e in spans)
        stages[name] = {"wall": last - first, "tasks": len(spans), "cpu": sampler.cpu_between(first, last)}
    return {"startup": startup, "work": work, "cpu": cpu_seconds() + _children_cpu() - cpu, "stages": stages,
            "children_peak_mb": sampler.children_peak_mb, "runner": args.runner,
            "status": summary.get("status"), "documents": summary.get("documents"), "parsed": summary.get("parsed"),
            "figures": summary.get("figures"), "quarantined": len(summary.get("quarantined") or []),
            "facts_rows": summary.get("facts_rows"), "incidents_rows": summary.get("incidents_rows"),
            "validation": summary.get("validation")}


def probe_plain(corpus: Path, args) -> dict:
    """The same tasks as plain functions (.fn), one after another, on a fresh data directory."""
    startup = _startup()
    from flows import pipeline
    from flows.paths import DataDir
    from flows.publish import read_latest_table
    from flows.reading import read_publishers, read_series_priority, read_vocabulary
    from flows.registry import read_sources, select_sources
    from flows.validate import ValidationFailed
    from flows.version import code_fingerprint
    from transforms.diff import diff_cells

    data_dir = Path(args.data_dir)
    now = datetime.now(timezone.utc)
    stages, start = {}, time.perf_counter()

    def lap(name: str, began: float, cpu: float) -> None:
        stages[name] = {"wall": time.perf_counter() - began, "cpu": cpu_seconds() - cpu}

    began, cpu = time.perf_counter(), cpu_seconds()
    vocabulary = read_vocabulary()
    registry = read_sources(corpus / "sources.toml")
    results = [pipeline.fetch.fn(source, data_dir, False) for source in select_sources(registry, None)]
    lap("fetch", began, cpu)
    began, cpu = time.perf_counter(), cpu_seconds()
    refs = [ref for result in results for ref in result.documents]
    by_id = {s.id: s for s in registry}
    fingerprint, publishers = code_fingerprint(), read_publishers()
    outcomes = [o for batch in pipeline._batches(refs, pipeline.BATCH_SIZE)
                for o in pipeline.parse_and_extract.fn(batch, by_id, data_dir, vocabulary, publishers, fingerprint,
                                                       False, now.year)]
    lap("parse-extract", began, cpu)
    began, cpu = time.perf_counter(), cpu_seconds()
    facts, series, incidents = pipeline.normalize.fn(outcomes, vocabulary, read_series_priority(), None, None)
    lap("normalize", began, cpu)
    began, cpu = time.perf_counter(), cpu_seconds()
    frames = {"incidents": incidents, "series": series, "facts": facts}
    parameters = {"max_year": now.year, "countries": sorted(vocabulary.countries), "groups": sorted(vocabulary.groups),
                  "metrics": sorted(vocabulary.metrics), "source_ids": sorted(by_id)}
    try:
        report = pipeline.validate.fn(frames, parameters)
    except ValidationFailed as failure:
        lap("validate", began, cpu)
        return {"startup": startup, "work": time.perf_counter() - start, "stages": stages,
                "status": "validation-failed", "documents": len(outcomes), "validation": failure.report.summary()}
    lap("validate", began, cpu)
    began, cpu = time.perf_counter(), cpu_seconds()
    manifest = {"documents": [{"source_id": o.ref.source_id, "document": o.ref.name, "sha256": o.ref.sha256,
                               "figures": len(o.extraction.figures) if o.extraction else 0, "quarantined": o.error}
                              for o in outcomes]}
    changes = diff_cells(read_latest_table(DataDir(data_dir).published, "series"), series)
    published = pipeline.publish.fn(data_dir, frames, vocabulary, manifest, report, now, changes)
    lap("publish", began, cpu)
    return {"startup": startup, "work": time.perf_counter() - start, "stages": stages,
            "status": "published" if published.new else "unchanged", "documents": len(outcomes),
            "facts_rows": len(facts), "incidents_rows": len(incidents)}


PROBES = {"floor": probe_floor, "extract": probe_extract, "flow": probe_flow, "plain": probe_plain,
          "startup": probe_startup}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(PROBES))
    parser.add_argument("corpus", type=Path)
    parser.add_argument("data_dir", nargs="?", type=Path)
    parser.add_argument("--runner", default="default", choices=("default", "dask"))
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--no-gx", action="store_true", help="flow: do not import Great Expectations before the run")
    args = parser.parse_args(argv)
    result = PROBES[args.kind](args.corpus, args)
    result["peak_rss_mb"] = peak_rss_mb()
    sys.stdout.flush()
    print(RESULT_MARK + json.dumps(result, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
