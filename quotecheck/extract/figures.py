"""Number mentions ("figures"): what a number says, how sure it is, and what it counts.

:func:`find_figures` reads a canonical text and returns one :class:`FigureDraft`
per number expression: ``"at least 129"``, ``"about 500"``, ``"$85 million"``,
``"between 300 and 400"``, ``"hundreds of"``. Each draft carries

* the interval the words allow (``low``/``high``; ``high=None`` is unbounded),
  from the hedge and the tolerances :data:`APPROX_TOLERANCE` and
  :data:`NEAR_TOLERANCE`;
* what is counted (``measure``: the noun phrase after the number, or a
  ``death toll`` style phrase before it), the event verb's lemma, a place and a
  date phrase from the same sentence, and the speaker whose statement holds it.

Years, dates, clock times, phone numbers, ordinals and model names
(``Tu-160``, ``Airbus A321``, ``Boeing 737``) are not figures.

:func:`compatible` and :func:`same_measure` are what the cross-check uses to
decide whether two figures are about the same thing and whether they agree.
Every word list lives in ``quotecheck/lexicons/figures_*.txt``; see
docs/figures.md for the rules.

The scan is a single tokenisation (one regular expression that cannot
backtrack) followed by bounded look-ups around the few tokens a number, date or
place can start at, so the cost is linear in the length of the text.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple, Protocol

import regex

from quotecheck import models, quotemarks
from quotecheck.errors import ConfigError
from quotecheck.lexicons import lexicon_dirs, load_list, load_map

__all__ = [
    "APPROX_TOLERANCE",
    "NEAR_TOLERANCE",
    "FigureDraft",
    "FigureLike",
    "compatible",
    "dates_compatible",
    "find_figures",
    "measure_key",
    "same_measure",
    "to_figure",
]

APPROX_TOLERANCE = 0.10
"""``about/around/some/roughly/approximately v`` reads as ``[0.9 v, 1.1 v]``."""
NEAR_TOLERANCE = 0.10
"""``nearly/almost/close to v`` reads as ``[0.9 v, v]``."""

# Words separated by single joiners: "1,200", "2.5bn", "Tu-160", "0:00", "Russia's".
# Each repetition must start with a joiner the word class excludes, so a string
# splits into tokens one way only: no backtracking, linear time. That is why it
# runs without a timeout (a timed scan is about three times slower). The group
# makes ``split`` return the tokens between the gaps (see ``_tokens``).
_TOKEN = regex.compile(r"([\p{L}\p{N}]+(?:['’.,:/\-–][\p{L}\p{N}]+)*|\S)")
# The same pattern for the standard library's engine, which splits a third faster.
# Its tables (Python's Unicode version) may be older than those of ``regex``, so
# it only reads texts of printable characters and common whitespace: on those
# the two engines class every character alike (the tests check every code point).
_TOKEN_STDLIB = re.compile(r"([^\W_]+(?:['’.,:/\-–][^\W_]+)*|\S)")
_COMMON_SPACE = ("\n", "\t", "\r", "\xa0")
# The one character ``str.lower`` maps by context (final or medial sigma); every
# other character maps on its own, to one character unless the text grows ("İ").
_SIGMA = "\u03a3"
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGITS = regex.compile(_NUM)
_SUFFIXED = regex.compile(rf"({_NUM})([a-z]{{1,3}})", regex.IGNORECASE)
_DASHED = regex.compile(rf"({_NUM})[-–]({_NUM}|[a-z]+)", regex.IGNORECASE)
_PHONE_LIKE = regex.compile(r"\d{3}-\d{4}")
_MAX_TOKEN = 40  # longer "numbers" are identifiers, not figures


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CLAUSE_PUNCT = frozenset(",;:()[]—–!?.")
_QUOTES = quotemarks.DOUBLE | quotemarks.SINGLE
_TIME_WORDS = _set("am a.m pm p.m gmt utc bst cet cest est edt pst pdt o'clock o’clock hrs")
_AUXILIARIES = _set("who were was are is have has had been be being not never all reportedly")
_PARTITIVE = _set("the these those them its their his her our your all")
_RELATIVE_UNITS = _set("week weekend month year night")
_RELATIVE_HEADS = _set("last this next")
_GUARDED_MONTHS = _set("may march")
_RANGE_JOINERS = _set("to - – or")
_MONTH_CUES = _set("in on since until by last early late mid of next this from")
_CANONICAL_HEDGES = frozenset(
    {"exactly", "at least", "more than", "nearly", "about", "up to", "fewer than", "several"}
)


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
class FigureDraft:
    """One number mention; offsets are into the canonical text.

    ``text == canonical[start:end]`` is the number expression with its hedge and
    unit (``at least 129``, ``$85 million``, ``24 percent``). ``value`` is the
    number as written (the first one of a range, ``2 x base`` for ``hundreds of``);
    ``low``/``high`` the interval it allows (``high=None``: no upper bound).
    """

    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    hedge: str | None = None
    unit: str | None = None
    measure: str | None = None
    verb: str | None = None
    place: str | None = None
    date: str | None = None
    sentence: tuple[int, int] | None = None
    speaker: str | None = None


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class _Lex:
    numbers: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, float]
    hedges: dict[tuple[str, ...], str]
    hedges_after: dict[tuple[str, ...], str]
    glued_hedges: dict[str, str]
    units: dict[tuple[str, ...], str]
    verbs: dict[tuple[str, ...], str]
    verb_classes: dict[str, str]
    aliases: dict[tuple[str, ...], tuple[str, str | None]]
    plurals: dict[str, str]
    stopwords: frozenset[str]
    dates: dict[str, tuple[str, str]]
    model_prefixes: frozenset[str]
    place_preps: frozenset[str]
    starters: frozenset[str]  # words a number expression can begin with (before any "-")
    date_heads: frozenset[str]  # words a date can begin with, as ``_collect_dates`` looks them up
    cues: frozenset[str]  # the words above and below, scales, place prepositions: worth a look
    numberish: frozenset[str]  # number, vague and scale words
    # first and last words of the phrase tables: a token that is not one cannot
    # begin (end) an entry, so the look-up of every phrase length is skipped
    hedge_lasts: frozenset[str]
    after_firsts: frozenset[str]
    unit_firsts: frozenset[str]
    verb_firsts: frozenset[str]
    verb_lasts: frozenset[str]
    alias_lasts: frozenset[str]


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


def _phrases(name: str, dirs: tuple[Path, ...]) -> dict[tuple[str, ...], str]:
    return {tuple(k.lower().split()): v for k, v in load_map(name, dirs).items()}


def _hedge_map(name: str, dirs: tuple[Path, ...]) -> dict[tuple[str, ...], str]:
    out = _phrases(name, dirs)
    for key, value in out.items():
        if value not in _CANONICAL_HEDGES:
            raise ConfigError(
                f"hedge {' '.join(key)!r} maps to {value!r}; use one of "
                + ", ".join(sorted(_CANONICAL_HEDGES)),
                source=name,
            )
    return out


@lru_cache(maxsize=8)
def _load(dirs: tuple[Path, ...]) -> _Lex:
    after = _hedge_map("figures_hedges_after.txt", dirs)
    aliases: dict[tuple[str, ...], tuple[str, str | None]] = {}
    for phrase, value in _phrases("figures_measure_aliases.txt", dirs).items():
        measure, _, verb = value.partition("|")
        aliases[phrase] = (measure.strip(), verb.strip() or None)
    dates: dict[str, tuple[str, str]] = {}
    for key, value in load_map("figures_dates.txt", dirs).items():
        kind, _, norm = value.partition(":")
        if kind not in {"month", "weekday", "relative"} or not norm:
            raise ConfigError(
                f"{key!r} maps to {value!r}; write month:NAME, weekday:NAME or relative:NAME",
                source="figures_dates.txt",
            )
        dates[key.lower()] = (kind, norm)
    numbers = _floats("figures_numbers.txt", dirs)
    scales = _floats("figures_scales.txt", dirs)
    vague = _floats("figures_vague.txt", dirs)
    place_preps = frozenset(w.lower() for w in load_list("figures_place_preps.txt", dirs))
    starters = frozenset({*numbers, *vague, *(w for w in scales if len(w) > 1), "a"})
    numberish = frozenset({*numbers, *vague, *scales})
    # a date is looked up for a word in the lexicon, "last/this/next", or a possessive
    # ("Monday's"); other words whose w[:-2] is a date word ("mayor") have no date kind
    date_heads = frozenset(
        {*dates, *_RELATIVE_HEADS, *(d + "'s" for d in dates), *(d + "’s" for d in dates)}
    )
    hedges = _hedge_map("figures_hedges.txt", dirs)
    hedges_after = {k: v for k, v in after.items() if not k[0].startswith("-")}
    units = _phrases("figures_units.txt", dirs)
    verbs = _phrases("figures_verbs.txt", dirs)
    return _Lex(
        numbers=numbers,
        scales=scales,
        vague=vague,
        hedges=hedges,
        hedges_after=hedges_after,
        glued_hedges={k[0][1:]: v for k, v in after.items() if k[0].startswith("-")},
        units=units,
        verbs=verbs,
        verb_classes={k.lower(): v for k, v in load_map("figures_verb_classes.txt", dirs).items()},
        aliases=aliases,
        plurals={k.lower(): v for k, v in load_map("figures_plurals.txt", dirs).items()},
        stopwords=frozenset(w.lower() for w in load_list("figures_stopwords.txt", dirs)),
        dates=dates,
        model_prefixes=frozenset(w.lower() for w in load_list("figures_model_prefixes.txt", dirs)),
        place_preps=place_preps,
        starters=starters,
        date_heads=date_heads,
        # "a" (common) counts only before a scale word, so the scale words stand for it
        cues=(starters - {"a"}) | numberish | date_heads | place_preps | scales.keys(),
        numberish=numberish,
        hedge_lasts=frozenset(k[-1] for k in hedges),
        after_firsts=frozenset(k[0] for k in hedges_after),
        unit_firsts=frozenset(k[0] for k in units),
        verb_firsts=frozenset(k[0] for k in verbs),
        verb_lasts=frozenset(k[-1] for k in verbs),
        alias_lasts=frozenset(k[-1] for k in aliases),
    )


def _lex() -> _Lex:
    return _load(lexicon_dirs())


# --------------------------------------------------------------------------- scanning


@dataclass(slots=True)
class _Core:
    """The number itself, before hedges and units: ``lo..hi`` over tokens ``[i, end)``."""

    lo: float
    hi: float | None
    end: int
    factor: float = 1.0  # the scale applied ("million"), for ranges written "2 to 3 million"
    plain: str | None = None  # an unformatted integer token, for year / phone / code checks
    hedge: str | None = None  # a hedge the core carries itself ("hundreds of", "500-odd")
    words: int = 0  # spelled-out number words used (a lone "one" is no figure)


class _Found(NamedTuple):
    """What ``figure_at`` reads at a number: the leading fields of a :class:`FigureDraft`
    (``find_figures`` adds place, date, sentence and speaker and builds the draft once)."""

    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    hedge: str | None
    unit: str | None
    measure: str | None
    verb: str | None


@dataclass(frozen=True, slots=True)
class _Mark:
    """A date or place phrase: where it is and its normal text."""

    start: int
    end: int
    text: str


_SENT_END = regex.compile(r"[.!?][\"”’)]? (?=[\"“‘(]?\p{Lu})")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """A fallback splitter for callers without an analysis: lines, then ``. ! ?``
    before a capital unless the word before is short and capitalised (``Mr.``,
    ``Nov.``) or dotted (``U.S.``). The pipeline passes the analyzer's sentences."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        s = 0
        for m in _SENT_END.finditer(line, timeout=2.0 + len(line) / 50_000):
            word = line[max(0, m.start() - 12) : m.start()].rsplit(" ", 1)[-1]
            if (len(word) <= 3 and word[:1].isupper()) or "." in word:
                continue
            out.append((pos + s, pos + m.end() - 1))
            s = m.end()
        if len(line) > s:
            out.append((pos + s, pos + len(line)))
        pos += len(line) + 1
    return [(s, e) for s, e in out if not text[s:e].isspace()]


