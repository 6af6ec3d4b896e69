"""Deployments of the nightly and backfill flows, and the task runner a run spreads its extraction over."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import Flow
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.client.schemas.schedules import CronSchedule
from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron
from prefect.task_runners import TaskRunner

NIGHTLY_CRON = "0 2 * * *"
TIMEZONE = "UTC"
DASK_WORKERS = 2
TASK_RUNNERS = ("default", "dask")
# A second run of the same deployment waits for the first ("enqueue") or is cancelled at once ("cancel").
COLLISIONS = {"enqueue": ConcurrencyLimitStrategy.ENQUEUE, "cancel": ConcurrencyLimitStrategy.CANCEL_NEW}
START_SERVER = (
    "start one with `prefect server start` (API and UI on http://127.0.0.1:4200), then "
    "`export PREFECT_API_URL=http://127.0.0.1:4200/api` and run `incidents serve` again"
)


class ServerNotConfigured(RuntimeError):
    """Serving needs a Prefect server that outlives this process; PREFECT_API_URL names none, or it does not answer."""


class ScheduleError(ValueError):
    """The nightly schedule's cron expression or timezone cannot be read."""


def require_server() -> str:
    """The Prefect API URL deployments would be registered with; refuse rather than use a temporary server."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    if not url:
        # Without it Prefect would start a temporary server that dies with this process: nothing could reach it.
        raise ServerNotConfigured(f"PREFECT_API_URL is not set, so there is no Prefect server to serve from: {START_SERVER}")
    with get_client(sync_client=True) as client:
        failure = client.api_healthcheck()
    if failure is not None:
        raise ServerNotConfigured(f"the Prefect server at PREFECT_API_URL={url} does not answer ({failure}): start it "
                                  "with `prefect server start`, or point PREFECT_API_URL at one that runs")
    return url


def nightly_schedule(cron: str = NIGHTLY_CRON, timezone: str = TIMEZONE) -> CronSchedule:
    """The nightly run's schedule, checked now so a typo fails before anything is registered."""
    from pydantic import ValidationError

    try:
        Cron(cron, timezone=timezone)  # checks the cron expression
        return CronSchedule(cron=cron, timezone=timezone)  # checks the timezone
    except ValidationError as error:
        reason = "; ".join(e["msg"] for e in error.errors())
    except ValueError as error:
        reason = str(error)
    raise ScheduleError(f"cannot schedule the nightly run with cron {cron!r} in timezone {timezone!r}: {reason}")


def task_runner(kind: str = "default", address: str | None = None, workers: int = DASK_WORKERS) -> TaskRunner | None:
    """The runner for a flow's tasks: None keeps the flow's own; "dask" uses a cluster (a local one unless address)."""
    if kind not in TASK_RUNNERS:
        raise ValueError(f"unknown task runner {kind!r}: choose one of {', '.join(TASK_RUNNERS)}")
    if kind == "default":
        if address:
            raise ValueError("--dask-address needs --task-runner dask")
        return None
    # imported here: dask is only needed, and only costs its import time, when asked for
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    # one thread per worker process: the parsers hold the GIL, so threads would not add throughput
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": None})


def with_runner(flow: Flow, runner: TaskRunner | None) -> Flow:
    """The flow itself, or a copy of it whose tasks go to another runner."""
    return flow if runner is None else flow.with_options(task_runner=runner)


def build_deployments(
    *, cron: str = NIGHTLY_CRON, timezone: str = TIMEZONE, data_dir: str | None = None, sources: str | None = None,
    runner: TaskRunner | None = None, collision: str = "enqueue",
) -> list[RunnerDeployment]:
    """The nightly deployment on its schedule and the unscheduled backfill, one run at a time each."""
    from flows.pipeline import backfill, nightly

    if collision not in COLLISIONS:
        raise ValueError(f"unknown collision strategy {collision!r}: choose one of {', '.join(COLLISIONS)}")
    limit = ConcurrencyLimitConfig(limit=1, collision_strategy=COLLISIONS[collision])
    # absolute paths: the UI shows them, and a run's working directory is not the operator's shell
    defaults: dict[str, Any] = {k: str(Path(v).resolve()) for k, v in (("data_dir", data_dir), ("sources", sources)) if v}
    common = dict(concurrency_limit=limit, parameters=defaults, tags=["incidents"], enforce_parameter_schema=True)
    return [
        with_runner(nightly, runner).to_deployment(
            name="nightly", schedules=[nightly_schedule(cron, timezone)],
            description=f"Every enabled source, end to end, at {cron} ({timezone}).", **common),
        with_runner(backfill, runner).to_deployment(
            name="backfill", description="Rebuild the cells of a range of years; run it from the UI or "
                                         "`prefect deployment run 'backfill/backfill' --param first_year=... "
                                         "--param last_year=...`.", **common),
    ]


def serve_deployments(deployments: list[RunnerDeployment]) -> None:
    """Register the deployments with the server and run their flow runs here until interrupted."""
    from prefect import serve

    require_server()
    # Stopping the process pauses the nightly schedule, so runs do not pile up as Late while nothing serves them;
    # serving again resumes it.
    serve(*deployments, pause_on_shutdown=True)
