"""Names, links and pages from outside cannot write outside the data directory, run code or leak a secret."""
from __future__ import annotations

import base64
import gzip
import json
import logging
import os
import re
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from flows.archive import Archive
from flows.fetch import Fetcher
from flows.http_client import HttpClient, Refused
from flows.redaction import redact
from flows.registry import RegistryError, Source, parse_sources
from flows.sources import read_file_source
from transforms.documents import parse_document
from transforms.extract import extract_figures

NOW = datetime(2026, 3, 1, tzinfo=timezone.utc)
REPORT = b"In 2019, militants carried out 250 terrorist attacks in Pakistan.\n"


def registry_text(url: str) -> str:
    return f'[[source]]\nid = "s"\nkind = "file"\nurl = "{url}"\npublisher = "PIPS"\ntrust = 1\n'


@pytest.mark.parametrize(
    "url",
    ["../outside/*.txt", "samples/../../etc/*", "/etc/passwd", "samples/../*.txt", "a/b/../../../x.txt", "**/../*"],
)
def test_a_file_glob_leaving_the_registry_directory_is_refused(tmp_path, url):
    with pytest.raises(RegistryError, match="relative to the registry, without '..'"):
        parse_sources(registry_text(url), tmp_path)


def file_source(base: Path, glob: str) -> Source:
    return Source(id="s", kind="file", url=glob, publisher="PIPS", trust=1, base_dir=base)


@pytest.mark.parametrize("glob", ["samples/**/*.txt", "samples/*.txt", "samples/*/*.txt", "samples/to-dir/secret.txt"])
def test_symlinks_out_of_the_registry_directory_are_not_read(tmp_path, glob):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(b"outside the registry: never read\n")
    base = tmp_path / "registry"
    samples = base / "samples"
    samples.mkdir(parents=True)
    (samples / "report.txt").write_bytes(REPORT)
    (samples / "to-file.txt").symlink_to(outside / "secret.txt")
    (samples / "to-dir").symlink_to(outside, target_is_directory=True)
    (samples / "inside.txt").symlink_to(samples / "report.txt")  # a link that stays inside is an ordinary file
    (samples / "loop").symlink_to(samples, target_is_directory=True)  # a cycle must not hang the glob
    archive = Archive(tmp_path / "data" / "raw")

    result = read_file_source(file_source(base, glob), archive, NOW)

    assert {archive.get(d.sha256) for d in result.documents} <= {REPORT}
    assert all(d.location == f"samples/{d.name}" or d.location.endswith(f"/{d.name}") for d in result.documents)
    if glob == "samples/*.txt":
        assert sorted(d.location for d in result.documents) == ["samples/inside.txt", "samples/report.txt"]
    assert all(reason == "outside the registry's directory" for _, reason in result.refused)
    read = {d.name for d in result.documents} | {Path(location).name for location, _ in result.refused}
    assert read <= {"report.txt", "inside.txt", "secret.txt", "to-file.txt"} and read
    assert b"never read" not in b"".join(p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file())


def test_a_fifo_or_device_in_a_samples_folder_is_skipped_not_read(tmp_path):
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "report.txt").write_bytes(REPORT)
    os.mkfifo(samples / "pipe.txt")  # reading it would block the run forever
    result = read_file_source(file_source(tmp_path, "samples/*.txt"), Archive(tmp_path / "raw"), NOW)
    assert [d.location for d in result.documents] == ["samples/report.txt"]


VISIBLE = "<p>In 2019, militants carried out 250 terrorist attacks in Pakistan.</p>"
HIDDEN_SENTENCE = "In 2019, militants carried out 987 terrorist attacks in Pakistan."


