"""Do two figures count the same thing, and do their numbers agree?

The cross-check side of figures (:mod:`quotecheck.extract.figures` finds them,
:mod:`quotecheck.extract.quantities` reads their intervals):

* :func:`compatible`: do two intervals overlap;
* :func:`measure_key`: the head noun of a measure, singular (``"fuel tank trucks"``
  -> ``"truck"``);
* :func:`dates_compatible`: can two date phrases name the same day;
* :func:`same_measure`: the same counted thing in the same event (measure, unit,
  verb class, place, date).

The QC104 check (:mod:`quotecheck.checks.qc104_numbers`) builds on these. The word
lists are ``figures_plurals.txt`` and ``figures_verb_classes.txt``; docs/figures.md
has the rules.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, Protocol

from quotecheck.extract.figures import FigureContext, date_parts
from quotecheck.extract.quantities import quantity_lexicon
from quotecheck.lexicons import lexicon_dirs, load_map

__all__ = [
    "FigureLike",
    "Match",
    "Reading",
    "compatible",
    "dates_compatible",
    "match",
    "measure_key",
    "same_measure",
]


class FigureLike(Protocol):
    """What :func:`compatible` and :func:`same_measure` read: a draft or a ``models.Figure``."""

    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def measure(self) -> str | None: ...
    @property
    def verb(self) -> str | None: ...
    @property
    def place(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class _Tables:
    plurals: dict[str, str]
    verb_classes: dict[str, str]


@lru_cache(maxsize=8)
def _tables(dirs: tuple[Path, ...]) -> _Tables:
    return _Tables(
        plurals={k.lower(): v for k, v in load_map("figures_plurals.txt", dirs).items()},
        verb_classes={k.lower(): v for k, v in load_map("figures_verb_classes.txt", dirs).items()},
    )


def compatible(a: FigureLike, b: FigureLike) -> bool:
    """Do two figures' intervals overlap? (numbers only: check :func:`same_measure` first)

    Each figure's ``[low, high]`` already holds its hedge's tolerance ("about
    500" is ``[450, 550]``, "at least 129" is ``[129, inf)``); ``None`` is an open
    end. Bounds count as closed, so "more than 1,000" is compatible with "1,000"
    (reporters round down before "more than"). A tiny relative slack absorbs
    floating-point error. ``about 500`` vs ``500``: True; ``at least 129`` vs
    ``120``: False; ``nearly 2,000`` vs ``1,850``: True.
    """
    lo = max(-math.inf if a.low is None else a.low, -math.inf if b.low is None else b.low)
    hi = min(math.inf if a.high is None else a.high, math.inf if b.high is None else b.high)
    return lo <= hi or math.isclose(lo, hi, rel_tol=1e-9)


def measure_key(measure: str | None) -> str | None:
    """The comparison key of a measure: its head noun (last word), singular.

    ``"fuel tank trucks"`` and ``"fuel tanker trucks"`` both give ``"truck"``;
    ``"people"`` and ``"persons"`` give ``"people"`` (figures_plurals.txt holds
    the irregular forms); plain rules: -ies -> -y, -(s|x|ch|sh)es -> drop -es,
    -s -> drop (not -ss, -us, -is).
    """
    if not measure:
        return None
    head = measure.split()[-1].lower()
    plurals = _tables(lexicon_dirs()).plurals
    if head in plurals:
        return plurals[head]
    if len(head) > 4 and head.endswith("ies"):
        return head[:-3] + "y"
    if head.endswith(("sses", "xes", "ches", "shes")):
        return head[:-2]
    if head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 3:
        return head[:-1]
    return head


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Can two date phrases name the same day?

    A missing date or a relative one ("last week", "yesterday") never
    contradicts. Otherwise the phrases must share a field (month, weekday, day
    of month, year) and agree on every field they share: "Oct. 31" and
    "October" agree; "October" and "November" do not; "Tuesday" and "October"
    share no field, so without the article's date there is no proof they are
    the same day and they count as different events (the conservative choice:
    a conflict finding must not rest on a guess).
    """
    if not a or not b:
        return True
    pa, pb = date_parts(a), date_parts(b)
    if "relative" in pa or "relative" in pb or not pa or not pb:
        return True
    shared = pa.keys() & pb.keys()
    return bool(shared) and all(pa[k] == pb[k] for k in shared)


def _verb_class(verb: str) -> str:
    return _tables(lexicon_dirs()).verb_classes.get(verb, verb)


def same_measure(a: FigureLike, b: FigureLike) -> bool:
    """Do two figures count the same thing in the same event?

    True when all of these hold:

    * both have a measure and the same :func:`measure_key` (head noun, singular:
      "cruise missile strikes" ~ "missile strikes");
    * units agree, or one has none (``USD`` vs ``EUR`` differ);
    * verbs are compatible: one is missing, or both lemmas fall in the same
      class of figures_verb_classes.txt ("kill" ~ "die", "carry out" ~ "conduct";
      "hit" vs "plan" differ);
    * places do not contradict: one is missing or they are equal, ignoring case;
    * dates do not contradict (:func:`dates_compatible`): 34 strikes on "Tuesday"
      and 26 strikes in "October" are different events, not a conflict.

    Two figures with the same measure and incompatible intervals
    (:func:`compatible` is False) are a number conflict.
    """
    ka, kb = measure_key(a.measure), measure_key(b.measure)
    if ka is None or ka != kb:
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.verb and b.verb and _verb_class(a.verb) != _verb_class(b.verb):
        return False
    if a.place and b.place and a.place.casefold() != b.place.casefold():
        return False
    return dates_compatible(a.date, b.date)


# --------------------------------------------------------------------------- holder and time


@dataclass(frozen=True, slots=True)
class Reading:
    """A figure as the check compares it: the figure, its :class:`FigureContext`, its
    article's date and the key of the speaker whose claim it is (``None``: the writer's)."""

    figure: FigureLike
    context: FigureContext
    day: dt.date | None
    speaker: str | None
    title_names: frozenset[str] = frozenset()
    """The names of the article's title: the holder of a figure whose sentence names
    nobody ("The closing will eliminate 1,500 jobs") is the story the title names."""


@dataclass(frozen=True, slots=True)
class Match:
    """What two figures of one measure share (see :func:`match`).

    ``comparable`` is False when something shows they are not the same count (another
    holder, scope, time or speaker); ``why`` then says what. Otherwise ``holder`` is 2
    when an owner, the place or the speaker is the same, 1 when only a name of both
    sentences is, 0 when nothing ties them to one holder; ``event`` when both name the
    event with verbs of one class; ``time`` when both date it alike (compatible date
    phrases that share a field) or both articles are dated within a week and neither
    figure is a running tally. ``why`` lists what is missing."""

    comparable: bool
    holder: int = 0
    event: bool = False
    time: bool = False
    why: tuple[str, ...] = ()

    @property
    def level(self) -> Literal["error", "warning", "info"]:
        """``error`` (holder, event and time all established), ``warning`` (a strong
        holder and the event or the time, or a shared name and the event), else ``info``."""
        if self.comparable and self.holder and self.event and self.time:
            return "error"
        if self.comparable and (
            (self.holder == 2 and (self.event or self.time)) or (self.holder and self.event)
        ):
            return "warning"
        return "info"


WEEK = dt.timedelta(days=7)


def _modifiers_differ(a: str | None, b: str | None) -> bool:
    """Both measures qualify their head noun, with no word in common ("likely voters" /
    "registered voters"), so they count different sets."""
    wa, wb = set((a or "").lower().split()[:-1]), set((b or "").lower().split()[:-1])
    return bool(wa and wb and not wa & wb)


def match(a: Reading, b: Reading) -> Match:
    """How surely two figures with the same measure (:func:`same_measure`) count one
    thing of one holder at one time. Figures are compared only as the same kind of
    claim: a speaker's figure with the same speaker's, the writer's with the writer's."""
    fa, fb, ca, cb = a.figure, b.figure, a.context, b.context
    if ca.scope in ("part", "window") or cb.scope in ("part", "window"):
        return Match(False, why=("a part or a window of a larger count",))
    if ca.scope != cb.scope:
        return Match(False, why=(f"different scopes ({ca.scope} / {cb.scope})",))
    if a.speaker != b.speaker:
        return Match(False, why=("not the same speaker's claim",))
    if ca.owners and cb.owners and ca.owners != cb.owners:
        return Match(False, why=("different holders",))
    if ca.frame and cb.frame and ca.frame != cb.frame:
        return Match(False, why=(f"different things counted ({ca.frame} / {cb.frame})",))
    if _modifiers_differ(fa.measure, fb.measure):
        return Match(False, why=("differently qualified measures",))
    dated = a.day is not None and b.day is not None
    running = ca.running or cb.running
    if running and not (dated and a.day == b.day):
        return Match(False, why=("a running tally, not dated to the same day",))
    why: list[str] = []
    if ca.owners and ca.owners == cb.owners:
        holder = 2
    elif (fa.place and fb.place) or (a.speaker is not None):
        holder = 2  # same_measure already requires equal places
    elif (ca.anchors or a.title_names) & (cb.anchors or b.title_names):
        holder = 1
        why.append("holder inferred from a shared name only")
    else:
        holder = 0
        why.append("no holder named in both")
    if holder == 0 and measure_key(fa.measure) in quantity_lexicon().durations:
        return Match(False, why=("a span of time of no named holder",))
    # a rate ("2,400 passengers a day") is a standing quantity: no event to name
    event = bool(fa.verb and fb.verb) or ca.scope == "rate"
    if not event:
        why.append("the event is not named by a verb in both")
    pa, pb = date_parts(fa.date) if fa.date else {}, date_parts(fb.date) if fb.date else {}
    shared = (pa.keys() & pb.keys()) - {"relative"}
    time = bool(shared) or (dated and abs(a.day - b.day) <= WEEK and not running)  # type: ignore[operator]
    if not time:
        why.append("no date ties both to the same time")
    return Match(True, holder, event, time, tuple(why))
