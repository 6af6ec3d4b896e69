"""What a run reports: its record is whole, a failed fetch names no secret."""
from __future__ import annotations

import os

import pytest
from prefect.states import Crashed, Failed

from flows.archive import write_replacing
from flows.pipeline import failed_fetch
from flows.registry import Source


def test_write_replacing_replaces_whole_or_not_at_all(tmp_path):
    path = tmp_path / "runs" / "record.json"
    write_replacing(path, b'{"status": "running"}')
    write_replacing(path, b'{"status": "published"}')
    assert path.read_bytes() == b'{"status": "published"}'
    with pytest.raises(TypeError):
        write_replacing(path, '{"status": "not bytes"}')  # fails while writing the temporary
    assert path.read_bytes() == b'{"status": "published"}'
    assert os.listdir(path.parent) == ["record.json"]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (Failed(message="Task run encountered an exception ConnectionError: GET https://u:hunter2@h/l?token=s3cr3t"),
         "fetch failed: Task run encountered an exception ConnectionError: GET https://REDACTED@h/l?token=REDACTED"),
        (Crashed(message="Execution was interrupted by SIGTERM"),
         "fetch failed: Execution was interrupted by SIGTERM"),
        (Failed(message=None), "fetch failed: Failed"),
    ],
)
def test_a_failed_fetch_says_why_without_a_secret(state, expected):
    web = Source(id="web", kind="http", url="https://u:hunter2@h/l?token=s3cr3t", publisher="PIPS", trust=1)
    result = failed_fetch(web, state)
    assert (result.source_id, result.error, result.documents) == ("web", expected, ())
