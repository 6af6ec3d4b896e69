"""The extractor on the shared corpus of real reports, scored by the shared scorer."""
import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flows.reading import read_vocabulary
from transforms.documents import parse_document
from transforms.extract import extract_figures

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SCORER = CORPUS.parent / "tools" / "score_figures.py"
COLUMNS = ("doc", "year", "country", "group", "metric", "value", "value_high", "approx", "evidence")


def _number(value):
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


@pytest.mark.corpus
def test_corpus_precision_and_recall(tmp_path):
    if not (CORPUS / "gold.csv").exists() or not SCORER.exists():
        pytest.skip("../shared/corpus is not beside this clone")
    vocabulary = read_vocabulary()
    predicted = tmp_path / "figures.csv"
    with predicted.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for path in sorted((CORPUS / "docs").glob("*.txt")):
            document = parse_document(path.read_bytes(), name=path.name)
            for f in extract_figures(document, vocabulary).figures:
                writer.writerow((path.name, f.year, f.country, f.group, f.metric, _number(f.value), _number(f.value_high), int(f.approx), f.evidence))
    result = subprocess.run(
        [sys.executable, str(SCORER), str(CORPUS / "gold.csv"), str(predicted), "--quiet"],
        capture_output=True, text=True, check=True,
    )
    scores = re.search(r"precision=([\d.]+) recall=([\d.]+)", result.stdout)
    assert scores, result.stdout
    precision, recall = float(scores.group(1)), float(scores.group(2))
    assert precision >= 0.95 and recall >= 0.90, result.stdout