@pytest.mark.parametrize(
    "hidden",
    [
        f"<script>document.write('{HIDDEN_SENTENCE}')</script>",
        f"<script type='application/ld+json'>{{\"description\": \"{HIDDEN_SENTENCE}\"}}</script>",
        f"<noscript>{HIDDEN_SENTENCE}</noscript>",
        f"<template><p>{HIDDEN_SENTENCE}</p></template>",
        f"<style>/* {HIDDEN_SENTENCE} */ p {{ color: red }}</style>",
        f"<svg><script>{HIDDEN_SENTENCE}</script><text>{HIDDEN_SENTENCE}</text></svg>",
        f"<iframe srcdoc='<p>{HIDDEN_SENTENCE}</p>'></iframe>",
        f"<!-- {HIDDEN_SENTENCE} -->",
        f"<p hidden>{HIDDEN_SENTENCE}</p>",
        f"<div style='display: none'>{HIDDEN_SENTENCE}</div>",
        f"<img src=x onerror=\"alert('{HIDDEN_SENTENCE}')\">",
        f"<a href=\"javascript:alert('{HIDDEN_SENTENCE}')\">link</a>",
        f"<object data='x'><p>{HIDDEN_SENTENCE}</p></object>",
        f"<textarea>{HIDDEN_SENTENCE}</textarea>",
        f"<script>/*</script><p>{HIDDEN_SENTENCE}</p><script>*/</script>".replace("<p>", "<!--").replace("</p>", "-->"),
    ],
    ids=["script", "json-ld", "noscript", "template", "style", "svg", "iframe-srcdoc", "comment", "hidden", "display-none",
         "event-handler", "javascript-url", "object", "textarea", "split-script"],
)
def test_script_and_hidden_text_never_becomes_a_figure(vocabulary, hidden):
    raw = f"<html><head><title>Report</title></head><body>{hidden}{VISIBLE}</body></html>".encode()
    document = parse_document(raw, name="page.html")
    assert "987" not in document.text
    values = {f.value for f in extract_figures(document, vocabulary, default_country="PAK").figures}
    assert values == {250}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://user:hunter2@example.org/reports?year=2019", "https://REDACTED@example.org/reports?year=2019"),
        ("http://h/list?token=s3cr3t&page=2", "http://h/list?token=REDACTED&page=2"),
        ("http://h/r.pdf?access_token=a1&api_key=b2;sig=c3#top", "http://h/r.pdf?access_token=REDACTED&api_key=REDACTED;sig=REDACTED#top"),
        ("http://h/r?X-Amz-Signature=ab12&X-Amz-Credential=cd34&id=7", "http://h/r?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED&id=7"),
        ("http://h/search?keyword=attacks&monkey=1&passage=3", "http://h/search?keyword=attacks&monkey=1&passage=3"),
        ("Max retries exceeded with url: /r?apikey=zz9 (Caused by NewConnectionError)",
         "Max retries exceeded with url: /r?apikey=REDACTED (Caused by NewConnectionError)"),
        ("see ftp://anon@files.example/x and http://h/?password=pw", "see ftp://REDACTED@files.example/x and http://h/?password=REDACTED"),
        ("http://example.org/plain/path", "http://example.org/plain/path"),
        ("", ""),
    ],
)
def test_redact(text, expected):
    assert redact(text) == expected
    assert redact(expected) == expected


def test_a_refusal_never_quotes_a_secret():
    refusal = Refused("https://u:hunter2@h/x?token=s3cr3t", "http-status", "GET /x?token=s3cr3t failed", 500)
    assert "hunter2" not in str(refusal) and "s3cr3t" not in str(refusal)
    assert (refusal.url, refusal.detail) == ("https://REDACTED@h/x?token=REDACTED", "GET /x?token=REDACTED failed")


SECRETS = ("hunter2", "s3cr3t", "k3yk3y")


def serve_secret_site(server: HTTPServer) -> Source:
    """A listing behind basic auth and a token, linking to reports by hostile names and one with a key."""
    auth = "Basic " + base64.b64encode(b"reader:hunter2").decode()
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    links = ["/../../etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fshadow", "/..%5c..%5cwindows.txt", "/r/report.txt?api_key=k3yk3y",
             "/r/missing.txt?token=s3cr3t"]
    listing = "".join(f'<li class="r"><a href="{href}">r</a></li>' for href in links)
    server.expect_request("/list", headers={"Authorization": auth}).respond_with_data(
        f"<html><body><ul>{listing}</ul></body></html>", content_type="text/html")
    server.expect_request("/r/missing.txt").respond_with_data("gone", status=404)
    server.expect_request(re.compile(r"/.*")).respond_with_data(REPORT, content_type="text/plain")  # whatever the path
    url = server.url_for("/list?token=s3cr3t").replace("://", "://reader:hunter2@")
    return Source(id="web", kind="http", url=url, follow="li.r a", publisher="PIPS", trust=1, country="PAK")


def written_text(root: Path) -> dict[Path, str]:
    """Every file the pipeline wrote about what it did, not the archived bodies (the pages verbatim, links and all)."""
    return {p: p.read_bytes().decode("utf-8", "replace") for p in root.rglob("*")
            if p.is_file() and p.suffix != ".parquet" and not re.fullmatch(r"[0-9a-f]{64}", p.name)}


