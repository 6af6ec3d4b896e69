"""The `incidents` command line."""
from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
from pathlib import Path

FIGURE_COLUMNS = ("doc", "year", "country", "group", "metric", "value", "value_high", "approx", "evidence")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def cmd_extract(args: argparse.Namespace) -> int:
    """Write the figures of report files as CSV rows in the codebook's columns."""
    from flows.reading import read_vocabulary
    from transforms.documents import parse_document
    from transforms.extract import extract_figures
    from transforms.model import DocumentError

    vocabulary = read_vocabulary()
    failed = 0
    rows = []
    drops: dict[str, int] = {}
    for path in args.files:
        path = Path(path)
        try:
            document = parse_document(path.read_bytes(), name=path.name)
        except (DocumentError, OSError) as error:
            print(f"error: {error}", file=sys.stderr)
            failed += 1
            continue
        if args.published and not document.published:
            document = dataclasses.replace(document, published=args.published)
        extraction = extract_figures(document, vocabulary, default_country=args.country)
        for reason, count in extraction.drops:
            drops[reason] = drops.get(reason, 0) + count
        for f in extraction.figures:
            rows.append((path.name, f.year, f.country, f.group, f.metric, _number(f.value), _number(f.value_high), int(f.approx), f.evidence))
    handle = open(args.out, "w", newline="", encoding="utf-8") if args.out != "-" else sys.stdout
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(FIGURE_COLUMNS)
    writer.writerows(rows)
    if handle is not sys.stdout:
        handle.close()
    summary = ", ".join(f"{k}={v}" for k, v in sorted(drops.items())) or "none"
    print(f"{len(rows)} figures from {len(args.files) - failed} documents ({failed} unreadable); dropped: {summary}", file=sys.stderr)
    return 1 if failed and failed == len(args.files) else 0


def _prefect_quiet() -> None:
    """Run flows in-process against Prefect's temporary local server, without telemetry."""
    import os

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    # the temporary server migrates a new database on its first start: slow on a busy 2-core machine
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


def _finish(summary: dict) -> int:
    from flows.pipeline import RunSummary

    report = RunSummary(**summary)
    print("\n".join(report.lines()))
    if report.status == "published":
        print(f"snapshot: {report.snapshot}")
    return 0


