"""Yearly figures out of a document's prose and tables."""
from __future__ import annotations

from transforms.model import Document, Extraction
from transforms.reference import Vocabulary


def extract_figures(document: Document, vocabulary: Vocabulary, *, default_country: str | None = None) -> Extraction:
    """Every yearly figure of a document, with its evidence span, and the numbers dropped by reason."""
    return Extraction(figures=())
