"""Text that remembers where every character came from, and the segment map built from it.

Ingestion never edits a string in place. Each piece of canonical text is a
:class:`Mapped` string: the characters plus, per character, the ``[start, end)``
range of the original input it stands for. Characters copied unchanged have a
one-character range holding the same character (*identity* characters); a
repaired stretch (mojibake, ``\\r\\n`` -> ``\\n``, an HTML entity) gives all its
characters the one range they replace; inserted characters (a paragraph break
between HTML paragraphs) have an empty range.

The ranges are kept as *runs*, not per character: an identity run of ``n`` characters
copied from ``original[s:s + n]``, or a replacement run of ``n`` characters that all
stand for ``original[s:e]``. A 5 MB article is then a few runs per repaired line instead
of two Python ``int`` lists of five million entries (about 100 bytes per character).
:attr:`Mapped.starts` and :attr:`Mapped.ends` still give the per-character ranges, made
on request.

:func:`build_segments` turns the ranges into the compact
:class:`quotecheck.models.Segment` map: maximal runs of identity characters that are
contiguous in the original become one *identity segment* (where
``text[cs:ce] == original[os:oe]`` and offsets map character by character), every
repaired stretch becomes a segment of its own. Segments tile the canonical text and
their original ranges never overlap and only move forward.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import accumulate

from quotecheck.models import Segment

Run = tuple[int, int, int, bool]
"""``(length, start, end, identity)``: ``length`` characters; an identity run's character
``k`` stands for ``[start + k, start + k + 1)`` (and ``end == start + length``), a
replacement run's characters all stand for ``[start, end)``."""


def add_run(runs: list[Run], run: Run) -> None:
    """Append ``run``, merged into the last one when the characters' ranges continue it
    (the per-character ranges are the same either way)."""
    if run[0] <= 0:
        return
    if runs:
        length, start, end, ident = runs[-1]
        if ident and run[3] and run[1] == end:
            runs[-1] = (length + run[0], start, run[2], True)
            return
        if not ident and not run[3] and (run[1], run[2]) == (start, end):
            runs[-1] = (length + run[0], start, end, False)
            return
    runs.append(run)