def _run_flow(call) -> int:
    """Run a flow, print its summary; a failed run prints why and exits non-zero."""
    from flows.lock import RunInProgress
    from flows.registry import RegistryError
    from flows.validate import ValidationFailed

    try:
        return _finish(call())
    except ValidationFailed as failure:
        print(f"error: {failure}\nnothing was published; the last good snapshot stays `latest`.", file=sys.stderr)
        return 2
    except (RunInProgress, RegistryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 3


def _on_runner(flow, args: argparse.Namespace):
    """The flow on the task runner the options ask for (--task-runner, --dask-address)."""
    from flows.deploy import task_runner, with_runner

    return with_runner(flow, task_runner(args.task_runner, args.dask_address))


def cmd_run(args: argparse.Namespace) -> int:
    """Run the nightly flow once."""
    _prefect_quiet()
    from flows.pipeline import nightly

    return _run_flow(lambda: _on_runner(nightly, args)(sources=args.sources, data_dir=args.data_dir,
                                                       offline=args.offline, force=args.force))


def cmd_backfill(args: argparse.Namespace) -> int:
    """Run the backfill flow once over a range of years."""
    _prefect_quiet()
    from flows.pipeline import backfill

    return _run_flow(lambda: _on_runner(backfill, args)(
        first_year=args.first_year, last_year=args.last_year, source_ids=args.source or None, force=args.force,
        offline=args.offline, sources=args.sources, data_dir=args.data_dir))


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the nightly (on its schedule) and backfill deployments from this process until interrupted."""
    _prefect_quiet()
    from flows.deploy import ScheduleError, ServerNotConfigured, build_deployments, serve_deployments, task_runner

    try:
        deployments = build_deployments(cron=args.cron, timezone=args.timezone, data_dir=args.data_dir,
                                        sources=args.sources, runner=task_runner(args.task_runner, args.dask_address),
                                        collision=args.on_collision)
        serve_deployments(deployments)
    except (ServerNotConfigured, ScheduleError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 3
    return 0


def cmd_dictionary(args: argparse.Namespace) -> int:
    """Write the data dictionary rendered from the schemas and the codebook."""
    from flows.paths import REFERENCE_DIR
    from flows.reading import read_vocabulary
    from transforms.dictionary import render_data_dictionary

    out = Path(args.out) if args.out else REFERENCE_DIR / "data-dictionary.md"
    out.write_text(render_data_dictionary(read_vocabulary()), encoding="utf-8")
    print(f"wrote {out}")
    return 0


def _published(args: argparse.Namespace) -> Path:
    from flows.paths import DEFAULT_DATA_DIR, DataDir

    return DataDir(Path(args.data_dir) if args.data_dir else DEFAULT_DATA_DIR).published


def cmd_snapshots(args: argparse.Namespace) -> int:
    """List, show, diff, pin and prune published versions."""
    from datetime import date

    from flows import snapshots

    published = _published(args)
    try:
        if args.action == "list":
            for v in snapshots.describe_versions(published):
                marks = "".join((" latest" if v.latest else "", " pinned" if v.pinned else ""))
                changes = ", ".join(f"{n} {k}" for k, n in sorted(v.changes.items())) or "no changes table"
                print(f"{v.version}  {v.created_at}  incidents={v.rows.get('incidents')} facts={v.rows.get('facts')}"
                      f"  [{changes}]{marks}")
        elif args.action == "show":
            version = snapshots.as_of(published, date.fromisoformat(args.as_of)) if args.as_of else args.version
            if version is None:
                version = snapshots.latest_version(published)
            info = snapshots.show(published, version)
            text = info.pop("changes.md")
            print(snapshots.dumps(info))
            if text:
                print(text)
        elif args.action == "diff":
            changes, text = snapshots.diff_versions(published, args.old, args.new)
            print(text)
            if args.out:
                changes.to_csv(args.out, index=False)
        elif args.action in ("pin", "unpin"):
            snapshots.pin(published, args.version, on=args.action == "pin")
            print(f"{args.action}ned {args.version}")
        elif args.action == "prune":
            removed = snapshots.prune(published, args.keep)
            print(f"removed {len(removed)} versions" + "".join(f"\n  {v}" for v in removed))
    except snapshots.UnknownVersion as error:
        print(f"error: {error}", file=sys.stderr)
        return 4
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    """Rebuild a version from the raw archive and compare it with its manifest."""
    from flows.paths import DEFAULT_DATA_DIR
    from flows.rebuild import NotRebuildable, rebuild_version
    from flows.snapshots import UnknownVersion

    try:
        report = rebuild_version(Path(args.data_dir) if args.data_dir else DEFAULT_DATA_DIR, args.version)
    except (NotRebuildable, UnknownVersion) as error:
        print(f"error: {error}", file=sys.stderr)
        return 4
    print("\n".join(report.lines()))
    return 0 if report.identical else 1


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", help="sources registry (default: data/sources.toml)")
    parser.add_argument("--data-dir", help="where the raw archive and snapshots live (default: data/)")
    parser.add_argument("--offline", action="store_true", help="use only documents already in the raw archive")
    parser.add_argument("--force", action="store_true", help="parse every document again, even unchanged ones")


def _scaling(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--task-runner", choices=("default", "dask"), default="default",
                        help="where extraction batches run: threads in this process, or a Dask cluster")
    parser.add_argument("--dask-address", metavar="ADDRESS",
                        help="scheduler of a running Dask cluster, e.g. tcp://10.0.0.5:8786 (default with "
                             "--task-runner dask: a local cluster of 2 worker processes); workers must see --data-dir")


def _checked(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.Namespace:
    if getattr(args, "dask_address", None) and args.task_runner != "dask":
        parser.error("--dask-address needs --task-runner dask")
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="incidents", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract figures from report files into a CSV")
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("--published", help="publication date (YYYY-MM-DD) for files that give none")
    extract.add_argument("--country", help="ISO3 country for texts that name none")
    extract.add_argument("--out", required=True, help="output CSV, or - for standard output")
    extract.set_defaults(handler=cmd_extract)

    run = commands.add_parser("run", help="run the nightly flow once, on the enabled sources")
    _common(run)
    _scaling(run)
    run.set_defaults(handler=cmd_run)

    back = commands.add_parser("backfill", help="rebuild the cells of a range of years")
    back.add_argument("--from", dest="first_year", type=int, required=True, metavar="YEAR")
    back.add_argument("--to", dest="last_year", type=int, required=True, metavar="YEAR")
    back.add_argument("--source", action="append", metavar="ID", help="a source id (repeatable; default: all enabled)")
    _common(back)
    _scaling(back)
    back.set_defaults(handler=cmd_backfill)

    serve = commands.add_parser("serve", help="serve the nightly and backfill deployments (needs PREFECT_API_URL)")
    serve.add_argument("--cron", default="0 2 * * *", help="when the nightly run starts (default: %(default)s)")
    serve.add_argument("--timezone", default="UTC", help="IANA timezone of --cron (default: %(default)s)")
    serve.add_argument("--sources", help="sources registry the deployments use (default: data/sources.toml)")
    serve.add_argument("--data-dir", help="data directory the deployments use (default: data/)")
    serve.add_argument("--on-collision", choices=("enqueue", "cancel"), default="enqueue",
                       help="a run started while another run of the same deployment is going: wait for it "
                            "(enqueue) or be cancelled at once (cancel); default: %(default)s")
    _scaling(serve)
    serve.set_defaults(handler=cmd_serve)

    snaps = commands.add_parser("snapshots", help="list, show, diff, pin and prune published versions")
    snaps.add_argument("--data-dir", help="where the snapshots live (default: data/)")
    actions = snaps.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="every version, oldest first")
    show = actions.add_parser("show", help="a version's manifest and changes (default: latest)")
    show.add_argument("version", nargs="?")
    show.add_argument("--as-of", metavar="YYYY-MM-DD", help="the version that was latest on that day")
    diff = actions.add_parser("diff", help="cells added, changed and removed between two versions")
    diff.add_argument("old")
    diff.add_argument("new")
    diff.add_argument("--out", help="also write the changes as CSV")
    for name in ("pin", "unpin"):
        actions.add_parser(name, help=f"{name} a version (pinned versions survive prune)").add_argument("version")
    prune = actions.add_parser("prune", help="remove old versions, never latest nor pinned ones")
    prune.add_argument("--keep", type=int, required=True, metavar="N")
    snaps.set_defaults(handler=cmd_snapshots)

    rebuild = commands.add_parser("rebuild", help="rebuild a version from the raw archive and check its checksums")
    rebuild.add_argument("version")
    rebuild.add_argument("--data-dir", help="where the archive and snapshots live (default: data/)")
    rebuild.set_defaults(handler=cmd_rebuild)

    dictionary = commands.add_parser("dictionary", help="write the data dictionary (data/reference/data-dictionary.md)")
    dictionary.add_argument("--out", help="where to write it instead")
    dictionary.set_defaults(handler=cmd_dictionary)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = _checked(parser, parser.parse_args(argv))
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
