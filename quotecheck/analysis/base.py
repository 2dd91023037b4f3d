"""The linguistic layer: one small interface, several backends.

An :class:`Analyzer` turns a canonical text into an :class:`Analysis`:
paragraphs, sentences, tokens, named entities and, when the backend has them,
lemmas, part-of-speech tags, dependency heads and coreference chains. The
extractor only ever reads an ``Analysis``; it never imports a backend.

Offsets here are into the canonical text the analyzer was given.
Backends: ``rules`` (regex, the default; no heads, no coref), ``stanza``
(optional extra), and ``fake`` in tests (an ``Analysis`` built by hand).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, get_args, runtime_checkable

Backend = Literal["rules", "stanza", "auto"]
BACKENDS: tuple[str, ...] = get_args(Backend)
"""The analyzers a run can use: ``rules`` (built in), ``stanza`` (the extra and its
models), ``auto`` (stanza when its models are ready, else rules with a warning)."""


@dataclass(frozen=True, slots=True)
class Token:
    """One word. ``head`` is the index of the head word in the same sentence
    (``-1`` for the root, ``None`` when the backend has no parse)."""

    start: int
    end: int
    text: str
    lemma: str | None = None
    upos: str | None = None
    head: int | None = None
    deprel: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity; ``label`` is one of PERSON, ORG, NORP, GPE, or another backend label."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class CorefChain:
    """Mentions (start, end) of one referent; ``representative`` indexes the best name."""

    mentions: tuple[tuple[int, int], ...]
    representative: int = 0


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...] = ()
    coref: tuple[CorefChain, ...] = ()
    backend: str = "rules"
    has_parse: bool = False
    features: frozenset[str] = field(default_factory=frozenset)
    """What the backend provided: subsets of {"pos", "lemma", "parse", "ner", "coref"}."""


@runtime_checkable
class Analyzer(Protocol):
    """What every backend provides."""

    name: str

    def analyze(self, text: str) -> Analysis:
        """Analyse one canonical text."""
        ...

    def analyze_many(self, texts: Sequence[str]) -> list[Analysis]:
        """Analyse several texts (a backend may batch them)."""
        ...


def analyze_each(analyzer: Analyzer, texts: Iterable[str]) -> list[Analysis]:
    """Default ``analyze_many``: one text at a time."""
    return [analyzer.analyze(t) for t in texts]
