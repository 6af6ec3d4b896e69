"""The served deployments: the nightly schedule, the backfill's run form, the task runner, refusing to serve alone."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.objects import ConcurrencyLimitStrategy
from prefect.exceptions import PrefectHTTPStatusError
from prefect_dask import DaskTaskRunner

from flows.cli import main
from flows.deploy import ScheduleError, build_deployments, nightly_schedule, task_runner
from flows.paths import ROOT


def by_name(**options) -> dict:
    return {d.name: d for d in build_deployments(**options)}


def test_nightly_runs_at_two_utc_and_backfill_only_on_demand():
    deployments = by_name()
    (schedule,) = deployments["nightly"].schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone, schedule.active) == ("0 2 * * *", "UTC", True)
    assert deployments["backfill"].schedules == []
    assert deployments["nightly"].entrypoint == "flows/pipeline.py:nightly"
    assert deployments["backfill"].entrypoint == "flows/pipeline.py:backfill"


def test_schedule_and_data_dir_come_from_the_options(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    deployments = by_name(cron="30 4 * * 1-5", timezone="Asia/Karachi", data_dir="data", sources="sources.toml")
    (schedule,) = deployments["nightly"].schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("30 4 * * 1-5", "Asia/Karachi")
    for deployment in deployments.values():
        assert deployment.parameters == {"data_dir": str(tmp_path / "data"), "sources": str(tmp_path / "sources.toml")}


@pytest.mark.parametrize("collision, strategy", [
    ("enqueue", ConcurrencyLimitStrategy.ENQUEUE),
    ("cancel", ConcurrencyLimitStrategy.CANCEL_NEW),
])
def test_each_deployment_runs_one_at_a_time(collision, strategy):
    for deployment in build_deployments(collision=collision):
        assert deployment.concurrency_limit == 1
        assert deployment.concurrency_options.collision_strategy == strategy


@pytest.mark.parametrize("cron, timezone, reason", [
    ("0 2 * *", "UTC", "Invalid cron string"),
    ("0 25 * * *", "UTC", "Invalid cron string"),
    ("0 2 * * *", "Mars/Olympus", "Invalid timezone"),
])
def test_a_bad_schedule_is_refused_before_anything_is_registered(cron, timezone, reason):
    with pytest.raises(ScheduleError, match=reason):
        nightly_schedule(cron, timezone)


def test_both_flows_expose_force_in_their_run_form():
    for deployment in build_deployments():
        properties = deployment._parameter_openapi_schema.properties
        assert properties["force"]["type"] == "boolean" and properties["force"]["default"] is False


@pytest.mark.parametrize("kind, address, expected", [
    ("default", None, None),
    ("dask", None, {"n_workers": 2, "processes": True}),
    ("dask", "tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
])
def test_task_runner_choice(kind, address, expected):
    runner = task_runner(kind, address)
    if expected is None:
        assert runner is None
    elif isinstance(expected, str):
        assert isinstance(runner, DaskTaskRunner) and runner.address == expected
    else:
        assert isinstance(runner, DaskTaskRunner) and expected.items() <= runner.cluster_kwargs.items()


@pytest.mark.parametrize("kind, address", [("ray", None), ("default", "tcp://10.0.0.5:8786")])
def test_task_runner_refuses_what_it_cannot_do(kind, address):
    with pytest.raises(ValueError):
        task_runner(kind, address)


def test_cli_refuses_a_dask_address_without_the_dask_runner(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["run", "--dask-address", "tcp://10.0.0.5:8786"])
    assert exit_.value.code == 2 and "--dask-address needs --task-runner dask" in capsys.readouterr().err


def _serve(tmp_path: Path, api_url: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PYTHONPATH=str(ROOT))
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return subprocess.run([sys.executable, "-m", "flows.cli", "serve"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("api_url, message", [
    (None, "PREFECT_API_URL is not set"),
    ("http://127.0.0.1:9/api", "does not answer"),  # port 9 (discard): nothing listens there
])
def test_serve_refuses_without_a_running_server_and_says_how_to_start_one(tmp_path, api_url, message):
    done = _serve(tmp_path, api_url)
    assert done.returncode == 3, done.stderr
    assert message in done.stderr and "prefect server start" in done.stderr
    assert not (tmp_path / "prefect-home" / "prefect.db").exists()  # no temporary server was started


@pytest.fixture(scope="module")
def backfill_deployment(prefect_harness, tmp_path_factory):
    deployments = by_name(data_dir=str(tmp_path_factory.mktemp("data")))
    return deployments["backfill"].apply()


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
@pytest.mark.parametrize("parameters, field, reason", [
    ({"first_year": "abc", "last_year": 2016}, "first_year", "'abc' is not of type 'integer'"),
    ({"first_year": 1800, "last_year": 2016}, "first_year", "1800 is less than the minimum of 1970"),
    ({"first_year": 2015, "last_year": 3000}, "last_year", "3000 is greater than the maximum of 2100"),
    ({"first_year": 2015}, None, "'last_year' is a required property"),
    ({"first_year": 2015, "last_year": 2016, "source_ids": "pips"}, "source_ids", "'pips' is not valid"),
    ({"first_year": 2015, "last_year": 2016, "force": "maybe"}, "force", "'maybe' is not of type 'boolean'"),
])
def test_a_wrong_backfill_form_is_refused_at_once_with_the_reason(backfill_deployment, parameters, field, reason):
    with get_client(sync_client=True) as client:
        with pytest.raises(PrefectHTTPStatusError) as refused:
            client.create_flow_run_from_deployment(backfill_deployment, parameters=parameters)
    detail = refused.value.response.json()["detail"]
    assert reason in detail and (field is None or f"field '{field}'" in detail), detail


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
def test_a_right_backfill_form_is_accepted(backfill_deployment):
    with get_client(sync_client=True) as client:
        run = client.create_flow_run_from_deployment(
            backfill_deployment, parameters={"first_year": 2015, "last_year": 2016, "source_ids": ["pips-samples"],
                                             "force": True})
        client.delete_flow_run(run.id)  # nothing serves it here: leave no scheduled run behind
    assert run.parameters["first_year"] == 2015 and run.parameters["force"] is True


def test_prefect_yaml_declares_the_deployments_that_serve_builds():
    """Work-pool operators get the same schedule, entrypoints and one-run-at-a-time rule as `incidents serve`."""
    import yaml

    declared = {d["name"]: d for d in yaml.safe_load((ROOT / "prefect.yaml").read_text())["deployments"]}
    built = by_name()
    assert declared.keys() == built.keys()
    for name, deployment in built.items():
        entry = declared[name]
        assert entry["entrypoint"] == deployment.entrypoint
        assert entry["concurrency_limit"] == {"limit": deployment.concurrency_limit,
                                              "collision_strategy": deployment.concurrency_options.collision_strategy.value}
        assert [(s["cron"], s["timezone"]) for s in entry.get("schedules") or []] == [
            (s.schedule.cron, s.schedule.timezone) for s in deployment.schedules]
        assert entry["enforce_parameter_schema"] is True and entry["work_pool"]["name"] == "incidents"


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
def test_a_served_backfill_run_completes_and_publishes(prefect_harness, tmp_path):
    """The deployment run the way `incidents serve` runs it: a Runner starts `python -m prefect.engine`."""
    import asyncio
    import shutil

    from prefect.runner import Runner

    shutil.copytree(ROOT / "data" / "samples", tmp_path / "samples")
    shutil.copy(ROOT / "data" / "sources.toml", tmp_path / "sources.toml")
    deployments = by_name(data_dir=str(tmp_path / "data"), sources=str(tmp_path / "sources.toml"))
    runner = Runner(name="incidents-test", pause_on_shutdown=False)
    ids = {name: runner.add_deployment(deployment) for name, deployment in deployments.items()}
    with get_client(sync_client=True) as client:
        run = client.create_flow_run_from_deployment(ids["backfill"], parameters={"first_year": 2015,
                                                                                  "last_year": 2016})
        asyncio.run(runner.start(run_once=True))
        state = client.read_flow_run(run.id).state
    assert state.is_completed(), state.message
    assert (tmp_path / "data" / "published" / "latest" / "manifest.json").exists()
