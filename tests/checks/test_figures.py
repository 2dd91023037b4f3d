from __future__ import annotations

import datetime as dt
import math

import pytest
from crosscheck.factories import ArticleBuilder
from crosscheck.stories import story

from quotecheck.checks import run_checks
from quotecheck.checks.figures import compatible, interval
from quotecheck.models import Article, Figure, Span

DAY = dt.date(2015, 11, 17)


def fig(
    value: float, hedge: str | None = None, low: float | None = None, high: float | None = None
) -> Figure:
    return Figure(
        span=Span(start=0, end=1, text=str(value)), low=low, high=high, value=value, hedge=hedge
    )


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (fig(129, "at least"), (129, math.inf)),
        (fig(500, "about"), (450, 550)),
        (fig(1000, "more than"), (1000, math.inf)),
        (fig(40, "up to"), (-math.inf, 40)),
        (fig(7), (7, 7)),
        (fig(10, low=10, high=20), (10, 20)),
    ],
)
def test_interval(f: Figure, expected: tuple[float, float]) -> None:
    assert interval(f) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (fig(120), fig(129, "at least"), False),
        (fig(130), fig(129, "at least"), True),
        (fig(1200), fig(1000, "more than"), True),
        (fig(500), fig(500, "about"), True),
        (fig(300), fig(500, "about"), False),
    ],
)
def test_compatible(a: Figure, b: Figure, ok: bool) -> None:
    assert compatible(a, b) is ok and compatible(b, a) is ok


def _toll(source: str, written: str, value: float, *, date: dt.date = DAY, **kw: object) -> Article:
    b = ArticleBuilder(source, f"The attacks in Paris killed {written} people.", date=date)
    b.figure(written, value, measure="people", verb="kill", place="Paris", **kw)  # type: ignore[arg-type]
    return b.build()


def test_incompatible_toll_is_an_error() -> None:
    arts = [
        _toll("a.txt", "at least 129", 129, low=129, hedge="at least"),
        _toll("b.txt", "120", 120),
    ]
    [finding] = run_checks(arts)
    assert (finding.code, finding.kind, finding.severity) == ("QC104", "number-conflict", "error")
    assert {e.text for e in finding.evidence} == {"at least 129", "120"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("at least 129", 129, {"low": 129, "hedge": "at least"}), ("130", 130, {})),
        (("more than 1,000", 1000, {"low": 1000, "hedge": "more than"}), ("1,200", 1200, {})),
    ],
)
def test_compatible_but_different_is_info(a: tuple, b: tuple) -> None:
    arts = [_toll("a.txt", a[0], a[1], **a[2]), _toll("b.txt", b[0], b[1], **b[2])]
    [finding] = run_checks(arts)
    assert finding.severity == "info"


def test_equal_figures_raise_nothing() -> None:
    assert run_checks([_toll("a.txt", "129", 129), _toll("b.txt", "129", 129)]) == []


def test_different_verbs_are_different_measures() -> None:
    b = ArticleBuilder("b.txt", "The attacks in Paris injured 352 people.", date=DAY)
    b.figure("352", 352, measure="people", verb="injure", place="Paris")
    assert run_checks([_toll("a.txt", "129", 129), b.build()]) == []


def test_articles_weeks_apart_are_different_events() -> None:
    arts = [_toll("a.txt", "129", 129), _toll("b.txt", "12", 12, date=dt.date(2015, 1, 8))]
    assert run_checks(arts) == []


def test_story_strikes_from_other_days_and_other_measures_raise_nothing() -> None:
    findings = [f for f in run_checks(story()) if f.code == "QC104"]
    assert len(findings) == 1
    texts = {e.text for e in findings[0].evidence}
    assert texts == {"at least 129", "129", "120"}
    roles = {e.text: e.role for e in findings[0].evidence}
    assert roles["120"] == "outlier" and roles["129"] == "majority"
