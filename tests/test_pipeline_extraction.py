"""The extraction stage: batches sized to the workers, worker processes that give what one thread gives, and a
document that breaks our code (or hangs) quarantined on its own."""
from __future__ import annotations

import json
import shutil
import sys

import pytest

from flows.archive import Archive
from flows.extraction import INTERNAL_ERROR, TIMEOUT, extract_archived, extraction_pool, is_cacheable
from flows.paths import DEFAULT_SOURCES, ROOT
from flows.pipeline import BackgroundImport, batch_size, parse_and_extract
from flows.reading import read_publishers
from flows.registry import read_sources
from flows.sources import read_file_source

FINGERPRINT = "f" * 64


@pytest.mark.parametrize(
    ("documents", "workers", "expected"),
    [
        (0, 2, 20),  # never fewer than 20 a batch: a task run costs more than parsing a few documents
        (30, 2, 20),
        (1_000, 2, 125),  # 8 batches: 4 per worker
        (1_001, 2, 126),
        (10_000, 2, 200),  # never more than 200: a batch is what a worker's failure or a retry costs
        (1_000, 1, 200),
        (1_000, 8, 32),
        (1_000, 0, 200),  # no CPU count known: as if one worker
    ],
)
def test_batch_size_gives_each_worker_about_four_batches(documents, workers, expected):
    assert batch_size(documents, workers) == expected


@pytest.fixture
def archived(tmp_path):
    """The bundled samples read into a fresh archive: (data_dir, refs, sources by id)."""
    data_dir = tmp_path / "data"
    archive = Archive(data_dir / "raw")
    registry = read_sources(DEFAULT_SOURCES)
    refs = [ref for source in registry for ref in read_file_source(source, archive).documents]
    assert len(refs) >= 10
    return data_dir, refs, {s.id: s for s in registry}


def run_batch(archived, vocabulary, pool=None, force=False):
    data_dir, refs, sources = archived
    return parse_and_extract.fn(refs, sources, data_dir, vocabulary, read_publishers(), FINGERPRINT, force, 2026, pool)


def test_worker_processes_give_what_one_thread_gives_and_fill_the_same_cache(archived, vocabulary, tmp_path):
    inline = run_batch(archived, vocabulary)
    with extraction_pool(2) as pool:
        on_workers = run_batch(archived, vocabulary, pool, force=True)
        again = run_batch(archived, vocabulary, pool)
    assert [o.extraction for o in on_workers] == [o.extraction for o in inline]
    assert [(o.info, o.error) for o in on_workers] == [(o.info, o.error) for o in inline]
    assert sum(len(o.extraction.figures) for o in inline if o.extraction) > 50
    assert not any(o.cached for o in on_workers) and all(o.cached for o in again)
    assert [o.extraction for o in again] == [o.extraction for o in inline]


def test_a_document_our_code_fails_on_is_quarantined_alone_and_not_cached(archived, vocabulary):
    data_dir, refs, sources = archived
    broken = refs[3]
    # a real failure path beside the parsers: the archived body no longer matches its hash (ArchiveCorrupt)
    Archive(data_dir / "raw").path_of(broken.sha256).write_bytes(b"flipped bits")
    with extraction_pool(2) as pool:
        outcomes = run_batch(archived, vocabulary, pool)
    errors = {o.ref.name: o.error for o in outcomes if o.error}
    assert errors == {broken.name: f"{INTERNAL_ERROR}: ArchiveCorrupt: raw/{broken.sha256[:2]}/{broken.sha256}: "
                                   "content does not match its hash"}
    assert sum(o.extraction is not None for o in outcomes) == len(refs) - 1
    # a bug is not a property of the document: the next run tries it again
    again = run_batch(archived, vocabulary)
    assert [o.cached for o in again] == [o.ref != broken for o in again]


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
def test_a_run_over_a_document_our_code_fails_on_publishes_the_rest_degraded(tmp_path, prefect_harness):
    from flows.pipeline import RunSummary, nightly

    shutil.copytree(ROOT / "data" / "samples", tmp_path / "samples")
    shutil.copy(DEFAULT_SOURCES, tmp_path / "sources.toml")
    data_dir = tmp_path / "data"
    first = nightly(sources=str(tmp_path / "sources.toml"), data_dir=str(data_dir))
    broken = next(d for d in json.loads((data_dir / "published" / "latest" / "manifest.json").read_text())["documents"]
                  if d["figures"])
    Archive(data_dir / "raw").path_of(broken["sha256"]).write_bytes(b"flipped bits")
    again = nightly(sources=str(tmp_path / "sources.toml"), data_dir=str(data_dir), offline=True, force=True)
    assert first["status"] == again["status"] == "published" and again["documents"] == first["documents"]
    assert [(q["document"], q["reason"].split(":")[:2]) for q in again["quarantined"]] == [
        (broken["document"], [INTERNAL_ERROR, " ArchiveCorrupt"])]
    assert RunSummary(**again).degraded and not RunSummary(**first).degraded
    assert again["figures"] == first["figures"] - broken["figures"]


def test_a_document_over_the_time_limit_is_quarantined_as_timeout_and_the_batch_goes_on(archived, vocabulary):
    data_dir, refs, sources = archived
    # a real slow document, not a simulated one: thousands of figure sentences take seconds to read, a sample report milliseconds
    sentence = b"In 2017, militants carried out 370 attacks in Pakistan, killing 815 people and injuring 1,736. "
    slow = Archive(data_dir / "raw").put(sentence * 3000, {"source_id": refs[0].source_id, "kind": "file",
                                                           "path": "slow.txt"})
    work = [(type(refs[0])(refs[0].source_id, slow.sha256, "slow.txt", "slow.txt"), sources[refs[0].source_id]),
            (refs[0], sources[refs[0].source_id])]
    with extraction_pool(1) as pool:  # the limit holds on a worker process's main thread
        warm = pool.submit(extract_archived, data_dir / "raw", work[1:], vocabulary, read_publishers(), None).result()
        results = pool.submit(extract_archived, data_dir / "raw", work, vocabulary, read_publishers(), 1.0).result()
    assert results[0] == ({}, None, f"{TIMEOUT}: parsing and extraction still running after 1 s")
    assert results[1] == warm[0] and results[1][2] is None and results[1][1].figures
    assert not is_cacheable(results[0][2]) and is_cacheable(results[1][2])


@pytest.mark.parametrize(("started", "imported"), [(False, False), (True, True)])
def test_a_background_import_happens_only_once_started(started, imported):
    module = "tabnanny"  # a standard module nothing here imports
    sys.modules.pop(module, None)
    background = BackgroundImport(module)
    if started:
        background.start()
        background.start()
    background.join()
    assert (module in sys.modules) is imported
