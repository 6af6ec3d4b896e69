"""Extraction results kept per (document bytes, code version), so unchanged documents are not parsed again."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from flows.archive import write_once
from transforms.model import Extraction, Figure


class ExtractionCache:
    """Results under state/extract-cache/<code fingerprint>/: a new code version starts empty."""

    def __init__(self, state_dir: Path, fingerprint: str):
        self.root = state_dir / "extract-cache" / fingerprint[:16]

    @staticmethod
    def key(sha256: str, **settings: Any) -> str:
        """The document's hash plus every setting the extraction depends on (format, default country)."""
        return sha256 + "-" + hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:12]

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[dict[str, Any], Extraction | None, str | None] | None:
        """(document facts, extraction, error) as stored, or None on a miss or an unreadable entry."""
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        extraction = None
        if data["extraction"] is not None:
            extraction = Extraction(
                figures=tuple(Figure(**f) for f in data["extraction"]["figures"]),
                drops=tuple((reason, count) for reason, count in data["extraction"]["drops"]),
            )
        return data["document"], extraction, data["error"]

    def put(self, key: str, document: dict[str, Any], extraction: Extraction | None, error: str | None) -> None:
        """Keep a result; entries are written once (same key, same code: same result).

        Not fsynced: an entry lost or torn by a crash reads as a miss and the document is parsed again.
        """
        body = {"document": document, "error": error,
                "extraction": None if extraction is None else asdict(extraction)}
        write_once(self._path(key), json.dumps(body, sort_keys=True).encode(), durable=False)
