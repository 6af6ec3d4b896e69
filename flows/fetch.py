"""HTTP sources: walk a listing, fetch its reports politely, keep every body in the archive, fall back to it."""
from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import soupsieve
from bs4 import BeautifulSoup

from flows.archive import Archive
from flows.http_client import KEPT_HEADERS, HttpClient, Refused, media_type
from flows.redaction import redact
from flows.registry import Source
from flows.robots import ALLOW_ALL, RobotsRules, parse_robots, robots_url

REPORT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "application/pdf"})
LISTING_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_EXTENSIONS = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "application/pdf": ".pdf"}
_KNOWN_SUFFIX = re.compile(r"\.(html?|pdf|txt)$", re.IGNORECASE)
# record field <- response header, for the headers a record keeps
_RECORD_HEADERS = {header.replace("-", "_"): header for header in KEPT_HEADERS}


class NotAnHttpSource(ValueError):
    """A source handed to the fetcher is not of kind 'http'."""


@dataclass(frozen=True)
class Refusal:
    """A URL not fetched, with a short reason code and the detail an operator needs."""

    url: str
    reason: str  # robots, http-status, timeout, connection, too-large, content-type, rate-limited, redirects, listing
    detail: str = ""

    @classmethod
    def of(cls, error: Refused) -> Refusal:
        return cls(error.url, error.reason, error.detail)

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True)
class FetchedDocument:
    """One report body in the archive, ready to be parsed like a file source's document."""

    source_id: str
    sha256: str
    url: str
    final_url: str  # after redirects
    name: str  # a safe file name derived from the url: no '/', no '..'
    content_type: str  # the header as sent, charset included ('' when unknown)
    status: int | str  # 200 (downloaded), 304 (unchanged, archived body reused) or "archive" (offline / fallback)
    fetched_at: str  # ISO 8601, UTC


@dataclass(frozen=True)
class SourceResult:
    """What one source gave in one run: its documents, the URLs refused, or the reason the whole source failed."""

    source_id: str
    documents: tuple[FetchedDocument, ...]
    refused: tuple[Refusal, ...] = ()
    error: Refusal | None = None  # the whole source failed; documents then come from the archive
    from_archive: bool = False


def name_for_url(url: str, content_type: str = "") -> str:
    """A file name for a URL: host and path flattened to [A-Za-z0-9._-], a short hash for uniqueness, an extension."""
    parts = urlsplit(url)
    flat = parts.netloc + parts.path + (f"-{parts.query}" if parts.query else "")
    suffix = _KNOWN_SUFFIX.search(parts.path)
    extension = suffix.group(0).lower() if suffix else _EXTENSIONS.get(media_type(content_type), "")
    if suffix:
        flat = flat[: -len(suffix.group(0))]
    slug = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._-]+", "-", flat))[:100].strip("-.") or "document"
    return f"{slug}-{hashlib.sha256(url.encode()).hexdigest()[:8]}{extension}"


def _select(soup: BeautifulSoup, selector: str, url: str) -> list[Any]:
    try:
        return soup.select(selector)
    except soupsieve.SelectorSyntaxError as error:
        raise Refused(url, "listing", f"CSS selector {selector!r} is invalid: {error}") from error


def _href(element: Any) -> str | None:
    # a selector may point at the <a> itself or at a block that holds it
    if element.name == "a" and element.get("href"):
        return element["href"]
    anchor = element.find("a", href=True)
    return anchor["href"] if anchor else None


def parse_links(html: bytes, page_url: str, selector: str) -> list[str]:
    """The absolute http(s) URLs of the links the selector matches, in page order, without fragments or repeats."""
    soup = BeautifulSoup(html, "lxml")
    base = soup.find("base", href=True)
    base_url = urljoin(page_url, base["href"]) if base else page_url
    links: list[str] = []
    for element in _select(soup, selector, page_url):
        href = _href(element)
        if href is None:
            continue
        try:
            link = urldefrag(urljoin(base_url, href.strip())).url
        except ValueError:  # an unparsable href (a broken IPv6 host) is a dead link, not a broken listing
            continue
        if urlsplit(link).scheme in ("http", "https") and link not in links:
            links.append(link)
    return links


