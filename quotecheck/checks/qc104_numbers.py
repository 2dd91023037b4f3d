"""QC104 number-conflict: incompatible figures for the same measure and event.

What counts as the same measure and event, and whether two intervals overlap, is
decided by :mod:`quotecheck.crosscheck.measures` (``same_measure``, ``compatible``,
``measure_key``); this check adds only what needs two articles: their publication
dates (figures from articles more than a week apart are different events unless they
carry the same absolute date) and a fallback interval for a figure whose extractor
left both bounds open.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

from quotecheck.checks.rule import Rule, listed
from quotecheck.crosscheck import measures
from quotecheck.crosscheck.measures import Match, Reading, match
from quotecheck.crosscheck.story import Story, majority
from quotecheck.extract.figures import (
    FigureContext,
    article_words,
    figure_context,
    names_in,
)
from quotecheck.extract.quantities import hedge_interval, quantity_lexicon
from quotecheck.models import Article, Figure, Finding

__all__ = ["RULE", "check", "compatible", "interval", "same_event", "same_measure"]

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

    Uses ``low``/``high`` when extraction set either; otherwise the interval of its
    hedge as the extractor reads it (:func:`quotecheck.extract.quantities.hedge_interval`,
    one table, figures_hedges.txt): ``about 500`` is [450, 550], ``nearly 100`` [90,
    100], ``up to 40`` [0, 40], ``at least 129`` [129, inf), no hedge the exact value.
    """
    if fig.low is not None or fig.high is not None:
        low = fig.low if fig.low is not None else -math.inf
        high = fig.high if fig.high is not None else math.inf
        return low, high
    low_, high_ = hedge_interval(fig.value, fig.hedge)
    return (-math.inf if low_ is None else low_, math.inf if high_ is None else high_)


def compatible(a: Figure, b: Figure) -> bool:
    """Whether two figures can both be true (delegates to ``crosscheck.measures.compatible``,
    with a hedge's bounds filled in where extraction left both open)."""
    return measures.compatible(_Bounds(*_bounds(a)), _Bounds(*_bounds(b)))


def same_measure(a: Figure, b: Figure) -> bool:
    """Same thing counted in the same event (``crosscheck.measures.same_measure``)."""
    return measures.same_measure(a, b)


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


def check(story: Story) -> Iterator[Finding]:
    """Figures from different sources that count one thing of one holder at one time,
    with intervals that cannot both be true.

    Intervals come from the hedge ("at least 129" is [129, inf), "about 500" is
    [450, 550], "nearly 100" is [90, 100]). Two figures are compared only for the same
    counted thing and event (``crosscheck.measures``), the same holder (owner, frame,
    speaker: a figure inside a direct or partial quote is its speaker's claim, one in
    reported speech the writer's account) and no sign of another time
    or scope (a part, a window, an increment, a combined share, a running tally);
    figures about different dates or events (26 strikes in October / 34 on Tuesday in
    November) raise nothing. Severity follows the evidence: ``error`` needs the holder,
    the event and the time ("killed 120" / "killed at least 129" in Paris on Friday);
    ``warning`` a holder with the event or the time; ``info`` anything weaker, and
    compatible but different figures ("at least 129" / "130"). The message says what is
    missing.
    """
    clusters = story.article_clusters
    stories = sorted({c for c in clusters if c is not None}) or [0]
    buckets: dict[tuple[int, str, str], list[_Item]] = defaultdict(list)
    heads: dict[str | None, str | None] = {}
    durations = quantity_lexicon().durations
    for a, article in enumerate(story.articles):
        # an article with nothing tying it to one story is compared within each story
        own = clusters[a]
        for c in stories if own is None else [own]:
            for fig in article.figures:
                if fig.measure not in heads:
                    heads[fig.measure] = measures.measure_key(fig.measure)
                head = heads[fig.measure]
                # a span of time is compared only as the length of a named event
                if head is not None and (head not in durations or fig.verb):
                    buckets[(c, head, fig.unit or "")].append(_Item(a, story.source_of[a], fig))
    seen: set[str] = set()
    for (_, head, unit), items in sorted(buckets.items()):
        if len({i.source for i in items}) < 2:
            continue
        for finding in _bucket(story, head, unit, items):
            if finding.fingerprint not in seen:
                seen.add(finding.fingerprint)
                yield finding


