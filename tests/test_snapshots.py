"""Listing, dating, pinning and pruning published versions."""
from datetime import date, datetime, timezone

import pytest

from flows import snapshots
from flows.publish import latest_version, publish_snapshot
from tests.test_publish import tables


def publish_days(root, vocabulary, days):
    made = []
    for day in days:
        result = publish_snapshot(root, tables(vocabulary, attacks=300 + day), {}, {}, datetime(2026, 3, day, 2, tzinfo=timezone.utc))
        made.append(result.version)
    return made


def test_list_as_of_and_diff(tmp_path, vocabulary):
    v1, v2, v3 = publish_days(tmp_path, vocabulary, [1, 5, 9])
    listed = snapshots.describe_versions(tmp_path)
    assert [v.version for v in listed] == [v1, v2, v3] and [v.latest for v in listed] == [False, False, True]
    assert snapshots.as_of(tmp_path, date(2026, 3, 6)) == v2
    assert snapshots.as_of(tmp_path, date(2026, 3, 5)) == v2
    with pytest.raises(snapshots.UnknownVersion, match="no snapshot existed yet on 2026-02-28"):
        snapshots.as_of(tmp_path, date(2026, 2, 28))
    changes, text = snapshots.diff_versions(tmp_path, v1, v3)
    assert changes[["change", "metric", "old_value", "new_value"]].values.tolist() == [["changed", "attacks", 301.0, 309.0]]
    assert "0 cells added, 1 changed, 0 removed" in text


def test_prune_keeps_latest_and_pinned(tmp_path, vocabulary):
    v1, v2, v3, v4 = publish_days(tmp_path, vocabulary, [1, 2, 3, 4])
    snapshots.pin(tmp_path, v1)
    assert snapshots.prune(tmp_path, keep=1) == [v2, v3]
    assert snapshots.versions(tmp_path) == [v1, v4] and latest_version(tmp_path) == v4
    snapshots.pin(tmp_path, v1, on=False)
    assert snapshots.prune(tmp_path, keep=1) == [v1]
    assert snapshots.prune(tmp_path, keep=1) == []


def test_latest_survives_prune_even_when_older_versions_are_newer_by_name(tmp_path, vocabulary):
    (v1,) = publish_days(tmp_path, vocabulary, [1])
    assert snapshots.prune(tmp_path, keep=1) == [] and latest_version(tmp_path) == v1


def test_unknown_versions_are_named(tmp_path, vocabulary):
    publish_days(tmp_path, vocabulary, [1])
    with pytest.raises(snapshots.UnknownVersion, match="no snapshot 'nope'"):
        snapshots.pin(tmp_path, "nope")
