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

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from quotecheck.extract.figures import date_parts
from quotecheck.lexicons import lexicon_dirs, load_map

__all__ = ["FigureLike", "compatible", "dates_compatible", "measure_key", "same_measure"]


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
