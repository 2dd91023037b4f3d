"""How each article describes a quoted person: at the quote's cue and at every other mention.

Extraction gives a speaker's role, organisation and nationality as written at the
quote's cue (or at the person's fuller earlier mention). A description written anywhere
else in the article counts as much: "His campaign manager, Alex Conant, ..." a sentence
before "... Conant said." :func:`person_descriptions` gathers, for every person quoted
by full name in the articles of a story, the cue's descriptions and those at each other
mention of the name in the same article:

* right before it: ``Florida Sen. Marco Rubio``, ``spokesman Alex Conant``,
  ``Russian President Vladimir Putin`` (a nationality is read only here and at the cue,
  next to the name);
* an appositive before it: ``His campaign manager, Alex Conant``;
* an appositive after it: ``Alex Conant, a spokesman for the senator,``.

A phrase is read as a role only when every word of it is a role word (``titles.txt``,
``role_heads.txt``, ``role_nouns.txt``, ``role_modifiers.txt``) or a qualifier (a state,
a party, a country) and it ends in a role noun, so the sentence around a name is never
taken for its description.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from quotecheck.crosscheck.identity import parse_name
from quotecheck.crosscheck.normalize import is_qualifier, is_role_noun, role_is_comparable
from quotecheck.lexicons import countries, load_list
from quotecheck.models import Article, Attribute, Span

if TYPE_CHECKING:
    from quotecheck.crosscheck.story import Story

__all__ = ["FACETS", "Description", "mention_descriptions", "person_descriptions"]

FACETS = ("nationality", "role", "organization")

_WORD = re.compile(r"[^\s,;:()“”\"]+")
_CONNECTORS = frozenset({"of", "for", "and"})
_APPOS_BEFORE = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|[Aa]n?)|(?P<owner>[A-Z][\w’'.-]*['’]s))"
    r"\s+(?P<role>(?:[^\s,;:()“”\"]+ ){0,4}[^\s,;:()“”\"]+),\s+$"
)
_APPOS_AFTER = re.compile(
    r",\s+(?:(?:a|an|the|his|her|their|its)\s+|(?P<owner>[A-Z][\w’'.-]*['’]s)\s+)?"
    r"(?P<role>[^,;:()“”\"\n]{2,80}?)\s*(?=[,;)]|\.(?:\s|$)|$)"
)
_CUT = re.compile(r"\s(?:for|of|at|with|to|in|on|from|who|which|and)\s")


@dataclass(frozen=True)
class Description:
    """One description of a person in one article."""

    article: int
    key: str
    """The person's identity key (:mod:`quotecheck.crosscheck.identity`)."""
    facet: str
    """``role``, ``nationality`` or ``organization``."""
    attribute: Attribute
    """The value and where it is written (original offsets)."""
    at_cue: bool
    """Written at a quote's cue (``Speaker`` attributes) rather than at another mention."""


@cache
def _role_words() -> frozenset[str]:
    words = {w.lower() for w in load_list("titles.txt")}
    words |= {w.lower() for w in load_list("role_heads.txt")}
    words |= load_list("role_nouns.txt", lower=True) | load_list("role_modifiers.txt", lower=True)
    return frozenset(words)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(w.lower() for w in load_list("abbreviations.txt"))


def _country(word: str) -> str | None:
    return countries().get(word.lower()) or countries().get(word.lower().rstrip("."))


def _describing(word: str) -> bool:
    """Whether ``word`` can stand in a description: a role word, a qualifier or a country."""
    low = word.lower()
    if low in _role_words() or low.rstrip(".") in _role_words():
        return True
    if _country(word):
        return True
    return is_qualifier(word)


def _ends_sentence(word: str) -> bool:
    return word.endswith(".") and word.lower() not in _abbreviations() and len(word) > 2


def _span(article: Article, start: int, end: int) -> Span:
    s, e = article.to_original(start, end)
    return Span(start=s, end=e, text=article.text[start:end])


def _role_and_nationality(
    article: Article, words: list[tuple[int, int, str]], name: str
) -> Iterator[tuple[str, Attribute]]:
    ands = [i for i, (_, _, w) in enumerate(words) if w.lower() == "and"]
    if ands:
        words = words[ands[-1] + 1 :]  # "X and Y Jane Doe": Y is hers, X may not be
    while words and words[0][2].lower() in _CONNECTORS:
        words = words[1:]
    while words and words[-1][2].lower() in _CONNECTORS:
        words = words[:-1]
    if not words:
        return
    country = _country(words[0][2])
    if country:
        ws, we, _ = words[0]
        yield "nationality", Attribute(value=country, span=_span(article, ws, we))
        words = words[1:]
    if words:
        rs, re_ = words[0][0], words[-1][1]
        role = article.text[rs:re_]
        if role_is_comparable(role, name):
            yield "role", Attribute(value=role, span=_span(article, rs, re_))


