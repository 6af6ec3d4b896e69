"""No overlapping runs: a second run on a busy data directory is refused, a second deployment run waits or is cancelled."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.objects import StateType
from prefect.client.schemas.responses import SetStateStatus
from prefect.settings import PREFECT_API_URL
from prefect.states import Completed, Pending, Running

from flows.archive import sha256_of
from flows.deploy import build_deployments
from flows.lock import RunInProgress
from flows.paths import ROOT, DataDir
from flows.pipeline import nightly
from flows.publish import latest_version
from tests.test_artifacts import publish_facts

pytestmark = [pytest.mark.prefect, pytest.mark.xdist_group("prefect")]

HOLD_LOCK = """
import sys
from pathlib import Path
from flows.lock import run_lock
with run_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


@pytest.fixture
def busy_data_dir(tmp_path):
    """A data directory with a published snapshot, whose run lock another process holds."""
    layout = DataDir(tmp_path / "data")
    publish_facts(layout.published, 370, datetime(2026, 1, 2, tzinfo=timezone.utc))
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(layout.state)], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    yield layout, holder.pid
    holder.stdin.close()
    holder.wait(timeout=30)


def contents(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): sha256_of(p.read_bytes()) for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "run.lock"}


def test_a_flow_run_on_a_busy_data_dir_is_refused_and_writes_nothing(busy_data_dir, prefect_harness):
    layout, holder = busy_data_dir
    before, version = contents(layout.root), latest_version(layout.published)
    with pytest.raises(RunInProgress, match=f"another run \\(pid {holder}\\) is using"):
        nightly(data_dir=str(layout.root))
    assert contents(layout.root) == before and latest_version(layout.published) == version
    manifest = json.loads((layout.latest / "manifest.json").read_text())
    assert all(sha256_of((layout.latest / name).read_bytes()) == digest for name, digest in manifest["files"].items())


def test_incidents_run_on_a_busy_data_dir_exits_with_a_clear_message(busy_data_dir, prefect_harness):
    layout, holder = busy_data_dir
    before = contents(layout.root)
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--data-dir", str(layout.root)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 3, done.stderr
    assert f"error: another run (pid {holder}) is using {layout.root}; try again when it ends" in done.stderr
    assert contents(layout.root) == before


def _start(client, flow_run_id):
    return client.set_flow_run_state(flow_run_id, Pending())


@pytest.mark.parametrize("collision", ["enqueue", "cancel"])
def test_a_second_run_of_a_deployment_waits_or_is_cancelled(tmp_path, prefect_harness, collision):
    """What the server does when the runner of `incidents serve` starts a second run of the nightly deployment."""
    deployment = build_deployments(data_dir=str(tmp_path), collision=collision)[0]
    deployment_id = deployment.model_copy(update={"name": f"nightly-{collision}"}).apply()
    with get_client(sync_client=True) as client:
        first, second = (client.create_flow_run_from_deployment(deployment_id) for _ in range(2))
        assert _start(client, first.id).status == SetStateStatus.ACCEPT
        refused = _start(client, second.id)
        if collision == "enqueue":
            assert refused.status == SetStateStatus.REJECT
            assert (refused.state.type, refused.state.name) == (StateType.SCHEDULED, "AwaitingConcurrencySlot")
        else:
            assert refused.status == SetStateStatus.REJECT and refused.state.type == StateType.CANCELLED
        client.set_flow_run_state(first.id, Running())
        client.set_flow_run_state(first.id, Completed())
        # the first run over, a waiting second run now gets its slot; a cancelled one stays cancelled
        again = _start(client, second.id)
        if collision == "enqueue":
            assert again.status == SetStateStatus.ACCEPT
        else:
            assert client.read_flow_run(second.id).state.type == StateType.CANCELLED
