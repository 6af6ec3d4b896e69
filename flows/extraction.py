"""Parsing and extraction of archived documents, on worker processes: one document's failure stays its own.

Kept apart from flows/pipeline.py so a worker process imports only the parsers and the archive, not Prefect.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, Iterator

from flows.archive import Archive
from flows.registry import Source
from flows.sources import DocumentRef
from transforms.documents import parse_document
from transforms.extract import extract_figures
from transforms.model import DocumentError, Extraction
from transforms.reference import Vocabulary
from transforms.series import Publishers, identify_series

INTERNAL_ERROR = "internal-error"  # an exception of ours, not a DocumentError: quarantined, never cached
TIMEOUT = "timeout"  # parsing and extraction outlasted the time limit: quarantined, never cached
# a report takes milliseconds to seconds; one still running after two minutes is caught in a backtracking pattern
DOCUMENT_TIME_LIMIT = 120.0

Result = tuple[dict[str, Any], Extraction | None, str | None]  # (document facts, extraction, error)


class DocumentTimedOut(Exception):
    """Parsing and extracting one document outlasted its time limit."""


def worker_count() -> int:
    """Worker processes for extraction: one per CPU this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_document(raw: bytes, ref: DocumentRef, source: Source, vocabulary: Vocabulary, publishers: Publishers
                     ) -> Result:
    """(document facts, extraction, error) of one document: parse, then extract; a DocumentError is the error."""
    try:
        document = parse_document(raw, name=ref.name, format=source.format, content_type=ref.content_type)
        extraction = extract_figures(document, vocabulary, default_country=source.country)
    except DocumentError as error:
        return {}, None, f"{error.reason}: {error.detail}"
    series, primary = identify_series(document, publishers, source.publisher)
    return {"published": document.published, "series": series, "primary": primary}, extraction, None


def is_cacheable(error: str | None) -> bool:
    """Whether a result may be kept in the extraction cache: not a bug of ours nor a time limit hit."""
    return error is None or not error.startswith((f"{INTERNAL_ERROR}:", f"{TIMEOUT}:"))


def extract_archived(raw_dir: Path, work: list[tuple[DocumentRef, Source]], vocabulary: Vocabulary,
                     publishers: Publishers, time_limit: float | None = DOCUMENT_TIME_LIMIT) -> list[Result]:
    """Each archived document's result, in order; an exception on one document is that document's error.

    The time limit holds only on a process's main thread (a worker process's): elsewhere no signal can stop a call.
    """
    archive = Archive(raw_dir)
    results = []
    for ref, source in work:
        try:
            results.append(_within(time_limit, lambda: extract_document(archive.get(ref.sha256), ref, source,
                                                                        vocabulary, publishers)))
        except DocumentTimedOut as late:
            results.append(({}, None, f"{TIMEOUT}: {late}"))
        except Exception as bug:  # a bug of ours must cost one document, not the run
            results.append(({}, None, f"{INTERNAL_ERROR}: {type(bug).__name__}: {bug}"))
    return results


def _within(seconds: float | None, call: Any) -> Result:
    if seconds is None or threading.current_thread() is not threading.main_thread():
        return call()

    def expire(signum: int, frame: FrameType | None) -> None:
        # raised in whatever Python code runs, the regular expression engine included (it checks for signals)
        raise DocumentTimedOut(f"parsing and extraction still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return call()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def extraction_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """Worker processes for one run's extraction, started as needed and stopped when the stage ends.

    Spawned, not forked: the flow's process runs threads (Prefect's), and a fork copies their held locks.
    """
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_exit_with_parent, initargs=(os.getpid(),))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _exit_with_parent(parent: int) -> None:
    # a worker holds its task queue's both ends, so it never sees a killed parent's queue close: watch the pid
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
