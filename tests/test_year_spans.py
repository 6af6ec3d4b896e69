"""The span lookup of the year finder: a bisect over the union of spans answers like a scan of every span."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transforms.years import _inside_any

SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12)


@given(SPANS, st.integers(-2, 62))
def test_inside_any_agrees_with_a_scan_of_every_span(spans, position):
    assert _inside_any(spans)(position) == any(start <= position < end for start, end in spans)
