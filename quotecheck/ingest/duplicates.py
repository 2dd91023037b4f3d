"""Detect an article body that appears twice (a scrape that caught two renderings).

Paragraphs are compared after normalising what differs between renderings: curly and
straight quote marks and apostrophes, dashes, and runs of whitespace. The longest run of
at least :data:`MIN_PARAGRAPHS` paragraphs (and :data:`MIN_CHARS` characters) that occurs
twice without overlapping is a repeated body: the first copy is kept, the second dropped.
A single repeated paragraph (a pull quote, a repeated caption) is never treated as a
repeated body.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from quotecheck import quotemarks

MIN_PARAGRAPHS = 2
MIN_CHARS = 150
#: A paragraph seen more often than this is furniture or a list line, not a body paragraph.
MAX_COPIES = 8

_REPLACE = tuple(quotemarks.FOLD.items())


def normalise(paragraph: str) -> str:
    """The paragraph with quote marks, apostrophes, dashes and whitespace made uniform."""
    # One str.replace per mark present (a C scan each) is several times faster than
    # str.translate with a dict, which looks up every character of a non-ASCII string.
    # No replacement is itself replaced, so the order does not matter.
    for old, new in _REPLACE:
        if old in paragraph:
            paragraph = paragraph.replace(old, new)
    return " ".join(paragraph.split())


@dataclass(frozen=True, slots=True)
class Repeat:
    """Paragraphs ``[first, first + length)`` occur again at ``[second, second + length)``."""

    first: int
    second: int
    length: int


def find_repeat(paragraphs: Sequence[str]) -> Repeat | None:
    """The longest repeated run of paragraphs, or ``None`` when there is none big enough.

    Linear in the number of paragraphs: a paragraph that occurs more than
    :data:`MAX_COPIES` times (a separator, a list of identical lines) never starts a run,
    though a run may pass through it, and the extension of runs stops after a budget
    proportional to the input (so 100,000 identical lines cost no more than 100,000
    different ones).
    """
    return find_repeat_normalised([normalise(p) for p in paragraphs])


def find_repeat_normalised(norm: Sequence[str]) -> Repeat | None:
    """:func:`find_repeat` of paragraphs already passed through :func:`normalise`."""
    n = len(norm)
    where: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(norm):
        if p:
            where[p].append(i)
    starts_ok = {p for p, positions in where.items() if len(positions) <= MAX_COPIES}
    prefix = [0]
    for p in norm:
        prefix.append(prefix[-1] + len(p))
    budget = 64 * n + 4096
    best: Repeat | None = None
    best_chars = 0
    for value, positions in where.items():
        if value not in starts_ok:
            continue
        for a_index, i in enumerate(positions):
            for j in positions[a_index + 1 :]:
                before = norm[i - 1] if i > 0 else ""
                if before and before == norm[j - 1] and before in starts_ok:
                    continue  # not the start of a run: the run from (i-1, j-1) covers it
                k = 0
                while i + k < j and j + k < n and norm[i + k] == norm[j + k]:
                    k += 1
                budget -= k + 1
                chars = prefix[i + k] - prefix[i]
                if k >= MIN_PARAGRAPHS and chars >= MIN_CHARS and chars > best_chars:
                    best, best_chars = Repeat(i, j, k), chars
                if budget < 0:
                    return best
    return best


def fingerprint(paragraph: str) -> tuple[int, int, int]:
    """How many ``e``, ``t`` and ``a`` the paragraph holds: cheap, and kept by normalising.

    :func:`normalise` changes only quote marks, apostrophes, dashes and whitespace, so
    two paragraphs that normalise to the same text have the same fingerprint; and since
    a space holds none of the three letters, paragraphs joined by spaces have the sum of
    their fingerprints.
    """
    return (paragraph.count("e"), paragraph.count("t"), paragraph.count("a"))


class Paragraphs:
    """Paragraphs whose repeats are looked for in several groupings (lines, then blocks).

    Normal forms are made only where two groups might be equal, and each at most once:
    most articles repeat nothing, and telling that from fingerprints is several times
    cheaper than normalising every paragraph.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.prints = [fingerprint(t) for t in texts]
        self._norm: dict[int, str] = {}

    def normalised(self, index: int) -> str:
        """``normalise(texts[index])``, made once."""
        norm = self._norm.get(index)
        if norm is None:
            norm = self._norm[index] = normalise(self.texts[index])
        return norm

    def find_repeat(self, units: Sequence[Sequence[int]]) -> Repeat | None:
        """``find_repeat`` of the units, each the paragraphs at those indexes joined by spaces.

        The paragraphs must not normalise to ``""`` (none is blank). A unit whose
        fingerprint no other unit shares equals no other unit after normalising; when the
        units that do share one all differ after normalising, no unit occurs twice, so no
        run of units repeats and the answer is ``None`` without the search.
        """
        keys = [self._print(unit) for unit in units]
        seen: dict[tuple[int, int, int], int] = {}
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
        shared = [u for u, key in enumerate(keys) if seen[key] > 1]
        if len({self._joined(units[u]) for u in shared}) == len(shared):
            return None
        # == normalise(" ".join(texts of the unit)): normalising maps characters one to
        # one and splits on whitespace, and no paragraph normalises to ""
        return find_repeat_normalised([self._joined(unit) for unit in units])

    def _print(self, unit: Sequence[int]) -> tuple[int, int, int]:
        if len(unit) == 1:
            return self.prints[unit[0]]
        e, t, a = zip(*(self.prints[k] for k in unit), strict=True)
        return (sum(e), sum(t), sum(a))

    def _joined(self, unit: Sequence[int]) -> str:
        return " ".join(self.normalised(k) for k in unit)
