"""Number mentions ("figures"): what a number says, how sure it is, and what it counts.

:func:`find_figures` reads a canonical text and returns one :class:`FigureDraft`
per number expression: ``"at least 129"``, ``"about 500"``, ``"$85 million"``,
``"between 300 and 400"``, ``"hundreds of"``. Each draft carries

* the interval the words allow (``low``/``high``; ``high=None`` is unbounded),
  read by :mod:`quotecheck.extract.quantities` (number words, scales, hedges,
  units, tolerances);
* what is counted (``measure``: the noun phrase after the number, or a
  ``death toll`` style phrase before it), the event verb's lemma, a place and a
  date phrase from the same sentence, and the speaker whose statement holds it.

Years, dates, clock times, phone numbers, ordinals and model names
(``Tu-160``, ``Airbus A321``, ``Boeing 737``) are not figures.

Whether two figures count the same thing and agree is decided on the
cross-check side, :mod:`quotecheck.crosscheck.measures`. Every word list lives in ``quotecheck/lexicons/figures_*.txt``; see
docs/figures.md for the rules.

The scan is a single tokenisation (one regular expression that cannot
backtrack) followed by bounded look-ups around the few tokens a number, date or
place can start at, so the cost is linear in the length of the text.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import regex

from quotecheck import models, quotemarks
from quotecheck.errors import ConfigError
from quotecheck.extract.pieces import pieces
from quotecheck.extract.quantities import (
    Core,
    QuantityLexicon,
    QuantityReader,
    interval,
    is_year,
    load_quantities,
    phrases,
)
from quotecheck.lexicons import lexicon_dirs, load_list, load_map

__all__ = [
    "RELATIVE_HEADS",
    "ArticleWords",
    "FigureContext",
    "FigureDraft",
    "article_words",
    "date_parts",
    "figure_context",
    "find_figures",
    "names_in",
    "to_figure",
]

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


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CLAUSE_PUNCT = frozenset(",;:()[]—–!?.")
_QUOTES = quotemarks.DOUBLE | quotemarks.SINGLE
_TIME_WORDS = _set("am a.m pm p.m gmt utc bst cet cest est edt pst pdt o'clock o’clock hrs")
_AUXILIARIES = _set("who were was are is have has had been be being not never all reportedly")
_PARTITIVE = _set("the these those them its their his her our your all")
_RELATIVE_UNITS = _set("week weekend month year night")
RELATIVE_HEADS = _set("last this next")
"""Words that make a relative date of a following week, month ... ("last week")."""
_GUARDED_MONTHS = _set("may march")
_MONTH_CUES = _set("in on since until by last early late mid of next this from")


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
    """The scan's word lists, with the quantity lexicon (``q``) the reading uses."""

    q: QuantityLexicon
    scales: dict[str, float]  # ``q.scales``, read by the scan too
    verbs: dict[tuple[str, ...], str]
    aliases: dict[tuple[str, ...], tuple[str, str | None]]
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
    verb_firsts: frozenset[str]
    verb_lasts: frozenset[str]
    alias_lasts: frozenset[str]
    windows: frozenset[str]  # "past", "last": "six of the past seven contests"
    honorifics: frozenset[str]  # "mr", "mrs": a name after "in" is then no place


@lru_cache(maxsize=8)
def _load(dirs: tuple[Path, ...]) -> _Lex:
    q = load_quantities(dirs)
    aliases: dict[tuple[str, ...], tuple[str, str | None]] = {}
    for phrase, value in phrases("figures_measure_aliases.txt", dirs).items():
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
    numbers, scales, vague = q.numbers, q.scales, q.vague
    place_preps = frozenset(w.lower() for w in load_list("figures_place_preps.txt", dirs))
    starters = frozenset({*numbers, *vague, *(w for w in scales if len(w) > 1), "a"})
    numberish = frozenset({*numbers, *vague, *scales})
    # a date is looked up for a word in the lexicon, "last/this/next", or a possessive
    # ("Monday's"); other words whose w[:-2] is a date word ("mayor") have no date kind
    date_heads = frozenset(
        {*dates, *RELATIVE_HEADS, *(d + "'s" for d in dates), *(d + "’s" for d in dates)}
    )
    verbs = phrases("figures_verbs.txt", dirs)
    return _Lex(
        q=q,
        scales=scales,
        verbs=verbs,
        aliases=aliases,
        stopwords=frozenset(w.lower() for w in load_list("figures_stopwords.txt", dirs)),
        dates=dates,
        model_prefixes=frozenset(w.lower() for w in load_list("figures_model_prefixes.txt", dirs)),
        place_preps=place_preps,
        starters=starters,
        date_heads=date_heads,
        # "a" (common) counts only before a scale word, so the scale words stand for it
        cues=(starters - {"a"}) | numberish | date_heads | place_preps | scales.keys(),
        numberish=numberish,
        verb_firsts=frozenset(k[0] for k in verbs),
        verb_lasts=frozenset(k[-1] for k in verbs),
        alias_lasts=frozenset(k[-1] for k in aliases),
        windows=frozenset(
            k[0] for k, v in phrases("figures_context.txt", dirs).items() if v == "window"
        ),
        honorifics=frozenset(k.lower().rstrip(".") for k in load_map("honorifics.tsv", dirs)),
    )


