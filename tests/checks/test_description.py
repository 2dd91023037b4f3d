from __future__ import annotations

import pytest
from crosscheck.factories import ArticleBuilder
from crosscheck.stories import story

from quotecheck.checks import run_checks
from quotecheck.crosscheck.normalize import normalize_role, roles_compatible
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
