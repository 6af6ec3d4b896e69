"""The raw archive: bodies stored once under their hash, an append-only log, revisits and the latest record per URL."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.archive import Archive, ArchiveCorrupt, MissingBody, sha256_of


@settings(max_examples=30, deadline=None)
@given(body=st.binary(max_size=2000))
def test_put_then_get_returns_the_same_bytes(tmp_path_factory, body):
    archive = Archive(tmp_path_factory.mktemp("raw"))
    stored = archive.put(body, {"path": "x.txt"})
    assert stored.sha256 == sha256_of(body)
    assert archive.get(stored.sha256) == body
    assert archive.has(stored.sha256)


def test_the_same_body_is_stored_once_but_every_arrival_is_logged(tmp_path):
    archive = Archive(tmp_path)
    first = archive.put(b"report", {"url": "http://a/1"})
    second = archive.put(b"report", {"url": "http://a/2"})
    assert (first.new, second.new) == (True, False)
    assert first.path == second.path
    assert [r["url"] for r in archive.records()] == ["http://a/1", "http://a/2"]
    # the provenance beside the body is the first arrival's and is never rewritten
    assert json.loads(first.path.with_name(first.sha256 + ".json").read_text())["url"] == "http://a/1"


def test_a_changed_body_is_reported_corrupt(tmp_path):
    archive = Archive(tmp_path)
    stored = archive.put(b"original", {})
    stored.path.write_bytes(b"tampered")
    with pytest.raises(ArchiveCorrupt):
        archive.get(stored.sha256)


def test_a_torn_last_line_is_skipped(tmp_path):
    archive = Archive(tmp_path)
    archive.put(b"a", {"url": "u1"})
    with open(archive.log, "a", encoding="utf-8") as handle:
        handle.write('{"sha256": "trunc')
    assert [r["url"] for r in archive.records()] == ["u1"]


def test_revisit_appends_a_record_and_leaves_the_body(tmp_path):
    archive = Archive(tmp_path)
    stored = archive.put(b"body", {"url": "u", "status": 200})
    before = stored.path.stat().st_mtime_ns
    again = archive.revisit(stored.sha256, {"url": "u", "status": 304})
    assert (again.sha256, again.new) == (stored.sha256, False)
    assert stored.path.stat().st_mtime_ns == before
    assert [(r["status"], r["size"]) for r in archive.records()] == [(200, 4), (304, 4)]


def test_revisit_of_a_body_not_stored_is_refused(tmp_path):
    with pytest.raises(MissingBody):
        Archive(tmp_path).revisit("0" * 64, {"url": "u"})


@pytest.mark.parametrize(
    ("arrivals", "source_id", "expected"),
    [
        # the newest arrival of a URL wins
        ([(b"v1", "u", "s"), (b"v2", "u", "s")], None, {"u": b"v2"}),
        # a 304 revisit of the old body makes the old body the latest again
        ([(b"v1", "u", "s"), (b"v2", "u", "s"), ("revisit-v1", "u", "s")], None, {"u": b"v1"}),
        # filtered to one source
        ([(b"a", "u1", "s"), (b"b", "u2", "t")], "t", {"u2": b"b"}),
        # file arrivals (no url) are not in the map
        ([(b"a", None, "s")], None, {}),
    ],
)
def test_latest_by_url(tmp_path, arrivals, source_id, expected):
    archive = Archive(tmp_path)
    for body, url, source in arrivals:
        record = {"source_id": source} | ({"url": url} if url else {"path": "f.txt"})
        if body == "revisit-v1":
            archive.revisit(sha256_of(b"v1"), record)
        else:
            archive.put(body, record)
    latest = archive.latest_by_url(source_id)
    assert {url: archive.get(r["sha256"]) for url, r in latest.items()} == expected


@pytest.mark.parametrize("bodies", [[b"a", b"b", b"a"], [b"only"], []])
def test_a_batch_stores_and_logs_like_single_puts(tmp_path, bodies):
    single, batched = Archive(tmp_path / "single"), Archive(tmp_path / "batched")
    for number, body in enumerate(bodies):
        single.put(body, {"path": f"{number}.txt"})
    with batched.batch():
        with batched.batch():  # a nested batch joins the open one
            stored = [batched.put(body, {"path": f"{number}.txt"}) for number, body in enumerate(bodies)]
        # records reach the log as they come, before the batch ends
        assert [r["path"] for r in batched.records()] == [f"{n}.txt" for n in range(len(bodies))]
    assert list(batched.records()) == list(single.records())
    assert [batched.get(s.sha256) for s in stored] == bodies
    assert [s.new for s in stored] == [body not in bodies[:n] for n, body in enumerate(bodies)]
