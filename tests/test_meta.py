"""Meta-tests: the pure core stays pure, and registry, reference data, suites and docs agree."""
import ast
import json
import re
from pathlib import Path

import pytest

from flows.paths import DEFAULT_SOURCES, EXPECTATIONS_DIR, REFERENCE_DIR, ROOT
from flows.registry import read_sources
from transforms.dictionary import render_data_dictionary

TRANSFORMS = sorted((ROOT / "transforms").glob("*.py"))
FORBIDDEN_MODULES = {"requests", "prefect", "urllib", "http", "socket", "subprocess", "shutil", "tempfile",
                     "great_expectations", "flows", "pathlib", "glob", "time"}
FORBIDDEN_CALLS = {"open", "print", "input", "exec", "eval"}
FORBIDDEN_ATTRIBUTES = {"now", "today", "utcnow", "read_text", "read_bytes", "write_text", "write_bytes",
                        "to_parquet", "to_csv", "read_csv", "read_parquet", "system", "getenv", "environ"}


@pytest.mark.parametrize("path", TRANSFORMS, ids=lambda p: p.name)
def test_transforms_do_no_io_and_read_no_clock(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            problems += [a.name for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES | {"os"}]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in FORBIDDEN_MODULES | {"os"}:
                problems.append(node.module)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            problems.append(f"{node.func.id}() at line {node.lineno}")
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES:
            problems.append(f".{node.attr} at line {node.lineno}")
    assert not problems, f"{path.name} reaches outside the pure core: {problems}"


def _codebook_ids(section: str) -> set[str]:
    codebook = (ROOT.parent / "shared" / "codebook.md")
    if not codebook.exists():
        pytest.skip("../shared/codebook.md is not beside this clone")
    text = codebook.read_text()
    part = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    return {m for row in re.findall(r"^\| (.+?) \|", part, re.M) for m in re.findall(r"`([a-z0-9_<>-]+)`", row)}


def test_no_module_beside_the_entrypoints_is_named_like_a_standard_one():
    """Prefect loads a deployment's entrypoint (flows/pipeline.py) with its folder first on sys.path, and the
    extraction pool's spawned workers inherit that path: a flows/http.py hid the standard http, every served run
    failed. (transforms/ is never on the path: its html.py and numbers.py are only imported as transforms.*.)"""
    import sys

    clashes = {p.stem for p in (ROOT / "flows").glob("*.py")} & set(sys.stdlib_module_names)
    assert not clashes, f"flows/ modules named like standard ones: {sorted(clashes)}"


def test_groups_are_the_codebooks(vocabulary):
    assert set(vocabulary.groups) == _codebook_ids("group")


def test_metrics_are_the_codebooks(vocabulary):
    codebook = _codebook_ids("metric") - {"<metric>_change_pct"}
    count = {m for m in vocabulary.metrics if vocabulary.metrics[m].kind == "count"}
    assert count == codebook
    assert set(vocabulary.change_metrics) == {f"{m}_change_pct" for m in count}


def test_incidents_suite_checks_every_metric_column(vocabulary):
    suite = json.loads((EXPECTATIONS_DIR / "incidents.json").read_text())
    checked = {e["kwargs"].get("column") for e in suite["expectations"]}
    assert set(vocabulary.metrics) <= checked


def test_suites_name_only_known_columns(vocabulary):
    from transforms.schema import FACTS, SERIES, incidents_schema

    for name, schema in (("facts", FACTS), ("series", SERIES), ("incidents", incidents_schema(vocabulary))):
        suite = json.loads((EXPECTATIONS_DIR / f"{name}.json").read_text())
        for expectation in suite["expectations"]:
            kwargs = expectation["kwargs"]
            columns = [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs] + kwargs.get("column_list", [])
            assert set(columns) <= set(schema.names), (name, expectation["type"], columns)


def test_default_registry_is_valid_and_every_file_source_has_files(vocabulary):
    sources = read_sources(DEFAULT_SOURCES)
    for source in sources:
        assert source.country is None or source.country in vocabulary.countries, source.id
        if source.kind == "file":
            assert list(source.base_dir.glob(source.url)), f"{source.id}: {source.url} matches no file"


def test_regions_and_aliases_name_known_countries(vocabulary):
    for group in vocabulary.groups.values():
        for alias in group.aliases:
            assert alias.country is None or alias.country in vocabulary.countries, alias


def test_data_dictionary_is_up_to_date(vocabulary):
    written = (REFERENCE_DIR / "data-dictionary.md").read_text()
    assert written == render_data_dictionary(vocabulary), "run `incidents dictionary` and commit the result"


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    head = readme[:1500]
    assert "make run" in head and "make test" in head
    assert "make test" in (ROOT / ".ci" / "run").read_text()
