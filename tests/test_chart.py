"""The snapshot's chart picks each country's best-covered metrics and draws a real PNG."""
import pandas as pd

from flows.chart import chart_metrics, render_chart


def frame():
    return pd.DataFrame({
        "year": [2018, 2019, 2018, 2019], "country": ["PAK", "PAK", "AFG", "AFG"], "group": ["all"] * 4,
        "attacks": [262, 229, None, None], "killed": [595, 357, None, None],
        "casualties_civilians": [None, None, 10993, 10392], "killed_civilians": [None, None, 3804, 3403],
        "incidents": [None] * 4, "injured": [None] * 4,
    })


def test_each_country_gets_the_metrics_its_reports_give():
    data = frame()
    assert chart_metrics(data[data["country"] == "PAK"]) == ["attacks", "killed"]
    assert chart_metrics(data[data["country"] == "AFG"]) == ["casualties_civilians", "killed_civilians"]


def test_the_chart_is_a_png_and_the_same_data_draws_the_same_bytes():
    first, second = render_chart(frame()), render_chart(frame())
    assert first.startswith(b"\x89PNG\r\n\x1a\n") and first == second
