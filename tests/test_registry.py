"""The sources registry: what it accepts, what it refuses and why."""
from pathlib import Path

import pytest

from flows.registry import RegistryError, Source, parse_sources, select_sources

GOOD = """
[[source]]
id = "pips-reports"
kind = "file"
url = "samples/pips/*.txt"
publisher = "PIPS"
trust = 1
country = "PAK"

[[source]]
id = "satp-web"
kind = "http"
url = "https://example.org/fatalities"
follow = "a.report"
publisher = "SATP"
trust = 2
enabled = false
"""


def test_parses_sources_with_defaults():
    pips, satp = parse_sources(GOOD, Path("/srv/data"))
    assert pips == Source(id="pips-reports", kind="file", url="samples/pips/*.txt", publisher="PIPS", trust=1,
                          country="PAK", base_dir=Path("/srv/data"))
    assert (satp.format, satp.follow, satp.enabled, satp.max_pages) == ("auto", "a.report", False, 5)


ENTRY = 'id = "a"\nkind = "file"\nurl = "x/*.txt"\npublisher = "P"\ntrust = 1\n'


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "no [[source]] entries"),
        ("[[source]\n", "not valid TOML"),
        ("[[source]]\n" + ENTRY.replace('id = "a"', 'id = "Bad_Id"'), "id must match"),
        ("[[source]]\n" + ENTRY.replace('"file"', '"ftp"'), "kind must be one of"),
        ("[[source]]\n" + ENTRY + 'format = "docx"\n', "format must be one of"),
        ("[[source]]\n" + ENTRY.replace("trust = 1", 'trust = "high"'), "trust must be an integer"),
        ("[[source]]\n" + ENTRY + 'country = "Pakistan"\n', "ISO3"),
        ("[[source]]\n" + ENTRY + 'colour = "red"\n', "unknown keys ['colour']"),
        ("[[source]]\n" + ENTRY.replace('publisher = "P"\n', ""), "missing 'publisher'"),
        ("[[source]]\n" + ENTRY.replace('"x/*.txt"', '"../../etc/*"'), "without '..'"),
        ("[[source]]\n" + ENTRY.replace('"x/*.txt"', '"/etc/passwd"'), "relative to the registry"),
        ("[[source]]\n" + ENTRY.replace('"file"', '"http"'), "needs an http(s) url"),
        ("[[source]]\n" + ENTRY + "[[source]]\n" + ENTRY, "duplicate source ids ['a']"),
    ],
)
def test_refuses_broken_entries_with_the_reason(text, message):
    with pytest.raises(RegistryError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        parse_sources(text, Path("."))


def test_select_sources_takes_enabled_by_default_and_any_named():
    sources = parse_sources(GOOD, Path("."))
    assert [s.id for s in select_sources(sources, None)] == ["pips-reports"]
    assert [s.id for s in select_sources(sources, ["satp-web"])] == ["satp-web"]
    with pytest.raises(RegistryError, match="unknown source ids"):
        select_sources(sources, ["nope"])