@dataclass(slots=True)
class Mapped:
    """A string plus the original ``[start, end)`` range of each character, as runs."""

    text: str = ""
    runs: list[Run] = field(default_factory=list)
    _at: list[int] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def identity(cls, original: str, start: int, end: int) -> Mapped:
        """``original[start:end]`` copied unchanged."""
        return cls(original[start:end], [(end - start, start, end, True)] if end > start else [])

    @classmethod
    def replacement(cls, text: str, start: int, end: int) -> Mapped:
        """``text`` standing for ``original[start:end]`` as a whole (a repair or an insertion)."""
        return cls(text, [(len(text), start, end, False)] if text else [])

    def __len__(self) -> int:
        return len(self.text)

    def _offsets(self) -> list[int]:
        """The canonical offset where each run starts (made once, for bisection)."""
        if self._at is None:
            self._at = [0, *accumulate(run[0] for run in self.runs)][:-1]
        return self._at

    def _find(self, i: int) -> tuple[int, int]:
        """The run holding character ``i`` and ``i``'s position in it."""
        at = self._offsets()
        r = bisect_right(at, i) - 1
        return r, i - at[r]

    def start_at(self, i: int) -> int:
        """The original start of character ``i``'s range."""
        r, k = self._find(i)
        _, start, _, ident = self.runs[r]
        return start + k if ident else start

    def end_at(self, i: int) -> int:
        """The original end of character ``i``'s range."""
        r, k = self._find(i)
        _, start, end, ident = self.runs[r]
        return start + k + 1 if ident else end

    @property
    def starts(self) -> list[int]:
        """Every character's original start (a new list: for inspection and small texts)."""
        out: list[int] = []
        for length, start, _, ident in self.runs:
            out.extend(range(start, start + length) if ident else [start] * length)
        return out

    @property
    def ends(self) -> list[int]:
        """Every character's original end (a new list: for inspection and small texts)."""
        out: list[int] = []
        for length, start, end, ident in self.runs:
            out.extend(range(start + 1, start + length + 1) if ident else [end] * length)
        return out

    def append(self, other: Mapped) -> None:
        """Add ``other`` at the end, in place (to join many pieces, use :func:`concat`)."""
        self.text += other.text
        for run in other.runs:
            add_run(self.runs, run)
        self._at = None

    def slice(self, i: int, j: int) -> Mapped:
        """Characters ``[i, j)`` with their ranges."""
        n = len(self.text)
        i, j = max(0, min(i, n)), max(0, min(j, n))
        out = Mapped(self.text[i:j])
        if j <= i:
            return out
        r, k = self._find(i)
        pos = i
        while pos < j:
            length, start, end, ident = self.runs[r]
            take = min(length - k, j - pos)
            if ident:
                add_run(out.runs, (take, start + k, start + k + take, True))
            else:
                add_run(out.runs, (take, start, end, False))
            pos += take
            r, k = r + 1, 0
        return out

    def max_end(self, i: int, j: int) -> int:
        """The largest original end among characters ``[i, j)`` (``i < j``)."""
        best = self.end_at(j - 1)
        r, k = self._find(i)
        pos = i
        while pos < j:
            length, start, end, ident = self.runs[r]
            take = min(length - k, j - pos)
            best = max(best, start + k + take if ident else end)
            pos += take
            r, k = r + 1, 0
        return best

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
        parts: list[Mapped] = []
        for tag, i1, i2, j1, j2 in _opcodes(old, new_text):
            if tag == "equal":
                parts.append(self.slice(i1, i2))
            elif tag in ("replace", "insert"):
                if i2 > i1:
                    start, end = self.start_at(i1), self.max_end(i1, i2)
                elif i1 > 0:
                    start = end = self.end_at(i1 - 1)
                elif self.runs:
                    start = end = self.start_at(0)
                else:
                    start = end = 0
                parts.append(Mapped.replacement(new_text[j1:j2], start, end))
        return concat(parts)


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
        for run in part.runs:
            add_run(out.runs, run)
    return out


