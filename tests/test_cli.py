"""The incidents command line: extract, snapshots and rebuild errors, as an operator types them."""
import csv
from datetime import datetime, timezone

import pytest

from flows.cli import FIGURE_COLUMNS, main
from flows.paths import ROOT
from flows.publish import publish_snapshot
from tests.test_publish import tables

SAMPLE = ROOT / "data" / "samples" / "pips" / "pk-2021-pips-security-report.txt"


def test_extract_writes_the_codebook_columns(tmp_path):
    out = tmp_path / "figures.csv"
    assert main(["extract", str(SAMPLE), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert tuple(rows[0]) == FIGURE_COLUMNS and rows
    assert {r["doc"] for r in rows} == {SAMPLE.name}


def test_extract_names_an_unreadable_file(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["extract", str(empty), "--out", str(tmp_path / "f.csv")]) == 1
    assert "empty.txt: empty: no bytes" in capsys.readouterr().err


@pytest.fixture
def two_versions(tmp_path, vocabulary):
    published = tmp_path / "published"
    made = [publish_snapshot(published, tables(vocabulary, attacks=a), {}, {}, datetime(2026, 4, d, tzinfo=timezone.utc)).version
            for a, d in ((370, 1), (371, 2))]
    return tmp_path, made


def test_snapshots_list_show_diff_pin_prune(two_versions, capsys):
    data_dir, (v1, v2) = two_versions
    base = ["snapshots", "--data-dir", str(data_dir)]
    assert main([*base, "list"]) == 0
    listed = capsys.readouterr().out
    assert v1 in listed and f"{v2}" in listed and "latest" in listed.splitlines()[-1]
    assert main([*base, "show", "--as-of", "2026-04-01"]) == 0
    assert f'"version": "{v1}"' in capsys.readouterr().out
    assert main([*base, "diff", v1, v2]) == 0
    assert "0 cells added, 1 changed, 0 removed" in capsys.readouterr().out
    assert main([*base, "pin", v1]) == 0 and main([*base, "prune", "--keep", "1"]) == 0
    assert "removed 0 versions" in capsys.readouterr().out
    assert main([*base, "show", "nope"]) == 4


def test_rebuild_of_an_unknown_version_is_refused(tmp_path, capsys):
    assert main(["rebuild", "20990101T000000Z-deadbeef", "--data-dir", str(tmp_path)]) == 4
    assert "no snapshot" in capsys.readouterr().err
