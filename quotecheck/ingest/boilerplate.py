"""Conservative removal of page furniture (navigation, players, copyright, bios, teasers).

The rules are data: ``boilerplate.txt`` beside this module, one regular expression per
line, loaded with :mod:`importlib.resources` (see the file's header for the syntax). A
newsroom extends them by passing its own rule text to :func:`parse_rules`.

Decisions are made per line, never inside a line, and a line holding a quotation (two
or more double quote marks) is never removed by a rule, so an article paragraph with a
quote always survives. Besides the rules, a short line repeated immediately (a photo
caption printed twice) loses its repeat, and both copies go when it ends with a credit
such as ``(AP)``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

import regex

from quotecheck.errors import ConfigError

Where = Literal["any", "head", "tail", "block"]
_PREFIXES: dict[str, Where] = {"@head": "head", "@tail": "tail", "@block": "block"}

#: Seconds one rule may spend on one line before the line is kept as article text.
TIMEOUT = 0.05
#: Longest line (characters) that can be a teaser in a trailing block or a repeated caption.
TEASER_MAX = 200
#: Most teaser lines a trailing block may hold.
TEASERS_MAX = 40

_QUOTE_MARKS = frozenset('"“”„‟«»')
_CAPTION = regex.compile(
    r"\([A-Z][\w./&'’ -]{0,30}\)|(?i:\b(?:photo|image|picture|pictured|credit)s?\b)"
)
_SENTENCE_END = regex.compile(r"[.!?][\"”’']?$")


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate pattern and where it applies."""

    where: Where
    source: str
    pattern: regex.Pattern[str] = field(compare=False, repr=False)

    def matches(self, line: str, timeout: float = TIMEOUT) -> bool:
        """Whether the rule matches the whole (stripped) line. May raise ``TimeoutError``."""
        return self.pattern.fullmatch(line, timeout=timeout) is not None


def parse_rules(text: str, origin: str = "<rules>") -> tuple[Rule, ...]:
    """Parse rule text in the ``boilerplate.txt`` format; a bad pattern is a ConfigError."""
    rules: list[Rule] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where: Where = "any"
        prefix, _, rest = line.partition(" ")
        if prefix in _PREFIXES:
            where, line = _PREFIXES[prefix], rest.strip()
        try:
            pattern = regex.compile(line)
        except regex.error as exc:
            raise ConfigError(
                f"line {number}: invalid boilerplate pattern {line!r} ({exc}); "
                "fix or remove the line",
                source=origin,
            ) from exc
        rules.append(Rule(where, line, pattern))
    return tuple(rules)


@functools.cache
def default_rules() -> tuple[Rule, ...]:
    """The rules shipped in ``quotecheck/ingest/boilerplate.txt``."""
    data = resources.files("quotecheck.ingest").joinpath("boilerplate.txt")
    return parse_rules(data.read_text(encoding="utf-8"), origin="quotecheck/ingest/boilerplate.txt")


def has_quotation(line: str) -> bool:
    """Whether the line holds two or more double quote marks (a quotation).

    A ``»`` with spaces on both sides is a separator (``Home » World``), not a quote mark.
    """
    line = line.replace(" » ", " ").replace(" « ", " ")
    return sum(1 for ch in line if ch in _QUOTE_MARKS) >= 2


@dataclass(slots=True)
class Boilerplate:
    """Which lines are boilerplate, and which lines a rule timed out on (kept)."""

    removed: set[int] = field(default_factory=set)
    timed_out: set[int] = field(default_factory=set)


def find_boilerplate(
    lines: Sequence[str], rules: Sequence[Rule] | None = None, *, timeout: float = TIMEOUT
) -> Boilerplate:
    """Indexes of the boilerplate lines among ``lines`` (one entry per line of the input)."""
    rules = default_rules() if rules is None else rules
    stripped = [line.strip() for line in lines]
    protected = [has_quotation(s) for s in stripped]
    out = Boilerplate()

    def match(i: int, where: Where) -> bool:
        if not stripped[i] or protected[i]:
            return False
        for rule in rules:
            if rule.where != where:
                continue
            try:
                if rule.matches(stripped[i], timeout):
                    return True
            except TimeoutError:
                out.timed_out.add(i)
        return False

    n = len(stripped)
    out.removed.update(i for i in range(n) if match(i, "any"))
    _repeated_captions(stripped, protected, out.removed)
    for i in range(n):
        if match(i, "block"):
            rest = [j for j in range(i + 1, n) if stripped[j] and j not in out.removed]
            teasers = len(rest) <= TEASERS_MAX and all(
                len(stripped[j]) <= TEASER_MAX
                and not (protected[j] and _SENTENCE_END.search(stripped[j]))
                for j in rest
            )
            out.removed.update(range(i, n) if teasers else (i,))
            if teasers:
                break
    scans: tuple[tuple[range, Where], ...] = ((range(n - 1, -1, -1), "tail"), (range(n), "head"))
    for order, where in scans:
        for i in order:
            if not stripped[i] or i in out.removed:
                continue
            if not match(i, where):
                break
            out.removed.add(i)
    return out


def _repeated_captions(stripped: list[str], protected: list[bool], removed: set[int]) -> None:
    prev: int | None = None
    for i, line in enumerate(stripped):
        if not line:
            continue
        if (
            prev is not None
            and line == stripped[prev]
            and len(line) <= TEASER_MAX
            and not protected[i]
        ):
            removed.add(i)
            if _CAPTION.search(line):
                removed.add(prev)
        prev = i
