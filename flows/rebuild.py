"""Rebuild a published version from the raw archive and check it against its manifest."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flows.archive import Archive, sha256_of
from flows.paths import DataDir
from flows.publish import logical_hash, parquet_bytes, read_manifest, to_arrow
from flows.reading import read_publishers, read_series_priority, read_vocabulary
from flows.recipe import filter_extraction
from flows.registry import Source
from flows.snapshots import check_version
from flows.sources import DocumentRef
from flows.version import code_fingerprint
from transforms.model import DocumentInfo
from transforms.normalize import figures_to_facts, reconcile_cells, reconcile_series
from transforms.schema import FACTS, SERIES, incidents_schema


class NotRebuildable(RuntimeError):
    """The manifest has no recipe, or a document of it is missing from the archive."""


@dataclass
class RebuildReport:
    version: str
    same_code: bool
    tables: dict[str, dict[str, bool]] = field(default_factory=dict)  # name -> {bytes: ok, rows: ok}

    @property
    def identical(self) -> bool:
        return all(t["bytes"] for t in self.tables.values())

    def lines(self) -> list[str]:
        out = [f"rebuild of {self.version}" + ("" if self.same_code else
                                               " (WARNING: the code differs from the one that published it)")]
        for name, checks in self.tables.items():
            out.append(f"  {name}.parquet: bytes {'identical' if checks['bytes'] else 'DIFFER'}, "
                       f"rows {'identical' if checks['rows'] else 'DIFFER'}")
        out.append("  result: " + ("identical to the manifest" if self.identical else "NOT identical"))
        return out


def rebuild_version(data_dir: Path, version: str) -> RebuildReport:
    """Re-extract every document of the version's recipe from the archive, rebuild its tables, compare."""
    from flows.extraction import extract_document

    layout = DataDir(data_dir)
    manifest = read_manifest(check_version(layout.published, version))
    recipe = manifest.get("recipe")
    if recipe is None:
        raise NotRebuildable(f"{version}: the manifest has no recipe (published by an older version of the code)")
    archive = Archive(layout.raw)
    vocabulary, publishers = read_vocabulary(), read_publishers()
    pairs = []
    for entry in recipe:
        if not archive.has(entry["sha256"]):
            raise NotRebuildable(f"{version}: document {entry['name']} ({entry['sha256'][:12]}) is not in the archive")
        settings = entry["source"]
        source = Source(url="", **settings)
        ref = DocumentRef(settings["id"], entry["sha256"], entry["name"], entry["location"], entry["content_type"])
        facts, extraction, error = extract_document(archive.get(entry["sha256"]), ref, source, vocabulary, publishers)
        if extraction is None:
            raise NotRebuildable(f"{version}: document {entry['name']} no longer parses: {error}")
        info = DocumentInfo(source.id, source.publisher, source.trust, ref.sha256, ref.name, ref.location,
                            facts["published"], facts["series"], facts["primary"])
        pairs.append((info, filter_extraction(entry, extraction)))
    facts = figures_to_facts(pairs)
    series = reconcile_series(facts, read_series_priority())
    frames = {"incidents": (reconcile_cells(series, facts, vocabulary), incidents_schema(vocabulary)),
              "series": (series, SERIES), "facts": (facts, FACTS)}
    report = RebuildReport(version, manifest["code_version"]["transforms_sha256"] == code_fingerprint())
    for name, (frame, schema) in frames.items():
        table = to_arrow(frame, schema, name)
        expected = manifest["tables"][name]
        report.tables[name] = {"bytes": sha256_of(parquet_bytes(table)) == expected["sha256"],
                               "rows": logical_hash(table) == expected["logical_sha256"]}
    return report