def _tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    """Start offsets, end offsets and texts of the tokens of ``text``.

    ``split`` gives ``[gap, token, gap, token, ..., gap]`` (tokens never hold
    whitespace, gaps are nothing else), so the running sum of the lengths gives
    every token's start and end without a match object per token.
    """
    parts = _TOKEN_STDLIB.split(text) if _plain(text) else _TOKEN.split(text)
    offsets = list(accumulate(map(len, parts)))
    return offsets[0:-1:2], offsets[1::2], parts[1::2]


def _plain(text: str) -> bool:
    """Is ``text`` made of printable characters and common whitespace only?"""
    for space in _COMMON_SPACE:
        text = text.replace(space, "")
    return text.isprintable()


class _Scanner:
    """Tokens of one text and the look-ups that turn numbers into drafts.

    Most tokens are plain words nothing starts at; the per-token work is done by
    C-level passes (``map``/``compress``) that pick out the few tokens worth a
    look: those starting with a digit, holding a "-", or in ``_Lex.cues``.
    """

    def __init__(self, text: str, lex: _Lex) -> None:
        self.text = text
        self.lex = lex
        lowered = text.lower()
        if len(lowered) == len(text) and _SIGMA not in text:
            # Lower-casing maps every character on its own, one to one, here (see
            # ``_SIGMA``), and keeps every class the tokenizer and ``is_word`` test
            # (the tests check every code point): the tokens of the lower-cased text
            # are the lower-cased tokens, at the same offsets. One split then gives
            # them without lower-casing each token; case is read from ``text``.
            self.starts, self.ends, self.lows = _tokens(lowered)
            self.words = self.lows
        else:
            self.starts, self.ends, self.words = _tokens(text)
            self.lows = list(map(str.lower, self.words))
        self.n = n = len(self.lows)
        self.taken = [False] * n  # tokens that belong to a date
        self.dates: list[_Mark] = []
        self._places: dict[tuple[int, int], list[_Mark]] = {}
        every = range(n)
        lows = self.lows
        self.cued = cued = list(compress(every, map(lex.cues.__contains__, lows)))
        digits = list(compress(every, map(str.isdigit, map(itemgetter(0), lows))))
        # number-like tokens: a digit first, or a number, vague or scale word (all cues)
        numberish = lex.numberish
        self.numbery = {*digits, *(k for k in cued if lows[k] in numberish)}
        self._collect_dates(cued, digits)
        # tokens that can begin a number expression (the rest are never looked at):
        # those starting with a digit, a starter word, a starter before a "-"
        # ("twenty-five"), and "a" before a scale ("a million")
        starters, scales = lex.starters, lex.scales
        named = [k for k in cued if lows[k] in starters and "-" not in lows[k] and lows[k] != "a"]
        named += [k - 1 for k in cued if k and lows[k] in scales and lows[k - 1] == "a"]
        dashed = [k for k in self._holding("-") if lows[k].split("-", 1)[0] in starters]
        self.candidates = sorted({*named, *digits, *dashed})

    def _holding(self, char: str) -> list[int]:
        """The tokens holding ``char`` (rare in running text: found with ``str.find``)."""
        out: list[int] = []
        pos = self.text.find(char)
        while pos >= 0:
            k = bisect_right(self.starts, pos) - 1
            if k >= 0 and pos < self.ends[k] and (not out or out[-1] != k):
                out.append(k)
            pos = self.text.find(char, pos + 1)
        return out

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

    def is_capital(self, k: int) -> bool:
        return self.is_word(k) and self.upper_at(k)

    def upper_at(self, k: int) -> bool:
        """Does token ``k`` start with a capital (as written)?"""
        return self.text[self.starts[k]].isupper()

    def date_kind(self, k: int) -> tuple[str, str] | None:
        if not 0 <= k < self.n:
            return None
        w = self.lows[k]
        for suffix in ("'s", "’s"):
            w = w.removesuffix(suffix)
        return self.lex.dates.get(w)

    # ---------------------------------------------------------------- dates, places

    def _day_at(self, k: int) -> bool:
        if not 0 <= k < self.n:
            return False
        w = self.lows[k].removesuffix("st").removesuffix("nd").removesuffix("rd")
        w = w.removesuffix("th")
        return w.isdecimal() and 1 <= int(w) <= 31 and len(w) <= 2

    def _year_at(self, k: int) -> bool:
        return 0 <= k < self.n and _is_year(self.lows[k])

    def _collect_dates(self, cued: list[int], digits: list[int]) -> None:
        """Date phrases; ``cued`` and ``digits`` hold every token that can start one."""
        # only tokens that can start a date need the full look-up (most tokens cannot)
        heads = self.lex.date_heads
        candidates = [k for k in cued if self.lows[k] in heads]
        next_k = 0
        for k in candidates:
            if k < next_k:
                continue
            kind = self.date_kind(k)
            if kind is None or not self.upper_at(k):
                next_k = k + self._relative_date(k)
                continue
            first, last = k, k
            if kind[0] == "month":
                j = k + 1
                if self.low(j) == ".":
                    j += 1
                has_day = self._day_at(j)
                has_year = self._year_at(j)
                abbrev = self.lows[k] != kind[1]
                if not has_day and not has_year:
                    guarded = self.lows[k] in _GUARDED_MONTHS or (abbrev and self.low(k + 1) != ".")
                    if guarded and self.low(k - 1) not in _MONTH_CUES and not self._day_at(k - 1):
                        next_k = k + 1
                        continue
                elif has_day:
                    last = j
                    self.taken[j] = True
                    if self.low(j + 1) == "," and self._year_at(j + 2):
                        last = j + 2
                        self.taken[j + 2] = True
                else:
                    last = j
                    self.taken[j] = True
                if self._day_at(k - 1) and not self.taken[k - 1]:  # "26 November"
                    first = k - 1
                    self.taken[k - 1] = True
            start, end = self.starts[first], self.ends[last]
            label = self.text[start:end]
            if last == first:
                label = label.removesuffix("'s").removesuffix("’s")
            self.dates.append(_Mark(start, start + len(label), label))
            next_k = last + 1
        # bare years count as dates (they are never figures unless hedged or with a unit)
        for k in digits:
            if not self.taken[k] and _is_year(self.lows[k]):
                s, e = self.starts[k], self.ends[k]
                self.dates.append(_Mark(s, e, self.text[s:e]))
        self.dates.sort(key=lambda d: d.start)

    def _relative_date(self, k: int) -> int:
        """Record "yesterday", "last week" ... at ``k``; return how many tokens to skip."""
        kind = self.date_kind(k)
        if kind is not None and kind[0] == "relative":
            self.dates.append(_Mark(self.starts[k], self.ends[k], self.lows[k]))
            return 1
        if self.lows[k] in _RELATIVE_HEADS and self.low(k + 1) in _RELATIVE_UNITS:
            s, e = self.starts[k], self.ends[k + 1]
            self.dates.append(_Mark(s, e, self.text[s:e].lower()))
            return 2
        return 1

    def places(self, lo_tok: int, hi_tok: int) -> list[_Mark]:
        """The place phrases starting at tokens ``[lo_tok, hi_tok)``, in order.

        A place is read from its preposition on and does not depend on any other,
        so only the sentences that hold a figure are read (once each)."""
        found = self._places.get((lo_tok, hi_tok))
        if found is None:
            found = self._places[lo_tok, hi_tok] = []
            cued = self.cued
            first = bisect_left(cued, lo_tok - 1)
            self._collect_places(cued[first : bisect_left(cued, hi_tok - 1, first)], found)
        return found

    def _collect_places(self, cued: list[int], out: list[_Mark]) -> None:
        """Append to ``out`` the place phrases after the place prepositions among ``cued``."""
        for k in cued:
            if self.lows[k] not in self.lex.place_preps or k == self.n - 1:
                continue
            j = k + 1
            names: list[int] = []
            while j < self.n and len(names) < 4 and self.is_capital(j):
                if self.date_kind(j) is not None or self.lows[j] in self.lex.stopwords:
                    break
                names.append(j)
                if self.lows[j].endswith(("'s", "’s")):
                    break
                j += 1
            if names:
                s, e = self.starts[names[0]], self.ends[names[-1]]
                label = self.text[s:e].removesuffix("'s").removesuffix("’s")
                out.append(_Mark(s, s + len(label), label))

    # ---------------------------------------------------------------- numbers

    def _digits_core(self, i: int) -> _Core | None:
        w = self.lows[i]
        if len(w) > _MAX_TOKEN or not w[0].isdigit():
            return None
        if w.isdecimal() or _DIGITS.fullmatch(w):  # decimal digits are all \d
            core = _Core(_number(w), None, i + 1, plain=w if w.isdigit() else None)
        elif m := _SUFFIXED.fullmatch(w):
            factor = self.lex.scales.get(m.group(2))
            if factor is None:
                return None  # "24th", "5pm", "3G": not a figure
            return _Core(_number(m.group(1)) * factor, None, i + 1, factor=factor)
        elif m := _DASHED.fullmatch(w):
            left, right = m.group(1), m.group(2)
            if right in self.lex.glued_hedges:
                return _Core(_number(left), None, i + 1, hedge=self.lex.glued_hedges[right])
            if right == "strong":
                return _Core(_number(left), None, i + 1)
            if not right[0].isdigit():
                return None  # "24-hour", "5-year": an adjective, not a count we read
            if _PHONE_LIKE.fullmatch(w) or _is_year(left):
                return None
            lo, hi = _number(left), _number(right)
            if hi <= lo:
                return None  # a score ("3-1") or a code
            return _Core(lo, hi, i + 1, hedge="between")
        else:
            return None
        # a scale word after the digits: "2.5 million", "85 mln"
        scale = self.lex.scales.get(self.low(i + 1))
        if scale is not None and len(self.low(i + 1)) > 1:
            core.lo *= scale
            core.factor = scale
            core.end = i + 2
            core.plain = None
        return core

    def _words_core(self, i: int) -> _Core | None:
        lex, lows, numbers = self.lex, self.lows, self.lex.numbers
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
        return _Core(total + current, None, j, factor=factor, words=words)

    def _vague_core(self, i: int) -> _Core | None:
        base = self.lex.vague.get(self.lows[i])
        if base is None:
            return None
        j = i + 1
        while self.low(j) == "of" and self.low(j + 1) in self.lex.vague:
            base *= self.lex.vague[self.lows[j + 1]]
            j += 2
        if self.low(j) == "of":
            j += 1
        elif j == i + 1 and (base < 12 or (j < self.n and self.is_word(j))):
            return None  # "tens" alone, or "thousands more" style uses we do not read
        hedge = " ".join(self.lows[i:j])
        return _Core(2 * base, None, j, hedge=hedge)

    def core_at(self, i: int) -> _Core | None:
        if self.taken[i]:
            return None
        return self._digits_core(i) or self._vague_core(i) or self._words_core(i)

    def _rejected(self, i: int, core: _Core, hedged: bool, unit: str | None) -> bool:
        """Dates, years, clock times, phone numbers, codes and model names."""
        plain = core.plain
        if plain is not None and not hedged and unit is None:
            if _is_year(plain):
                return True
            if (len(plain) > 1 and plain.startswith("0")) or len(plain) > 7:
                return True
        if core.words == 1 and core.end == i + 1 and self.lows[i] == "one" and not hedged:
            return True
        if self.low(core.end) in _TIME_WORDS:
            return True
        before = self.low(i - 1)
        if before in {"+", "#"}:
            return True
        prev = i - 2 if before == "." else i - 1
        if (
            0 <= prev < self.n
            and self.lows[prev] in self.lex.model_prefixes
            and self.upper_at(prev)
        ):
            return True
        # runs of bare numbers ("0800 555 0199") are codes, not counts
        if plain is not None:
            for k, gap_s, gap_e in (
                (i - 1, self.ends[i - 1] if i > 0 else 0, self.starts[i]),
                (core.end, self.ends[i], self.starts[core.end] if core.end < self.n else 0),
            ):
                if 0 <= k < self.n and self.lows[k].isdigit() and not self.taken[k]:
                    gap = self.text[gap_s:gap_e]
                    if gap.isspace() and "\n" not in gap:
                        return True
        return False

    def figure_at(self, i: int, lo_tok: int, hi_tok: int) -> tuple[_Found, int] | None:
        """The figure whose number starts at token ``i`` (context: tokens ``[lo_tok, hi_tok)``)."""
        lex = self.lex
        core = self.core_at(i)
        first = i
        several = None
        if core is None:
            # "several hundred", "a few thousand"
            sev = self.phrase_before(i, lex.hedges, lex.hedge_lasts)
            factor = lex.scales.get(self.lows[i], 0)
            if sev is None or sev[0] != "several" or factor < 12 or len(self.lows[i]) < 2:
                return None
            core = _Core(2 * factor, 9 * factor, i + 1, hedge="several")
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
                    core = _Core(lo, second.lo, second.end, hedge="between", words=2)
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
        if self._rejected(i, core, hedge is not None and hedge != "between", unit):
            return None
        low, high = _interval(core.lo, core.hi, hedge)
        start, end = self.starts[first], self.ends[j - 1]
        measure, verb, np_end = self._measure(j, hi_tok, unit)
        if verb is None:
            verb = self._verb_left(first, lo_tok)
        if measure is None or verb is None:
            m2, v2 = self._alias_left(first, lo_tok)
            measure = measure or m2
            verb = verb or v2
        if verb is None:
            verb = self._verb_right(np_end, hi_tok)
        found = _Found(
            start, end, self.text[start:end], core.lo, low, high, hedge, unit, measure, verb
        )
        return found, j

    # ---------------------------------------------------------------- context

    def _measure(self, k: int, limit: int, unit: str | None) -> tuple[str | None, str | None, int]:
        """The noun phrase after the number, normalised: (measure, verb from an alias, end)."""
        lex = self.lex
        if self.low(k) == "of" and (unit == "percent" or self.low(k + 1) in _PARTITIVE):
            k += 1
            if self.low(k) in _PARTITIVE and self.low(k) not in {"them", "all"}:
                k += 1
        words: list[str] = []
        lows, numbery, aliases = self.lows, self.numbery, lex.aliases
        while k < limit and len(words) < 5:
            lw = lows[k]
            if lw in _QUOTES:
                k += 1
                continue
            if not self.is_word(k) or lw in lex.stopwords or k in numbery:
                break
            if lw in lex.place_preps:
                break
            if self.date_kind(k) is not None:
                break
            one = (lw,)
            if not words and one in aliases:
                return (*aliases[one], k + 1)
            if one in lex.verbs and not lw.endswith("s"):
                break
            if lw.endswith(("ing", "ed")) and one not in aliases:
                # a participle: "500 armed men" goes on, "300 marched" and "people killed" end
                if words or not (k + 1 < limit and self.is_word(k + 1)):
                    break
                if lows[k + 1] in lex.stopwords:
                    break
            if words and self.upper_at(k) and not self.upper_at(k - 1):
                break  # "trucks Mosul": a name after a common noun starts something else
            words.append(lw.removesuffix("'s").removesuffix("’s"))
            k += 1
        if not words:
            return None, None, k
        alias = lex.aliases.get((words[-1],))
        if alias is not None and len(words) > 1:
            return (*alias, k)
        return " ".join(words), None, k

    def _verb_at(self, k: int, floor: int) -> str | None:
        """A verb from the lexicon ending at token ``k`` (multi-word verbs first)."""
        if self.lows[k] not in self.lex.verb_lasts:
            return None
        for size in (3, 2, 1):
            if k - size + 1 < floor:
                continue
            lemma = self.lex.verbs.get(tuple(self.lows[k - size + 1 : k + 1]))
            if lemma is not None:
                return lemma
        return None

    def _verb_left(self, first: int, floor: int) -> str | None:
        lows, numbery, lasts = self.lows, self.numbery, self.lex.verb_lasts
        for k in range(first - 1, max(floor, first - 9) - 1, -1):
            w = lows[k]  # quotes and punctuation have no case
            if w in _QUOTES:
                continue
            if w in _CLAUSE_PUNCT or k in numbery:
                return None
            if self.lows[k] not in lasts:
                continue  # no verb ends here
            lemma = self._verb_at(k, floor)
            # bare and "-s" forms are often nouns ("the new stage ... calls for 127",
            # "costs fell 3%"): they count only right before the number
            if lemma is not None and (
                k == first - 1 or (self.lows[k] != lemma and not self.lows[k].endswith("s"))
            ):
                return lemma
        return None

    def _verb_right(self, j: int, limit: int) -> str | None:
        """A participle or past form after the counted noun: "129 people (who were) killed"."""
        k = j
        while k < min(limit, j + 5):
            for size in (3, 2, 1) if self.lows[k] in self.lex.verb_firsts else ():
                key = tuple(self.lows[k : k + size])
                lemma = self.lex.verbs.get(key)
                # a past form; one that looks like the lemma ("hit", "hurt") after was/were
                past = key[0] != lemma or self.low(k - 1) in _AUXILIARIES
                past = past and not key[0].endswith(("s", "ing"))
                if lemma is not None and k + size <= limit and past:
                    return lemma
            w = self.lows[k]
            if w not in _AUXILIARIES and not (w.endswith("ly") and self.is_word(k)):
                return None
            k += 1
        return None

    def _alias_left(self, first: int, floor: int) -> tuple[str | None, str | None]:
        """``the death toll ... at 129``, ``the number of sorties rose to 200``."""
        lows, numbery = self.lows, self.numbery
        aliases, lasts = self.lex.aliases, self.lex.alias_lasts
        for k in range(first - 1, max(floor, first - 13) - 1, -1):
            w = lows[k]  # quotes and punctuation have no case
            if w in _QUOTES:
                continue
            if w in _CLAUSE_PUNCT or k in numbery:
                break
            for size in (2, 1) if lows[k] in lasts else ():
                key = tuple(lows[k - size + 1 : k + 1]) if k - size + 1 >= floor else ()
                if key in aliases:
                    return aliases[key]
            if lows[k] == "number" and self.low(k + 1) == "of":
                measure, verb, _ = self._measure(k + 2, first, None)
                if measure is not None:
                    return measure, verb
        return None, None


