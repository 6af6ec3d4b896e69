"""SIGKILL at any point of a real run: `latest` stays a complete, valid snapshot, and the next run succeeds.

One Prefect server serves every child run of the module (a temporary server per run would cost ~15 s each),
and most runs are forked from one process that has imported the pipeline once (a cold start costs another
~8 s of CPU, which would put 25 runs far beyond two minutes); a few kills and the final runs are cold
`python -m flows.cli run` processes. Runs go in three lanes (data directories) at once; each lane alternates
runs that change its data (a publish is in flight near their end) with runs over unchanged data. Kill points
are fractions of a full run measured first, plus kills as soon as a snapshot starts being written.
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.paths import ROOT
from flows.publish import TMP_PREFIX
from flows.snapshots import versions

pytestmark = [pytest.mark.xdist_group("crash")]

LANES = 3
EVEN_POINTS = 16  # kill points spread evenly over a run, on changing and unchanged runs alike
# more inside the publish step: as the snapshot's files are written one by one, and between its rename and `latest`
PUBLISH_STAGES = ("files:0", "files:2", "files:5", "renamed")
SERVER_START_SECONDS = 120

REGISTRY = """[[source]]
id = "notes"
kind = "file"
url = "notes/*.txt"
country = "PAK"
publisher = "PIPS"
trust = 1
"""


def note(number: int) -> bytes:
    """A one-figure report of a year of its own: every new note changes the published data."""
    return (f"title: Yearly note {number}\npublished: {1981 + number}-01-10\n\n"
            f"In {1980 + number}, militants carried out {100 + number} terrorist attacks in Pakistan.\n").encode()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server_env(tmp_path_factory):
    """A Prefect server for this module's child processes, and the environment that points them at it."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           "GX_ANALYTICS_ENABLED": "false", "PREFECT_API_URL": f"http://127.0.0.1:{port}/api", "PYTHONPATH": str(ROOT),
           "PREFECT_LOGGING_LEVEL": "WARNING"}
    log = open(home / "server.log", "wb")
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port),
                               "--no-ui", "--analytics-off"], env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, (home / "server.log").read_text()[-3000:]
            time.sleep(0.2)
        yield env
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server's own process group: uvicorn and its workers
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


ZYGOTE = """
import json, os, select, signal, sys, traceback
import flows.cli, flows.pipeline, flows.validate, flows.deploy, flows.artifacts, flows.datadocs, great_expectations
# single-threaded on purpose: forking a process that runs threads can copy a held lock into the child
running = set()
print("ready", flush=True)
while True:
    readable, _, _ = select.select([sys.stdin], [], [], 0.02)
    if readable:
        line = sys.stdin.readline()
        if not line:
            break
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            log = os.open(job["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(log, 1)
            os.dup2(log, 2)
            try:
                code = flows.cli.main(job["args"])
            except BaseException:
                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        running.add(pid)
        print(f"started {pid}", flush=True)
    while running:
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            break
        running.discard(pid)
        print(f"exit {pid} {os.waitstatus_to_exitcode(status)}", flush=True)
for pid in running:
    os.waitpid(pid, 0)
"""


class Zygote:
    """A process that imported the pipeline once and forks a run per request; it reaps them and reports exits."""

    def __init__(self, env: dict[str, str]):
        self.process = subprocess.Popen([sys.executable, "-c", ZYGOTE], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "ready"
        self.started: queue.Queue[int] = queue.Queue()
        self.exits: dict[int, int] = {}
        self.ended: dict[int, threading.Event] = {}
        self.lock = threading.Lock()  # guards `ended`
        self.requests = threading.Lock()  # one request at a time: the reply names the pid of this request
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            kind, pid, *code = line.split()
            if kind == "started":
                self.started.put(int(pid))
            elif kind == "exit":
                self.exits[int(pid)] = int(code[0])
                self._event(int(pid)).set()

    def _event(self, pid: int) -> threading.Event:
        with self.lock:
            return self.ended.setdefault(pid, threading.Event())

    def run(self, args: list[str], log: Path) -> Forked:
        with self.requests:
            self.process.stdin.write(json.dumps({"args": args, "log": str(log)}) + "\n")
            self.process.stdin.flush()
            pid = self.started.get(timeout=60)
        return Forked(self, pid)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=120)


