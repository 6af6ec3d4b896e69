"""Fetching http sources against a real HTTP server on 127.0.0.1: politeness, limits, revalidation, fallback."""
from __future__ import annotations

import gzip
import socket
import time
from datetime import datetime, timezone

import pytest
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flows.archive import Archive
from flows.fetch import Fetcher, Refusal, name_for_url, parse_links, read_archived_source, summarize
from flows.http_client import USER_AGENT, HttpClient, parse_retry_after
from flows.registry import Source

NOW = datetime(2026, 3, 1, 2, 30, tzinfo=timezone.utc)
CAP = 100_000


class FakeTime:
    """A monotonic clock that only moves when slept on, so the waits asked for are exact."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def make_fetcher(archive: Archive, **overrides) -> Fetcher:
    """A fetcher with tiny waits so the tests stay fast."""
    options = dict(timeout=(1, 2), retries=2, backoff=0.01, retry_after_max=0.5, host_delay=0, max_bytes=CAP, clock=lambda: NOW)
    return Fetcher(archive, HttpClient(**(options | overrides)))


def http_source(url: str, source_id: str = "pub", **fields) -> Source:
    return Source(id=source_id, kind="http", url=url, publisher="Test publisher", trust=1, **fields)


def listing_html(reports: list[str], next_page: str | None = None) -> str:
    items = "".join(f'<li class="report"><a href="{href}">Report {i}</a></li>' for i, href in enumerate(reports))
    nav = f'<a class="next" href="{next_page}">Older</a>' if next_page else ""
    return f"<html><body><ul>{items}</ul>{nav}<a href='/about'>About us</a></body></html>"


def report_html(title: str) -> str:
    return f"<html><head><title>{title}</title></head><body><p>{title}: a report body.</p></body></html>"


def serve_robots(server: HTTPServer, text: str | None = None) -> None:
    if text is None:
        server.expect_request("/robots.txt").respond_with_data("not here", status=404)
    else:
        server.expect_request("/robots.txt").respond_with_data(text, content_type="text/plain")


def serve_page(server: HTTPServer, path: str, html: str) -> None:
    server.expect_request(path).respond_with_data(html, content_type="text/html; charset=utf-8")


def requested(server: HTTPServer, path: str) -> list[tuple[Request, Response]]:
    return [(request, response) for request, response in server.log if request.path == path]


def listing_with(server: HTTPServer, reports: list[str]) -> Source:
    """A one-page listing of the given report paths, and a source that follows it."""
    serve_robots(server)
    serve_page(server, "/list", listing_html(reports))
    return http_source(server.url_for("/list"), follow="li.report a")


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def archive(tmp_path) -> Archive:
    return Archive(tmp_path / "raw")


def test_listing_pages_are_walked_and_reports_archived(httpserver, archive):
    serve_robots(httpserver)
    serve_page(httpserver, "/list", listing_html(["/r/1.html", "/r/2.html"], next_page="/list/2"))
    serve_page(httpserver, "/list/2", listing_html(["/r/2.html", "/r/3.html"], next_page="/list/3"))
    for n in (1, 2, 3, 4):
        serve_page(httpserver, f"/r/{n}.html", report_html(f"report {n}"))
    source = http_source(httpserver.url_for("/list"), follow="li.report a", next="a.next", max_pages=2)

    result = make_fetcher(archive).fetch_source(source)

    assert (result.error, result.refused, result.from_archive) == (None, (), False)
    assert [d.url for d in result.documents] == [httpserver.url_for(f"/r/{n}.html") for n in (1, 2, 3)]
    assert [archive.get(d.sha256).decode() for d in result.documents] == [report_html(f"report {n}") for n in (1, 2, 3)]
    assert {(d.status, d.content_type, d.fetched_at) for d in result.documents} == {(200, "text/html; charset=utf-8", NOW.isoformat())}
    # max_pages=2: the third listing page is never asked for
    assert [r.path for r, _ in httpserver.log if r.path.startswith("/list")] == ["/list", "/list/2"]
    assert all(r.headers["User-Agent"] == USER_AGENT for r, _ in httpserver.log)
    roles = [(r["role"], r["status"]) for r in archive.records()]
    assert roles == [("listing", 200)] * 2 + [("report", 200)] * 3


def test_without_follow_the_start_page_is_the_report(httpserver, archive):
    serve_robots(httpserver)
    serve_page(httpserver, "/annual", report_html("annual"))
    result = make_fetcher(archive).fetch_source(http_source(httpserver.url_for("/annual")))
    assert [(d.url, d.status) for d in result.documents] == [(httpserver.url_for("/annual"), 200)]
    assert [r["role"] for r in archive.records()] == ["report"]


def _pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Annual security figures")
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("content_type", "body", "kept"),
    [
        ("application/pdf", _pdf(), True),
        ("text/plain; charset=utf-8", b"plain text report", True),
        ("application/xhtml+xml", b"<html xmlns='http://www.w3.org/1999/xhtml'><body>x</body></html>", True),
        ("image/png", b"\x89PNG\r\n\x1a\n....", False),
        ("application/octet-stream", b"%PDF-1.4 but labelled as bytes", False),
    ],
)
def test_content_types(httpserver, archive, content_type, body, kept):
    source = listing_with(httpserver, ["/doc"])
    httpserver.expect_request("/doc").respond_with_data(body, content_type=content_type)
    result = make_fetcher(archive).fetch_source(source)
    if kept:
        assert [archive.get(d.sha256) for d in result.documents] == [body]
        assert result.documents[0].content_type == content_type
    else:
        assert result.documents == ()
        assert result.refused == (Refusal(httpserver.url_for("/doc"), "content-type", content_type),)


class VerbatimHeaders(Response):
    """A response whose headers go out as written, even a Location that werkzeug would refuse to send."""

    def get_wsgi_headers(self, environ):
        return self.headers


def _streamed(size: int):
    # a generator body has no Content-Length: the cap must hold while streaming
    return lambda request: Response((b"x" * 10_000 for _ in range(size // 10_000)), content_type="text/html")


def _gzip_bomb(request: Request) -> Response:
    body = gzip.compress(b"\0" * 20_000_000)  # about 20 kB on the wire, 20 MB once decoded
    return Response(body, content_type="text/html", headers={"Content-Encoding": "gzip"})


@pytest.mark.parametrize(
    ("respond", "reason"),
    [
        (lambda r: Response("gone", status=404), "http-status"),
        (lambda r: Response("forbidden", status=403), "http-status"),
        (lambda r: Response("x" * (CAP + 1), content_type="text/html"), "too-large"),
        (_streamed(3 * CAP), "too-large"),
        (_gzip_bomb, "too-large"),
        (lambda r: Response("broken", status=503), "http-status"),
        (lambda r: Response(status=302, headers={"Location": "/bad"}), "redirects"),
        (lambda r: VerbatimHeaders(status=302, headers={"Location": "http://[broken/"}), "invalid-url"),
    ],
    ids=["404", "403", "declared-too-large", "streamed-too-large", "gzip-bomb", "503-always", "redirect-loop", "bad-location"],
)
def test_a_refused_report_does_not_stop_the_run(httpserver, archive, respond, reason):
    source = listing_with(httpserver, ["/bad", "/good"])
    httpserver.expect_request("/bad").respond_with_handler(respond)
    serve_page(httpserver, "/good", report_html("good"))
    result = make_fetcher(archive).fetch_source(source)
    assert [(r.url, r.reason) for r in result.refused] == [(httpserver.url_for("/bad"), reason)]
    assert [d.url for d in result.documents] == [httpserver.url_for("/good")]
    assert result.error is None


def test_a_compressed_body_is_archived_decoded(httpserver, archive):
    source = listing_with(httpserver, ["/z"])
    text = report_html("compressed")
    httpserver.expect_request("/z").respond_with_data(gzip.compress(text.encode()), content_type="text/html", headers={"Content-Encoding": "gzip"})
    result = make_fetcher(archive).fetch_source(source)
    assert archive.get(result.documents[0].sha256) == text.encode()


def test_a_server_error_is_retried_with_backoff(httpserver, archive):
    source = listing_with(httpserver, ["/flaky"])
    httpserver.expect_oneshot_request("/flaky").respond_with_data("busy", status=500)
    serve_page(httpserver, "/flaky", report_html("flaky"))
    clock = FakeTime()
    result = make_fetcher(archive, backoff=0.25, sleep=clock.sleep, monotonic=clock.monotonic).fetch_source(source)
    assert [d.status for d in result.documents] == [200]
    assert [resp.status_code for _, resp in requested(httpserver, "/flaky")] == [500, 200]
    assert clock.sleeps == [0.25]


def test_a_server_error_gives_up_after_the_retries(httpserver, archive):
    source = listing_with(httpserver, ["/down"])
    httpserver.expect_request("/down").respond_with_data("busy", status=502)
    clock = FakeTime()
    fetcher = make_fetcher(archive, retries=4, backoff=0.25, retry_after_max=1.5, sleep=clock.sleep, monotonic=clock.monotonic)
    result = fetcher.fetch_source(source)
    assert len(requested(httpserver, "/down")) == 5
    assert clock.sleeps == [0.25, 0.5, 1.0, 1.5]  # exponential backoff, bounded by retry_after_max
    assert result.refused[0].reason == "http-status" and "502 (after 4 retries)" in result.refused[0].detail


def test_retry_after_is_honoured(httpserver, archive):
    source = listing_with(httpserver, ["/busy"])
    httpserver.expect_oneshot_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "2"})
    serve_page(httpserver, "/busy", report_html("busy"))
    clock = FakeTime()
    result = make_fetcher(archive, retry_after_max=5, sleep=clock.sleep, monotonic=clock.monotonic).fetch_source(source)
    assert [d.status for d in result.documents] == [200]
    assert clock.sleeps == [2.0]


def test_a_retry_after_beyond_the_bound_refuses_the_host_for_the_run(httpserver, archive):
    source = listing_with(httpserver, ["/busy", "/other"])
    httpserver.expect_request("/busy").respond_with_data("come back tomorrow", status=429, headers={"Retry-After": "86400"})
    serve_page(httpserver, "/other", report_html("other"))
    clock = FakeTime()
    result = make_fetcher(archive, retry_after_max=5, sleep=clock.sleep, monotonic=clock.monotonic).fetch_source(source)
    assert [r.reason for r in result.refused] == ["rate-limited", "rate-limited"]
    # one request, no retry, and nothing more to that host in this run
    assert len(requested(httpserver, "/busy")) == 1 and requested(httpserver, "/other") == []
    assert clock.sleeps == []


@pytest.mark.parametrize(
    ("robots", "host_delay", "sleeps"),
    [
        (None, 2.0, [2.0, 2.0, 2.0]),  # robots.txt, listing, report 1, report 2: three gaps
        ("User-agent: *\nCrawl-delay: 3\n", 2.0, [3.0, 3.0, 3.0]),  # the longer of the two wins
        ("User-agent: *\nCrawl-delay: 3\n", 0.0, [3.0, 3.0, 3.0]),
        ("User-agent: otherbot\nCrawl-delay: 9\n", 1.0, [1.0, 1.0, 1.0]),  # another crawler's delay
        (None, 0.0, []),
    ],
)
def test_requests_to_one_host_are_spaced(httpserver, archive, robots, host_delay, sleeps):
    serve_robots(httpserver, robots)
    serve_page(httpserver, "/list", listing_html(["/a", "/b"]))
    serve_page(httpserver, "/a", report_html("a"))
    serve_page(httpserver, "/b", report_html("b"))
    clock = FakeTime()
    fetcher = make_fetcher(archive, host_delay=host_delay, retry_after_max=10, sleep=clock.sleep, monotonic=clock.monotonic)
    result = fetcher.fetch_source(http_source(httpserver.url_for("/list"), follow="li.report a"))
    assert len(result.documents) == 2
    assert clock.sleeps == sleeps


@pytest.fixture
def threaded_server():
    """A server of its own that answers requests in parallel, for handlers that take their time."""
    with HTTPServer(host="127.0.0.1", port=0, threaded=True) as server:
        yield server


def test_a_read_timeout_is_a_refusal(threaded_server, archive):
    httpserver = threaded_server
    source = listing_with(httpserver, ["/slow", "/fast"])

    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response(report_html("slow"), content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    serve_page(httpserver, "/fast", report_html("fast"))
    result = make_fetcher(archive, timeout=(1, 0.2), retries=0).fetch_source(source)
    assert [(r.url, r.reason) for r in result.refused] == [(httpserver.url_for("/slow"), "timeout")]
    assert [d.url for d in result.documents] == [httpserver.url_for("/fast")]


def test_a_body_that_trickles_past_the_body_timeout_is_refused(threaded_server, archive):
    httpserver = threaded_server
    source = listing_with(httpserver, ["/drip"])

    def drip(request: Request) -> Response:
        def chunks():
            for _ in range(4):
                time.sleep(0.1)
                yield b"<p>more</p>"

        return Response(chunks(), content_type="text/html")

    httpserver.expect_request("/drip").respond_with_handler(drip)
    result = make_fetcher(archive, body_timeout=0.15, retries=0).fetch_source(source)
    assert [r.reason for r in result.refused] == ["timeout"]


def test_a_redirect_records_the_final_url(httpserver, archive):
    source = listing_with(httpserver, ["/old"])
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    serve_page(httpserver, "/new", report_html("moved"))
    result = make_fetcher(archive).fetch_source(source)
    [document] = result.documents
    assert (document.url, document.final_url) == (httpserver.url_for("/old"), httpserver.url_for("/new"))
    assert [r["final_url"] for r in archive.records() if r["role"] == "report"] == [httpserver.url_for("/new")]


ROBOTS = """User-agent: *
Disallow: /*.pdf$
Allow: /reports/public/*.pdf$
Disallow: /private/

User-agent: someotherbot
Disallow: /
"""


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/reports/2023.pdf", False),  # wildcard and end anchor
        ("/reports/2023.pdf?download=1", True),  # '$' anchors the end: a query escapes the rule
        ("/reports/public/2023.pdf", True),  # the longer Allow wins over the shorter Disallow
        ("/private/notes.html", False),
        ("/reports/2023.html", True),
    ],
)
def test_robots_rules_are_obeyed(httpserver, archive, path, allowed):
    serve_robots(httpserver, ROBOTS)
    serve_page(httpserver, "/list", listing_html([path]))
    httpserver.expect_request(path.split("?")[0]).respond_with_data(_pdf(), content_type="application/pdf")
    result = make_fetcher(archive).fetch_source(http_source(httpserver.url_for("/list"), follow="li.report a"))
    assert len(result.documents) == int(allowed)
    assert [r.reason for r in result.refused] == ([] if allowed else ["robots"])
    # a refused URL is never requested
    assert len(requested(httpserver, path.split("?")[0])) == int(allowed)


def test_robots_is_read_once_per_host_per_run(httpserver, archive):
    serve_robots(httpserver, "User-agent: *\nDisallow: /private/\n")
    serve_page(httpserver, "/a", report_html("a"))
    serve_page(httpserver, "/b", report_html("b"))
    with make_fetcher(archive) as fetcher:
        results = [fetcher.fetch_source(http_source(httpserver.url_for(p), source_id=p[1:])) for p in ("/a", "/b")]
    assert [len(r.documents) for r in results] == [1, 1]
    assert len(requested(httpserver, "/robots.txt")) == 1


@pytest.mark.parametrize(
    ("robots_response", "reason"),
    [
        (Response("User-agent: *\nDisallow: /\n", content_type="text/plain"), "robots"),
        (Response("User-agent: incidents\nDisallow: /list\n", content_type="text/plain"), "robots"),
        # RFC 9309: robots.txt answering 5xx means the whole site is off limits
        (Response("oops", status=500), "http-status"),
    ],
)
def test_robots_disallowing_the_start_page_fails_the_source(httpserver, archive, robots_response, reason):
    httpserver.expect_request("/robots.txt").respond_with_response(robots_response)
    serve_page(httpserver, "/list", listing_html(["/a"]))
    result = make_fetcher(archive).fetch_source(http_source(httpserver.url_for("/list"), follow="li.report a"))
    assert result.error is not None and result.error.reason == reason
    assert result.from_archive and requested(httpserver, "/list") == []


def _revalidating(body: str, etag: str | None, last_modified: str | None):
    """A handler that answers 304 when the request's validators match, as a careful publisher's server does."""

    def respond(request: Request) -> Response:
        if (etag and request.headers.get("If-None-Match") == etag) or (
            not etag and last_modified and request.headers.get("If-Modified-Since") == last_modified
        ):
            return Response(status=304, headers={"ETag": etag} if etag else {})
        headers = {k: v for k, v in (("ETag", etag), ("Last-Modified", last_modified)) if v}
        return Response(body, content_type="text/html", headers=headers)

    return respond


@pytest.mark.parametrize(
    ("etag", "last_modified", "header"),
    [
        ('"v1-abc"', None, "If-None-Match"),
        (None, "Sat, 01 Feb 2026 10:00:00 GMT", "If-Modified-Since"),
    ],
)
def test_a_second_run_revalidates_and_downloads_nothing_unchanged(httpserver, archive, etag, last_modified, header):
    serve_robots(httpserver)
    httpserver.expect_request("/list").respond_with_handler(_revalidating(listing_html(["/r1", "/r2"]), etag, last_modified))
    for path in ("/r1", "/r2"):
        httpserver.expect_request(path).respond_with_handler(_revalidating(report_html(path), etag, last_modified))
    source = http_source(httpserver.url_for("/list"), follow="li.report a")

    first = make_fetcher(archive).fetch_source(source)
    files_after_first = sorted(p.name for p in archive.root.rglob("*") if p.is_file())
    httpserver.clear_log()
    second = make_fetcher(archive).fetch_source(source)

    assert [d.status for d in first.documents] == [200, 200]
    assert [d.status for d in second.documents] == [304, 304]
    assert [d.sha256 for d in second.documents] == [d.sha256 for d in first.documents]
    pages = [(r, resp) for r, resp in httpserver.log if r.path != "/robots.txt"]
    assert [(r.path, header in r.headers, resp.status_code) for r, resp in pages] == [
        ("/list", True, 304), ("/r1", True, 304), ("/r2", True, 304)
    ]
    # no body was downloaded or written again; the log shows the revalidations
    assert sorted(p.name for p in archive.root.rglob("*") if p.is_file()) == files_after_first
    statuses = [r["status"] for r in archive.records() if r["role"] != "robots"]
    assert statuses == [200, 200, 200, 304, 304, 304]
    assert all(r["content_type"] == "text/html" for r in archive.records() if r["role"] == "report")


def test_a_changed_report_is_downloaded_again(httpserver, archive):
    source = listing_with(httpserver, ["/r"])
    httpserver.expect_oneshot_request("/r").respond_with_data("first edition", content_type="text/plain", headers={"ETag": '"1"'})
    httpserver.expect_request("/r").respond_with_data("second edition", content_type="text/plain", headers={"ETag": '"2"'})
    make_fetcher(archive).fetch_source(source)
    second = make_fetcher(archive).fetch_source(source)
    assert [archive.get(d.sha256) for d in second.documents] == [b"second edition"]
    assert requested(httpserver, "/r")[-1][0].headers["If-None-Match"] == '"1"'


@pytest.mark.parametrize(
    ("listing", "follow", "reason"),
    [
        (listing_html([]), "li.report a", "listing"),  # the selector no longer matches: layout changed
        (listing_html(["/a"]), "li.report a[", "listing"),  # a broken selector
        (None, "li.report a", "content-type"),  # the listing is not HTML
    ],
)
def test_an_unparsable_listing_fails_the_source(httpserver, archive, listing, follow, reason):
    serve_robots(httpserver)
    if listing is None:
        httpserver.expect_request("/list").respond_with_data(_pdf(), content_type="application/pdf")
    else:
        serve_page(httpserver, "/list", listing)
    result = make_fetcher(archive).fetch_source(http_source(httpserver.url_for("/list"), follow=follow))
    assert result.error is not None and result.error.reason == reason


def test_a_failing_later_listing_page_keeps_what_was_found(httpserver, archive):
    serve_robots(httpserver)
    serve_page(httpserver, "/list", listing_html(["/a"], next_page="/list2"))
    httpserver.expect_request("/list2").respond_with_data("gone", status=404)
    serve_page(httpserver, "/a", report_html("a"))
    result = make_fetcher(archive).fetch_source(http_source(httpserver.url_for("/list"), follow="li.report a", next="a.next"))
    assert [d.url for d in result.documents] == [httpserver.url_for("/a")]
    assert [(r.url, r.reason) for r in result.refused] == [(httpserver.url_for("/list2"), "http-status")]
    assert result.error is None


def test_one_source_down_does_not_stop_the_others_and_falls_back_to_the_archive(archive):
    with HTTPServer(host="127.0.0.1", port=0) as server:
        serve_robots(server)
        serve_page(server, "/list", listing_html(["/r1", "/r2"]))
        serve_page(server, "/r1", report_html("r1"))
        serve_page(server, "/r2", report_html("r2"))
        down = http_source(server.url_for("/list"), source_id="flaky", follow="li.report a")
        earlier = make_fetcher(archive).fetch_source(down)
    with HTTPServer(host="127.0.0.1", port=0) as server:
        serve_robots(server)
        serve_page(server, "/report", report_html("up"))
        up = http_source(server.url_for("/report"), source_id="steady")
        never = http_source(f"http://127.0.0.1:{unused_port()}/list", source_id="never", follow="a")
        with make_fetcher(archive, retries=1) as fetcher:
            results = {s.id: fetcher.fetch_source(s) for s in (down, up, never)}

    assert results["steady"].error is None and len(results["steady"].documents) == 1
    flaky = results["flaky"]
    assert flaky.error is not None and flaky.error.reason == "connection" and flaky.from_archive
    assert [(d.url, d.sha256, d.status) for d in flaky.documents] == [(d.url, d.sha256, "archive") for d in earlier.documents]
    assert results["never"].error.reason == "connection" and results["never"].documents == ()
    assert "NewConnectionError" in results["never"].error.detail  # the cause, not requests' wrapping
    assert "FAILED" in summarize(flaky) and "2 documents (2 x archive)" in summarize(flaky)


def test_offline_reading_returns_the_latest_archived_reports_with_the_server_stopped(archive):
    with HTTPServer(host="127.0.0.1", port=0) as server:
        serve_robots(server)
        serve_page(server, "/list", listing_html(["/b", "/a"]))
        serve_page(server, "/a", report_html("a"))
        server.expect_oneshot_request("/b").respond_with_data("old b", content_type="text/plain")
        server.expect_request("/b").respond_with_data("new b", content_type="text/plain")
        source = http_source(server.url_for("/list"), follow="li.report a")
        make_fetcher(archive).fetch_source(source)
        make_fetcher(archive).fetch_source(source)
    assert not server.is_running()

    result = read_archived_source(archive, source)
    assert result.from_archive and result.error is None
    assert [(d.url.rsplit("/", 1)[1], archive.get(d.sha256), d.status) for d in result.documents] == [
        ("a", report_html("a").encode(), "archive"),
        ("b", b"new b", "archive"),
    ]
    assert read_archived_source(archive, http_source(source.url, source_id="another")).documents == ()


@pytest.mark.parametrize(
    ("html", "selector", "expected"),
    [
        ('<a class="r" href="/x/1.pdf">1</a><a class="r" href="2.html#top">2</a>', "a.r", ["http://h/x/1.pdf", "http://h/dir/2.html"]),
        ('<div class="r"><h2><a href="/deep">d</a></h2></div>', "div.r", ["http://h/deep"]),
        ('<a class="r" href="mailto:x@y">m</a><a class="r" href="javascript:void(0)">j</a><a class="r">none</a>', "a.r", []),
        ('<a class="r" href="/d">1</a><a class="r" href="/d#again">2</a>', "a.r", ["http://h/d"]),
        ('<a class="r" href="http://[broken/x">b</a><a class="r" href=" /ok ">ok</a>', "a.r", ["http://h/ok"]),
        ('<head><base href="https://cdn.example/files/"></head><a class="r" href="r.pdf">x</a>', "a.r", ["https://cdn.example/files/r.pdf"]),
    ],
)
def test_parse_links(html, selector, expected):
    assert parse_links(html.encode(), "http://h/dir/page", selector) == expected


@pytest.mark.parametrize(
    ("url", "content_type", "expected_start", "expected_end"),
    [
        ("https://www.pakpips.com/web/uploads/Security-Report-2023.pdf", "", "www.pakpips.com-web-uploads-Security-Report-2023-", ".pdf"),
        ("https://example.org/news/12345/slug", "text/html; charset=utf-8", "example.org-news-12345-slug-", ".html"),
        ("http://h/../../etc/passwd", "text/plain", "h-.-.-etc-passwd-", ".txt"),
        ("http://h/", "", "h-", ""),
    ],
)
def test_name_for_url_examples(url, content_type, expected_start, expected_end):
    name = name_for_url(url, content_type)
    assert name.startswith(expected_start) and name.endswith(expected_end)


@given(url=st.text(st.characters(exclude_categories=["Cs"], exclude_characters="[]"), max_size=300), content_type=st.sampled_from(["", "text/html", "application/pdf", "image/png"]))
def test_name_for_url_is_always_a_safe_file_name(url, content_type):
    name = name_for_url("http://" + url, content_type)
    assert "/" not in name and "\\" not in name and ".." not in name
    assert not name.startswith((".", "-")) and 0 < len(name) <= 120


def test_names_of_different_urls_differ():
    assert name_for_url("http://h/a?b=1") != name_for_url("http://h/a-b=1")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        ("Sun, 01 Mar 2026 02:31:00 GMT", 60.0),
        ("Sun, 01 Mar 2026 02:00:00 GMT", 0.0),  # a date in the past: no wait
        ("soon", None),
        (None, None),
    ],
)
def test_parse_retry_after(value, expected):
    assert parse_retry_after(value, NOW) == expected
