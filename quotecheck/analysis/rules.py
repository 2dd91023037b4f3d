"""The rules analyzer: paragraphs, sentences, tokens and capitalised-name
entities from regular expressions alone. It is the embedded default: no model,
no download, linear time.

It provides no lemmas, parses or coreference (``has_parse=False``); the
extractor's rules work on surface patterns and use those richer layers only
when a backend such as stanza supplies them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from quotecheck.analysis.base import Analysis, Entity, Sentence, Token
from quotecheck.lexicons import load_list

__all__ = ["RulesAnalyzer", "paragraph_spans", "sentence_spans"]

_TOKEN = regex.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]", regex.V1)
_PARA = regex.compile(r"[^\n]+")
# A candidate sentence end: terminal punctuation, optional closing marks, spaces,
# then something that can start a sentence. Single characters only: no nesting.
_END = regex.compile(r"[.!?]+[\"”’»)\]]*(?=\s+[\"“‘«(\[]?[\p{Lu}\d])")
_NAME = regex.compile(
    r"(?<![\p{L}\d])(?:\p{Lu}[\p{L}'’\-]*\.?)(?:\s(?:\p{Lu}[\p{L}'’\-]*\.?))+(?![\p{L}])"
)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return load_list("abbreviations.txt")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, stripped of surrounding spaces, as (start, end)."""
    out = []
    for m in _PARA.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _is_abbrev(text: str, end: int) -> bool:
    """Does the period at ``end - 1`` close an abbreviation or an initial?"""
    i = end - 1
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in '("“':
        j -= 1
    word = text[j:end]
    if word in _abbreviations():
        return True
    # single initials ("George W. Bush") and acronyms with periods
    core = word.rstrip(".")
    return len(core) == 1 and core.isupper()


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (a paragraph)."""
    end = len(text) if end is None else end
    out = []
    s = start
    for m in _END.finditer(text, start, end):
        if m.group().startswith(".") and len(m.group()) == 1 and _is_abbrev(text, m.end()):
            continue
        e = m.end()
        if e > s:
            out.append((s, e))
        s = e
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out


class RulesAnalyzer:
    """The regex analyzer. Stateless and cheap: safe to share between threads.

    The extractor's rules read paragraphs and sentences only, so word tokens
    (``tokens=True``, a third of the time) and capitalised-name entities
    (``names=True``: untyped, so the extractor has no use for them) are made only when
    asked for.
    """

    name = "rules"

    def __init__(self, *, tokens: bool = False, names: bool = False) -> None:
        self.tokens = tokens
        self.names = names

    def analyze(self, text: str) -> Analysis:
        paragraphs = paragraph_spans(text)
        sentences: list[Sentence] = []
        for ps, pe in paragraphs:
            for ss, se in sentence_spans(text, ps, pe):
                toks = (
                    tuple(
                        Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, ss, se)
                    )
                    if self.tokens
                    else ()
                )
                sentences.append(Sentence(ss, se, toks))
        entities = (
            tuple(Entity(m.start(), m.end(), m.group(), "PROPN") for m in _NAME.finditer(text))
            if self.names
            else ()
        )
        return Analysis(
            text=text,
            paragraphs=tuple(paragraphs),
            sentences=tuple(sentences),
            entities=entities,
            backend="rules",
            features=frozenset(),
        )

    def analyze_many(self, texts: Sequence[str]) -> list[Analysis]:
        return [self.analyze(t) for t in texts]
