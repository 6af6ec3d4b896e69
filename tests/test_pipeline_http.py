"""A nightly run against a real local web server: listing, pagination, revalidation, offline rebuild."""
from __future__ import annotations

import hashlib

import pandas as pd
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flows.paths import ROOT
from flows.pipeline import nightly

pytestmark = [pytest.mark.prefect, pytest.mark.xdist_group("prefect")]

SAMPLES = ROOT / "data" / "samples"
PAGES = {
    "/reports/fatalities.html": (SAMPLES / "html" / "pk-satp-fatalities-2014-2024.html", "text/html; charset=utf-8"),
    "/reports/perpetrators.html": (SAMPLES / "html" / "pk-2024-perpetrators-press.html", "text/html; charset=utf-8"),
    "/reports/review-2023.txt": (SAMPLES / "picss" / "pk-2023-picss-annual-review.txt", "text/plain; charset=utf-8"),
}
LISTING_1 = """<html><body><h1>Reports</h1>
<a class="report" href="/reports/fatalities.html">Yearly fatalities</a>
<a class="report" href="/reports/perpetrators.html">Attacks by perpetrator</a>
<a class="next" href="/list?page=2">Older</a></body></html>"""
LISTING_2 = """<html><body><a class="report" href="/reports/review-2023.txt">Annual review 2023</a></body></html>"""


def conditional(body: bytes, content_type: str):
    """A handler that answers If-None-Match with 304, as a well-behaved publisher's server does."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'

    def handle(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, status=200, headers={"ETag": etag, "Content-Type": content_type})

    return handle


@pytest.fixture
def server():
    http = HTTPServer(host="127.0.0.1")
    http.start()
    http.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    http.expect_request("/list", query_string="page=2").respond_with_handler(
        conditional(LISTING_2.encode(), "text/html"))
    http.expect_request("/list").respond_with_handler(conditional(LISTING_1.encode(), "text/html"))
    for path, (file, content_type) in PAGES.items():
        http.expect_request(path).respond_with_handler(conditional(file.read_bytes(), content_type))
    yield http
    if http.is_running():
        http.stop()


def registry(tmp_path, url):
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[[source]]
id = "web-monitor"
kind = "http"
url = "{url}"
follow = "a.report"
next = "a.next"
max_pages = 3
country = "PAK"
publisher = "press"
trust = 3
""")
    return str(path)


def test_nightly_over_http_then_revalidate_then_offline(tmp_path, server, prefect_harness):
    sources, data_dir = registry(tmp_path, server.url_for("/list")), str(tmp_path / "data")
    first = nightly(sources=sources, data_dir=data_dir)
    assert first["status"] == "published" and first["sources"][0]["documents"] == 3
    facts = pd.read_parquet(tmp_path / "data" / "published" / "latest" / "facts.parquet")
    assert set(facts["location"]) == {server.url_for(p) for p in PAGES}
    incidents = pd.read_parquet(tmp_path / "data" / "published" / "latest" / "incidents.parquet")
    assert set(range(2014, 2025)) <= set(incidents["year"])

    server.clear_log()
    second = nightly(sources=sources, data_dir=data_dir)
    assert second["status"] == "unchanged" and second["parsed"] == 0
    answers = [(request.path, response.status_code) for request, response in server.log if request.path != "/robots.txt"]
    assert sorted(answers) == sorted([("/list", 304), ("/list", 304)] + [(p, 304) for p in PAGES])

    server.stop()
    offline = nightly(sources=sources, data_dir=data_dir, offline=True)
    assert offline["status"] == "unchanged" and offline["version"] == first["version"]
    down = nightly(sources=sources, data_dir=data_dir)
    assert down["status"] == "unchanged" and down["sources"][0]["status"] == "from-archive"
    assert "connection" in down["sources"][0]["error"]
