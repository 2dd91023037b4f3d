"""Whether a phrase can be a speaker, or a person a pronoun may refer to.

A cue pattern finds a *phrase* where a speaker should be; this module says whether the
phrase names someone. A speaker is a pronoun, a proper name (a person or an
organisation, a country for its government) or a nominal whose head is a word for
people or a source (``the senator``, ``a senior aide``, ``officials``, ``the ministry``,
``the report``). It is never a function word or a day (``Instead``, ``If``,
``Tuesday``), a place (``Ohio``), a clause fragment (``The senator is``, ``the student
center that``, ``a series of``) or a determiner phrase about something else (``a
statement released Thursday``, ``the day``). The answer is a reason (a short code) or
``None`` when the phrase is fine, so a rejected speaker can be reported as such.
"""

from __future__ import annotations

import regex

from quotecheck.extract.cues import CuePatterns

__all__ = [
    "ARTICLES",
    "POSSESSIVE_ENDINGS",
    "person_problem",
    "span_problem",
    "speaker_problem",
    "strip_possessive",
]

ARTICLES = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
    ]
)
"""Articles, demonstratives and possessive determiners: never a speaker or a role alone."""
_CLAUSE_WORDS = frozenset(
    [
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "while",
        "if",
        "because",
        "than",
    ]
)
_DANGLING = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "to",
        "of",
        "by",
        "for",
        "with",
        "from",
        "in",
        "on",
        "at",
        "into",
        "about",
        "as",
        "the",
        "a",
        "an",
    ]
)


def _strip_openers(words: list[str], pats: CuePatterns) -> list[str]:
    i = 0
    while i < len(words) and words[i] in pats.sentence_openers:
        i += 1
    return words[i:]


POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
"""What a possessive ends in: ``'s`` and, after a plural, a bare apostrophe (``Jones'``)."""


def strip_possessive(word: str) -> str:
    """``word`` without its possessive ending (``Ann Lee's`` -> ``Ann Lee``, ``Jones'`` ->
    ``Jones``); an ending with nothing before it is kept."""
    if not word.endswith(POSSESSIVE_ENDINGS):
        return word  # most words: one test of every ending at once
    for ending in POSSESSIVE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def _bare(word: str) -> str:
    return strip_possessive(word.strip(",.;:!?"))


def speaker_problem(phrase: str, pats: CuePatterns) -> str | None:
    """Why ``phrase`` cannot be a speaker (``function-word``, ``date``, ``place``,
    ``clause-fragment``, ``possessive``, ``not-a-speaker-noun``), or ``None`` when it can."""
    phrase = phrase.strip()
    if phrase in pats.pronouns or phrase == "who":  # "who": a relative, resolved like "he"
        return None
    words = _strip_openers(phrase.split(), pats)
    if not words:
        return "function-word"
    bare = [_bare(w) for w in words]
    # function words count as written in lower case ("Will Smith" is a name)
    if not _CLAUSE_WORDS.isdisjoint(bare):
        return "clause-fragment"
    if len(words) > 1 and bare[-1] in _DANGLING:
        return "clause-fragment"
    if len(words) > 1 and words[-1] in pats.sentence_openers:
        return "function-word"  # "a statement released Thursday"
    if words[-1].endswith(("'s", "’s", "s'", "s’")) and words[-1][:1].isupper():
        return "possessive"
    if " ".join(words) in pats.places:
        return "place"
    head = bare[-1]
    last = head.lower()
    if last in pats.not_speakers and not head[:1].isupper():
        return "date" if last not in ("democratic", "republican") else "not-a-speaker-noun"
    if len(words) == 1 and last in pats.not_speakers:
        return "not-a-speaker-noun"
    if len(words) == 1 and last in ARTICLES:
        return "function-word"
    return None


def person_problem(name: str, pats: CuePatterns) -> str | None:
    """Why a capitalised run cannot be a named person a pronoun may refer to: a pronoun
    (``He`` opening a sentence), a sentence opener or day, a country or other place, or a
    phrase starting with an article (``The US``); ``None`` when it can."""
    words = name.split()
    if not words:
        return "empty"
    if name in pats.pronouns or words[0] in pats.pronouns:
        return "pronoun"
    if pats.sentence_openers.issuperset(words):
        return "function-word"
    bare = _bare(name)
    if bare in pats.places or bare in pats.countries or bare in pats.demonyms:
        return "place"
    if words[0] in ("The", "A", "An"):
        return "article"
    return None


_SURNAME_REACH = 5_000
"""How far before a speaker word a full name ending in it is looked for (a bound that
keeps a text of many rejected speaker words linear)."""


def span_problem(text: str, s: int, e: int, pats: CuePatterns) -> str | None:
    """:func:`speaker_problem` of the phrase ``text[s:e]``, in its text: a capitalised word
    that is also a function word is a surname when a known first name stood before it
    earlier in the text (``Al From`` ... ``From said``)."""
    phrase = text[s:e]
    problem = speaker_problem(phrase, pats)
    if problem != "function-word" or not phrase.isalpha() or not phrase[:1].isupper():
        return problem
    full = regex.compile(
        rf"(?<![\p{{L}}])(?P<first>\p{{Lu}}\p{{Ll}}+)[^\S\n]+{regex.escape(phrase)}(?![\p{{L}}])"
    )
    for m in full.finditer(text, max(0, s - _SURNAME_REACH), s):
        if m.group("first") in pats.male_names or m.group("first") in pats.female_names:
            return None
    return problem
