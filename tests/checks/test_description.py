from __future__ import annotations

import pytest
from crosscheck.factories import ArticleBuilder
from crosscheck.stories import story

from quotecheck.checks import run_checks
from quotecheck.crosscheck.normalize import (
    normalize_role,
    role_is_comparable,
    roles_compatible,
    roles_conflict,
)
from quotecheck.models import Article

WORDS = "Revenue will grow strongly next year"


def _said(
    source: str, prefix: str, name: str, words: str = WORDS, **attrs: str | tuple[str, str]
) -> Article:
    b = ArticleBuilder(source, f'{prefix} {name} said: "{words}."')
    b.quote(words, b.speaker(name, **attrs))  # type: ignore[arg-type]
    return b.build()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Foreign Minister", "Foreign Affairs Minister", True),
        ("Foreign Minister", "minister of foreign affairs", True),
        ("Defence Minister", "Minister of Defense", True),
        ("Minister", "Foreign Minister", True),
        ("CFO", "chief financial officer", True),
        ("CFO", "chief operating officer", False),
        ("Foreign Minister", "Defence Minister", False),
    ],
)
def test_roles(a: str, b: str, same: bool) -> None:
    assert roles_compatible(a, b) is same
    assert (normalize_role(a) == normalize_role(b)) is (same and a != "Minister")


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # abbreviations, case, state and party qualifiers
        ("Sen.", "Senator", False),
        ("Gov.", "governor", False),
        ("Florida Sen.", "Senator", False),
        ("Republican senator", "Sen.", False),
        ("Lt. Gov.", "lieutenant governor", False),
        ("Rep.", "congresswoman", False),
        ("Florida senator", "Ohio senator", True),
        ("Republican Sen.", "Democratic senator", True),
        # one office a kind of another
        ("spokesman", "Clinton press secretary", False),
        ("spokeswoman", "communications director", False),
        ("campaign manager", "spokesman", True),
        ("campaign manager", "deputy campaign manager", True),
        ("CFO", "chief operating officer", True),
        ("governor", "senator", True),
        ("vice president", "President", True),
        # roles of different kinds: one person holds both
        ("Senator", "Democratic presidential candidate", False),
        ("chief executive", "chairman", False),
        # no role, or not the current one: never compared
        ("to", "Sen.", False),
        ("Florida", "Senator", False),
        ("former governor", "senator", False),
        ("then-Sen.", "governor", False),
    ],
)
def test_role_conflicts(a: str, b: str, conflict: bool) -> None:
    assert roles_conflict(a, b) is conflict
    assert roles_conflict(b, a) is conflict


@pytest.mark.parametrize(
    ("role", "name", "comparable"),
    [
        ("Sen.", None, True),
        ("campaign manager", None, True),
        ("to", None, False),
        ("Florida", None, False),
        ("Conant", "Alex Conant", False),
        ("former spokesman", None, False),
    ],
)
def test_only_roles_are_compared(role: str, name: str | None, comparable: bool) -> None:
    assert role_is_comparable(role, name) is comparable


CONANT = "We are staying in this race until the last vote is counted"