@dataclass
class Forked:
    """A run forked by the zygote, with the part of Popen's interface the test uses."""

    zygote: Zygote
    pid: int

    def poll(self) -> int | None:
        return self.zygote.exits.get(self.pid)

    def wait(self, timeout: float | None = None) -> int:
        if not self.zygote._event(self.pid).wait(timeout):
            raise subprocess.TimeoutExpired(f"run {self.pid}", timeout)
        return self.zygote.exits[self.pid]

    def send_signal(self, signal_number: int) -> None:
        os.kill(self.pid, signal_number)


@pytest.fixture(scope="module")
def zygote(server_env):
    forker = Zygote(server_env)
    yield forker
    forker.close()


@dataclass
class Lane:
    """A data directory and its registry; `notes` grows by one on every run that changes the data."""

    root: Path
    notes: int = 0
    published_once: bool = False
    outcomes: list[dict] = field(default_factory=list)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def published(self) -> Path:
        return self.data / "published"

    @classmethod
    def create(cls, root: Path, notes: int = 3) -> Lane:
        (root / "notes").mkdir(parents=True)
        (root / "sources.toml").write_text(REGISTRY)
        lane = cls(root)
        for _ in range(notes):
            lane.add_note()
        return lane

    def add_note(self) -> None:
        self.notes += 1
        (self.root / "notes" / f"note-{self.notes:03d}.txt").write_bytes(note(self.notes))

    def start(self, env: dict[str, str], label: str, zygote: Zygote | None = None) -> subprocess.Popen | Forked:
        """A run on this lane: forked by the zygote, or a cold `python -m flows.cli run` without one."""
        log = self.root / f"run-{len(self.outcomes):02d}-{label}.log"
        args = ["run", "--sources", str(self.root / "sources.toml"), "--data-dir", str(self.data)]
        if zygote is not None:
            return zygote.run(args, log)
        with open(log, "wb") as out:
            return subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=env, stdout=out,
                                    stderr=subprocess.STDOUT)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_snapshot(snapshot: Path) -> dict:
    """A snapshot is complete: its manifest lists every file, each with its checksum, every table readable."""
    manifest = json.loads((snapshot / "manifest.json").read_text())
    for name, digest in manifest["files"].items():
        assert sha256(snapshot / name) == digest, f"{snapshot.name}/{name}: checksum"
    for name, table in manifest["tables"].items():
        assert pq.read_table(snapshot / table["file"]).num_rows == table["rows"], f"{snapshot.name}/{name}: rows"
    return manifest