_Event = tuple[str | None, str | None, str | None, str | None, str | None, dt.date | None]
"""What decides whether two figures are one measure in one event: the fields
``same_measure`` reads (all of ``crosscheck.measures.FigureLike`` but the bounds) and the
article's date, which ``same_event`` reads."""


def _event(story: Story, item: _Item) -> _Event:
    fig = item.figure
    return (fig.measure, fig.unit, fig.verb, fig.place, fig.date, story.articles[item.article].date)


def _place(event: _Event) -> str | None:
    place = event[3]
    return place.casefold() if place else None


class _Related:
    """The items of one bucket related to an item: another source, the same measure
    and the same event (``same_measure`` and ``same_event``).

    Items are indexed by event (:data:`_Event`): whether two events match is decided
    once per pair of events, and only for events whose places can agree (one has no
    place, or they are equal ignoring case, as ``same_measure`` requires), so a bucket
    holding many stories' figures is not compared pair by pair. Items taken into a
    group are dropped from the index.
    """

    def __init__(self, story: Story, items: list[_Item]) -> None:
        self.story = story
        self.items = items
        self.members: dict[_Event, set[int]] = defaultdict(set)
        self.first: dict[_Event, _Item] = {}
        self.by_place: dict[str | None, list[_Event]] = defaultdict(list)
        self.event_of: list[_Event] = []
        for k, item in enumerate(items):
            event = _event(story, item)
            if event not in self.first:
                self.first[event] = item
                self.by_place[_place(event)].append(event)
            self.members[event].add(k)
            self.event_of.append(event)
        self._matching: dict[_Event, list[_Event]] = {}

    def _matches(self, event: _Event) -> list[_Event]:
        """The events whose figures are the same measure and event as ``event``'s."""
        found = self._matching.get(event)
        if found is None:
            place = _place(event)
            if place is None:
                candidates = [e for events in self.by_place.values() for e in events]
            else:
                candidates = self.by_place[place] + self.by_place.get(None, [])
            x = self.first[event]
            art_x = self.story.articles[x.article]
            found = self._matching[event] = [
                e
                for e in candidates
                if same_measure(x.figure, (y := self.first[e]).figure)
                and same_event(x.figure, art_x, y.figure, self.story.articles[y.article])
            ]
        return found

    def of(self, i: int) -> list[int]:
        """The items still in the index related to item ``i``, in bucket order."""
        source = self.items[i].source
        return sorted(
            j
            for event in self._matches(self.event_of[i])
            for j in self.members[event]
            if j != i and self.items[j].source != source
        )

    def remove(self, group: list[int]) -> None:
        for k in group:
            self.members[self.event_of[k]].discard(k)


def _definite(fig: Figure) -> bool:
    """Bounded on both sides ("129", "about 500"), unlike "at least 129" or "more than 1,000"."""
    low, high = _bounds(fig)
    return low is not None and high is not None


def _bounds(fig: Figure) -> tuple[float | None, float | None]:
    """``low`` and ``high``, or when extraction set neither those of :func:`interval`
    (``None`` for an open side)."""
    if fig.low is not None or fig.high is not None:
        return fig.low, fig.high
    low, high = interval(fig)
    return (None if low == -math.inf else low, None if high == math.inf else high)


@dataclass(frozen=True)
class _Bounds:
    """Just the bounds of a figure: all that ``crosscheck.measures.compatible`` reads."""

    low: float | None
    high: float | None
    unit: str | None = None
    measure: str | None = None
    verb: str | None = None
    place: str | None = None
    date: str | None = None


_Key = tuple[float | None, float | None]

_NEAR = 1e-8
"""``crosscheck.measures.compatible`` lets intervals that miss each other by a relative
1e-9 (floating-point error) overlap; bounds this close take the pairwise path."""


def _support(group: list[_Item]) -> list[int]:
    """For each item, the number of distinct sources whose figure is compatible with it."""
    sources: dict[_Key, set[str]] = defaultdict(set)
    keys = []
    for item in group:
        key = _bounds(item.figure)
        keys.append(key)
        sources[key].add(item.source)
    per_key = _support_by_overlap(sources)
    if per_key is None:
        bounds = {key: _Bounds(*key) for key in sources}
        per_key = {
            key: len(
                set().union(
                    *(
                        sources[other]
                        for other in sources
                        if measures.compatible(bounds[key], bounds[other])
                    )
                )
            )
            for key in sources
        }
    return [per_key[k] for k in keys]


