"""A polite HTTP GET: one session, spaced requests per host, bounded retries, redirects hop by hop, capped bodies."""
from __future__ import annotations

import email.utils
import math
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import MaxRetryError, ReadTimeoutError

from flows.redaction import redact

USER_AGENT = "incidents/0.1 (+https://github.com/incidents-project/incidents)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# the response headers a record keeps: enough to revalidate and to decode the body
KEPT_HEADERS = ("content-type", "etag", "last-modified", "content-length")
_CHUNK = 64 * 1024


class Refused(Exception):
    """A URL was not fetched; reason is a short code (robots, http-status, timeout, too-large, ...)."""

    def __init__(self, url: str, reason: str, detail: str = "", status: int | None = None):
        # a refusal ends up in run summaries and manifests: its URL and detail never carry a secret
        self.url = redact(url)
        self.reason = reason
        self.detail = redact(detail)
        self.status = status
        super().__init__(f"{self.url}: {reason}" + (f": {self.detail}" if self.detail else ""))


@dataclass(frozen=True)
class Reply:
    """One HTTP answer worth keeping: a 200 with its body, a 304, or a redirect to follow."""

    url: str
    status: int
    headers: dict[str, str]  # KEPT_HEADERS present in the response, lower-case names
    body: bytes | None = None  # the decoded body of a 200
    location: str | None = None  # where a redirect points, absolute


def media_type(content_type: str | None) -> str:
    """'text/html; charset=utf-8' -> 'text/html'; '' when there is none."""
    return (content_type or "").split(";")[0].strip().lower()


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


def _detail_of(error: requests.RequestException) -> str:
    # requests wraps urllib3's MaxRetryError around the error that says what happened (refused, DNS, ...)
    cause = next((a.reason for a in error.args if isinstance(a, MaxRetryError) and a.reason is not None), error)
    return f"{type(cause).__name__}: {cause}"


def _reason_of(error: requests.RequestException) -> str:
    # a read timeout in the middle of a streamed body arrives as a ConnectionError wrapping urllib3's error
    if isinstance(error, requests.Timeout) or any(isinstance(a, ReadTimeoutError) for a in error.args):
        return "timeout"
    return "connection"


class HttpClient:
    """GETs through one session; every wait (host spacing, backoff, Retry-After) goes through one gate per host."""

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        timeout: tuple[float, float] = (5, 20),
        body_timeout: float = 300,
        retries: int = 3,
        backoff: float = 0.5,
        retry_after_max: float = 30,
        host_delay: float = 1.0,
        max_bytes: int = 20_000_000,
        max_redirects: int = 5,
        clock: Callable[[], datetime] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ):
        self.user_agent = user_agent
        self.timeout = timeout
        self.body_timeout = body_timeout
        self.retries = retries
        self.backoff = backoff
        self.retry_after_max = retry_after_max
        self.host_delay = host_delay
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self._sleep = sleep
        self._monotonic = monotonic
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self._ready: dict[str, float] = {}  # host -> monotonic time before which it gets no request
        self._delays: dict[str, float] = {}  # host -> spacing asked by its robots.txt (Crawl-delay)

    def close(self) -> None:
        self.session.close()

    def ask_delay(self, host: str, seconds: float) -> None:
        """Space this host's requests by at least `seconds` (a robots.txt Crawl-delay), counting from now."""
        self._delays[host] = max(self._delays.get(host, 0.0), seconds)
        self._space(host, seconds)

    def get(
        self,
        url: str,
        *,
        accept: frozenset[str] | None = None,
        headers: dict[str, str] | None = None,
        check: Callable[[str], None] | None = None,
    ) -> Reply:
        """A 200 (body read, under the size cap) or a 304 for url; `check` may refuse any hop of a redirect chain."""
        for _ in range(self.max_redirects + 1):
            if check is not None:
                check(url)
            reply = self._get_retrying(url, headers or {}, accept)
            if reply.location is None:
                return reply
            url = reply.location
        raise Refused(url, "redirects", f"more than {self.max_redirects} hops")

    def _get_retrying(self, url: str, headers: dict[str, str], accept: frozenset[str] | None) -> Reply:
        host = urlsplit(url).netloc
        for attempt in range(self.retries + 1):
            self._wait_for(host, url)
            pause = None
            try:
                with self.session.get(url, headers=headers, timeout=self.timeout, stream=True, allow_redirects=False) as response:
                    if response.status_code not in RETRY_STATUSES:
                        return self._reply(url, response, accept)
                    failure = Refused(url, "http-status", str(response.status_code), response.status_code)
                    pause = parse_retry_after(response.headers.get("retry-after"), self.clock())
            except ValueError as error:
                # a malformed URL, or a redirect's Location: requests parses it even when not following
                raise Refused(url, "invalid-url", f"{type(error).__name__}: {error}") from error
            except requests.RequestException as error:
                failure = Refused(url, _reason_of(error), _detail_of(error))
            finally:
                # the host's spacing counts from the end of this attempt, body included
                self._space(host, self._delay_of(host))
            # our own backoff stays within the bound; a server's Retry-After beyond it makes _wait_for
            # refuse this host's next requests instead of waiting longer than we are willing to
            self._space(host, pause if pause is not None else min(self.backoff * 2**attempt, self.retry_after_max))
        raise Refused(url, failure.reason, f"{failure.detail} (after {self.retries} retries)", failure.status)

    def _reply(self, url: str, response: requests.Response, accept: frozenset[str] | None) -> Reply:
        kept = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
        status = response.status_code
        if status in REDIRECT_STATUSES and response.headers.get("location"):
            return Reply(url, status, kept, location=urljoin(url, response.headers["location"]))
        if status == 304:
            return Reply(url, status, kept)
        if status != 200:
            raise Refused(url, "http-status", str(status), status)
        media = media_type(kept.get("content-type"))
        if accept is not None and media not in accept:
            raise Refused(url, "content-type", media or "none given", status)
        declared = kept.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise Refused(url, "too-large", f"declares {declared} bytes, the cap is {self.max_bytes}", status)
        return Reply(url, status, kept, body=self._read_capped(url, response))

    def _read_capped(self, url: str, response: requests.Response) -> bytes:
        # iter_content decodes gzip/deflate as it goes, so the cap applies to the bytes after decompression
        deadline = self._monotonic() + self.body_timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_content(_CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise Refused(url, "too-large", f"over {self.max_bytes} bytes once decoded", 200)
            if self._monotonic() > deadline:
                raise Refused(url, "timeout", f"body still arriving after {self.body_timeout:g} s", 200)
            chunks.append(chunk)
        return b"".join(chunks)

    def _delay_of(self, host: str) -> float:
        return max(self.host_delay, self._delays.get(host, 0.0))

    def _space(self, host: str, seconds: float) -> None:
        self._ready[host] = max(self._ready.get(host, -math.inf), self._monotonic() + seconds)

    def _wait_for(self, host: str, url: str) -> None:
        wait = self._ready.get(host, -math.inf) - self._monotonic()
        if wait > self.retry_after_max:
            raise Refused(url, "rate-limited", f"{host} asks for a {wait:.0f} s pause, more than the {self.retry_after_max:g} s we wait")
        if wait > 0:
            self._sleep(wait)
