from __future__ import annotations

import datetime as dt
import math

import pytest
from crosscheck.factories import ArticleBuilder
from crosscheck.stories import story
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.checks import run_checks
from quotecheck.checks.qc104_numbers import (
    _Item,
    _Related,
    _support,
    compatible,
    interval,
    same_event,
    same_measure,
)
from quotecheck.crosscheck.story import Story
from quotecheck.extract import quantities
from quotecheck.extract.figures import find_figures
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
        # "nearly 100" is a bit under 100, never over it
        (fig(100, "nearly"), (90, 100)),
        (fig(100, "almost"), (90, 100)),
        (fig(100, "close to"), (90, 100)),
        # "up to 40" counts between none and 40: never below zero
        (fig(40, "up to"), (0, 40)),
        (fig(40, "as many as"), (0, 40)),
        (fig(40, "under"), (0, 40)),
        (fig(40, "Fewer Than"), (0, 40)),
        (fig(500, "or so"), (450, 550)),
        (fig(500, "-odd"), (450, 550)),
        (fig(200, "hundreds of"), (200, math.inf)),
        (fig(7, "reportedly"), (7, 7)),
        (fig(7), (7, 7)),
        (fig(10, low=10, high=20), (10, 20)),
    ],
)
def test_interval(f: Figure, expected: tuple[float, float]) -> None:
    assert interval(f) == pytest.approx(expected)


def _hedge_phrases(name: str) -> list[str]:
    return sorted(" ".join(k) for k, v in quantities.phrases(name, ()).items() if v != "several")


@pytest.mark.parametrize("phrase", _hedge_phrases("figures_hedges.txt"))
def test_check_reads_a_hedge_before_as_extraction_does(phrase: str) -> None:
    """One table: a figure given without bounds gets the interval extraction reads."""
    [draft] = find_figures(f"Officials counted {phrase} 100 protesters.")
    assert draft.hedge == quantities.canonical_hedge(phrase)
    assert interval(fig(100, phrase)) == pytest.approx(_closed(draft.low, draft.high))


@pytest.mark.parametrize("phrase", _hedge_phrases("figures_hedges_after.txt"))
def test_check_reads_a_hedge_after_as_extraction_does(phrase: str) -> None:
    glued = phrase.startswith("-")
    [draft] = find_figures(f"Officials counted 100{'' if glued else ' '}{phrase} protesters.")
    assert interval(fig(100, phrase)) == pytest.approx(_closed(draft.low, draft.high))


def _closed(low: float | None, high: float | None) -> tuple[float, float]:
    return (-math.inf if low is None else low, math.inf if high is None else high)


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


# -- scaling: the indexes must give what comparing all pairs gives ----------------------

_BOUND = st.one_of(st.none(), st.sampled_from([0.0, 1.0, 2.0, 2.5, 3.0, 10.0, -4.0]))


def _reference_support(items: list[_Item]) -> list[int]:
    """Compare every pair of figures."""
    return [len({y.source for y in items if compatible(x.figure, y.figure)}) for x in items]


@given(
    st.lists(
        st.tuples(_BOUND, _BOUND, st.sampled_from("abcde")).filter(
            lambda t: t[0] is None or t[1] is None or t[0] <= t[1]
        ),
        min_size=1,
        max_size=30,
    )
)
@settings(max_examples=300, deadline=None)
def test_support_counts_sources_as_comparing_all_pairs(
    drawn: list[tuple[float | None, float | None, str]],
) -> None:
    items = [
        _Item(k, source, fig(low if low is not None else high or 0.0, low=low, high=high))
        for k, (low, high, source) in enumerate(drawn)
    ]
    assert _support(items) == _reference_support(items)


@pytest.mark.parametrize(
    "bounds",
    [
        [(1.0, 1.0), (1.0 + 1e-12, None), (2.0, 2.0)],  # within compatible's slack
        [(3.0, 1.0), (2.0, 2.0)],  # inverted bounds
        [(math.nan, 1.0), (0.5, 0.5)],
    ],
)
def test_support_of_touching_or_odd_bounds_compares_pairs(
    bounds: list[tuple[float | None, float | None]],
) -> None:
    items = [
        _Item(k, "abc"[k], fig(1.0, low=low, high=high)) for k, (low, high) in enumerate(bounds)
    ]
    assert _support(items) == _reference_support(items)


def _naive_groups(story: Story, items: list[_Item]) -> list[list[int]]:
    """The grouping of ``_bucket``, comparing all pairs."""
    done: set[int] = set()
    groups = []
    for i, x in enumerate(items):
        if i in done:
            continue
        group = [i] + [
            j
            for j, y in enumerate(items)
            if j != i
            and j not in done
            and x.source != y.source
            and same_measure(x.figure, y.figure)
            and same_event(x.figure, story.articles[x.article], y.figure, story.articles[y.article])
        ]
        if len({items[k].source for k in group}) >= 2:
            done.update(group)
            groups.append(group)
    return groups


_EVENT = st.tuples(
    st.sampled_from(["kill", "die", "injure", None]),
    st.sampled_from(["Paris", "paris", "Lyon", "", None]),
    st.sampled_from(["Tuesday", "November 17", "October", None]),
)


@given(
    st.lists(
        st.tuples(_EVENT, st.integers(0, 5), st.sampled_from([0, 3, 30, None])),
        min_size=1,
        max_size=25,
    )
)
@settings(max_examples=200, deadline=None)
def test_related_figures_are_found_as_comparing_all_pairs(
    drawn: list[tuple[tuple[str | None, str | None, str | None], int, int | None]],
) -> None:
    articles = []
    items = []
    for k, ((verb, place, date), article, days) in enumerate(drawn):
        b = ArticleBuilder(
            f"{article}.txt", "x", date=None if days is None else DAY + dt.timedelta(days)
        )
        articles.append(b.build())
        f = Figure(
            span=Span(start=0, end=1, text="x"),
            low=None,
            high=None,
            value=float(k),
            measure="people",
            verb=verb,
            place=place,
            date=date,
        )
        items.append(_Item(k, f"{article}.txt", f))
    story = Story(articles)
    related = _Related(story, items)
    groups = []
    done: set[int] = set()
    for i in range(len(items)):
        if i in done:
            continue
        group = [i, *related.of(i)]
        if len({items[k].source for k in group}) >= 2:
            done.update(group)
            related.remove(group)
            groups.append(group)
    assert groups == _naive_groups(story, items)
