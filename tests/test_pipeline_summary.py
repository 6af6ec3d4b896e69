"""A run's record is written whole or not at all."""
from __future__ import annotations

import os

import pytest

from flows.archive import write_replacing


def test_write_replacing_replaces_whole_or_not_at_all(tmp_path):
    path = tmp_path / "runs" / "record.json"
    write_replacing(path, b'{"status": "running"}')
    write_replacing(path, b'{"status": "published"}')
    assert path.read_bytes() == b'{"status": "published"}'
    with pytest.raises(TypeError):
        write_replacing(path, '{"status": "not bytes"}')  # fails while writing the temporary
    assert path.read_bytes() == b'{"status": "published"}'
    assert os.listdir(path.parent) == ["record.json"]