def _support_by_overlap(sources: dict[_Key, set[str]]) -> dict[_Key, int] | None:
    """:func:`_support` per distinct bounds without comparing all pairs of bounds, or
    ``None`` when ``compatible`` is more than plain interval overlap for these bounds
    (bounds within its floating-point slack of each other, an inverted or NaN bound).

    Compatible means overlapping closed intervals. Each source's intervals are merged
    into disjoint runs; an interval ``[a, b]`` meets the runs of one source that lie
    between its ends, consecutively, so the sources it meets are the runs it meets
    (``lo <= b`` and ``hi >= a``, counted by bisection) less the gaps between two runs
    of one source that it spans (``gap start >= a`` and ``gap end <= b``, counted with
    a Fenwick tree, queries by descending ``a``).
    """
    spans = {key: _span(key) for key in sources}
    los = sorted({lo for lo, _ in spans.values()})
    for lo, hi in spans.values():
        if math.isnan(lo) or math.isnan(hi) or lo > hi:
            return None
        nxt = bisect.bisect_right(los, hi)
        if (
            nxt < len(los)
            and math.isfinite(hi)
            and los[nxt] - hi <= _NEAR * max(abs(los[nxt]), abs(hi))
        ):
            return None
    by_source: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for key, names in sources.items():
        for name in names:
            by_source[name].append(spans[key])
    run_los: list[float] = []
    run_his: list[float] = []
    gaps: list[tuple[float, float]] = []
    for intervals in by_source.values():
        intervals.sort()
        runs = [list(intervals[0])]
        for lo, hi in intervals[1:]:
            if lo <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], hi)
            else:
                runs.append([lo, hi])
        run_los += [lo for lo, _ in runs]
        run_his += [hi for _, hi in runs]
        gaps += [(left[1], right[0]) for left, right in itertools.pairwise(runs)]
    run_los.sort()
    run_his.sort()
    ends = sorted({end for _, end in gaps})
    tree = [0] * (len(ends) + 1)
    gaps.sort(reverse=True)
    out: dict[_Key, int] = {}
    g = 0
    for key in sorted(spans, key=lambda k: spans[k][0], reverse=True):
        a, b = spans[key]
        while g < len(gaps) and gaps[g][0] >= a:
            i = bisect.bisect_left(ends, gaps[g][1]) + 1
            while i < len(tree):
                tree[i] += 1
                i += i & -i
            g += 1
        spanned = 0
        i = bisect.bisect_right(ends, b)
        while i > 0:
            spanned += tree[i]
            i -= i & -i
        met = bisect.bisect_right(run_los, b) - bisect.bisect_left(run_his, a)
        out[key] = met - spanned
    return out


def _span(key: _Key) -> tuple[float, float]:
    lo, hi = key
    return (-math.inf if lo is None else lo, math.inf if hi is None else hi)


def _bucket(story: Story, head: str, unit: str, items: list[_Item]) -> Iterator[Finding]:
    related = _Related(story, items)
    readings = _Readings(story, items)
    done: set[int] = set()
    for i in range(len(items)):
        if i in done:
            continue
        group = [i, *(j for j in related.of(i) if readings.comparable(i, j))]
        if len({items[k].source for k in group}) < 2:
            continue
        done.update(group)
        related.remove(group)
        # support: how many sources each figure is compatible with. Compatibility depends
        # only on a figure's bounds, so it is worked out per distinct bounds, not per figure.
        support = dict(zip(group, _support([items[k] for k in group]), strict=True))
        # the anchor is the best-supported *definite* figure: a vague one ("more than
        # 1,000") agrees with everything and would hide a real clash (1,200 vs 1,500)
        anchor = max(group, key=lambda k: (_definite(items[k].figure), support[k], -k))
        agree = [k for k in group if compatible(items[anchor].figure, items[k].figure)]
        agreeing = set(agree)
        clash = [k for k in group if k not in agreeing]
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
            found = readings.best(clash, agree)
            if not found.holder:
                continue  # nothing ties the figures to one holder: they are not compared
            severity = found.level
            clashing = listed(sorted({_describe(items[k].figure) for k in clash}))
            agreeing_ = listed(sorted({_describe(items[k].figure) for k in agree}))
            message = (
                f"{_OPENING[severity]} {what}: {clashing} in {listed(clash_sources)} "
                f"against {agreeing_} in {listed(agree_sources)}."
            )
            if severity != "error" and found.why:
                message += f" Not an error: {'; '.join(found.why)}."
        else:
            roles = ("agreeing", "agreeing")
            message = f"Compatible but different figures for {what}: {'; '.join(values)}."
            severity = "info"
            found = Match(True)
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
            severity=severity,
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
                "holder": ["none", "shared name", "owner, place or speaker"][found.holder],
                "event_named": found.event,
                "time_established": found.time,
                "missing": list(found.why),
            },
        )


