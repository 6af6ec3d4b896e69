"""A Frictionless Data Package descriptor for a snapshot, from its tables' schemas."""
from __future__ import annotations

from typing import Any

import pyarrow as pa

from transforms.schema import PRIMARY_KEYS


def _frictionless_type(type_: pa.DataType) -> str:
    if pa.types.is_dictionary(type_):
        type_ = type_.value_type
    if pa.types.is_integer(type_):
        return "integer"
    if pa.types.is_floating(type_):
        return "number"
    if pa.types.is_boolean(type_):
        return "boolean"
    if pa.types.is_list(type_):
        return "array"
    if pa.types.is_map(type_) or pa.types.is_struct(type_):
        return "object"
    return "string"


def render_datapackage(version: str, created: str, files: dict[str, dict[str, Any]],
                       schemas: dict[str, pa.Schema]) -> dict[str, Any]:
    """datapackage.json: one resource per Parquet table, with its schema, hash and size."""
    resources = []
    for name, schema in schemas.items():
        fields = []
        for field in schema:
            meta = field.metadata or {}
            entry = {"name": field.name, "type": _frictionless_type(field.type),
                     "description": meta.get(b"description", b"").decode()}
            if not field.nullable:
                entry["constraints"] = {"required": True}
            fields.append(entry)
        resource = {
            "name": name, "path": files[name]["file"], "format": "parquet",
            "mediatype": "application/vnd.apache.parquet", "profile": "tabular-data-resource",
            "hash": f"sha256:{files[name]['sha256']}", "bytes": files[name]["bytes"],
            "schema": {"fields": fields},
        }
        if name in PRIMARY_KEYS:
            resource["schema"]["primaryKey"] = PRIMARY_KEYS[name]
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": "incidents",
        "title": "Yearly militant-violence figures by year, country and group",
        "description": "Figures read from security reports (PIPS, PICSS, CRSS, SATP, UNAMA and press coverage); "
                       "every value keeps its evidence in facts.parquet.",
        "version": version,
        "created": created,
        "resources": resources,
    }