def join_spans(original: str, spans: Sequence[tuple[int, int]]) -> tuple[str, tuple[Segment, ...]]:
    """The text ``original[s:e]`` of every span, one after another, and its segment map.

    The same as ``m.text, build_segments(m, original)`` for
    ``m = concat(Mapped.identity(original, s, e) for s, e in spans)``, without making
    ``m``. When the spans move forward without overlapping (the common
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


_SINGLE, _BLOCK, _GROUP = 0, 1, 2


def build_segments(m: Mapped, original: str) -> tuple[Segment, ...]:
    """The :class:`~quotecheck.models.Segment` map of ``m`` onto ``original``.

    Runs of identity characters contiguous in ``original`` become one segment;
    characters sharing a repaired range become one segment each stretch. A
    range that would overlap the previous segment (a repair straddling another)
    is clamped so original ranges stay ordered and disjoint.

    In terms of characters (what tests/ingest check against a per-character reference):
    a character is an *identity* character when its range is one character of the
    original holding the same character and neither neighbour's range overlaps it. From
    an identity character a segment runs on while the characters stand for the next
    original characters one by one (the same characters), stopping before a last
    character whose range the next character overlaps; from any other character it runs
    over the following non-identity characters with the same range.

    The work is per run, not per character: each identity run is cut into its first
    character, its inner characters (identity by construction) and its last character,
    and only the cut-off characters and one-character replacements are looked at alone.
    """
    atoms = _atoms(_checked_runs(m, original))
    singles = _identity_singles(atoms, m.text, original)
    rows: list[list[int]] = []  # [canon_start, canon_end, orig_start, orig_end]
    a, count = 0, len(atoms)
    while a < count:
        pos, _, kind, s, e = atoms[a]
        if kind == _BLOCK or (kind == _SINGLE and singles[a]):
            base = s - pos  # character p of the segment stands for original[base + p]
            b = a + 1
            end = e
            while b < count:
                bpos, _, bkind, bs, be = atoms[b]
                if bs != base + bpos:
                    break
                if bkind == _BLOCK or (
                    be == bs + 1 and m.text[bpos] == original[bs] and bkind == _SINGLE
                ):
                    end = be
                    b += 1
                    continue
                break  # a replacement group: its second character breaks the run
            # the last character is not an identity when the next one overlaps its range
            # (atom b - 1 is then one character: an identity run ends in a single atom)
            if b < count and atoms[b][0] - 1 > pos and atoms[b][3] < atoms[b - 1][4]:
                b -= 1
                end = atoms[b - 1][4]
            last = atoms[b - 1]
            rows.append([pos, last[0] + last[1], s, end])
            a = b
            continue
        b = a + 1
        while b < count:
            _, _, bkind, bs, be = atoms[b]
            if bkind == _BLOCK or (bs, be) != (s, e) or (bkind == _SINGLE and singles[b]):
                break
            b += 1
        last = atoms[b - 1]
        rows.append([pos, last[0] + last[1], s, e])
        a = b
    for k in range(1, len(rows)):
        if rows[k][2] < rows[k - 1][3]:
            rows[k][2] = rows[k - 1][3]
            rows[k][3] = max(rows[k][3], rows[k][2])
    return _segments(rows)


_CHUNK = 1 << 16


def _same_text(text: str, at: int, original: str, start: int, length: int) -> bool:
    """``text[at:at + length] == original[start:start + length]``, compared a slice of
    :data:`_CHUNK` characters at a time (no copy of a whole long run)."""
    for k in range(0, length, _CHUNK):
        n = min(_CHUNK, length - k)
        if text[at + k : at + k + n] != original[start + k : start + k + n]:
            return False
    return True


def _checked_runs(m: Mapped, original: str) -> list[Run]:
    """``m.runs``, with any identity run whose text is not ``original``'s (a Mapped made
    from another string) given as one-character replacement runs over the same ranges:
    the same per-character ranges, and each character then compared on its own."""
    runs: list[Run] = []
    pos = 0
    for run in m.runs:
        length, start, _, ident = run
        if ident and not _same_text(m.text, pos, original, start, length):
            runs.extend((1, start + k, start + k + 1, False) for k in range(length))
        else:
            runs.append(run)
        pos += length
    return runs


Atom = tuple[int, int, int, int, int]
"""``(canon_start, length, kind, start, end)``: one character (``_SINGLE``), the inner
characters of an identity run (``_BLOCK``, ``[start, end)`` covering all of them), or
two or more replacement characters sharing ``[start, end)`` (``_GROUP``)."""


def _atoms(runs: list[Run]) -> list[Atom]:
    atoms: list[Atom] = []
    pos = 0
    for length, start, end, ident in runs:
        if ident:
            atoms.append((pos, 1, _SINGLE, start, start + 1))
            if length > 2:
                atoms.append((pos + 1, length - 2, _BLOCK, start + 1, start + length - 1))
            if length > 1:
                atoms.append((pos + length - 1, 1, _SINGLE, start + length - 1, start + length))
        elif length == 1:
            atoms.append((pos, 1, _SINGLE, start, end))
        else:
            atoms.append((pos, length, _GROUP, start, end))
        pos += length
    return atoms


def _identity_singles(atoms: list[Atom], text: str, original: str) -> list[bool]:
    """For each one-character atom, whether its character is an identity character."""
    out = [False] * len(atoms)
    for a, (pos, _, kind, s, e) in enumerate(atoms):
        if kind != _SINGLE or e - s != 1 or original[s] != text[pos]:
            continue
        if a > 0 and atoms[a - 1][4] > s:  # the previous character's end
            continue
        out[a] = not (a + 1 < len(atoms) and atoms[a + 1][3] < e)  # the next one's start
    return out