class LogLines(logging.Handler):
    """Every log line the pipeline's process writes, as formatted, but the test server's own request log."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # werkzeug's request log quotes every secret the test sends: it is the server's, not the pipeline's. Raising
        # its logger's level is not enough: a logger caches what it enabled once an earlier test has logged.
        if not record.name.startswith("werkzeug"):
            self.lines.append(self.format(record))


def test_fetched_records_keep_no_secret_and_the_credentials_still_work(httpserver, tmp_path):
    source = serve_secret_site(httpserver)
    archive = Archive(tmp_path / "raw")
    client = HttpClient(host_delay=0, retries=0, clock=lambda: NOW)
    with Fetcher(archive, client) as fetcher:
        result = fetcher.fetch_source(source)
    assert result.error is None
    assert len(result.documents) == 4 and {archive.get(d.sha256) for d in result.documents} == {REPORT}
    assert [(r.url.rsplit("/", 1)[1], r.reason) for r in result.refused] == [("missing.txt?token=REDACTED", "http-status")]
    assert all("/" not in d.name and not d.name.startswith(".") for d in result.documents)
    leaks = {path.name: secret for path, text in written_text(tmp_path).items() for secret in SECRETS if secret in text}
    shown = repr(result)
    assert not leaks and not any(secret in shown for secret in SECRETS)


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
def test_a_run_writes_only_inside_its_data_directory_and_leaks_no_secret(httpserver, tmp_path, prefect_harness,
                                                                        monkeypatch):
    from flows.pipeline import nightly

    logs = LogLines()
    for name in ("prefect", ""):  # the flow's and tasks' loggers propagate to "prefect"; libraries log to the root
        monkeypatch.setattr(logging.getLogger(name), "handlers", [*logging.getLogger(name).handlers, logs])
    source = serve_secret_site(httpserver)
    registry = tmp_path / "registry" / "sources.toml"
    registry.parent.mkdir()
    registry.write_text(
        f'[[source]]\nid = "web"\nkind = "http"\nurl = "{source.url}"\nfollow = "li.r a"\npublisher = "PIPS"\n'
        f'trust = 1\ncountry = "PAK"\n')
    data_dir = tmp_path / "data"
    before = {p for p in tmp_path.parent.rglob("*") if data_dir not in p.parents}

    summary = nightly(sources=str(registry), data_dir=str(data_dir))

    assert summary["status"] == "published" and summary["sources"][0]["documents"] == 4
    after = {p for p in tmp_path.parent.rglob("*") if data_dir not in p.parents and p != data_dir}
    assert after == before
    manifest = json.loads((data_dir / "published" / "latest" / "manifest.json").read_text())
    facts = pd.read_parquet(data_dir / "published" / "latest" / "facts.parquet")
    assert set(facts["value"]) == {250}
    places = {
        "files under the data directory": "\n".join(written_text(data_dir).values()),
        "facts.parquet": facts.to_csv(),
        "manifest": json.dumps(manifest),
        "run summary": json.dumps(summary),
        "logs": "\n".join(logs.lines),
    }
    assert any("refused" in line and "missing.txt?token=REDACTED" in line for line in logs.lines)  # URLs do reach the logs
    assert "missing.txt?token=REDACTED" in places["manifest"]
    assert {(where, s) for where, text in places.items() for s in SECRETS if s in text} == set()


def raw_deflate(body: bytes) -> bytes:
    """Deflate without the zlib header, as some servers send 'Content-Encoding: deflate'."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(body) + compressor.flush()


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("deflate", raw_deflate)],
    ids=["gzip", "zlib-deflate", "raw-deflate"],
)
def test_a_compressed_response_is_capped_once_decoded(httpserver, encoding, compress):
    bomb = compress(b"\0" * 30_000_000)  # tens of kB on the wire
    assert len(bomb) < 100_000
    httpserver.expect_request("/bomb").respond_with_response(
        Response(bomb, content_type="text/html", headers={"Content-Encoding": encoding}))
    client = HttpClient(host_delay=0, retries=0, max_bytes=1_000_000)
    with pytest.raises(Refused) as refusal:
        client.get(httpserver.url_for("/bomb"))
    assert refusal.value.reason == "too-large"
