from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quotecheck.crosscheck.people import Registry, load_registry, parse_date
from quotecheck.errors import ConfigError

from .factories import ArticleBuilder

DATA = Path(__file__).parent / "data"
NOV17 = dt.date(2015, 11, 17)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(DATA / "registry.yaml")


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2012-05-16", False, dt.date(2012, 5, 16)),
        ("2012", False, dt.date(2012, 1, 1)),
        (2012, True, dt.date(2012, 12, 31)),
        ("2016-02", True, dt.date(2016, 2, 29)),
        ("+2012-05-16", False, dt.date(2012, 5, 16)),
        (dt.date(2001, 1, 2), False, dt.date(2001, 1, 2)),
        (None, False, None),
    ],
)
def test_parse_date(value: object, end: bool, expected: dt.date | None) -> None:
    assert parse_date(value, end=end) == expected


def test_load_yaml_and_json(registry: Registry) -> None:
    fabius = registry.lookup("Laurent Fabius")
    assert fabius is not None and fabius.citizenship == ("France",)
    assert fabius.roles[0].start == dt.date(2012, 5, 16)
    assert fabius.roles[1].end == dt.date(1986, 12, 31)
    assert fabius.line == 3
    assert load_registry(DATA / "registry.json").lookup("Fabius") is not None


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Laurent Fabius", "Laurent Fabius"),
        ("French Foreign Minister Laurent Fabius", "Laurent Fabius"),
        ("Mr Fabius", "Laurent Fabius"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Vladimir Putin", None),
    ],
)
def test_lookup(registry: Registry, name: str, found: str | None) -> None:
    person = registry.lookup(name)
    assert (person.name if person else None) == found


def _speaker(prefix: str, **attrs: str | tuple[str, str]) -> tuple[ArticleBuilder, object]:
    b = ArticleBuilder("a.txt", f'{prefix} Laurent Fabius said: "We will act."', date=NOV17)
    return b, b.speaker("Laurent Fabius", **attrs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("prefix", "attrs", "date", "facets"),
    [
        (
            "French Foreign Minister",
            {"role": "Foreign Minister", "nationality": ("French", "France")},
            NOV17,
            [],
        ),
        (
            "Russian Foreign Affairs Minister",
            {"role": "Foreign Affairs Minister", "nationality": ("Russian", "Russia")},
            NOV17,
            ["nationality"],
        ),
        ("Prime Minister", {"role": "Prime Minister"}, NOV17, ["role"]),
        ("Prime Minister", {"role": "Prime Minister"}, dt.date(1985, 3, 1), []),
        ("Prime Minister", {"role": "Prime Minister"}, None, []),
        ("Foreign Minister", {"role": "Foreign Minister"}, dt.date(1985, 3, 1), ["role"]),
        ("Defence Minister", {"role": "Defence Minister"}, NOV17, ["role"]),
    ],
)
def test_check(
    registry: Registry, prefix: str, attrs: dict, date: dt.date | None, facets: list[str]
) -> None:
    _, speaker = _speaker(prefix, **attrs)
    problems = registry.check(speaker, date)  # type: ignore[arg-type]
    assert [p.facet for p in problems] == facets


def test_registry_evidence_is_the_entry_in_the_file(registry: Registry) -> None:
    person = registry.lookup("Laurent Fabius")
    assert person is not None
    ev = registry.evidence(person)
    text = (DATA / "registry.yaml").read_text(encoding="utf-8")
    assert ev.role == "registry" and ev.text == text[ev.start : ev.end]
    assert ev.text.startswith("name: Laurent Fabius")


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        (
            "people:\n  - name: X\n    roles:\n      - role: Mayor\n        start: May 2012\n",
            ".yaml",
            "people[0].roles[0].start (line 4)",
        ),
        ("people:\n  - aliases: [X]\n", ".yaml", "people[0].name (line 2)"),
        (
            "people:\n  - name: X\n    citizenhip: [France]\n",
            ".yaml",
            "people[0].citizenhip (line 2): unknown field",
        ),
        ("people: [\n", ".yaml", "line 2: invalid YAML"),
        ("[]", ".yaml", "'people' list"),
        (
            '{"people": [{"name": "X", "roles": [{"org": 1}]}]}',
            ".json",
            "people[0].roles[0].role (line 1)",
        ),
        ('{"people": [}', ".json", "line 1: invalid JSON"),
    ],
)
def test_errors_name_file_field_and_line(
    tmp_path: Path, content: str, suffix: str, message: str
) -> None:
    path = tmp_path / f"reg{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_registry(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_registry(tmp_path / "nope.yaml")
