"""The pipeline against the lxml floor, at corpus scale: one command, every figure of issue 8 in one table.

    .venv/bin/python -m tests.benchmarks.bench_pipeline [--sizes 1000 10000] [--seed 8] [--no-dask] [--keep DIR]

For each size it writes a seeded synthetic corpus (tests/benchmarks/synthetic.py) into a temporary
directory and runs, each in a fresh process: the lxml floor, extraction alone (one process, then two),
the nightly flow against a Prefect server started for the benchmark, a rerun with nothing new, the same
tasks as plain functions, and the flow on the Dask runner. Nothing generated is kept unless --keep.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib import metadata
from pathlib import Path

from tests.benchmarks.probes import RESULT_MARK, SPAWNED_AT
from tests.benchmarks.synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[2]
TARGET_FLOOR_RATIO = 3.0
TARGET_RERUN_SHARE = 0.10
TARGET_STARTUP = 5.0
TARGET_MEMORY_RATIO = 2.0


class ProbeFailed(RuntimeError):
    """A measurement process exited without its result line."""


CODE = ("flows", "transforms", "expectations", "data/reference", "tests/__init__.py", "tests/benchmarks")


def snapshot_code(target: Path) -> Path:
    """A copy of the code the probes run, taken once: an edit of transforms/ during a long benchmark would change
    the extraction cache's code fingerprint between the full run and the rerun."""
    for name in CODE:
        source, copy = ROOT / name, target / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy)
    return target


def _quiet_env(code: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1", "GX_ANALYTICS_ENABLED": "false",
           "PREFECT_LOGGING_LEVEL": "WARNING", "PYTHONPATH": str(code), **extra}
    return env