def check_invariants(lane: Lane) -> dict:
    """What a killed run may leave: a valid `latest` (or none before any publication), complete listed versions,
    an archive whose every body matches its hash and whose every record points at a body."""
    published = lane.published
    found = {"latest": None, "staging": [], "unlisted": []}
    listed = versions(published)
    for version in listed:
        check_snapshot(published / version)
    latest = published / "latest"
    if latest.is_symlink():
        target = os.readlink(latest)
        assert target in listed and not target.startswith(TMP_PREFIX), target
        manifest = check_snapshot(published / target)
        assert manifest["version"] == target
        found["latest"] = target
    else:
        assert not latest.exists()
        assert not lane.published_once, "`latest` vanished after a publication"
    if published.exists():
        for entry in published.iterdir():
            if entry.name.startswith(TMP_PREFIX):
                found["staging"].append(entry.name)
            elif entry.name not in ("latest", "PINNED") and entry.name not in listed:
                found["unlisted"].append(entry.name)
    assert not found["unlisted"], f"entries that are neither versions nor partial: {found['unlisted']}"
    raw = lane.data / "raw"
    bodies = {p.name for p in raw.glob("??/*") if len(p.name) == 64} if raw.exists() else set()
    for name in bodies:
        assert sha256(raw / name[:2] / name) == name, f"raw/{name}: body does not match its hash"
    if (raw / "records.jsonl").exists():
        lines = (raw / "records.jsonl").read_text().splitlines()
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a torn line of a killed run (checked below: only ever the last one)
            assert record["sha256"] in bodies, f"a record points at a body never stored: {record}"
        torn = [n for n, line in enumerate(lines) if not _is_json(line)]
        assert torn in ([], [len(lines) - 1]), f"torn records.jsonl lines {torn} of {len(lines)}"
    return found


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def watch(lane: Lane, child: subprocess.Popen, started: float, seen: dict[str, float]) -> None:
    """Note when the run's staging directory and then its new `latest` first appear (seconds after start)."""
    before = os.readlink(lane.published / "latest") if (lane.published / "latest").is_symlink() else None
    while child.poll() is None:
        now = time.monotonic() - started
        if lane.published.exists():
            names = os.listdir(lane.published)
            if "stage" not in seen and any(n.startswith(TMP_PREFIX) and not n.startswith(f"{TMP_PREFIX}latest") for n in names):
                seen["stage"] = now
            latest = lane.published / "latest"
            if "switch" not in seen and latest.is_symlink() and os.readlink(latest) != before:
                seen["switch"] = now
        time.sleep(0.005)


@dataclass(frozen=True)
class Kill:
    """Kill the lane's next run `at` seconds after its start, or as soon as its publish step reaches `on`."""

    change: bool
    at: float | None = None
    # "files:N": the new snapshot's staging directory holds N files; "renamed": it became a version, `latest` is next
    on: str | None = None
    fresh: bool = False  # on a new data directory where nothing was ever published
    cold: bool = False  # a `python -m flows.cli run` process of its own, not forked


def publish_reached(published: Path, on: str, entries_before: set[str], listed_before: set[str]) -> bool:
    """Whether this run's publish step has got as far as `on` (see Kill.on)."""
    if not published.exists():
        return False
    if on == "renamed":
        return bool(set(versions(published)) - listed_before)
    wanted = int(on.split(":")[1])
    for name in set(os.listdir(published)) - entries_before:
        if name.startswith(TMP_PREFIX) and not name.startswith(f"{TMP_PREFIX}latest"):
            try:
                return len(os.listdir(published / name)) >= wanted
            except FileNotFoundError:  # renamed meanwhile: past every file count
                return True
    return False


def run_and_kill(lane: Lane, env: dict[str, str], kill: Kill, zygote: Zygote) -> dict:
    if kill.change:
        lane.add_note()
    before = os.readlink(lane.published / "latest") if (lane.published / "latest").is_symlink() else None
    left_before = set(os.listdir(lane.published)) if lane.published.exists() else set()
    listed_before = set(versions(lane.published))
    child = lane.start(env, "kill", None if kill.cold else zygote)
    started = time.monotonic()
    if kill.on:
        while child.poll() is None and not publish_reached(lane.published, kill.on, left_before, listed_before):
            time.sleep(0.001)
    else:
        try:
            child.wait(timeout=kill.at)
        except subprocess.TimeoutExpired:
            pass
    finished = child.poll() is not None
    if not finished:
        child.send_signal(signal.SIGKILL)
    code = child.wait(timeout=60)
    found = check_invariants(lane)
    after = found["latest"]
    if after is not None:
        lane.published_once = True
    # mid-publish: the kill left this run's snapshot half-written, or whole but not yet `latest`
    partial = sorted(set(found["staging"]) - left_before)
    unswitched = sorted(set(versions(lane.published)) - listed_before - {after})
    outcome = {"at": round(time.monotonic() - started, 2), "on": kill.on, "change": kill.change, "fresh": kill.fresh, "cold": kill.cold,
               "finished": finished, "code": code, "mid_publish": not finished and bool(partial or unswitched),
               "switched": after != before,
               "left": [f"{name} ({len(os.listdir(lane.published / name))} files)" for name in partial] + unswitched}
    lane.outcomes.append(outcome)
    return outcome


