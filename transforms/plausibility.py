"""Figures no report can mean: a document that yields one is quarantined whole, with the figure named."""
from __future__ import annotations

from transforms.model import Extraction, ImplausibleDocument

FIRST_YEAR = 1970
# No yearly count of attacks, deaths or fighters in one country comes near this; a larger number is a
# misread (a phone number, a sum of money, digits glued together), not a figure.
MAX_COUNT = 1_000_000
# A fall cannot exceed 100%; a rise beyond this is a misread too.
MAX_CHANGE_PCT = 10_000


def implausible(extraction: Extraction, *, max_year: int) -> str | None:
    """Why the document's figures cannot be right (the first offending figure), or None."""
    for figure in extraction.figures:
        label = f"{figure.year} {figure.country} {figure.group} {figure.metric} = {figure.value:g}"
        if not FIRST_YEAR <= figure.year <= max_year:
            return f"year outside {FIRST_YEAR}-{max_year}: {label}"
        if figure.metric.endswith("_change_pct"):
            if not -100 <= figure.value <= MAX_CHANGE_PCT:
                return f"impossible change: {label}"
        elif not 0 <= figure.value <= MAX_COUNT or (figure.value_high is not None and figure.value_high > MAX_COUNT):
            return f"impossible count: {label}"
    return None


def check_plausible(name: str, extraction: Extraction, *, max_year: int) -> Extraction:
    """The extraction itself, or ImplausibleDocument naming the document and the figure."""
    reason = implausible(extraction, max_year=max_year)
    if reason:
        raise ImplausibleDocument(name, reason)
    return extraction
