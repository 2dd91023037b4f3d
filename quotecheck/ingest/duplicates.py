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

MIN_PARAGRAPHS = 2
MIN_CHARS = 150
#: A paragraph seen more often than this is furniture or a list line, not a body paragraph.
MAX_COPIES = 8

_REPLACE = tuple(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "\u00a0": " ",
    }.items()
)


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