def run_to_end(lane: Lane, env: dict[str, str], label: str, zygote: Zygote | None) -> tuple[int, float, dict[str, float]]:
    """A whole run, its exit code, duration, and when its publish step started and ended."""
    child = lane.start(env, label, zygote)
    started = time.monotonic()
    seen: dict[str, float] = {}
    watcher = threading.Thread(target=watch, args=(lane, child, started, seen))
    watcher.start()
    code = child.wait(timeout=600)
    duration = time.monotonic() - started
    watcher.join()
    if code == 0 and (lane.published / "latest").is_symlink():
        lane.published_once = True
    return code, duration, seen


def in_parallel(jobs: list) -> list:
    """Call each job in a thread of its own; results in order, the first exception re-raised."""
    results: list = [None] * len(jobs)
    errors: list[BaseException] = []

    def call(index: int, job) -> None:
        try:
            results[index] = job()
        except BaseException as error:  # re-raised below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=call, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def schedule(change_seconds: float, same_seconds: float) -> list[list[Kill]]:
    """Kill points per lane: even fractions of a run (very early to very late), then at each stage of publishing
    (times vary too much under load to hit that fraction of a second by the clock), on fresh data directories,
    and two cold processes. Each lane alternates a changing run with an unchanged one."""
    fractions = [0.01 + 0.94 * i / (EVEN_POINTS - 1) for i in range(EVEN_POINTS)]
    kills = [Kill(change=i % 2 == 0, at=f * (change_seconds if i % 2 == 0 else same_seconds)) for i, f in enumerate(fractions)]
    kills += [Kill(change=True, on=on) for on in PUBLISH_STAGES]
    kills += [Kill(change=True, at=change_seconds * 0.9, fresh=True), Kill(change=True, on="files:3", fresh=True),
              Kill(change=True, on="files:1", cold=True), Kill(change=False, at=change_seconds, cold=True)]
    return [kills[lane::LANES] for lane in range(LANES)]


