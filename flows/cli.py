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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="incidents", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract figures from report files into a CSV")
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("--published", help="publication date (YYYY-MM-DD) for files that give none")
    extract.add_argument("--country", help="ISO3 country for texts that name none")
    extract.add_argument("--out", required=True, help="output CSV, or - for standard output")
    extract.set_defaults(handler=cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
