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
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

import regex

from quotecheck import quotemarks
from quotecheck.errors import ConfigError

Where = Literal["any", "head", "tail", "block"]
_PREFIXES: dict[str, Where] = {"@head": "head", "@tail": "tail", "@block": "block"}

#: Seconds one rule may spend on one line before the line is kept as article text.
TIMEOUT = 0.05
#: Longest line (characters) that can be a teaser in a trailing block or a repeated caption.
TEASER_MAX = 200
#: Most teaser lines a trailing block may hold.
TEASERS_MAX = 40

_QUOTE_MARKS = "".join(sorted(quotemarks.DOUBLE))
#: Two quote marks anywhere on the line. A single negated class between two marks: linear
#: (from each mark it scans to the next one), so the stdlib ``re`` with no timeout is safe.
_TWO_QUOTE_MARKS = re.compile(f"[{_QUOTE_MARKS}][^{_QUOTE_MARKS}]*[{_QUOTE_MARKS}]")
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
    if "»" in line or "«" in line:
        line = line.replace(" » ", " ").replace(" « ", " ")
    return _TWO_QUOTE_MARKS.search(line) is not None


@dataclass(slots=True)
class Boilerplate:
    """Which lines are boilerplate, and which lines a rule timed out on (kept)."""

    removed: set[int] = field(default_factory=set)
    timed_out: set[int] = field(default_factory=set)


_LEADING_FLAGS = regex.compile(r"\(\?([a-zA-Z]+)\)")


def _combinable(source: str) -> str | None:
    """``source`` as one branch of an alternation, or ``None`` when that could change it.

    A leading global flag group such as ``(?i)`` becomes a scoped one (``(?i:...)``).
    Refused (kept as a rule of its own): any other ``(?`` construct but ``(?:`` (a flag
    in the middle of a pattern is global in ``regex``; lookarounds and the like are
    simply not needed by the shipped rules), and capturing groups (their numbers would
    change, and with them backreferences).
    """
    flags = ""
    m = _LEADING_FLAGS.match(source)
    if m is not None:
        flags, source = m.group(1), source[m.end() :]
        if not set(flags) <= {"i"}:
            return None  # e.g. (?x): a comment would swallow the closing parenthesis
    if any(not source.startswith("(?:", k) for k in _find_all(source, "(?")):
        return None
    try:
        if regex.compile(source).groups:
            return None
    except regex.error:
        return None
    return f"(?{flags}:{source})"


def _find_all(text: str, sub: str) -> list[int]:
    found: list[int] = []
    k = text.find(sub)
    while k >= 0:
        found.append(k)
        k = text.find(sub, k + 1)
    return found


#: A branch (``(?flags:...)``, see :func:`_combinable`) that opens with a character class:
#: ``[...]``, ``.`` or an escape such as ``\w`` or ``\d``.
_OPENS_WITH_CLASS = regex.compile(r"\(\?[a-zA-Z]*:(?:\[|\.|\\[a-zA-Z])")


@dataclass(frozen=True, slots=True)
class _Matcher:
    """All rules of one ``where``, tried as a few alternations when that is equivalent.

    ``fullmatch`` of ``(?:A)|(?:B)|...`` succeeds exactly when some branch matches the
    whole line, so a few calls (no Python loop over the rules) answer for all rules.
    When a call times out, or some rule cannot be a branch (see :func:`_combinable`),
    the rules are tried one by one as before, so a slow rule is still reported as such.
    """

    rules: tuple[Rule, ...]
    combined: tuple[regex.Pattern[str], ...] | None
    """Patterns whose union is the rules (see :func:`_grouped`); ``None``: one by one."""
    untimed_upto: int = 0
    """Lines up to this long are matched without a timeout (the shipped rules only)."""

    def match(self, line: str, timeout: float, on_timeout: Callable[[], None]) -> bool:
        if self.combined is not None and len(line) <= self.untimed_upto:
            # no timeout argument at all: passing one, even None, costs more than the match;
            # and a plain loop, as any() over a generator costs 0.4 µs more per line
            for pattern in self.combined:  # noqa: SIM110
                if pattern.fullmatch(line) is not None:
                    return True
            return False
        if self.combined is not None:
            try:
                for pattern in self.combined:
                    if pattern.fullmatch(line, timeout=timeout) is not None:
                        return True
                return False
            except TimeoutError:
                pass  # the rules one by one find which rules are slow
        for rule in self.rules:
            try:
                if rule.matches(line, timeout):
                    return True
            except TimeoutError:
                on_timeout()
        return False


