"""Yearly figures out of a document's prose and tables."""
from __future__ import annotations

from collections import Counter

from transforms.model import Document, Extraction
from transforms.prose import extract_prose_figures
from transforms.reference import Vocabulary
from transforms.tables import extract_table_figures


def extract_figures(document: Document, vocabulary: Vocabulary, *, default_country: str | None = None) -> Extraction:
    """Every yearly figure of a document, with its evidence span, and the numbers dropped by reason."""
    table_figures, table_drops = extract_table_figures(document, vocabulary, default_country=default_country)
    prose_figures, prose_drops = extract_prose_figures(document, vocabulary, default_country=default_country)
    drops = Counter(prose_drops)
    drops.update(table_drops)
    return Extraction(figures=tuple(table_figures) + tuple(prose_figures), drops=tuple(sorted(drops.items())))
