"""The two published tables' schemas, written once: used to write, to validate and for the data dictionary."""
from __future__ import annotations

import pyarrow as pa

from transforms.reference import Vocabulary

KEY = ("year", "country", "group")

_DICT = pa.dictionary(pa.int32(), pa.string())


def _field(name: str, type_: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": description})


FACTS = pa.schema(
    [
        _field("source_id", _DICT, "Id of the source in the sources registry", False),
        _field("publisher", _DICT, "Publisher of the source, as the registry names it", False),
        _field("trust", pa.int16(), "The source's trust rank from the registry (lower = more trusted)", False),
        _field("series", _DICT, "Organisation whose figures these are: the one the text credits, else the publisher", False),
        _field("primary", pa.bool_(), "True for the organisation's own report, False for coverage of it", False),
        _field("document_id", pa.string(), "sha256 of the document's raw bytes (its key in data/raw)", False),
        _field("document", pa.string(), "File name of the document", False),
        _field("location", pa.string(), "URL the document was fetched from, or its path relative to the registry"),
        _field("published", pa.string(), "Publication date as the document gives it (YYYY-MM-DD, YYYY-MM or YYYY)"),
        _field("year", pa.int16(), "Calendar year the figure is about", False),
        _field("country", _DICT, "ISO 3166-1 alpha-3 code of where the incidents happened", False),
        _field("group", _DICT, "Perpetrator or reporting category (codebook group id)", False),
        _field("metric", _DICT, "What is counted (codebook metric id)", False),
        _field("value", pa.float64(), "The number the report states; a decline is negative", False),
        _field("value_high", pa.float64(), "Upper end of a range; null otherwise"),
        _field("approx", pa.bool_(), "True when the report hedges the number (nearly, about, over ...)", False),
        _field("evidence", pa.string(), "The sentence or table row the figure was read from", False),
        _field("evidence_start", pa.int32(), "Start of the evidence in the document's text (characters)", False),
        _field("evidence_end", pa.int32(), "End of the evidence in the document's text (characters)", False),
        _field("rule", _DICT, "Which extraction rule produced the figure", False),
    ]
)

FACTS_ORDER = ("year", "country", "group", "metric", "source_id", "document_id", "evidence_start", "value")


def incidents_schema(vocabulary: Vocabulary) -> pa.Schema:
    """The year x country x group table: one nullable column per metric of the codebook."""
    fields = [
        _field("year", pa.int16(), "Calendar year the figures are about", False),
        _field("country", _DICT, "ISO 3166-1 alpha-3 code of where the incidents happened", False),
        _field("group", _DICT, "Perpetrator or reporting category (codebook group id)", False),
    ]
    for metric in vocabulary.metrics.values():
        type_ = pa.int32() if metric.kind == "count" else pa.float64()
        fields.append(_field(metric.id, type_, metric.description))
    fields += [
        _field("cell_series", pa.map_(pa.string(), pa.string()),
               "For each non-empty metric of the row, the series (organisation) its value comes from", False),
        _field("conflicts", pa.list_(pa.string()),
               "Metrics of the row whose documents disagree within the chosen series (see series.parquet)", False),
        _field("n_documents", pa.int16(), "How many documents state at least one figure of this row", False),
        _field("sources", pa.list_(pa.string()), "Ids of the sources behind the row's figures, sorted", False),
    ]
    return pa.schema(fields)


SERIES = pa.schema(
    [
        _field("year", pa.int16(), "Calendar year the figure is about", False),
        _field("country", _DICT, "ISO 3166-1 alpha-3 code of where the incidents happened", False),
        _field("group", _DICT, "Perpetrator or reporting category (codebook group id)", False),
        _field("metric", _DICT, "What is counted (codebook metric id)", False),
        _field("series", _DICT, "Organisation whose figure this is", False),
        _field("value", pa.float64(), "The series' value for the cell: its best document's figure", False),
        _field("value_high", pa.float64(), "Upper end of a range; null otherwise"),
        _field("approx", pa.bool_(), "True when the chosen figure is hedged in its report", False),
        _field("n_documents", pa.int16(), "Documents of this series that state the cell", False),
        _field("value_min", pa.float64(), "Lowest value among those documents", False),
        _field("value_max", pa.float64(), "Highest value among those documents", False),
        _field("conflict", pa.bool_(), "True when documents of this series state different values", False),
        _field("selected", pa.bool_(), "True for the series the incidents table takes this cell from", False),
        _field("source_id", _DICT, "Source of the chosen document", False),
        _field("document_id", pa.string(), "sha256 of the chosen document", False),
        _field("published", pa.string(), "Publication date of the chosen document"),
        _field("evidence", pa.string(), "The chosen figure's evidence", False),
    ]
)

SERIES_KEY = ("year", "country", "group", "metric", "series")


def describe(schema: pa.Schema) -> list[tuple[str, str, str, bool]]:
    """(name, type, description, nullable) of each column, for the data dictionary."""
    rows = []
    for field in schema:
        meta = field.metadata or {}
        type_ = field.type.value_type if pa.types.is_dictionary(field.type) else field.type
        rows.append((field.name, str(type_), meta.get(b"description", b"").decode(), field.nullable))
    return rows


CHANGES = pa.schema(
    [
        _field("change", _DICT, "added, changed or removed, against the previous release", False),
        _field("year", pa.int16(), "Calendar year of the cell", False),
        _field("country", _DICT, "ISO3 country of the cell", False),
        _field("group", _DICT, "Group of the cell", False),
        _field("metric", _DICT, "Metric of the cell", False),
        _field("old_value", pa.float64(), "Value in the previous release; null when added"),
        _field("new_value", pa.float64(), "Value in this release; null when removed"),
        _field("old_series", pa.string(), "Series of the previous value"),
        _field("new_series", pa.string(), "Series of the new value"),
        _field("document_id", pa.string(), "sha256 of the document behind the new value"),
        _field("evidence", pa.string(), "Evidence of the new value"),
    ]
)

PRIMARY_KEYS = {
    "incidents": list(KEY),
    "series": list(SERIES_KEY),
    "changes": ["year", "country", "group", "metric"],
}