def _lex() -> _Lex:
    return _load(lexicon_dirs())


# --------------------------------------------------------------------------- scanning


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


def _tokens(text: str) -> tuple[array[int], array[int], list[str]]:
    """Start offsets, end offsets and texts of the tokens of ``text``.

    ``split`` gives ``[gap, token, gap, token, ..., gap]`` (tokens never hold
    whitespace, gaps are nothing else), so the running sum of the lengths gives
    every token's start and end without a match object per token. The offsets are
    machine integers (``array``): 8 bytes each instead of a list slot and an ``int``
    object (36), which on a long text was most of extraction's peak memory.

    A long text is split a piece at a time (:func:`~quotecheck.extract.pieces.pieces`:
    no token holds a space or newline, so the tokens are those of the whole text), and
    a word written again is the same string object: a text's tokens are mostly repeats
    of a few thousand words, so this holds one string per distinct word, not per token.
    """
    split = _TOKEN_STDLIB.split if _plain(text) else _TOKEN.split
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    words: list[str] = []
    same: dict[str, str] = {}
    for pos, cut in pieces(text):
        parts = split(text[pos:cut])
        # an array from a list: a third faster than from the iterator, the same values
        offsets = array("q", list(accumulate(map(len, parts), initial=pos)))
        starts.extend(offsets[1:-1:2])
        ends.extend(offsets[2::2])
        tokens = parts[1::2]
        words.extend(map(same.setdefault, tokens, tokens))
    return starts, ends, words


def _plain(text: str) -> bool:
    """Is ``text`` made of printable characters and common whitespace only?"""
    for space in _COMMON_SPACE:
        text = text.replace(space, "")
    return text.isprintable()


class _Scanner(QuantityReader):
    """Tokens of one text and the look-ups that turn numbers into drafts.

    The number expression at a token is read by :class:`QuantityReader`
    (:meth:`quantity_at`); this class finds the candidates, dates, places and what a
    figure counts.

    Most tokens are plain words nothing starts at; the per-token work is done by
    C-level passes (``map``/``compress``) that pick out the few tokens worth a
    look: those starting with a digit, holding a "-", or in ``_Lex.cues``.
    """

    def __init__(self, text: str, lex: _Lex) -> None:
        self.text = text
        self.lex = lex
        self.qlex = lex.q
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
        self.taken = bytearray(n)  # tokens that belong to a date (1 byte each)
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
        return 0 <= k < self.n and is_year(self.lows[k])

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
            if not self.taken[k] and is_year(self.lows[k]):
                s, e = self.starts[k], self.ends[k]
                self.dates.append(_Mark(s, e, self.text[s:e]))
        self.dates.sort(key=lambda d: d.start)

    def _relative_date(self, k: int) -> int:
        """Record "yesterday", "last week" ... at ``k``; return how many tokens to skip."""
        kind = self.date_kind(k)
        if kind is not None and kind[0] == "relative":
            self.dates.append(_Mark(self.starts[k], self.ends[k], self.lows[k]))
            return 1
        if self.lows[k] in RELATIVE_HEADS and self.low(k + 1) in _RELATIVE_UNITS:
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
            if j < self.n and self.lows[j] in self.lex.honorifics:
                continue  # "in Mrs. Clinton's effort": a person, not a place
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

    def _rejected(self, i: int, core: Core, hedged: bool, unit: str | None) -> bool:
        """Dates, years, clock times, phone numbers, codes and model names."""
        plain = core.plain
        if plain is not None and not hedged and unit is None:
            if is_year(plain):
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
        found_q = self.quantity_at(i)
        if found_q is None:
            return None
        core, first, j, hedge, unit = found_q
        lex = self.lex
        if self._rejected(i, core, hedge is not None and hedge != "between", unit):
            return None
        low, high = interval(core.lo, core.hi, hedge)
        start, end = self.starts[first], self.ends[j - 1]
        measure: str | None
        if core.dimension is not None:
            # "a 76-minute speech": minutes, of the event the next noun names
            measure, np_end = core.dimension + "s", j
            verb = lex.verbs.get((self.low(j),)) if j < hi_tok else None
        else:
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
            # "six of the past seven contests": the count is of contests, not of "past"
            if self.low(k) in lex.windows and k + 1 in self.numbery:
                k += 2
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