def _number(s: str) -> float:
    return float(s.replace(",", ""))


def _is_year(s: str) -> bool:
    return len(s) == 4 and s.isdecimal() and 1800 <= int(s) <= 2100


def _interval(lo: float, hi: float | None, hedge: str | None) -> tuple[float | None, float | None]:
    """The interval a hedge allows around ``lo`` (or the range ``lo..hi``)."""
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


def _nearest(marks: list[_Mark], starts: list[int], lo: int, hi: int, s: int, e: int) -> str | None:
    """The mark inside ``[lo, hi)`` closest to ``[s, e)``, not overlapping it."""
    best: tuple[int, str] | None = None
    k = bisect_left(starts, s)
    for m in marks[max(k - 2, 0) : k + 2]:
        if m.start < lo or m.end > hi or (m.start < e and s < m.end):
            continue
        dist = s - m.end if m.end <= s else m.start - e
        if best is None or dist < best[0]:
            best = (dist, m.text)
    return None if best is None else best[1]


# --------------------------------------------------------------------------- public API


def find_figures(
    text: str,
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
    speakers: Sequence[tuple[int, int, str]] = (),
) -> list[FigureDraft]:
    """Every number mention in ``text``, in order, as :class:`FigureDraft`.

    ``sentences`` are ``(start, end)`` spans into ``text`` (from the analysis);
    they bound the search for the verb, place and date of a figure. Without them
    a simple line-and-period split is used. ``speakers`` are ``(start, end, name)``
    spans of quotes or statements: a figure inside one gets that ``speaker``.
    Offsets in the result are into ``text``. Never raises on odd input.
    """
    scan = _Scanner(text, _lex())
    spans = _clean_spans(_sentence_spans(text) if sentences is None else sentences, len(text))
    sent_starts = [s for s, _ in spans]
    date_starts = [d.start for d in scan.dates]
    ordered_speakers = sorted(speakers)
    speaker_starts = [s for s, _, _ in ordered_speakers]
    out: list[FigureDraft] = []
    after = 0  # the first token not used by the last figure
    for i in scan.candidates:
        if i < after:
            continue
        pos = scan.starts[i]
        k = bisect_right(sent_starts, pos) - 1
        if k >= 0 and pos < spans[k][1]:
            sentence: tuple[int, int] | None = spans[k]
            lo_c, hi_c = spans[k]
        else:
            sentence = None
            lo_c = spans[k][1] if k >= 0 else 0
            hi_c = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        lo_tok = bisect_left(scan.starts, lo_c)
        hi_tok = bisect_left(scan.starts, hi_c)
        found = scan.figure_at(i, lo_tok, hi_tok)
        if found is None:
            continue
        draft, nxt = found
        after = max(nxt, i + 1)
        if out and draft.start < out[-1].end:
            continue
        places = scan.places(lo_tok, hi_tok)
        place = _nearest(places, [p.start for p in places], lo_c, hi_c, draft.start, draft.end)
        date = _nearest(scan.dates, date_starts, lo_c, hi_c, draft.start, draft.end)
        speaker = _speaker_of(ordered_speakers, speaker_starts, draft.start, draft.end)
        out.append(FigureDraft(*draft, place, date, sentence, speaker))  # fields in order
    return out


