"""Text that remembers where every character came from, and the segment map built from it.

Ingestion never edits a string in place. Each piece of canonical text is a
:class:`Mapped` string: the characters plus, per character, the ``[start, end)``
range of the original input it stands for. Characters copied unchanged have a
one-character range holding the same character (*identity* characters); a
repaired stretch (mojibake, ``\\r\\n`` -> ``\\n``, an HTML entity) gives all its
characters the one range they replace; inserted characters (a paragraph break
between HTML paragraphs) have an empty range.

:func:`build_segments` turns the per-character ranges into the compact
:class:`quotecheck.models.Segment` map: maximal runs of identity characters that are
contiguous in the original become one *identity segment* (where
``text[cs:ce] == original[os:oe]`` and offsets map character by character), every
repaired stretch becomes a segment of its own. Segments tile the canonical text and
their original ranges never overlap and only move forward.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from quotecheck.models import Segment

#: Longest prefix of the natural numbers kept for :func:`_naturals` (about 9 MB at most).
NATURALS_MAX = 1 << 18
_naturals_cache: list[list[int]] = [list(range(4096))]


def _naturals(start: int, end: int) -> list[int]:
    """``list(range(start, end))``, as a slice of a shared list of the naturals when it fits.

    Slicing copies pointers (C speed) where ``list(range())`` makes a new int object per
    number; and lists sliced from the same list hold the very same int objects, so the
    comparisons in :func:`_identity_run_end` succeed on identity without comparing values.
    """
    if start < 0 or end > NATURALS_MAX:
        return list(range(start, end))
    cache = _naturals_cache[0]
    if end > len(cache):
        cache = list(range(min(max(end, 2 * len(cache)), NATURALS_MAX)))
        _naturals_cache[0] = cache
    return cache[start:end]


@dataclass(slots=True)
class Mapped:
    """A string plus the original ``[starts[i], ends[i])`` range of each character."""

    text: str = ""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    @classmethod
    def identity(cls, original: str, start: int, end: int) -> Mapped:
        """``original[start:end]`` copied unchanged."""
        return cls(original[start:end], _naturals(start, end), _naturals(start + 1, end + 1))

    @classmethod
    def replacement(cls, text: str, start: int, end: int) -> Mapped:
        """``text`` standing for ``original[start:end]`` as a whole (a repair or an insertion)."""
        return cls(text, [start] * len(text), [end] * len(text))

    def __len__(self) -> int:
        return len(self.text)

    def append(self, other: Mapped) -> None:
        """Add ``other`` at the end, in place."""
        self.text += other.text
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)

    def slice(self, i: int, j: int) -> Mapped:
        """Characters ``[i, j)`` with their ranges."""
        return Mapped(self.text[i:j], self.starts[i:j], self.ends[i:j])

    def strip(self) -> Mapped:
        """Without leading and trailing whitespace."""
        stripped = self.text.strip()
        if not stripped:
            return Mapped()
        i = self.text.index(stripped[0])
        return self.slice(i, i + len(stripped))

    def retext(self, new_text: str) -> Mapped:
        """The same stretch after a repair changed it to ``new_text``.

        Characters the repair kept keep their ranges (found with a character diff); a
        replaced stretch takes the range of the characters it replaced; an insertion
        takes an empty range where it was inserted. Deleted characters disappear.
        """
        if new_text == self.text:
            return self
        old = self.text
        out = Mapped()
        for tag, i1, i2, j1, j2 in _opcodes(old, new_text):
            if tag == "equal":
                out.append(self.slice(i1, i2))
            elif tag in ("replace", "insert"):
                if i2 > i1:
                    start, end = self.starts[i1], max(self.ends[i1:i2])
                elif i1 > 0:
                    start = end = self.ends[i1 - 1]
                elif self.starts:
                    start = end = self.starts[0]
                else:
                    start = end = 0
                out.append(Mapped.replacement(new_text[j1:j2], start, end))
        return out


#: Above this many differing characters (after the common prefix and suffix) a line is
#: diffed by :func:`_local_opcodes` instead of :class:`difflib.SequenceMatcher`, whose
#: cost grows with the square of the length (a 3,200-character line of zero-width
#: characters took 13 s, 6,400 took 72 s).
MAX_EXACT_DIFF = 256
_WINDOW = 48  # how far a repair may shift the two texts apart (ftfy changes are local)
_ANCHOR = 6  # characters that must agree to resynchronise after a change

Opcode = tuple[str, int, int, int, int]


def _opcodes(old: str, new: str) -> list[Opcode]:
    """difflib-style opcodes turning ``old`` into ``new``; linear time for long lines."""
    pre = 0
    limit = min(len(old), len(new))
    while pre < limit and old[pre] == new[pre]:
        pre += 1
    suf = 0
    while suf < limit - pre and old[-1 - suf] == new[-1 - suf]:
        suf += 1
    a, b = old[pre : len(old) - suf], new[pre : len(new) - suf]
    if max(len(a), len(b)) <= MAX_EXACT_DIFF:
        middle: list[Opcode] = list(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    else:
        middle = _local_opcodes(a, b)
    ops: list[Opcode] = []
    if pre:
        ops.append(("equal", 0, pre, 0, pre))
    ops.extend((tag, i1 + pre, i2 + pre, j1 + pre, j2 + pre) for tag, i1, i2, j1, j2 in middle)
    if suf:
        ops.append(("equal", len(old) - suf, len(old), len(new) - suf, len(new)))
    return ops


def _local_opcodes(old: str, new: str) -> list[Opcode]:
    """A diff for texts that differ in short local stretches (what a repair does).

    Walks both texts; at a difference, takes the smallest skip ``(di, dj)`` (each at most
    :data:`_WINDOW`) after which :data:`_ANCHOR` characters (or both ends) agree. Where
    none is found the rest is one replacement. At most ``_WINDOW ** 2`` short comparisons
    per difference, so linear in the length of the line.
    """
    ops: list[Opcode] = []
    i = j = 0
    n, m = len(old), len(new)

    def agrees(x: int, y: int) -> bool:
        a, b = old[x : x + _ANCHOR], new[y : y + _ANCHOR]
        return a == b and (len(a) == _ANCHOR or (x + len(a) == n and y + len(b) == m))

    while i < n and j < m:
        if old[i] == new[j]:
            k = 0
            while i + k < n and j + k < m and old[i + k] == new[j + k]:
                k += 1
            ops.append(("equal", i, i + k, j, j + k))
            i, j = i + k, j + k
            continue
        found = None
        for d in range(1, 2 * _WINDOW + 1):
            for di in range(max(0, d - _WINDOW), min(d, _WINDOW) + 1):
                dj = d - di
                if i + di <= n and j + dj <= m and agrees(i + di, j + dj):
                    found = (di, dj)
                    break
            if found is not None:
                break
        di, dj = found if found is not None else (n - i, m - j)
        tag = "replace" if di and dj else "delete" if di else "insert"
        ops.append((tag, i, i + di, j, j + dj))
        i, j = i + di, j + dj
    if i < n or j < m:
        tag = "replace" if i < n and j < m else "delete" if i < n else "insert"
        ops.append((tag, i, n, j, m))
    return ops


def concat(parts: Iterable[Mapped]) -> Mapped:
    """All ``parts`` one after another (the text joined once: linear in the total length)."""
    parts = list(parts)
    out = Mapped("".join(part.text for part in parts))
    for part in parts:
        out.starts.extend(part.starts)
        out.ends.extend(part.ends)
    return out


def join_spans(original: str, spans: Sequence[tuple[int, int]]) -> tuple[str, tuple[Segment, ...]]:
    """The text ``original[s:e]`` of every span, one after another, and its segment map.

    The same as ``m.text, build_segments(m, original)`` for
    ``m = concat(Mapped.identity(original, s, e) for s, e in spans)``, without the
    per-character lists. When the spans move forward without overlapping (the common
    case: the kept lines of an unrepaired text), every character is an identity
    character, and two identity characters fall into one segment exactly when the second
    comes from the original character right after the first; so the segments are the
    spans, with a span that starts where the previous one ends merged into it. Any other
    order takes the long way. Spans must lie within ``original``.
    """
    spans = [(s, e) for s, e in spans if s < e]  # an empty span adds no character
    if any(spans[k][0] < spans[k - 1][1] for k in range(1, len(spans))):
        m = concat(Mapped.identity(original, s, e) for s, e in spans)
        return m.text, build_segments(m, original)
    rows: list[list[int]] = []  # [canon_start, canon_end, orig_start, orig_end]
    at = 0
    for s, e in spans:
        if rows and rows[-1][3] == s:
            rows[-1][1] += e - s
            rows[-1][3] = e
        else:
            rows.append([at, at + e - s, s, e])
        at += e - s
    return "".join([original[s:e] for s, e in spans]), _segments(rows)


def _segments(rows: list[list[int]]) -> tuple[Segment, ...]:
    return tuple(
        Segment(canon_start=cs, canon_end=ce, orig_start=os_, orig_end=oe)
        for cs, ce, os_, oe in rows
    )


def _is_identity(m: Mapped, original: str, i: int) -> bool:
    start, end = m.starts[i], m.ends[i]
    if end - start != 1 or original[start] != m.text[i]:
        return False
    # A character sharing its one-character range with a neighbour is part of a repair.
    if i > 0 and m.ends[i - 1] > start:
        return False
    return not (i + 1 < len(m.text) and m.starts[i + 1] < end)


def _identity_run_end(m: Mapped, original: str, i: int) -> int:
    """The end of the run of identity characters starting at identity character ``i``.

    Compares whole slices (C speed) with galloping chunk sizes instead of testing each
    character: inside a run every character covers the next original character, so the
    run is where ``starts``/``ends`` follow ``range`` and the text equals the original.
    """
    n = len(m.text)
    base = m.starts[i] - i
    j = i + 1
    step = 64
    while j < n:
        k = min(n, j + step)
        if (
            m.starts[j:k] == _naturals(base + j, base + k)
            and m.ends[j:k] == _naturals(base + j + 1, base + k + 1)
            and m.text[j:k] == original[base + j : base + k]
        ):
            j = k
            step *= 2
        elif step > 1:
            step //= 2
        else:
            break
    # the last character is not an identity when the next one shares its range
    if j < n and j - 1 > i and m.starts[j] < m.ends[j - 1]:
        j -= 1
    return j


def build_segments(m: Mapped, original: str) -> tuple[Segment, ...]:
    """The :class:`~quotecheck.models.Segment` map of ``m`` onto ``original``.

    Runs of identity characters contiguous in ``original`` become one segment;
    characters sharing a repaired range become one segment each stretch. A
    range that would overlap the previous segment (a repair straddling another)
    is clamped so original ranges stay ordered and disjoint.
    """
    n = len(m.text)
    rows: list[list[int]] = []  # [canon_start, canon_end, orig_start, orig_end]
    i = 0
    while i < n:
        start, end = m.starts[i], m.ends[i]
        j = i + 1
        if _is_identity(m, original, i):
            j = _identity_run_end(m, original, i)
            end = m.ends[j - 1]
        else:
            while (
                j < n
                and m.starts[j] == start
                and m.ends[j] == end
                and not _is_identity(m, original, j)
            ):
                j += 1
        if rows and start < rows[-1][3]:
            start = rows[-1][3]
            end = max(end, start)
        rows.append([i, j, start, end])
        i = j
    return _segments(rows)