_OPENING = {
    "error": "Conflicting figures for",
    "warning": "Possibly conflicting figures for",
    "info": "Different figures for",
}


class _Readings:
    """The :class:`~quotecheck.crosscheck.measures.Reading` of each item of a bucket,
    read from its article's text once, and the :func:`match` of two items."""

    def __init__(self, story: Story, items: list[_Item]) -> None:
        self.story = story
        self.items = items
        self._readings: dict[int, Reading] = {}
        self._common = story.article_words  # one story's articles, read once

    def reading(self, k: int) -> Reading:
        found = self._readings.get(k)
        if found is None:
            item = self.items[k]
            article = self.story.articles[item.article]
            fig = item.figure
            words = self._common.get(item.article)
            if words is None:
                words = self._common[item.article] = article_words(article.text)
            context = FigureContext()
            if fig.sentence is not None:
                start, end = article.to_canonical(fig.span.start, fig.span.end)
                sentence = article.to_canonical(fig.sentence.start, fig.sentence.end)
                context = figure_context(article.text, start, end, sentence, words)
            title = names_in(article.title, words) if article.title else frozenset()
            speaker = fig.speaker.split()[-1].lower() if fig.speaker else None
            found = Reading(fig, context, article.date, speaker, title)
            self._readings[k] = found
        return found

    def match(self, i: int, j: int) -> Match:
        return match(self.reading(i), self.reading(j))

    def comparable(self, i: int, j: int) -> bool:
        """``match(i, j).comparable``; a figure is comparable only with the same
        speaker's claim (two in three pairs of a large story fail on that alone), which
        is checked first."""
        a, b = self.reading(i), self.reading(j)
        return a.speaker == b.speaker and match(a, b).comparable

    def best(self, clash: list[int], agree: list[int]) -> Match:
        """The strongest match of a clashing figure with an agreeing one of another
        source: the finding is as sure as its best-established pair.

        A source that also carries an agreeing figure does not contradict itself: its
        clashing figure counts something else. When two or more other sources agree on
        the figure, it is the story's figure at the story's time, which stands for the
        time a pair may not establish by itself."""
        rank = {"error": 2, "warning": 1, "info": 0}
        out = Match(True, why=("no pair of figures is comparable",))
        agreeing = {self.items[g].source for g in agree}
        for k in clash:
            if self.items[k].source in agreeing:
                continue
            pairs = [(g, m) for g in agree if (m := self.pair(k, g)) is not None]
            corroborated = len({self.items[g].source for g, _ in pairs}) >= 2
            for _, m in pairs:
                if corroborated and not m.time:
                    why = tuple(w for w in m.why if not w.startswith("no date"))
                    m = replace(m, time=True, why=(*why, "time from agreeing sources"))
                if (rank[m.level], m.holder) > (rank[out.level], out.holder):
                    out = m
            if (rank[out.level], out.holder) == (rank["error"], True):
                return out  # nothing later can rank higher (a large story: many clashes)
        return out

    def pair(self, k: int, g: int) -> Match | None:
        """The match of two items when they are the same measure in the same event and
        comparable (a group holds items related to its first one, not always to each
        other), else ``None``."""
        x, y = self.items[k], self.items[g]
        arts = self.story.articles
        if not (
            self.reading(k).speaker == self.reading(g).speaker  # else never comparable
            and same_measure(x.figure, y.figure)
            and same_event(x.figure, arts[x.article], y.figure, arts[y.article])
        ):
            return None
        m = self.match(k, g)
        return m if m.comparable else None


RULE = Rule(
    code="QC104",
    kind="number-conflict",
    severity="error",
    summary="Incompatible figures for the same measure and event.",
    run=check,
)
