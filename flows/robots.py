"""robots.txt rules of one origin, parsed by Protego (wildcards, longest match)."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego


@dataclass(frozen=True)
class RobotsRules:
    """What an origin's robots.txt allows; without a parser (no robots.txt) everything is allowed."""

    parser: Protego | None = None

    def allows(self, url: str, user_agent: str) -> bool:
        return self.parser is None or self.parser.can_fetch(url, user_agent)

    def crawl_delay(self, user_agent: str) -> float | None:
        return None if self.parser is None else self.parser.crawl_delay(user_agent)


# RFC 9309 2.3.1.3: a robots.txt that is missing (any 4xx) allows everything
ALLOW_ALL = RobotsRules()


def parse_robots(body: bytes) -> RobotsRules:
    """The rules of a robots.txt body; undecodable bytes are dropped rather than failing the whole file."""
    return RobotsRules(parser=Protego.parse(body.decode("utf-8", errors="replace")))


def robots_url(url: str) -> str:
    """Where the robots.txt that governs url lives."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"
