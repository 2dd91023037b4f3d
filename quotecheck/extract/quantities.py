"""Reading a quantity: number words, scales, hedges, units and the interval they allow.

:mod:`quotecheck.extract.figures` finds where a number expression is and what it
counts; this module reads the expression itself, over the same tokens:

* the number: digits (``1,200``, ``2.5``), glued scales (``85m``, ``2.5bn``),
  scale words (``2.5 million``, ``a dozen``), spelled-out numbers (``twenty-one``,
  ``one hundred and twenty``), vague plurals (``hundreds of``), ranges
  (``300 to 400``, ``between 2 and 3 million``, ``several hundred``);
* the unit (``$``, ``percent``, ``euros``) and the hedge before or after it
  (``at least``, ``nearly``, ``500 or so``, ``500-odd``);
* the interval the words allow (:func:`interval`), with the tolerances
  :data:`APPROX_TOLERANCE` and :data:`NEAR_TOLERANCE`.

The hedge words and their canonical hedges are one table,
``quotecheck/lexicons/figures_hedges.txt`` (and ``figures_hedges_after.txt``), read
here and by the QC104 check (:func:`hedge_interval`), so a hedge means the same
interval wherever it is read. docs/figures.md lists the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from quotecheck.errors import ConfigError
from quotecheck.lexicons import lexicon_dirs, load_list, load_map

__all__ = [
    "APPROX_TOLERANCE",
    "CANONICAL_HEDGES",
    "NEAR_TOLERANCE",
    "Core",
    "Quantity",
    "QuantityLexicon",
    "QuantityReader",
    "canonical_hedge",
    "hedge_interval",
    "interval",
    "is_year",
    "quantity_lexicon",
]

APPROX_TOLERANCE = 0.10
"""``about/around/some/roughly/approximately v`` reads as ``[0.9 v, 1.1 v]``."""
NEAR_TOLERANCE = 0.10
"""``nearly/almost/close to v`` reads as ``[0.9 v, v]``."""

CANONICAL_HEDGES = frozenset(
    {"exactly", "at least", "more than", "nearly", "about", "up to", "fewer than", "several"}
)
"""The hedges every hedge word maps to (figures_hedges.txt); :func:`interval` reads them."""

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGITS = regex.compile(_NUM)
_SUFFIXED = regex.compile(rf"({_NUM})([a-z]{{1,3}})", regex.IGNORECASE)
_DASHED = regex.compile(rf"({_NUM})[-–]({_NUM}|[a-z]+)", regex.IGNORECASE)
_PHONE_LIKE = regex.compile(r"\d{3}-\d{4}")
_MAX_TOKEN = 40  # longer "numbers" are identifiers, not figures
_RANGE_JOINERS = frozenset(["to", "-", "–", "or"])


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class QuantityLexicon:
    """The quantity word lists (``figures_numbers/scales/vague/hedges*/units.txt``)."""

    numbers: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, float]
    hedges: dict[tuple[str, ...], str]
    hedges_after: dict[tuple[str, ...], str]
    glued_hedges: dict[str, str]
    units: dict[tuple[str, ...], str]
    durations: frozenset[str]  # units of time, singular (figures_durations.txt)
    # first and last words of the phrase tables: a token that is not one cannot
    # begin (end) an entry, so the look-up of every phrase length is skipped
    hedge_lasts: frozenset[str]
    after_firsts: frozenset[str]
    unit_firsts: frozenset[str]


def _floats(name: str, dirs: tuple[Path, ...]) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in load_map(name, dirs).items():
        try:
            out[key.lower()] = float(value)
        except ValueError as exc:
            raise ConfigError(
                f"{key!r} has value {value!r}, which is not a number; fix the line",
                source=name,
            ) from exc
    return out


def phrases(name: str, dirs: tuple[Path, ...]) -> dict[tuple[str, ...], str]:
    """A mapping lexicon keyed by its lower-cased phrase split into words."""
    return {tuple(k.lower().split()): v for k, v in load_map(name, dirs).items()}


def _hedge_map(name: str, dirs: tuple[Path, ...]) -> dict[tuple[str, ...], str]:
    out = phrases(name, dirs)
    for key, value in out.items():
        if value not in CANONICAL_HEDGES:
            raise ConfigError(
                f"hedge {' '.join(key)!r} maps to {value!r}; use one of "
                + ", ".join(sorted(CANONICAL_HEDGES)),
                source=name,
            )
    return out


@lru_cache(maxsize=8)
def load_quantities(dirs: tuple[Path, ...]) -> QuantityLexicon:
    """The quantity lexicon from the packaged lists and the folders ``dirs``."""
    after = _hedge_map("figures_hedges_after.txt", dirs)
    hedges = _hedge_map("figures_hedges.txt", dirs)
    hedges_after = {k: v for k, v in after.items() if not k[0].startswith("-")}
    units = phrases("figures_units.txt", dirs)
    return QuantityLexicon(
        numbers=_floats("figures_numbers.txt", dirs),
        scales=_floats("figures_scales.txt", dirs),
        vague=_floats("figures_vague.txt", dirs),
        hedges=hedges,
        hedges_after=hedges_after,
        glued_hedges={k[0][1:]: v for k, v in after.items() if k[0].startswith("-")},
        units=units,
        durations=frozenset(w.lower() for w in load_list("figures_durations.txt", dirs)),
        hedge_lasts=frozenset(k[-1] for k in hedges),
        after_firsts=frozenset(k[0] for k in hedges_after),
        unit_firsts=frozenset(k[0] for k in units),
    )


def quantity_lexicon() -> QuantityLexicon:
    """The quantity lexicon for the current ``QUOTECHECK_LEXICON_DIR``."""
    return load_quantities(lexicon_dirs())


# --------------------------------------------------------------------------- intervals


def number(s: str) -> float:
    """The value of a digit token (``"1,200"`` -> 1200.0)."""
    return float(s.replace(",", ""))


def is_year(s: str) -> bool:
    """Is ``s`` four digits between 1800 and 2100?"""
    return len(s) == 4 and s.isdecimal() and 1800 <= int(s) <= 2100


def interval(lo: float, hi: float | None, hedge: str | None) -> tuple[float | None, float | None]:
    """The interval a canonical hedge allows around ``lo`` (or the range ``lo..hi``).

    ``None`` is an open end. ``nearly 100`` is ``[90, 100]`` (a bit under),
    ``about 100`` ``[90, 110]``, ``up to 100`` and ``fewer than 100`` ``[0, 100]`` (a
    count is never negative), ``at least``/``more than 100`` ``[100, open)``; a hedge
    that is none of :data:`CANONICAL_HEDGES` nor ``between`` is a vague plural
    ("hundreds of": ``[lo, open)``).
    """
    top = lo if hi is None else hi
    if hedge in (None, "exactly", "between", "several"):
        return lo, top
    if hedge in ("at least", "more than"):
        return lo, None
    if hedge == "nearly":
        return (1 - NEAR_TOLERANCE) * lo, top
    if hedge == "about":
        return (1 - APPROX_TOLERANCE) * lo, (1 + APPROX_TOLERANCE) * top
    if hedge in ("up to", "fewer than"):
        return 0.0, top
    return lo, None  # vague plurals: "hundreds of", "tens of thousands of"


def canonical_hedge(phrase: str | None) -> str | None:
    """The canonical hedge of a hedge as written (``"almost"`` -> ``"nearly"``).

    A canonical hedge or ``between`` is returned as it is; a phrase of
    figures_hedges.txt or figures_hedges_after.txt (``"or so"``, ``"-odd"``) maps to its
    canonical hedge; a vague plural (``"hundreds of"``) is returned unchanged, since
    :func:`interval` reads it as open above; anything else is ``None`` (no hedge).
    """
    if not phrase:
        return None
    text = " ".join(phrase.lower().split())
    if text in CANONICAL_HEDGES or text == "between":
        return text
    lex = quantity_lexicon()
    key = tuple(text.split())
    found = lex.hedges.get(key) or lex.hedges_after.get(key)
    if found is None and text.startswith("-"):
        found = lex.glued_hedges.get(text[1:])
    if found is not None:
        return found
    return text if key[0] in lex.vague else None


def hedge_interval(value: float, phrase: str | None) -> tuple[float | None, float | None]:
    """The interval of ``value`` under a hedge as written: :func:`interval` of its
    :func:`canonical_hedge`. For a figure whose bounds were not given (a hand-built
    ``models.Figure``); the extractor sets the bounds itself."""
    return interval(value, None, canonical_hedge(phrase))


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class Core:
    """The number itself, before hedges and units: ``lo..hi`` over tokens ``[i, end)``."""

    lo: float
    hi: float | None
    end: int
    factor: float = 1.0  # the scale applied ("million"), for ranges written "2 to 3 million"
    plain: str | None = None  # an unformatted integer token, for year / phone / code checks
    hedge: str | None = None  # a hedge the core carries itself ("hundreds of", "500-odd")
    words: int = 0  # spelled-out number words used (a lone "one" is no figure)
    dimension: str | None = None  # a unit of time glued by a hyphen: "76-minute"


class Quantity(NamedTuple):
    """A number expression read at a token: its number, tokens ``[first, end)``, hedge, unit."""

    core: Core
    first: int
    end: int
    hedge: str | None
    unit: str | None


class QuantityReader:
    """The tokens of one text and the reading of the number expression at a token.

    :class:`quotecheck.extract.figures` subclasses it with the scan (dates, places,
    measures); the subclass fills the attributes below. ``lows`` are the lower-cased
    tokens, ``words`` the tokens (lower-cased or as written: only their letters are
    read), ``taken`` marks tokens that belong to a date.
    """

    text: str
    lows: list[str]
    words: list[str]
    n: int
    taken: bytearray
    qlex: QuantityLexicon

    # ---------------------------------------------------------------- small tests

    def low(self, k: int) -> str:
        return self.lows[k] if 0 <= k < self.n else ""

    def phrase_before(
        self, k: int, table: dict[tuple[str, ...], str], lasts: frozenset[str]
    ) -> tuple[str, int] | None:
        """The longest entry of ``table`` ending just before token ``k``: (value, first token).

        ``lasts`` holds the last word of every entry."""
        if k < 1 or self.lows[k - 1] not in lasts:
            return None
        for size in (4, 3, 2, 1):
            if k - size < 0:
                continue
            key = tuple(self.lows[k - size : k])
            if key in table:
                return table[key], k - size
        return None

    def phrase_at(
        self, k: int, table: dict[tuple[str, ...], str], firsts: frozenset[str]
    ) -> tuple[str, int] | None:
        """The longest entry of ``table`` starting at token ``k``: (value, end token).

        ``firsts`` holds the first word of every entry."""
        if k >= self.n or self.lows[k] not in firsts:
            return None
        for size in (3, 2, 1):
            if k + size > self.n:
                continue
            key = tuple(self.lows[k : k + size])
            if key in table:
                return table[key], k + size
        return None

    def is_word(self, k: int) -> bool:
        w = self.words[k]  # lower-cased or not: the same letters either way
        if w.isalpha():
            return True
        # letters and the joiners "-", "'" and "’", from a letter on
        return w[0].isalpha() and w.replace("-", "").replace("'", "").replace("’", "").isalpha()

    # ---------------------------------------------------------------- numbers

    def _digits_core(self, i: int) -> Core | None:
        w = self.lows[i]
        if len(w) > _MAX_TOKEN or not w[0].isdigit():
            return None
        if w.isdecimal() or _DIGITS.fullmatch(w):  # decimal digits are all \d
            core = Core(number(w), None, i + 1, plain=w if w.isdigit() else None)
        elif m := _SUFFIXED.fullmatch(w):
            factor = self.qlex.scales.get(m.group(2))
            if factor is None:
                return None  # "24th", "5pm", "3G": not a figure
            return Core(number(m.group(1)) * factor, None, i + 1, factor=factor)
        elif m := _DASHED.fullmatch(w):
            left, right = m.group(1), m.group(2)
            if right in self.qlex.glued_hedges:
                return Core(number(left), None, i + 1, hedge=self.qlex.glued_hedges[right])
            if right == "strong":
                return Core(number(left), None, i + 1)
            if right in self.qlex.durations:  # "a 76-minute speech": a duration
                return Core(number(left), None, i + 1, dimension=right)
            if not right[0].isdigit():
                return None  # "5-point", "3-foot": an adjective, not a count we read
            if _PHONE_LIKE.fullmatch(w) or is_year(left):
                return None
            lo, hi = number(left), number(right)
            if hi <= lo:
                return None  # a score ("3-1") or a code
            return Core(lo, hi, i + 1, hedge="between")
        else:
            return None
        # a scale word after the digits: "2.5 million", "85 mln"
        scale = self.qlex.scales.get(self.low(i + 1))
        if scale is not None and len(self.low(i + 1)) > 1:
            core.lo *= scale
            core.factor = scale
            core.end = i + 2
            core.plain = None
        return core

    def _words_core(self, i: int) -> Core | None:
        lex, lows, numbers = self.qlex, self.lows, self.qlex.numbers
        total, current, j, words = 0.0, 0.0, i, 0
        if self.low(i) == "a" and lex.scales.get(self.low(i + 1), 0) >= 12:
            current, j = 1.0, i + 1
        last_unit = False
        factor = 1.0
        while j < self.n:
            w = lows[j]
            parts = w.split("-")
            if len(parts) <= 2 and all(map(numbers.__contains__, parts)):
                if last_unit:
                    break
                current += sum(map(numbers.__getitem__, parts))
                last_unit, words, j = True, words + len(parts), j + 1
            elif len(w) > 1 and w in lex.scales and (current or total):
                factor = lex.scales[w]
                if factor < 1000:
                    current = (current or 1.0) * factor
                else:
                    total += (current or 1.0) * factor
                    current = 0.0
                last_unit, words, j = False, words + 1, j + 1
            elif w == "and" and j > i and self.lows[j - 1] in lex.scales and j + 1 < self.n:
                if self.lows[j + 1].split("-")[0] not in lex.numbers:
                    break
                j += 1
            else:
                break
        if j == i or (words == 0):
            return None
        return Core(total + current, None, j, factor=factor, words=words)

    def _vague_core(self, i: int) -> Core | None:
        base = self.qlex.vague.get(self.lows[i])
        if base is None:
            return None
        j = i + 1
        while self.low(j) == "of" and self.low(j + 1) in self.qlex.vague:
            base *= self.qlex.vague[self.lows[j + 1]]
            j += 2
        if self.low(j) == "of":
            j += 1
        elif j == i + 1 and (base < 12 or (j < self.n and self.is_word(j))):
            return None  # "tens" alone, or "thousands more" style uses we do not read
        hedge = " ".join(self.lows[i:j])
        return Core(2 * base, None, j, hedge=hedge)

    def core_at(self, i: int) -> Core | None:
        if self.taken[i]:
            return None
        return self._digits_core(i) or self._vague_core(i) or self._words_core(i)

    def quantity_at(self, i: int) -> Quantity | None:
        """The number expression whose number starts at token ``i``: the number, a range,
        the unit and the hedges around it (``None`` when no number starts there)."""
        lex = self.qlex
        core = self.core_at(i)
        first = i
        several = None
        if core is None:
            # "several hundred", "a few thousand"
            sev = self.phrase_before(i, lex.hedges, lex.hedge_lasts)
            factor = lex.scales.get(self.lows[i], 0)
            if sev is None or sev[0] != "several" or factor < 12 or len(self.lows[i]) < 2:
                return None
            core = Core(2 * factor, 9 * factor, i + 1, hedge="several")
            several = sev[1]
        j = core.end
        # a range: "300 to 400", "two or three", "between 300 and 400"
        if core.hi is None and core.hedge is None and j + 1 < self.n:
            before, joiner = self.low(i - 1), self.lows[j]
            between = before == "between" and joiner == "and"
            ranged = (joiner in _RANGE_JOINERS and before != "from") or between
            second = self.core_at(j + 1) if ranged else None
            if (
                second is not None
                and second.hi is None
                and second.hedge is None
                and self.phrase_at(j, lex.hedges_after, lex.after_firsts) is None
            ):
                lo = core.lo
                if second.factor > core.factor and lo * second.factor <= second.lo:
                    lo *= second.factor
                if second.lo > lo:
                    core = Core(lo, second.lo, second.end, hedge="between", words=2)
                    j = core.end
                    if between:
                        first = i - 1
        # the unit: "$85 million", "24 percent", "85 million euros"
        unit = None
        sym = self.low(first - 1)
        if sym and not sym[0].isalnum() and sym != "%" and (sym,) in lex.units:
            unit = lex.units[(sym,)]
            first -= 1
        after_unit = self.phrase_at(j, lex.units, lex.unit_firsts)
        if after_unit is not None and unit is None:
            unit, j = after_unit
        # hedges before and after
        hedge = core.hedge
        if several is not None:
            first = several
        elif core.hedge in (None, "between"):
            pre = self.phrase_before(first, lex.hedges, lex.hedge_lasts)
            if pre is not None and pre[0] != "several":
                hedge, first = pre
        post = self.phrase_at(j, lex.hedges_after, lex.after_firsts)
        if post is not None and core.hedge is None:
            hedge = hedge or post[0]
            j = post[1]
        return Quantity(core, first, j, hedge, unit)
