"""QC104 number-conflict: incompatible figures for the same measure and event.

What counts as the same measure and event, and whether two intervals overlap, is
decided by :mod:`quotecheck.extract.figures` (``same_measure``, ``compatible``,
``measure_key``); this check adds only what needs two articles: their publication
dates (figures from articles more than a week apart are different events unless they
carry the same absolute date) and a fallback interval for a figure whose extractor
left both bounds open.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from quotecheck.checks._rule import Rule
from quotecheck.crosscheck.story import Story, majority
from quotecheck.extract import figures as extracted
from quotecheck.models import Article, Figure, Finding

__all__ = ["RULE", "check", "compatible", "interval", "same_event", "same_measure"]

_APPROX = frozenset(
    {
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "close to",
        "an estimated",
        "estimated",
    }
)
_AT_LEAST = frozenset(
    {
        "at least",
        "more than",
        "over",
        "above",
        "upwards of",
        "in excess of",
        "no fewer than",
        "no less than",
    }
)
_AT_MOST = frozenset(
    {"up to", "at most", "less than", "fewer than", "under", "below", "no more than"}
)
_WEEKDAYS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "this morning",
        "last night",
    }
)
_EVENT_WINDOW = dt.timedelta(days=7)


def interval(fig: Figure) -> tuple[float, float]:
    """The figure as a closed interval; an unbounded side is ``±inf``.

    Uses ``low``/``high`` when extraction set either; otherwise derives them from
    the hedge (``about`` +-10 %, ``at least`` / ``more than`` open above, ``up to``
    open below, none: the exact value).
    """
    if fig.low is not None or fig.high is not None:
        low = fig.low if fig.low is not None else -math.inf
        high = fig.high if fig.high is not None else math.inf
        return low, high
    hedge = (fig.hedge or "").lower()
    v = fig.value
    if hedge in _APPROX:
        return v * 0.9, v * 1.1
    if hedge in _AT_LEAST:
        return v, math.inf
    if hedge in _AT_MOST:
        return -math.inf, v
    return v, v


def _bounded(fig: Figure) -> Figure:
    if fig.low is None and fig.high is None:
        low, high = interval(fig)
        return fig.model_copy(
            update={
                "low": None if low == -math.inf else low,
                "high": None if high == math.inf else high,
            }
        )
    return fig


def compatible(a: Figure, b: Figure) -> bool:
    """Whether two figures can both be true (delegates to ``extract.figures.compatible``)."""
    return extracted.compatible(_bounded(a), _bounded(b))


def same_measure(a: Figure, b: Figure) -> bool:
    """Same thing counted in the same event (``extract.figures.same_measure``)."""
    return extracted.same_measure(a, b)


def _date_phrase(fig: Figure) -> str | None:
    return " ".join(fig.date.lower().replace(".", "").split()) if fig.date else None


def same_event(a: Figure, art_a: Article, b: Figure, art_b: Article) -> bool:
    """Whether two figures' articles allow one event: published within a week of each
    other (when both dates are known), or the figures carry the same absolute date."""
    if art_a.date and art_b.date and abs(art_a.date - art_b.date) > _EVENT_WINDOW:
        da, db = _date_phrase(a), _date_phrase(b)
        return bool(da and db and da == db and da not in _WEEKDAYS)
    return True


@dataclass(frozen=True)
class _Item:
    article: int
    source: str
    figure: Figure


def _describe(fig: Figure) -> str:
    return fig.span.text


_DURATIONS = frozenset(
    [
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "fortnight",
        "month",
        "year",
        "decade",
        "century",
        "generation",
    ]
)
"""Spans of time ("three decades", "two years") describe a context, not a disputed count."""


def check(story: Story) -> Iterator[Finding]:
    """Incompatible figures for one measure and event in different sources.

    Figures are compared only across articles of one story (articles that quote the
    same person or carry aligned quotes), for the same measure and event verb
    (``killed`` ... ``people``), unit, place and date. Intervals come from the hedge:
    "at least 129" is [129, inf), "about 500" is [450, 550]. ``error`` when the
    intervals of two sources do not overlap ("killed 120" / "killed at least 129");
    ``info`` when they overlap but differ ("at least 129" / "130"). Figures about
    different dates or events (26 strikes in October / 34 on Tuesday in November)
    and different measures in one sentence (127 sorties / 206 targets) raise nothing.
    """
    clusters = story.article_clusters
    stories = sorted({c for c in clusters if c is not None}) or [0]
    buckets: dict[tuple[int, str, str], list[_Item]] = defaultdict(list)
    for a, article in enumerate(story.articles):
        # an article with nothing tying it to one story is compared within each story
        own = clusters[a]
        for c in stories if own is None else [own]:
            for fig in article.figures:
                head = extracted.measure_key(fig.measure)
                if head is not None and head not in _DURATIONS:
                    buckets[(c, head, fig.unit or "")].append(_Item(a, story.source_of[a], fig))
    seen: set[str] = set()
    for (_, head, unit), items in sorted(buckets.items()):
        if len({i.source for i in items}) < 2:
            continue
        for finding in _bucket(story, head, unit, items):
            if finding.fingerprint not in seen:
                seen.add(finding.fingerprint)
                yield finding


def _related(story: Story, x: _Item, y: _Item) -> bool:
    return (
        x.source != y.source
        and same_measure(x.figure, y.figure)
        and same_event(x.figure, story.articles[x.article], y.figure, story.articles[y.article])
    )


def _definite(fig: Figure) -> bool:
    """Bounded on both sides ("129", "about 500"), unlike "at least 129" or "more than 1,000"."""
    low, high = _bounds(fig)
    return low is not None and high is not None


def _bounds(fig: Figure) -> tuple[float | None, float | None]:
    b = _bounded(fig)
    return b.low, b.high


@dataclass(frozen=True)
class _Bounds:
    """Just the bounds of a figure: all that ``extract.figures.compatible`` reads."""

    low: float | None
    high: float | None
    unit: str | None = None
    measure: str | None = None
    verb: str | None = None
    place: str | None = None
    date: str | None = None


def _support(group: list[_Item]) -> list[int]:
    """For each item, the number of distinct sources whose figure is compatible with it."""
    sources: dict[tuple[float | None, float | None], set[str]] = defaultdict(set)
    keys = []
    for item in group:
        key = _bounds(item.figure)
        keys.append(key)
        sources[key].add(item.source)
    bounds = {key: _Bounds(*key) for key in sources}
    per_key = {
        key: len(
            set().union(
                *(
                    sources[other]
                    for other in sources
                    if extracted.compatible(bounds[key], bounds[other])
                )
            )
        )
        for key in sources
    }
    return [per_key[k] for k in keys]


def _bucket(story: Story, head: str, unit: str, items: list[_Item]) -> Iterator[Finding]:
    done: set[int] = set()
    for i, item in enumerate(items):
        if i in done:
            continue
        group = [i] + [
            j
            for j in range(len(items))
            if j != i and j not in done and _related(story, item, items[j])
        ]
        if len({items[k].source for k in group}) < 2:
            continue
        done.update(group)
        # support: how many sources each figure is compatible with. Compatibility depends
        # only on a figure's bounds, so it is computed once per distinct pair of bounds
        # (a handful per group) instead of once per pair of figures.
        support = dict(zip(group, _support([items[k] for k in group]), strict=True))
        # the anchor is the best-supported *definite* figure: a vague one ("more than
        # 1,000") agrees with everything and would hide a real clash (1,200 vs 1,500)
        anchor = max(group, key=lambda k: (_definite(items[k].figure), support[k], -k))
        agree = [k for k in group if compatible(items[anchor].figure, items[k].figure)]
        clash = [k for k in group if k not in agree]
        values = sorted({items[k].figure.span.text for k in group})
        if not clash and len({interval(items[k].figure) for k in group}) < 2:
            continue
        fig = items[anchor].figure
        what = f"{fig.measure} ({fig.verb})" if fig.verb else str(fig.measure)
        agree_sources = sorted({items[k].source for k in agree})
        clash_sources = sorted({items[k].source for k in clash})
        strict = (
            majority(sorted([len(agree_sources), len(clash_sources)], reverse=True))
            if clash
            else True
        )
        if clash:
            roles = (
                ("majority", "outlier")
                if strict and len(agree_sources) > len(clash_sources)
                else ("disputed", "disputed")
            )
            message = (
                f"Conflicting figures for {what}: "
                f"{', '.join(sorted({_describe(items[k].figure) for k in clash}))} in {', '.join(clash_sources)} "
                f"against {', '.join(sorted({_describe(items[k].figure) for k in agree}))} in {', '.join(agree_sources)}."
            )
            severity = "error"
        else:
            roles = ("agreeing", "agreeing")
            message = f"Compatible but different figures for {what}: {'; '.join(values)}."
            severity = "info"
        evidence = [
            Story.span_evidence(
                story.articles[items[k].article].source, items[k].figure.span, roles[0]
            )
            for k in agree
        ]
        evidence += [
            Story.span_evidence(
                story.articles[items[k].article].source, items[k].figure.span, roles[1]
            )
            for k in clash
        ]
        yield RULE.finding(
            message=message,
            evidence=evidence,
            severity="error" if severity == "error" else "info",
            key="|".join(
                [
                    head,
                    unit,
                    str(fig.measure),
                    *sorted({str(interval(items[k].figure)) for k in group}),
                ]
            ),
            details={
                "measure": fig.measure,
                "verb": fig.verb,
                "figures": sorted(f"{items[k].source}: {items[k].figure.span.text}" for k in group),
                "agreeing": agree_sources,
                "outliers": clash_sources,
            },
        )


RULE = Rule(
    code="QC104",
    kind="number-conflict",
    severity="error",
    summary="Incompatible figures for the same measure and event.",
    run=check,
)