def run_probe(kind: str, corpus: Path, *rest: str, env: dict[str, str], log: Path) -> dict:
    """One probe in a fresh interpreter; adds the process's wall time as seen from here ("process_wall")."""
    command = [sys.executable, "-m", "tests.benchmarks.probes", kind, str(corpus), *rest]
    started = time.time()
    done = subprocess.run(command, cwd=env["PYTHONPATH"], env={**env, SPAWNED_AT: repr(started)}, capture_output=True,
                          text=True)
    wall = time.time() - started
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"$ {' '.join(command)}\n{done.stdout}\n{done.stderr}\n")
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT_MARK)]
    if done.returncode != 0 or not lines:
        raise ProbeFailed(f"{kind} exited {done.returncode}; see {log}:\n{done.stderr[-2000:]}")
    result = json.loads(lines[-1][len(RESULT_MARK):])
    result["process_wall"] = wall
    result["load_after"] = os.getloadavg()[0]
    return result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrefectServer:
    """A Prefect server of our own, in a temporary PREFECT_HOME, stopped (its process group) on exit."""

    def __init__(self, home: Path, log: Path):
        self.home, self.log, self.port = home, log, _free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "PrefectServer":
        prefect = Path(sys.executable).with_name("prefect")
        self.process = subprocess.Popen(
            [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
            env=_quiet_env(ROOT, {"PREFECT_HOME": str(self.home)}), stdout=open(self.log, "w"), stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except OSError:
                time.sleep(0.5)
        self.__exit__(None, None, None)
        raise RuntimeError(f"the Prefect server did not answer on {self.url} within 180 s; see {self.log}")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    ram = next((int(line.split()[1]) / 1024 / 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    libraries = ", ".join(f"{name} {metadata.version(name)}" for name in
                          ("prefect", "great-expectations", "pandas", "pyarrow", "lxml", "dask", "prefect-dask"))
    return {"cpus": str(os.cpu_count()), "cpu": cpu, "ram": f"{ram:.1f} GiB",
            "python": platform.python_version(), "libraries": libraries, "code": _commit()}


def _commit() -> str:
    """The commit measured, marked when flows/ or transforms/ differ from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "flows", "transforms"], cwd=ROOT, capture_output=True,
                               text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return (head or "unknown") + (" + uncommitted edits" if dirty else "")


def measure_size(size: int, seed: int, work: Path, server_env: dict[str, str], dask: bool, log: Path) -> dict:
    """Every measurement at one corpus size."""
    corpus = write_corpus(work / f"corpus-{size}", size, seed)
    result: dict = {"size": size, "bytes": corpus.bytes, "by_kind": corpus.by_kind}

    def step(name: str, kind: str, *rest: str) -> None:
        print(f"  [{size}] {name} ...", file=sys.stderr, flush=True)
        result[name] = run_probe(kind, corpus.root, *rest, env=server_env, log=log)

    step("floor", "floor")
    step("extract", "extract")
    step("extract_2p", "extract", "--processes", "2")
    # no flow run pre-imports Great Expectations: the run imports it on a thread while its workers parse
    step("flow", "flow", str(work / f"data-{size}"), "--no-gx")
    step("rerun", "flow", str(work / f"data-{size}"), "--no-gx")
    step("plain", "plain", str(work / f"data-{size}-plain"))
    if dask:
        step("dask", "flow", str(work / f"data-{size}-dask"), "--runner", "dask", "--no-gx")
    for name in ("data-{}", "data-{}-plain", "data-{}-dask"):
        shutil.rmtree(work / name.format(size), ignore_errors=True)
    return result


# -- the table ------------------------------------------------------------------------------------------------------

def _rate(documents: int, size: int, seconds: float) -> str:
    return f"{documents / seconds:,.1f} docs/s, {size / seconds / 1e6:,.2f} MB/s"


def _stage_line(result: dict, names=("fetch", "parse-extract", "normalize", "validate", "publish")) -> str:
    """Each stage's wall time, and the flow's time outside its tasks (or the plain loop's bookkeeping)."""
    stages = result["stages"]
    shown = [n for n in names if n in stages]
    other = result["work"] - sum(stages[n]["wall"] for n in shown)
    return ", ".join(f"{n} {stages[n]['wall']:.1f}" for n in shown) + f", outside these {other:.1f}"


def rows_for(r: dict) -> list[tuple[str, str]]:
    """(label, value) lines of one size's results."""
    n, size = r["size"], r["bytes"]
    floor, flow, rerun, plain = r["floor"], r["flow"], r["rerun"], r["plain"]
    startup = flow["startup"]["total"]
    full = flow["process_wall"]
    work = full - startup
    extraction = flow["stages"].get("parse-extract", {})
    rows = [
        ("corpus", f"{n:,} documents, {size / 1e6:,.1f} MB ("
                   + ", ".join(f"{k} {c:,}/{b / 1e6:,.1f} MB" for k, (c, b) in sorted(r["by_kind"].items())) + ")"),
        ("floor: lxml over the same bytes", f"{floor['wall']:.2f} s = {_rate(n, size, floor['wall'])}"),
        ("extraction alone, 1 process", f"{r['extract']['wall']:.1f} s = {_rate(n, size, r['extract']['wall'])}, "
                                        f"CPU/wall {r['extract']['cpu'] / r['extract']['wall']:.2f}"),
        ("extraction alone, 2 processes", f"{r['extract_2p']['wall']:.1f} s = {_rate(n, size, r['extract_2p']['wall'])}, "
                                          f"CPU/wall {r['extract_2p']['cpu'] / r['extract_2p']['wall']:.2f}"),
        ("sanity: precision / recall", "{precision:.3f} / {recall:.3f} ({hits:,} of {stated:,} stated figures, "
                                       "{extracted:,} extracted)".format(**r["extract"]["score"])),
        ("full run (process wall)", f"{full:.1f} s, status {flow['status']}, {flow['documents']} documents, "
                                    f"{flow['quarantined']} quarantined, {flow.get('facts_rows') or 0:,} facts rows"),
        ("  fixed start-up", "{total:.2f} s (interpreter {interpreter:.2f}, imports {imports:.2f}, first Prefect flow "
                             "run {prefect_first_flow:.2f}; Great Expectations is imported by the run, on a thread "
                             "beside the parsing)".format(**flow["startup"])),
        ("  the pipeline's work", f"{work:.1f} s = {_rate(n, size, work)} (the flow call {flow['work']:.1f} s, then "
                                  f"the process's exit {full - startup - flow['work']:.1f} s)"),
        ("  stages (s)", _stage_line(flow)),
        ("  extraction stage CPU/wall", f"{extraction.get('cpu', 0) / max(extraction.get('wall', 1e-9), 1e-9):.2f} "
                                        f"({extraction.get('tasks', 0)} batches, parsed by the default runner's worker processes)"),
        ("work / floor", f"{work / floor['wall']:.1f}x"),
        ("rerun, nothing new (process wall)", f"{rerun['process_wall']:.1f} s = {rerun['process_wall'] / full:.1%} of the "
                                              f"full run; status {rerun['status']}, {rerun['parsed']} parsed; stages "
                                              f"{_stage_line(rerun)}"),
        ("plain functions, same work", f"{plain['work']:.1f} s; stages {_stage_line(plain)}"),
        ("Prefect overhead", f"{flow['work'] - plain['work']:+.1f} s over the plain loop "
                             f"({(flow['work'] - plain['work']) / plain['work']:+.1%}), plus the start-up's "
                             f"first flow run {flow['startup']['prefect_first_flow']:.2f} s"),
        ("peak RSS", f"flow {flow['peak_rss_mb']:,.0f} MB + {flow['children_peak_mb']:,.0f} MB in its extraction worker "
                     f"processes, rerun {rerun['peak_rss_mb']:,.0f} MB, plain "
                     f"{plain['peak_rss_mb']:,.0f} MB, extraction alone {r['extract']['peak_rss_mb']:,.0f} MB"),
    ]
    for name in ("flow", "plain", "dask"):
        if name in r and r[name]["status"] not in ("published",):
            failures = (r[name].get("validation") or {}).get("failures") or []
            rows.append((f"WARNING: {name} run did not publish", f"{r[name]['status']}"[:200]
                         + "".join(f"\n      {line}" for line in failures[:5])))
    if "dask" in r:
        dask = r["dask"]
        dask_extraction = dask["stages"].get("parse-extract", {})
        rows.append(("Dask runner (2 worker processes)",
                     f"work {dask['process_wall'] - dask['startup']['total']:.1f} s (flow call {dask['work']:.1f} s), "
                     f"extraction stage {dask_extraction.get('wall', 0):.1f} s vs {extraction.get('wall', 0):.1f} s "
                     f"the default runner = {extraction.get('wall', 0) / max(dask_extraction.get('wall', 1e-9), 1e-9):.2f}x, "
                     f"CPU/wall {dask_extraction.get('cpu', 0) / max(dask_extraction.get('wall', 1e-9), 1e-9):.2f}, "
                     f"status {dask['status']}, workers' peak RSS {dask['children_peak_mb']:,.0f} MB"))
    rows.append(("load average after the runs", ", ".join(f"{k} {r[k]['load_after']:.1f}" for k in
                                                          ("floor", "extract", "flow", "rerun", "plain") if k in r)))
    return rows


def targets(results: list[dict], startup_temporary: dict | None) -> list[str]:
    """Each target of issue 8, held or missed, at the largest size measured."""
    big, small = results[-1], results[0]
    flow = big["flow"]
    work = flow["process_wall"] - flow["startup"]["total"]
    ratio = work / big["floor"]["wall"]
    rerun_share = big["rerun"]["process_wall"] / flow["process_wall"]
    startup = flow["startup"]["total"]
    lines = [
        _verdict(f"work within {TARGET_FLOOR_RATIO:g}x the lxml floor at {big['size']:,}", ratio <= TARGET_FLOOR_RATIO,
                 f"{ratio:.1f}x"),
        _verdict(f"rerun with nothing new under {TARGET_RERUN_SHARE:.0%} of a full run at {big['size']:,}",
                 rerun_share < TARGET_RERUN_SHARE, f"{rerun_share:.1%}"),
        _verdict(f"fixed start-up under {TARGET_STARTUP:g} s against a running server", startup < TARGET_STARTUP,
                 f"{startup:.2f} s"),
    ]
    if len(results) > 1:
        # the flow's process and its extraction workers together: the workers hold the documents being parsed
        memory = ((flow["peak_rss_mb"] + flow["children_peak_mb"])
                  / (small["flow"]["peak_rss_mb"] + small["flow"]["children_peak_mb"]))
        lines.append(_verdict(f"peak memory at {big['size']:,} under {TARGET_MEMORY_RATIO:g}x that at {small['size']:,}",
                              memory < TARGET_MEMORY_RATIO, f"{memory:.2f}x"))
    extraction = flow["stages"].get("parse-extract", {})
    used = extraction.get("cpu", 0) / max(extraction.get("wall", 1e-9), 1e-9)
    lines.append(_verdict("both cores used by the extraction stage (default runner)", used >= 1.6, f"CPU/wall {used:.2f}"))
    if "dask" in big:
        d = big["dask"]["stages"].get("parse-extract", {})
        used = d.get("cpu", 0) / max(d.get("wall", 1e-9), 1e-9)
        lines.append(_verdict("both cores used by the extraction stage (Dask runner)", used >= 1.6, f"CPU/wall {used:.2f}"))
    if startup_temporary:
        lines.append(f"  (for comparison: start-up with Prefect's temporary server {startup_temporary['total']:.1f} s)")
    return lines


def _verdict(target: str, held: bool, value: str) -> str:
    return f"  {'HELD  ' if held else 'MISSED'} {target}: {value}"


def report(results: list[dict], info: dict, startup_temporary: dict | None) -> str:
    lines = ["", "machine: " + "; ".join(f"{k} {v}" for k, v in info.items()), ""]
    for r in results:
        lines.append(f"== {r['size']:,} documents ==")
        width = max(len(label) for label, _ in rows_for(r))
        lines += [f"{label:<{width}}  {value}" for label, value in rows_for(r)]
        lines.append("")
    lines.append("targets:")
    lines += targets(results, startup_temporary)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--no-dask", action="store_true", help="skip the run on the Dask task runner")
    parser.add_argument("--no-temporary-server", action="store_true",
                        help="skip measuring start-up with Prefect's temporary server (about 15 s)")
    parser.add_argument("--keep", type=Path, help="keep corpora, logs and results here instead of a temporary dir")
    parser.add_argument("--json", type=Path, help="also write every measurement as JSON")
    parser.add_argument("--from-json", type=Path, help="print the table of an earlier run's --json file, measure nothing")
    args = parser.parse_args(argv)
    if args.from_json:
        saved = json.loads(args.from_json.read_text())
        print(report(saved["results"], saved["machine"], saved["startup_temporary"]))
        return 0

    work = args.keep or Path(tempfile.mkdtemp(prefix="incidents-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log = work / "probes.log"
    info = machine()
    print(f"benchmark in {work} (log: {log}); load average now {os.getloadavg()[0]:.1f}", file=sys.stderr)
    results, startup_temporary = [], None
    code = snapshot_code(work / "code")
    try:
        with PrefectServer(work / "prefect-home", work / "prefect-server.log") as server:
            env = _quiet_env(code, {"PREFECT_HOME": str(work / "prefect-home"), "PREFECT_API_URL": server.url})
            for size in sorted(args.sizes):
                results.append(measure_size(size, args.seed, work, env, not args.no_dask, log))
        if not args.no_temporary_server:
            print("  start-up with a temporary Prefect server ...", file=sys.stderr, flush=True)
            env = _quiet_env(code, {"PREFECT_HOME": str(work / "prefect-home-temporary")})
            env.pop("PREFECT_API_URL", None)
            startup_temporary = run_probe("startup", work, env=env, log=log)["startup"]
        if args.json:  # before the table: a long run's measurements survive a formatting error
            args.json.write_text(json.dumps({"machine": info, "results": results,
                                             "startup_temporary": startup_temporary}, indent=1, default=str))
        print(report(results, info, startup_temporary))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
