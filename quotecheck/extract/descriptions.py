"""How an article describes a speaker: name, role, organisation, nationality.

Parses a speaker phrase and what surrounds it:

- pre-modifiers: ``Russian Foreign Affairs Minister Laurent Fabius`` gives
  nationality *Russia*, role *Foreign Affairs Minister*, name *Laurent Fabius*;
  ``Russia's President Vladimir Putin``; ``US defence secretary Ash Carter``;
- a post-modifier ``of ORG``: ``Colonel-General Andrey Kartapolov of Russia's
  General Staff`` gives organisation *Russia's General Staff*;
- an appositive: ``Laurent Fabius, France's foreign minister,``;
  ``X, the chief financial officer of Acme,``.

Offsets are into the canonical text; the pipeline maps them to the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from quotecheck.extract.cues import CuePatterns
from quotecheck.extract.names import ARTICLES
from quotecheck.lexicons import load_list

__all__ = [
    "Described",
    "PhraseParts",
    "describe",
    "describe_context",
    "phrase_parts",
    "strip_leading_adverbs",
]

_WORD = regex.compile(r"[^\s,]+", regex.V1)
_LEADING_STOP = load_list("sentence_openers.txt")
"""Sentence openers that are never part of a name (a lexicon: see the file's header)."""
_NOT_DESCRIPTORS = frozenset(
    [
        "of",
        "for",
        "at",
        "and",
        "or",
        "the",
        "a",
        "an",
        "in",
        "on",
        "to",
        "with",
        "from",
        "by",
        "de",
        "da",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "al",
        "el",
        "bin",
        "ibn",
        "la",
        "le",
        "dos",
        "del",
        "ter",
    ]
)
"""Lower-case words that join a name's parts or start a post-modifier, never describe."""
_NOT_ROLES = ARTICLES | frozenset(["one", "another", "some", "to", "of", "for", "by", "and", "or"])
"""Words a role never starts with: what precedes a role is not part of it."""
_POST_ORG = regex.compile(
    r"\s+(?:of|at|for|from|with)\s+(?P<org>(?:the\s+)?(?:\p{Lu}[\p{L}'’\-\.&]*)(?:\s+(?:of\s+|for\s+|and\s+|the\s+|&\s+)?\p{Lu}[\p{L}'’\-\.&]*){0,6})",
    regex.V1,
)
_APPOS = regex.compile(r",\s(?P<body>(?:[^,.;:“”\"\n]|\.(?=\S)){2,160}?),", regex.V1)


@dataclass(frozen=True, slots=True)
class Described:
    """A parsed speaker phrase: each part as (start, end, value) in canonical offsets."""

    name: tuple[int, int, str] | None
    role: tuple[int, int, str] | None = None
    organization: tuple[int, int, str] | None = None
    nationality: tuple[int, int, str] | None = None
    honorific: str | None = None


# a stop word at ``start`` begins with one of these (every stop word has two letters or more)
_LEADING_STOP_PREFIXES = frozenset(w[:2] for w in _LEADING_STOP)


def strip_leading_adverbs(text: str, start: int, end: int) -> int:
    """Skip sentence adverbs captured at the front of a capitalised run."""
    while True:
        if text[start : start + 2] not in _LEADING_STOP_PREFIXES:
            return start  # cheaper than the match below, which would not be a stop word
        m = _WORD.match(text, start, end)
        if m is None or m.group() not in _LEADING_STOP:
            return start
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            return start
        start = nxt


def _nationality_of(word: str, pats: CuePatterns) -> str | None:
    w = word.rstrip(",")
    return pats.demonyms.get(w)


class PhraseParts(NamedTuple):
    """What :func:`describe` reads from the phrase ``text[start:end]`` alone.

    Nothing here looks outside ``[start, end)``, so the parts of one phrase are the same
    wherever it occurs (offsets shift with it): callers may cache them per phrase.
    """

    name: tuple[int, int, str] | None
    role: tuple[int, int, str] | None
    nationality: tuple[int, int, str] | None
    honorific: str | None
    organization: tuple[int, int, str] | None  # "X of ORG" inside the phrase
    post: int  # where a post-modifier after the phrase is looked for

    def shifted(self, by: int) -> PhraseParts:
        """The same parts for the phrase moved ``by`` characters on."""
        if by == 0:
            return self
        name, role, nationality, honorific, organization, post = self
        return PhraseParts(
            None if name is None else (name[0] + by, name[1] + by, name[2]),
            None if role is None else (role[0] + by, role[1] + by, role[2]),
            None
            if nationality is None
            else (nationality[0] + by, nationality[1] + by, nationality[2]),
            honorific,
            None
            if organization is None
            else (organization[0] + by, organization[1] + by, organization[2]),
            post + by,
        )


def describe(
    text: str, start: int, end: int, pats: CuePatterns, *, appositive: tuple[int, int] | None = None
) -> Described:
    """Parse the speaker phrase ``text[start:end]`` and its surroundings."""
    parts = phrase_parts(text, start, end, pats)
    return describe_context(text, parts, pats, appositive=appositive)


@lru_cache(maxsize=8)
def _markers(pats: CuePatterns) -> frozenset[str]:
    """The words that can make a phrase's parts more than its name: nationalities,
    role heads, honorifics and the words that start an ``of ORG``."""
    return frozenset([*pats.demonyms, *pats.role_heads, *pats.honorifics, "of", "for", "at"])


def phrase_parts(text: str, start: int, end: int, pats: CuePatterns) -> PhraseParts:
    """The parts of the speaker phrase ``text[start:end]`` (see :class:`PhraseParts`)."""
    phrase = text[start:end]
    words = phrase.split()
    if (
        words
        and " ".join(words) == phrase
        and phrase[0].isupper()
        and "," not in phrase
        and "(" not in phrase
        and (len(words) == 1 or words[0] not in _LEADING_STOP)
        and _markers(pats).isdisjoint(words)
        and not any(w[:1].islower() and w not in _NOT_DESCRIPTORS for w in words)
    ):
        # A bare name ("Vladimir Putin": most phrases) is its own name, found without
        # the word loops of _phrase_parts. Exact: the words are joined by single spaces
        # and hold no whitespace (str.split cuts at every character \s matches) and no
        # comma, so they are the _WORD matches; no leading adverb is stripped; the first
        # word is capitalised, none is a marker and no lower-case word but a name
        # particle follows, so no nationality, role, lower-case descriptor, honorific or
        # ``of ORG`` is found, and no party label (no opening
        # bracket) is cut off. tests/extract/test_speakers_speed.py compares the two.
        return PhraseParts((start, end, phrase), None, None, None, None, end)
    return _phrase_parts(text, start, end, pats)


def _phrase_parts(text: str, start: int, end: int, pats: CuePatterns) -> PhraseParts:
    """:func:`phrase_parts` without its shortcut for bare names."""
    start = strip_leading_adverbs(text, start, end)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    honorific = None
    nationality: tuple[int, int, str] | None = None
    role_words: list[tuple[int, int, str]] = []
    i = 0
    # leading nationality or possessive country
    while i < len(words):
        w = words[i][2]
        country = _nationality_of(w, pats)
        if country and i + 1 < len(words):
            nationality = (words[i][0], words[i][1], country)
            i += 1
            continue
        break
    # the role runs up to the last role head that still leaves a name after it
    # ("Indiana Governor Thomas Reardon", "Deputy Secretary of State Tony Blinken")
    last_head = -1
    for k in range(i, len(words)):
        w = words[k][2]
        if w in pats.role_heads:
            last_head = k
        elif w in ("of", "for") and last_head != k - 1:
            break  # "X of ORG": the post-modifier starts here
        elif not (w[:1].isupper() or w in pats.titles or w in ("of", "for", "and")):
            break
    if last_head >= 0 and last_head + 2 < len(words) and words[last_head + 1][2] in ("of", "for"):
        nxt = words[last_head + 2][2]
        if nxt in pats.titles or nxt in ("State", "Staff", "Defense", "Defence"):
            last_head += 2
    if last_head >= i and last_head < len(words) - 1:
        role_words = words[i : last_head + 1]
        i = last_head + 1
    elif last_head == len(words) - 1 and last_head >= i:
        # no name after the role ("the company's chief financial officer")
        role_words = words[i:]
        i = len(words)
    # lowercase words before a capitalised name describe the person ("librarian Ann Park")
    k = i
    while k < len(words) - 1 and words[k][2][:1].islower():
        k += 1
    if k > i and words[k][2][:1].isupper() and not role_words:
        # and the role words after them, up to the last role head before the name
        # ("panel Chairman Rep. Jason Chaff", "former Florida Gov. Jeb Bush")
        for h in range(len(words) - 2, k - 1, -1):
            if words[h][2] in pats.role_heads or words[h][2] in pats.titles:
                k = h + 1
                break
        role_words = words[i:k]
        i = k
    elif not role_words:
        # capitalised modifiers, lower-case descriptors, then the name ("Democratic
        # pollster Ruth Adler", "Ohio State University professor Paul Beck")
        j = i
        while (
            j < len(words)
            and j - i < 4
            and (words[j][2][:1].isupper() or words[j][2][:1].isdigit())
        ):
            j += 1
        k = j
        while k < len(words) and k - j < 4 and words[k][2][:1].islower():
            k += 1
        if (
            i < j < k < len(words)
            and words[k][2][:1].isupper()
            and not any(w[2] in _NOT_DESCRIPTORS for w in words[j:k])
        ):
            role_words = words[i:k]
            i = k
    # honorific
    if i < len(words) and words[i][2] in pats.honorifics and i + 1 < len(words):
        honorific = words[i][2]
        i += 1
    name = None
    post = None
    for k in range(i, len(words)):
        if words[k][2] in ("of", "for", "at"):
            post = k
            break
    if post is not None and post > i:
        # "Andrey Kartapolov of Russia's General Staff": the organisation follows the name
        if post + 1 < len(words):
            os_, oe = words[post + 1][0], words[-1][1]
            org_text = text[os_:oe].rstrip(",")
            end = words[post][0]
            words = words[:post]
            if org_text[:1].isupper():
                pre_org: tuple[int, int, str] | None = (os_, os_ + len(org_text), org_text)
            else:
                pre_org = None
        else:
            pre_org = None
    else:
        pre_org = None
    while (len(words) > i + 1 and words[-1][2].startswith("(")) or (
        len(words) > i + 1
        and words[-1][2].endswith(")")
        and "(" in text[words[i][0] : words[-1][1]]
    ):
        words = words[:-1]  # a party label "(R-OH)" is not part of the name
    if i < len(words):
        ns, ne = words[i][0], words[-1][1]
        name_text = text[ns:ne].rstrip(",")
        if name_text[:1].isupper():
            name = (ns, ns + len(name_text), name_text)
    role = None
    # a role is never a determiner or function word alone ("one", "the", "to")
    while role_words and role_words[0][2].lower() in _NOT_ROLES:
        role_words = role_words[1:]
    if role_words:
        rs, re_ = role_words[0][0], role_words[-1][1]
        role = (rs, re_, text[rs:re_])
    return PhraseParts(name, role, nationality, honorific, pre_org, end)


def describe_context(
    text: str, parts: PhraseParts, pats: CuePatterns, *, appositive: tuple[int, int] | None = None
) -> Described:
    """Complete a phrase's parts with what follows it: ``of ORG`` and the appositive."""
    name, role, nationality, honorific, pre_org, end = parts
    organization = pre_org
    m = None if pre_org else _POST_ORG.match(text, end, min(len(text), end + 120))
    if m is not None and m.group("org"):
        organization = (m.start("org"), m.end("org"), m.group("org"))
    if organization is not None:
        os_, _, org = organization
        if nationality is None:
            first = org.split()[0] if org.split() else ""
            if first.lower() == "the" and len(org.split()) > 1:
                first = org.split()[1]
            country = _nationality_of(first, pats)
            if country:
                nationality = (os_, os_ + len(first), country)
    if appositive is not None:
        a_role, a_org, a_nat = _parse_appositive(text, appositive[0], appositive[1], pats)
        role = role or a_role
        organization = organization or a_org
        nationality = nationality or a_nat
    return Described(name, role, organization, nationality, honorific)


def appositive_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of ``, APPOSITIVE,`` right after ``end``, if there is one."""
    if not text.startswith(",", end):
        return None  # the pattern's first character: most names are not followed by one
    m = _APPOS.match(text, end, min(len(text), end + 200))
    if not m:
        return None
    return m.span("body")


def _parse_appositive(
    text: str, start: int, end: int, pats: CuePatterns
) -> tuple[tuple[int, int, str] | None, tuple[int, int, str] | None, tuple[int, int, str] | None]:
    body = text[start:end]
    if body.startswith(("who ", "which ", "whose ")):
        return None, None, None
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    nationality = None
    role_start = None
    role_end = None
    org = None
    for k, (s, e, w) in enumerate(words):
        country = _nationality_of(w, pats)
        if country and nationality is None:
            nationality = (s, e, country)
            continue
        if w in pats.titles or w in pats.role_heads:
            if role_start is None:
                role_start = s
            role_end = e
            continue
        # "minister of X", "chief executive at X": right after the role words only
        # ("senator from Texas and winner of the Iowa caucuses": no organisation)
        if w in ("of", "at", "for") and role_end == words[k - 1][1] and k + 1 < len(words):
            os_ = words[k + 1][0]
            org = (os_, end, text[os_:end])
            break
    role = (
        (role_start, role_end, text[role_start:role_end])
        if role_start is not None and role_end is not None
        else None
    )
    return role, org, nationality
