"""The sources registry: one TOML file of [[source]] tables."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

KINDS = ("file", "http")
FORMATS = ("auto", "html", "text", "pdf")
_ID = re.compile(r"[a-z0-9-]+")


class RegistryError(ValueError):
    """The sources registry breaks one of its rules; the message names the entry and the rule."""


@dataclass(frozen=True)
class Source:
    """One publisher's reports: local files (a path or glob) or pages on the web."""

    id: str
    kind: str
    url: str
    publisher: str
    trust: int
    format: str = "auto"
    country: str | None = None
    follow: str | None = None  # CSS selector of report links on the start page
    next: str | None = None  # CSS selector of the next listing page
    max_pages: int = 5  # how many listing pages to walk at most
    enabled: bool = True
    description: str = ""
    # the registry file's directory: file globs are relative to it
    base_dir: Path = Path(".")


_FIELDS = {"id", "kind", "url", "publisher", "trust", "format", "country", "follow", "next", "max_pages", "enabled", "description"}


def parse_sources(text: str, base_dir: Path, where: str = "sources.toml") -> list[Source]:
    """The sources of a registry's TOML text, checked; base_dir anchors relative file globs."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RegistryError(f"{where}: not valid TOML: {error}") from error
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise RegistryError(f"{where}: no [[source]] entries")
    sources: list[Source] = []
    for number, entry in enumerate(entries, 1):
        label = f"{where}: source #{number} ({entry.get('id', '?')})"
        unknown = set(entry) - _FIELDS
        if unknown:
            raise RegistryError(f"{label}: unknown keys {sorted(unknown)}")
        for key in ("id", "kind", "url", "publisher", "trust"):
            if key not in entry:
                raise RegistryError(f"{label}: missing '{key}'")
        if not isinstance(entry["id"], str) or not _ID.fullmatch(entry["id"]):
            raise RegistryError(f"{label}: id must match [a-z0-9-]+")
        if entry["kind"] not in KINDS:
            raise RegistryError(f"{label}: kind must be one of {KINDS}")
        if entry.get("format", "auto") not in FORMATS:
            raise RegistryError(f"{label}: format must be one of {FORMATS}")
        if not isinstance(entry["trust"], int) or isinstance(entry["trust"], bool):
            raise RegistryError(f"{label}: trust must be an integer")
        country = entry.get("country")
        if country is not None and not re.fullmatch(r"[A-Z]{3}", country):
            raise RegistryError(f"{label}: country must be an ISO3 code such as PAK")
        if entry["kind"] == "http" and not re.match(r"https?://", entry["url"]):
            raise RegistryError(f"{label}: an http source needs an http(s) url")
        if entry["kind"] == "file" and (Path(entry["url"]).is_absolute() or ".." in Path(entry["url"]).parts):
            raise RegistryError(f"{label}: a file source's url must be relative to the registry, without '..'")
        sources.append(Source(base_dir=base_dir, **entry))
    ids = [s.id for s in sources]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RegistryError(f"{where}: duplicate source ids {duplicates}")
    return sources


def read_sources(path: Path) -> list[Source]:
    """Read and check a registry file."""
    return parse_sources(path.read_text(encoding="utf-8"), path.resolve().parent, str(path))


def select_sources(sources: list[Source], ids: list[str] | None) -> list[Source]:
    """The enabled sources, or exactly the named ones (enabled or not) when ids are given."""
    if not ids:
        return [s for s in sources if s.enabled]
    known = {s.id: s for s in sources}
    missing = [i for i in ids if i not in known]
    if missing:
        raise RegistryError(f"unknown source ids {missing}; the registry has {sorted(known)}")
    return [known[i] for i in ids]