def conditional_headers(record: dict[str, Any] | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the last archived record of a URL."""
    if record is None:
        return {}
    headers = {}
    if record.get("etag"):
        headers["If-None-Match"] = record["etag"]
    if record.get("last_modified"):
        headers["If-Modified-Since"] = record["last_modified"]
    return headers


def _document(record: dict[str, Any], status: int | str) -> FetchedDocument:
    return FetchedDocument(
        source_id=record["source_id"],
        sha256=record["sha256"],
        url=record["url"],
        final_url=record.get("final_url") or record["url"],
        name=name_for_url(record["url"], record.get("content_type") or ""),
        content_type=record.get("content_type") or "",
        status=status,
        fetched_at=record["fetched_at"],
    )


def read_archived_source(archive: Archive, source: Source) -> SourceResult:
    """A source's reports from the archive alone (the latest body of each URL); no network."""
    records = archive.latest_by_url(source.id)
    documents = tuple(_document(records[url], "archive") for url in sorted(records) if records[url].get("role") == "report")
    return SourceResult(source.id, documents, from_archive=True)


def summarize(result: SourceResult) -> str:
    """One line per source for a run's log: documents by status, refusals, the failure if any."""
    counts: dict[str, int] = {}
    for document in result.documents:
        counts[str(document.status)] = counts.get(str(document.status), 0) + 1
    by_status = ", ".join(f"{n} x {status}" for status, n in sorted(counts.items())) or "none"
    line = f"{result.source_id}: {len(result.documents)} documents ({by_status}), {len(result.refused)} refused"
    if result.error is not None:
        line += f"; FAILED {result.error}; documents from the archive"
    return line


class Fetcher:
    """Fetches http sources into an archive; one Fetcher is one run (robots.txt is read once per host per run)."""

    def __init__(self, archive: Archive, client: HttpClient | None = None):
        self.archive = archive
        # the transport's politeness settings (timeouts, retries, delays, caps, clock) live on the client
        self.client = client or HttpClient()
        # robots.txt URL -> its rules, or why it could not be read; for this run only
        self._robots: dict[str, RobotsRules | Refused] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def fetch_source(self, source: Source) -> SourceResult:
        """Fetch one source; a failure of the whole source returns its archived documents and the reason."""
        if source.kind != "http":
            raise NotAnHttpSource(f"source {source.id} is of kind {source.kind!r}, not 'http'")
        previous = self.archive.latest_by_url()
        try:
            if not source.follow:
                return SourceResult(source.id, (self._fetch(source.id, source.url, "report", previous),))
            report_urls, refused = self._walk_listing(source, previous)
        except Refused as failure:
            archived = read_archived_source(self.archive, source)
            return dataclasses.replace(archived, error=Refusal.of(failure))
        documents = []
        for url in report_urls:
            try:
                documents.append(self._fetch(source.id, url, "report", previous))
            except Refused as refusal:
                refused.append(Refusal.of(refusal))
        return SourceResult(source.id, tuple(documents), tuple(refused))

    def _walk_listing(self, source: Source, previous: dict[str, dict[str, Any]]) -> tuple[list[str], list[Refusal]]:
        """Report URLs from up to max_pages listing pages; a failing later page ends the walk, the first fails the source."""
        assert source.follow is not None
        reports: list[str] = []
        refused: list[Refusal] = []
        page_url: str | None = source.url
        seen: set[str] = set()
        while page_url is not None and len(seen) < source.max_pages:
            seen.add(page_url)
            try:
                page = self._fetch(source.id, page_url, "listing", previous, LISTING_TYPES)
                html = self.archive.get(page.sha256)
                links = parse_links(html, page.final_url, source.follow)
                next_links = parse_links(html, page.final_url, source.next) if source.next else []
            except Refused as refusal:
                if page_url == source.url:
                    raise
                refused.append(Refusal.of(refusal))
                break
            if page_url == source.url and not links:
                raise Refused(page_url, "listing", f"the follow selector {source.follow!r} matches no link")
            reports.extend(link for link in links if link not in reports)
            page_url = next((link for link in next_links if link not in seen), None)
        return reports, refused

    def _fetch(
        self, source_id: str, url: str, role: str, previous: dict[str, dict[str, Any]], accept: frozenset[str] | None = REPORT_TYPES
    ) -> FetchedDocument:
        """GET url (conditionally when the archive knows it), archive the body or the revalidation, describe it.

        Records keep the URL without its secrets (a token in the query, a password before the host): they are
        keyed, named and shown by that form.
        """
        key = redact(url)
        before = previous.get(key)
        check = None if role == "robots" else (lambda hop: self._check_robots(source_id, hop, previous))
        reply = self.client.get(url, accept=accept, headers=conditional_headers(before), check=check)
        record: dict[str, Any] = {"source_id": source_id, "url": key, "final_url": redact(reply.url), "role": role,
                                  "status": reply.status}
        if reply.status == 304:
            if before is None:
                raise Refused(url, "http-status", "304 to a request that was not conditional", 304)
            # a 304 may omit headers; the archived response's stand unless the 304 updates them
            record.update({field: before[field] for field in _RECORD_HEADERS if before.get(field)})
        record.update({field: reply.headers[header] for field, header in _RECORD_HEADERS.items() if header in reply.headers})
        record["fetched_at"] = self.client.clock().isoformat(timespec="seconds")
        if reply.status == 304:
            stored = self.archive.revisit(before["sha256"], record)
        else:
            assert reply.body is not None
            stored = self.archive.put(reply.body, record)
        previous[key] = {"sha256": stored.sha256, **record}
        return _document(previous[key], reply.status)

    def _check_robots(self, source_id: str, url: str, previous: dict[str, dict[str, Any]]) -> None:
        """Refuse url when its host's robots.txt (read on first contact this run) disallows it."""
        where = robots_url(url)
        if where not in self._robots:
            self._robots[where] = self._read_robots(source_id, where, previous)
        rules = self._robots[where]
        if isinstance(rules, Refused):
            # RFC 9309 2.3.1.4: a robots.txt that cannot be read (5xx, no answer) disallows the whole host
            raise Refused(url, rules.reason, f"robots.txt unreachable, the host is off limits: {rules.detail}", rules.status)
        if not rules.allows(url, self.client.user_agent):
            raise Refused(url, "robots", "disallowed by robots.txt")

    def _read_robots(self, source_id: str, where: str, previous: dict[str, dict[str, Any]]) -> RobotsRules | Refused:
        """The host's rules; a 4xx means none (RFC 9309 2.3.1.3); any other failure is kept to refuse the host's URLs."""
        try:
            document = self._fetch(source_id, where, "robots", previous, accept=None)
        except Refused as failure:
            if failure.status is not None and 400 <= failure.status < 500:
                return ALLOW_ALL
            return failure
        rules = parse_robots(self.archive.get(document.sha256))
        delay = rules.crawl_delay(self.client.user_agent)
        if delay:
            self.client.ask_delay(urlsplit(where).netloc, delay)
        return rules