def date_parts(date: str) -> dict[str, str]:
    """The fields of a date phrase: ``"Tuesday, Nov. 17, 2015"`` -> {weekday, month,
    day, year}; ``"last week"`` -> {relative}. Words come from figures_dates.txt."""
    lex = _lex()
    parts: dict[str, str] = {}
    for raw in regex.findall(r"[\p{L}\p{N}]+", date, timeout=1.0):
        w = raw.lower()
        if w in lex.dates:
            kind, norm = lex.dates[w]
            parts[kind] = norm
        elif w in RELATIVE_HEADS:
            parts["relative"] = w
        elif w.isdecimal():
            parts["year" if len(w) == 4 else "day"] = str(int(w))
    return parts


# --------------------------------------------------------------------------- context


@dataclass(frozen=True, slots=True)
class FigureContext:
    """Whose a figure is, and over what span and scope, read from its sentence.

    * ``owners``: the names the figure belongs to, as name keys (the last word of a
      name, lower case): a possessive right before it ("Sanders' 39 percent"), a
      ``for/of/by`` name right after the counted noun ("31 delegates for Delaware"),
      else the nearest name in its clause that no preposition governs ("Sanders has
      won eight"); coordinated names count together ("Cruz and Kasich won 38").
    * ``anchors``: every word of the names in the sentence (the measure's words aside).
    * ``frame``: the noun a figure is "of" ("a crowd of about 230 people": ``crowd``;
      "a poll of 500 voters": ``poll``).
    * ``scope``: ``part`` ("six of the past seven"), ``window`` ("the past seven
      contests"), ``increment``, ``margin``, ``combined``, ``rate``, ``threshold`` (a
      count needed, not held: "the 2,383 delegates needed"; figures_context.txt), or
      ``None`` for a plain count.
    * ``running``: a running tally that grows with time ("has won", "so far").
    """

    owners: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()
    frame: str | None = None
    scope: str | None = None
    running: bool = False


@dataclass(frozen=True, slots=True)
class _ContextLex:
    kinds: dict[tuple[str, ...], str]
    not_names: frozenset[str]
    stops: frozenset[str]  # words that end the counted noun phrase


@lru_cache(maxsize=8)
def _context_lex(dirs: tuple[Path, ...]) -> _ContextLex:
    kinds = phrases("figures_context.txt", dirs)
    not_names = {w.lower().rstrip(".") for w in load_list("titles.txt", dirs)}
    not_names |= {w.lower() for w in load_list("name_titles.txt", dirs)}
    not_names |= {k.lower().rstrip(".") for k in load_map("honorifics.tsv", dirs)}
    not_names |= {w.lower() for w in load_list("stopwords.txt", dirs)}
    stops = {w.lower() for w in load_list("figures_stopwords.txt", dirs)}
    stops |= {k[0] for k in kinds}
    not_names |= stops
    not_names |= set(_load(dirs).dates)
    return _ContextLex(kinds, frozenset(not_names), frozenset(stops))


_PERFECT = _set("has have had 's")
_PARTS = _set("the these those them its their his her our your")
_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True, slots=True)
class ArticleWords:
    """What an article's own spelling says about its words (:func:`article_words`)."""

    lower: frozenset[str]
    """Words written in lower case: capitalised, they are common words at the start of
    a sentence or in a headline, not names."""
    inner: frozenset[str]
    """Capitalised words written after a lower-case word somewhere: names. A sentence's
    first word is taken for a name only when it is one of these."""


_WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*")


def article_words(text: str) -> ArticleWords:
    """The :class:`ArticleWords` of ``text``."""
    lower: set[str] = set()
    inner: set[str] = set()
    for m in _WORD.finditer(text):
        word = m.group()
        if word.islower():
            lower.add(word)
        elif word[:1].isupper():
            before = text[max(0, m.start() - 3) : m.start()].rstrip(" ")
            if before and before[-1] not in _OPENERS:
                inner.add(word.lower())
    return ArticleWords(frozenset(lower), frozenset(inner))


_OPENERS = frozenset(".!?:\n([—–-") | quotemarks.DOUBLE | quotemarks.SINGLE


def figure_context(
    text: str, start: int, end: int, sentence: tuple[int, int], vocabulary: ArticleWords
) -> FigureContext:
    """The :class:`FigureContext` of the figure ``text[start:end]`` in ``sentence``.

    ``vocabulary`` is the article's :func:`article_words`. Reads the sentence only; an
    odd span gives an empty context."""
    s0, s1 = sentence
    if not (0 <= s0 <= start < end <= s1 <= len(text)):
        return FigureContext()
    starts, ends, words = _tokens(text[s0:s1])
    first = bisect_left(ends, start - s0 + 1)
    last = bisect_left(starts, end - s0)  # the first token after the figure
    if first >= len(words) or first >= last:
        return FigureContext()
    return _Context(words, _context_lex(lexicon_dirs()), vocabulary).read(first, last)


def names_in(title: str, vocabulary: ArticleWords) -> frozenset[str]:
    """The name words of a title, as :class:`FigureContext` ``anchors``: in title case
    every word is capitalised, so only the words the article also capitalises inside a
    sentence count."""
    words = _tokens(title)[2]
    names = _Context(words, _context_lex(lexicon_dirs()), vocabulary).names_but(set())
    return frozenset(w for w in names if w in vocabulary.inner)