def _conant(source: str, text: str, role: str | None) -> Article:
    b = ArticleBuilder(source, text)
    last = text.count("Conant") - 1
    speaker = b.speaker("Alex Conant", mention="Conant", occurrence=last)
    if role is not None:
        speaker = speaker.model_copy(update={"role": b.attr(role)})
    b.quote(CONANT, speaker)
    return b.build()


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # the false alarms: descriptions that agree once normalised
        (
            ("Sen. Alex Conant toured the plant.", None),
            ("Senator Alex Conant toured the plant.", None),
            [],
        ),
        (
            ("Florida Sen. Alex Conant toured the plant.", None),
            ("Senator Alex Conant toured the plant.", None),
            [],
        ),
        (
            ("Campaign spokesman Alex Conant spoke first.", None),
            ("Clinton press secretary Alex Conant spoke first.", None),
            [],
        ),
        (
            ("The memo went to Alex Conant on Monday.", "to"),
            ("Sen. Alex Conant spoke first.", None),
            [],
        ),
        (
            ("Sen. Alex Conant spoke first.", None),
            ("Republican presidential candidate Alex Conant spoke first.", None),
            [],
        ),
        # the real discrepancy: an appositive a sentence before the quote
        (
            ("His campaign manager, Alex Conant, said the senator would stay in.", None),
            ("The senator's spokesman Alex Conant said the same.", None),
            [("QC103", "warning")],
        ),
        (
            ("Florida Sen. Alex Conant spoke first.", None),
            ("Ohio Sen. Alex Conant spoke first.", None),
            [("QC103", "warning")],
        ),
    ],
)
def test_descriptions_across_articles(
    first: tuple[str, str | None], second: tuple[str, str | None], expected: list[tuple[str, str]]
) -> None:
    arts = [
        _conant(f"{n}.txt", f'{sentence}\n\n"{CONANT}," Conant said.', role)
        for n, (sentence, role) in (("a", first), ("b", second))
    ]
    found = [(f.code, f.severity) for f in run_checks(arts)]
    assert found == expected


def test_an_article_against_itself_is_no_conflict() -> None:
    """a.txt calls him both; b.txt agrees with one: no source contradicts another."""
    a = _conant(
        "a.txt",
        "His campaign manager, Alex Conant, spoke. Later spokesman Alex Conant spoke again."
        f'\n\n"{CONANT}," Conant said.',
        None,
    )
    b = _conant("b.txt", f'Spokesman Alex Conant spoke.\n\n"{CONANT}," Conant said.', None)
    assert run_checks([a, b]) == []


def test_story_fabius_nationality() -> None:
    [finding] = [f for f in run_checks(story()) if f.code == "QC103"]
    assert finding.severity == "error"
    assert finding.details["facet"] == "nationality"
    roles = {(e.source, e.text): e.role for e in finding.evidence}
    assert roles == {
        ("daily.txt", "Russian"): "outlier",
        ("wire.txt", "French"): "majority",
        ("site.txt", "French"): "majority",
    }


def test_role_conflict_is_a_warning() -> None:
    arts = [
        _said("a.txt", "Acme CFO", "Jane Doe", role="CFO"),
        _said("b.txt", "Acme chief operating officer", "Jane Doe", role="chief operating officer"),
    ]
    [finding] = run_checks(arts)
    assert (finding.code, finding.severity) == ("QC103", "warning")
    assert {e.role for e in finding.evidence} == {"disputed"}


def test_equivalent_roles_raise_nothing() -> None:
    arts = [
        _said("a.txt", "Foreign Minister", "Laurent Fabius", role="Foreign Minister"),
        _said(
            "b.txt", "Foreign Affairs Minister", "Laurent Fabius", role="Foreign Affairs Minister"
        ),
        _said(
            "c.txt",
            "minister of foreign affairs",
            "Laurent Fabius",
            role="minister of foreign affairs",
        ),
    ]
    assert run_checks(arts) == []


def test_organisation_conflict_is_a_warning() -> None:
    arts = [
        _said("a.txt", "Acme Corp's", "Jane Doe", organization="Acme Corp"),
        _said("b.txt", "Globex's", "Jane Doe", organization="Globex"),
    ]
    [finding] = run_checks(arts)
    assert finding.details["facet"] == "organization"
    assert finding.severity == "warning"


def test_two_people_sharing_a_surname_are_not_compared() -> None:
    arts = [
        _said("a.txt", "Cuban", "Fidel Castro", nationality=("Cuban", "Cuba")),
        _said(
            "b.txt",
            "Venezuelan",
            "Carlos Castro",
            "Oil output fell",
            nationality=("Venezuelan", "Venezuela"),
        ),
        _said(
            "c.txt",
            "The Cuban veteran",
            "Castro",
            "Oil output will rise",
            nationality=("Cuban", "Cuba"),
        ),
    ]
    assert run_checks(arts) == []