def _clean_spans(spans: Sequence[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Clamp to the text, sort, and drop empty or overlapping spans."""
    out: list[tuple[int, int]] = []
    end = 0
    for s, e in spans:  # the usual case: already clean, nothing to do but copy
        if not end <= s < e <= size:
            break
        out.append((s, e))
        end = e
    else:
        return out
    out = []
    for s, e in sorted((max(0, min(s, size)), max(0, min(e, size))) for s, e in spans):
        if e > s and (not out or s >= out[-1][1]):
            out.append((s, e))
    return out


def _speaker_of(
    speakers: list[tuple[int, int, str]], starts: list[int], s: int, e: int
) -> str | None:
    """The innermost speaker span holding ``[s, e)`` (nearest three by start)."""
    k = bisect_right(starts, s)
    for j in range(k - 1, max(k - 4, -1), -1):
        a, b, name = speakers[j]
        if a <= s and e <= b:
            return name
    return None


def to_figure(
    d: FigureDraft, span_map: Callable[[int, int], tuple[int, int]], text: str
) -> models.Figure:
    """The :class:`models.Figure` for a draft, with offsets mapped to the original input.

    ``span_map`` maps a canonical ``(start, end)`` to the original (e.g.
    ``Article.to_original``); ``text`` is the canonical text the draft came from.
    """
    start, end = span_map(d.start, d.end)
    sentence = None
    if d.sentence is not None:
        s0, e0 = d.sentence
        ss, se = span_map(s0, e0)
        sentence = models.Span(start=ss, end=se, text=text[s0:e0])
    return models.Figure(
        span=models.Span(start=start, end=end, text=d.text),
        low=d.low,
        high=d.high,
        value=d.value,
        hedge=d.hedge,
        unit=d.unit,
        measure=d.measure,
        verb=d.verb,
        place=d.place,
        date=d.date,
        speaker=d.speaker,
        sentence=sentence,
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
    plurals = _lex().plurals
    if head in plurals:
        return plurals[head]
    if len(head) > 4 and head.endswith("ies"):
        return head[:-3] + "y"
    if head.endswith(("sses", "xes", "ches", "shes")):
        return head[:-2]
    if head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 3:
        return head[:-1]
    return head


def _date_parts(date: str) -> dict[str, str]:
    """``"Tuesday, Nov. 17, 2015"`` -> {weekday, month, day, year}; "relative" for "last week"."""
    lex = _lex()
    parts: dict[str, str] = {}
    for raw in regex.findall(r"[\p{L}\p{N}]+", date, timeout=1.0):
        w = raw.lower()
        if w in lex.dates:
            kind, norm = lex.dates[w]
            parts[kind] = norm
        elif w in _RELATIVE_HEADS:
            parts["relative"] = w
        elif w.isdecimal():
            parts["year" if len(w) == 4 else "day"] = str(int(w))
    return parts


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
    pa, pb = _date_parts(a), _date_parts(b)
    if "relative" in pa or "relative" in pb or not pa or not pb:
        return True
    shared = pa.keys() & pb.keys()
    return bool(shared) and all(pa[k] == pb[k] for k in shared)


def _verb_class(verb: str) -> str:
    return _lex().verb_classes.get(verb, verb)


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