def _grouped(branches: Sequence[str]) -> tuple[regex.Pattern[str], ...]:
    """Patterns that together match what the ``branches`` (from :func:`_combinable`) match.

    A branch that opens with a literal costs next to nothing in an alternation: it fails
    on the first character of almost every line. A branch that opens with a character
    class, such as the menu rule ``[\\w&'’.-]{1,20}(?: ...)`` or
    ``.{0,120}\\ball rights reserved``, costs several microseconds per line in an
    alternation (it is run, and backtracks, on every line of text), while ``regex``
    rejects the same pattern compiled on its own in a fraction of that (its fast checks
    apply to a whole pattern, not to one branch). So the literal-led branches are joined
    into one pattern and each class-led branch is a pattern of its own (on the shipped
    rules, a third of the time of one alternation of all). Which branch goes where only
    changes the speed: a line fully matches one of the patterns exactly when it fully
    matches one of the branches. With a timeout, each pattern has its own.
    """
    literal = [b for b in branches if _OPENS_WITH_CLASS.match(b) is None]
    classes = [b for b in branches if _OPENS_WITH_CLASS.match(b) is not None]
    groups = ["|".join(literal)] if literal else []
    return tuple(regex.compile(b) for b in (*groups, *classes))


_SHIPPED_UNTIMED = 1_000
"""The shipped rules repeat only bounded pieces or one character class: on adversarial
lines of 1,000 characters the slowest of them takes under 0.1 ms, so a timeout (which
costs more than that on every call) guards nothing there. Longer lines, and every rule a
newsroom adds, keep it."""


@functools.lru_cache(maxsize=16)
def _matchers(rules: tuple[Rule, ...], untimed_upto: int = 0) -> dict[Where, _Matcher]:
    out: dict[Where, _Matcher] = {}
    for where in ("any", "head", "tail", "block"):
        mine = tuple(r for r in rules if r.where == where)
        branches = [_combinable(r.source) for r in mine]
        combined = None
        if mine and all(b is not None for b in branches):
            combined = _grouped([b for b in branches if b is not None])
        out[where] = _Matcher(mine, combined, untimed_upto)
    return out


def _build_default_matchers() -> dict[Where, _Matcher]:
    return _matchers(default_rules(), _SHIPPED_UNTIMED)


@functools.cache
def _default_matchers() -> dict[Where, _Matcher]:
    """The matchers of the shipped rules, compiled once per user (:mod:`quotecheck.cache`)."""
    from quotecheck.cache import cached_build

    rules_file = resources.files("quotecheck.ingest").joinpath("boilerplate.txt")
    return cached_build("boilerplate", _build_default_matchers, files=[rules_file])


def find_boilerplate(
    lines: Sequence[str], rules: Sequence[Rule] | None = None, *, timeout: float = TIMEOUT
) -> Boilerplate:
    """Indexes of the boilerplate lines among ``lines`` (one entry per line of the input)."""
    # the default rules are one cached tuple: no need to hash all the rules on every call
    matchers = _default_matchers() if rules is None else _matchers(tuple(rules))
    stripped = [line.strip() for line in lines]
    protected = [has_quotation(s) if s else False for s in stripped]  # half the lines are blank
    out = Boilerplate()

    def match(i: int, where: Where) -> bool:
        if not stripped[i] or protected[i]:
            return False
        return matchers[where].match(stripped[i], timeout, lambda: out.timed_out.add(i))

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