class _Context:
    """The tokens of one sentence, with the name key of each token (``None``: no name)."""

    def __init__(self, words: list[str], lex: _ContextLex, vocabulary: ArticleWords) -> None:
        self.words = words
        self.lows = [w.lower() for w in words]
        self.n = len(words)
        self.lex = lex
        self.names = [self._name_key(k, vocabulary) for k in range(self.n)]

    def _name_key(self, k: int, vocabulary: ArticleWords) -> str | None:
        w = self.words[k].removesuffix("'s").removesuffix("’s")
        if not (w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha()):
            return None
        low = w.lower().rstrip(".")
        if low in self.lex.not_names or low in vocabulary.lower or len(low) < 2:
            return None
        initial = k == 0 or self.lows[k - 1] in _QUOTES or self.lows[k - 1] in "([—–-"
        if initial and low not in vocabulary.inner:
            return None  # "Within a few days", "More people": a first word, not a name
        return low

    def kind(self, *words: str) -> str | None:
        return self.lex.kinds.get(words)

    def run_left(self, k: int) -> int:
        """The first token of the name run ending at ``k`` (dots and hyphens inside)."""
        while k > 0 and (self.names[k - 1] is not None or self.lows[k - 1] in (".", "-")):
            k -= 1
        return k

    def group_at(self, k: int) -> tuple[set[str], int]:
        """The keys (last words) of the name run ending at ``k`` and of the runs
        coordinated with it ("Rubio, Cruz and Kasich"), and the group's first token."""
        names, lows = self.names, self.lows
        out = {names[k] or ""}
        j = self.run_left(k)
        joiners: tuple[str, ...] = ("and", "&")  # the link nearest the figure: "and"
        while j >= 2 and lows[j - 1] in joiners and names[j - 2] is not None:
            out.add(names[j - 2] or "")
            j = self.run_left(j - 2)
            joiners = (",",)  # then commas: "Hale, Ortiz and Brandt"
        return out, j

    def governed(self, j: int) -> bool:
        """Is the name group starting at ``j`` the object of a preposition ("in Ohio")?"""
        k = j - 1
        while k >= 0 and (self.lows[k] in _PARTS or self.lows[k] in ("a", "an")):
            k -= 1
        return k >= 0 and self.kind(self.lows[k]) == "preposition"

    def names_but(self, words: set[str]) -> frozenset[str]:
        """Every word of the names of the sentence, ``words`` aside ("Hallam Island"
        gives both words: another article may spell only one of them as a name)."""
        return frozenset(name for name in self.names if name is not None and name not in words)

    def read(self, first: int, last: int) -> FigureContext:
        lows, names, n = self.lows, self.names, self.n
        k = last
        while k < last + 6 and k < n and lows[k].isalpha() and lows[k] not in self.lex.stops:
            k += 1
        after_np = k
        measure_words = set(lows[last:after_np])
        anchors = self.names_but(measure_words)
        owners = self._owners(first, after_np)
        scope = self._scope(first, last, after_np)
        lo, hi = first, last
        while lo > 0 and lows[lo - 1] not in _CLAUSE_PUNCT:
            lo -= 1
        while hi < n and lows[hi] not in _CLAUSE_PUNCT:
            hi += 1
        running = False
        for j in range(lo, hi):
            for size in (2, 1):
                kind = self.kind(*lows[j : j + size])
                if kind == "combined" and scope is None:
                    scope = "combined"
                running = running or kind == "running"
        # a perfect right before the number: "has won eight", "have pocketed six"
        for j in range(max(lo, first - 4), first - 1):
            if lows[j] in _PERFECT and lows[j + 1].isalpha():
                running = running or all(self.kind(w) != "boundary" for w in lows[j:first])
        frame = None
        if first >= 2 and lows[first - 1] == "of" and self.words[first - 2].isalpha():
            noun = lows[first - 2]
            if noun not in self.lex.not_names and names[first - 2] is None:
                frame = noun
        return FigureContext(frozenset(owners), anchors, frame, scope, running)

    def _owners(self, first: int, after_np: int) -> set[str]:
        lows, names, n = self.lows, self.names, self.n
        # a possessive right before the number: "Trump's 1,237", "Sanders' 39 percent"
        k = first - 1
        if k >= 1 and lows[k] in ("'", "’") and lows[k - 1].endswith("s"):
            k -= 1
        if k >= 0 and names[k] is not None and (lows[k].endswith(_POSSESSIVE) or k < first - 1):
            return self.group_at(k)[0]
        # "31 delegates for Delaware", "51 percent for Clinton"
        if after_np + 1 < n and lows[after_np] in ("for", "of", "by"):
            j = after_np + 1 + (lows[after_np + 1] == "the")
            if j < n and names[j] is not None:
                while j + 1 < n and names[j + 1] is not None:
                    j += 1
                return self.group_at(j)[0]
        # the nearest name of the clause that no preposition governs
        k = first - 1
        while k >= 0:
            w = lows[k]
            listed = w == "," and k >= 1 and names[k - 1] is not None and names[k + 1] is not None
            if (w in _CLAUSE_PUNCT and not listed) or w in _QUOTES or self.kind(w) == "boundary":
                return set()
            if names[k] is not None:
                group, j = self.group_at(k)
                if not self.governed(j):
                    return group
                k = j
            k -= 1
        return set()

    def _scope(self, first: int, last: int, after_np: int) -> str | None:
        lows, n = self.lows, self.n
        kind = self.kind(lows[first - 1]) if first >= 1 else None
        if kind in ("window", "increment", "margin"):
            return kind
        # "six of the past seven", "eight of nine", "four of those states", "3 out of 5"
        j = last + (last + 1 < n and lows[last] == "out")
        if j < n and lows[j] == "of":
            j += 1
            while j < n and (lows[j] in _PARTS or self.kind(lows[j]) == "window"):
                j += 1
            if j < n and (lows[j][:1].isdigit() or lows[j] in _lex().numberish):
                return "part"
            # "five of the trucks", "four of those states"; not "24 percent of the vote"
            if j > last + 1 and lows[last - 1] not in ("percent", "cent", "%"):
                return "part"
        if kind == "threshold":  # "needs 2,383 delegates"
            return kind
        if after_np < n:
            if "rate" in (self.kind(*lows[after_np : after_np + 2]), self.kind(lows[after_np])):
                return "rate"
            if self.kind(lows[after_np]) == "threshold":  # "the 2,383 delegates needed"
                return "threshold"
            if lows[after_np] == "more":
                return "increment"
        if last < n and lows[last] == "more":
            return "increment"
        return None