def _before(article: Article, start: int, name: str) -> Iterator[tuple[str, Attribute]]:
    text = article.text
    window = max(0, start - 160)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, window, start)]
    run: list[tuple[int, int, str]] = []
    pos = start
    if words and words[-1][2].lower() in _CONNECTORS and not text[words[-1][1] : start].strip():
        return  # "a spokesman for Ryan" describes someone else
    for ws, we, w in reversed(words):
        gap = text[we:pos]
        if gap.strip() or "\n" in gap or _ends_sentence(w) or len(run) >= 7:
            break
        if not (_describing(w) or w.lower() in _CONNECTORS):
            break
        run.append((ws, we, w))
        pos = ws
    run.reverse()
    for i in range(len(run) - 1, 0, -1):
        if run[i][2].lower() in ("of", "for") and not is_role_noun(run[i - 1][2]):
            run = run[i + 1 :]  # "the campaign of Senator X": the campaign is not his role
            break
    if run:
        yield from _role_and_nationality(article, run, name)
        return
    m = _APPOS_BEFORE.search(text, max(0, start - 100), start)
    if m is None:
        return
    phrase = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text, *m.span("role"))]
    if phrase and all(_describing(w) or w.lower() in _CONNECTORS for _, _, w in phrase):
        for facet, attr in _role_and_nationality(article, phrase, name):
            if facet == "role":
                yield facet, attr


def _after(article: Article, end: int, name: str) -> Iterator[tuple[str, Attribute]]:
    text = article.text
    m = _APPOS_AFTER.match(text, end, min(len(text), end + 120))
    if m is None:
        return
    rs, re_ = m.span("role")
    cut = _CUT.search(text, rs, re_)
    if cut is not None:
        re_ = cut.start()
    phrase = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text, rs, re_)]
    if not phrase or not all(_describing(w) or w.lower() in _CONNECTORS for _, _, w in phrase):
        return
    owner = m.group("owner")
    if owner and _country(owner):
        os_, oe = m.span("owner")
        yield "nationality", Attribute(value=_country(owner) or "", span=_span(article, os_, oe))
    for facet, attr in _role_and_nationality(article, phrase, name):
        if facet == "role":
            yield facet, attr


def _occurrences(text: str, forms: list[str]) -> list[tuple[int, int, str]]:
    """Where each of ``forms`` stands in ``text`` as a whole name, ``(start, end, form)``
    in order; a form inside a longer one found there (a surname inside the full name)
    is not a mention of its own.

    Forms go longest first, so only the occurrences of longer forms can contain one:
    those are kept sorted by start with a running maximum of their ends, and an
    occurrence is inside one of them when the longest reach among those starting at or
    before it covers its end (a bisection, not a scan of everything found so far)."""
    found: list[tuple[int, int, str]] = []
    starts: list[int] = []
    reach: list[int] = []
    length = -1
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        if len(form) != length:  # everything found so far is longer than this form
            length = len(form)
            spans = sorted((s, e) for s, e, _ in found)
            starts = [s for s, _ in spans]
            reach = list(itertools.accumulate((e for _, e in spans), max))
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            before = text[pos - 1] if pos else " "
            after = text[end] if end < len(text) else " "
            whole = not (before.isalnum() or before in "_’'-") and not (
                after.isalnum() or after in "_-"
            )
            i = bisect.bisect_right(starts, pos)
            if whole and not (i and reach[i - 1] >= end):
                found.append((pos, end, form))
            pos = text.find(form, pos + 1)
    return sorted(found)


def mention_descriptions(
    article: Article, names: dict[str, str]
) -> Iterator[tuple[str, str, Attribute]]:
    """``(key, facet, attribute)`` for every description at a mention of the people
    ``names`` (identity key -> the full name as this article writes it) in ``article``.

    A surname alone counts as a mention when no other of ``names`` shares it."""
    surnames: dict[str, list[str]] = defaultdict(list)
    for key, full in names.items():
        surnames[full.split()[-1]].append(key)
    forms: dict[str, str] = {}
    for key, full in names.items():
        forms[full] = key
        last = full.split()[-1]
        if len(surnames[last]) == 1:
            forms.setdefault(last, key)
    if not forms:
        return
    for start, end, form in _occurrences(article.text, list(forms)):
        key = forms[form]
        full = names[key]
        for facet, attr in (*_before(article, start, full), *_after(article, end, full)):
            yield key, facet, attr


def person_descriptions(story: Story) -> dict[str, list[Description]]:
    """Every description of every person quoted in the story, by identity key: the cue's
    (``Speaker.role`` / ``nationality`` / ``organization``) and, for people quoted by a
    full name, those at their other mentions (see the module docstring). Each written
    span counts once. A surname alone that the story cannot tie to one full name
    (``person:|castro``) is left out: it could be two people."""
    out: dict[str, list[Description]] = defaultdict(list)
    seen: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)

    def add(a: int, key: str, facet: str, attr: Attribute, at_cue: bool) -> None:
        spans = seen[(a, facet)]  # one article's spans of one facet: a handful
        start, end = attr.span.start, attr.span.end
        if any(s < end and start < e for s, e in spans):
            return
        spans.append((start, end))
        out[key].append(Description(a, key, facet, attr, at_cue))

    for a, article in enumerate(story.articles):
        names: dict[str, str] = {}
        for quote in article.quotes:
            spk = quote.speaker
            key = story.identities.speaker_key(a, spk)
            if spk is None or key is None or not key.startswith("person:") or "|" not in key:
                continue
            if key.startswith("person:|"):
                continue
            for facet in FACETS:
                attr: Attribute | None = getattr(spk, facet)
                if attr is not None:
                    add(a, key, facet, attr, True)
            display = parse_name(spk.name).display
            if len(display.split()) > 1 and display in article.text:
                names.setdefault(key, display)
        for key, facet, attr in mention_descriptions(article, names):
            add(a, key, facet, attr, False)
    return out