def test_sigkill_at_any_point_leaves_latest_valid_and_the_next_run_succeeds(tmp_path, server_env, zygote):
    lanes = [Lane.create(tmp_path / f"lane-{n}") for n in range(LANES)]

    # a full run that publishes, then one over unchanged data, all lanes at once (as the kills will run)
    first = in_parallel([lambda lane=lane: run_to_end(lane, server_env, "first", zygote) for lane in lanes])
    assert [code for code, _, _ in first] == [0] * LANES, [(lane.root / "run-00-first.log").read_text()[-2000:] for lane in lanes]
    assert all({"stage", "switch"} <= set(seen) for _, _, seen in first), first
    same = in_parallel([lambda lane=lane: run_to_end(lane, server_env, "same", zygote) for lane in lanes])
    assert [code for code, _, _ in same] == [0] * LANES
    change_seconds = sum(d for _, d, _ in first) / LANES
    same_seconds = sum(d for _, d, _ in same) / LANES
    window = (min(s["stage"] for _, _, s in first), max(s["switch"] for _, _, s in first))

    plans = schedule(change_seconds, same_seconds)
    fresh_roots = iter(tmp_path / f"fresh-{n}" for n in range(100))

    def run_lane(lane: Lane, plan: list[Kill]) -> list[dict]:
        outcomes = []
        for kill in plan:
            target = Lane.create(next(fresh_roots)) if kill.fresh else lane
            outcomes.append(run_and_kill(target, server_env, kill, zygote))
            if kill.fresh:
                assert run_to_end(target, server_env, "after", zygote)[0] == 0
                check_invariants(target)
        return outcomes

    results = [o for outcomes in in_parallel([lambda lane=lane, plan=plan: run_lane(lane, plan)
                                               for lane, plan in zip(lanes, plans)]) for o in outcomes]

    # a cold process cleans up what the kills left and succeeds; the snapshot holds every note ever added
    last = in_parallel([lambda lane=lane: run_to_end(lane, server_env, "last", None) for lane in lanes])
    for lane, (code, _, _) in zip(lanes, last):
        assert code == 0, (lane.root / f"run-{len(lane.outcomes):02d}-last.log").read_text()[-3000:]
        found = check_invariants(lane)
        assert found["staging"] == [] and found["latest"] is not None
        facts = pq.read_table(lane.published / "latest" / "facts.parquet").to_pandas()
        assert sorted(facts["year"].astype(int).unique()) == [1980 + n for n in range(1, lane.notes + 1)]

    killed = [o for o in results if not o["finished"]]
    # temporaries of write-once files (archive bodies, cache entries) a kill interrupted: litter, never read
    litter = [p for lane in lanes for p in (lane.data / "raw").rglob(f"{TMP_PREFIX}*")] + [
        p for lane in lanes for p in (lane.data / "state").rglob(f"{TMP_PREFIX}*")]
    print(f"\n{len(litter)} temporary files left in raw/ and state/ by killed runs")
    print(f"\nrun: {change_seconds:.1f} s changing, {same_seconds:.1f} s unchanged; publish step at "
          f"{window[0]:.1f}-{window[1]:.1f} s; {len(results)} kill points, {len(killed)} killed before the end, "
          f"{sum(o['mid_publish'] for o in killed)} mid-publish, {sum(o['fresh'] for o in results)} on fresh directories")
    for o in results:
        print(f"  {'change' if o['change'] else 'same  '} {'cold' if o['cold'] else 'fork'} at {o['at']:5.2f} s "
              f"{'(on ' + o['on'] + ')' if o['on'] else ''}: "
              f"{'finished' if o['finished'] else 'killed'}{' mid-publish' if o['mid_publish'] else ''}"
              f"{' (latest switched)' if o['switched'] else ''}{' fresh' if o['fresh'] else ''} {o['left'] or ''}")
    # a run faster than the measured one may end before a late kill: most points must still kill a live run
    assert len(results) >= 20 and len(killed) >= 16
    assert sum(o["mid_publish"] for o in killed) >= len(PUBLISH_STAGES)


def test_two_runs_started_at_once_one_is_refused_and_nothing_breaks(tmp_path, server_env, zygote):
    lane = Lane.create(tmp_path / "lane")
    # cold processes: a forked run is over in a second or two, too soon for the other to find the lock taken
    children = [lane.start(server_env, f"twin-{n}") for n in range(2)]
    codes = [child.wait(timeout=600) for child in children]
    logs = [(lane.root / f"run-00-twin-{n}.log").read_text() for n in range(2)]
    assert sorted(codes) == [0, 3], logs
    assert f"is using {lane.data}; try again when it ends" in logs[codes.index(3)]
    lane.published_once = True
    found = check_invariants(lane)
    assert found["latest"] is not None and found["staging"] == []
    code, _, _ = run_to_end(lane, server_env, "again", zygote)
    assert code == 0 and "no change since snapshot" in (lane.root / "run-00-again.log").read_text()


@pytest.mark.parametrize("batch", [False, True])
def test_a_record_torn_by_a_killed_writer_does_not_swallow_the_next(tmp_path, batch):
    from flows.archive import Archive

    archive = Archive(tmp_path / "raw")
    archive.put(b"first", {"path": "first.txt"})
    with open(archive.log, "a", encoding="utf-8") as handle:
        handle.write('{"sha256": "abc", "pa')  # the writer died in the middle of a line
    if batch:
        with archive.batch():
            archive.put(b"second", {"path": "second.txt"})
    else:
        archive.put(b"second", {"path": "second.txt"})
    assert [r["path"] for r in archive.records()] == ["first.txt", "second.txt"]
